import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository, type SelectQueryBuilder } from 'typeorm';
import { MatchAdjudicationEntity, ScreeningChangeEntity, ScreeningEntity } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, paginate, paginateAll, snapshot, type Page, type Principal } from '@lantern/platform';
import { partyKeyOf, ScreeningEngine, ScreeningRecorder, type ScreeningAnswer, type ScreeningMatch, type ScreeningRequest } from '@lantern/screening';
import { containsPattern } from '../common/like-pattern.js';
import type { CreateAdjudicationDto } from './dto/adjudication.dto.js';
import type { CreateScreeningDto } from './dto/create-screening.dto.js';
import type { ListChangesQuery, ListScreeningsQuery } from './dto/list-screenings.query.js';

export type ScreeningResult = ScreeningAnswer & { id: string; screenedAt: string; durationMs: number };

/** A DTO instance as a plain request (no undefined properties, no class prototypes): what is stored as `input`. */
function plainRequest(dto: CreateScreeningDto): ScreeningRequest {
  return JSON.parse(JSON.stringify(dto)) as ScreeningRequest;
}

@Injectable()
export class ScreeningService {
  constructor(
    private readonly engine: ScreeningEngine,
    private readonly recorder: ScreeningRecorder,
    @InjectRepository(ScreeningEntity) private readonly screenings: Repository<ScreeningEntity>,
    @InjectRepository(MatchAdjudicationEntity) private readonly adjudications: Repository<MatchAdjudicationEntity>,
    @InjectRepository(ScreeningChangeEntity) private readonly changes: Repository<ScreeningChangeEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Screen a bid and store the screening (durable before the answer is returned). */
  async screen(principal: Principal, dto: CreateScreeningDto): Promise<ScreeningResult> {
    const t0 = performance.now();
    const createdAt = new Date();
    const input = plainRequest(dto);
    const outcome = await this.engine.screen({ organizationId: principal.organizationId }, input);
    const id = randomUUID();
    const durationMs = Math.round((performance.now() - t0) * 100) / 100;
    const answer: ScreeningResult = { id, screenedAt: createdAt.toISOString(), ...outcome.answer, durationMs };
    await this.recorder.record({
      id,
      organizationId: principal.organizationId,
      apiKeyId: principal.apiKeyId,
      actorRole: principal.role,
      trigger: 'request',
      rescreenOf: null,
      bidderName: input.bidder.name,
      tenderReference: input.tender?.reference ?? null,
      decision: answer.decision,
      ruleId: answer.rule.id,
      matchCount: answer.matches.length,
      input,
      answer,
      partyKeys: outcome.partyKeys,
      dataVersion: outcome.dataVersion,
      durationMs,
      createdAt,
    });
    return answer;
  }

  async findOne(principal: Principal, id: string): Promise<ScreeningEntity> {
    const s = await this.screenings.findOneBy({ id, organizationId: principal.organizationId });
    if (s === null) throw DomainError.notFound('screening', id);
    return s;
  }

  list(principal: Principal, query: ListScreeningsQuery): Promise<Page<ScreeningEntity>> {
    return paginate(this.filtered(principal, query), query);
  }

  listAll(principal: Principal, query: ListScreeningsQuery): AsyncIterable<ScreeningEntity> {
    return paginateAll(this.filtered(principal, query));
  }

  private filtered(principal: Principal, query: ListScreeningsQuery): SelectQueryBuilder<ScreeningEntity> {
    const qb = this.screenings
      .createQueryBuilder('screening')
      .select([
        'screening.id', 'screening.createdAt', 'screening.bidderName', 'screening.tenderReference', 'screening.decision', 'screening.ruleId',
        'screening.matchCount', 'screening.trigger', 'screening.rescreenOf', 'screening.apiKeyId', 'screening.actorRole', 'screening.durationMs',
      ])
      .where('screening.organizationId = :organizationId', { organizationId: principal.organizationId });
    if (query.decision !== undefined) qb.andWhere('screening.decision = :decision', { decision: query.decision });
    if (query.trigger !== undefined) qb.andWhere('screening.trigger = :trigger', { trigger: query.trigger });
    if (query.bidder !== undefined) qb.andWhere('screening.bidderName ILIKE :bidder', { bidder: containsPattern(query.bidder) });
    return qb;
  }

  /** Mark one match of a stored screening as a false positive: the pair is not raised again while the record is unchanged. */
  async adjudicate(principal: Principal, screeningId: string, dto: CreateAdjudicationDto): Promise<MatchAdjudicationEntity> {
    const screening = await this.findOne(principal, screeningId);
    const answer = screening.answer as unknown as ScreeningAnswer;
    const role = dto.partyRole ?? 'bidder';
    const index = dto.partyIndex ?? 0;
    const match: ScreeningMatch | undefined = answer.matches.find((m) => m.record.key === dto.recordKey && m.party.role === role && m.party.index === index);
    if (match === undefined) {
      throw DomainError.validation([{ field: 'recordKey', reason: `is not a match of ${role} #${index} in screening ${screeningId}` }]);
    }
    const partyKey = partyKeyOf(match.party.name);
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(MatchAdjudicationEntity);
      const existing = await repo.findOne({ where: { organizationId: principal.organizationId, partyKey, recordKey: dto.recordKey, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (existing !== null) {
        if (existing.recordContentHash === match.record.contentHash) throw DomainError.conflict(`this pair was already adjudicated (${existing.id})`);
        // The record changed since the earlier adjudication: the new one replaces it.
        const before = snapshot(existing);
        Object.assign(existing, { revokedAt: new Date(), revokedByKeyId: principal.apiKeyId, revokeReason: 'superseded: the record changed and was adjudicated again' });
        await repo.save(existing);
        await AuditTrail.record(em, principal, { action: 'match_adjudication.revoked', subjectType: 'match_adjudication', subjectId: existing.id, before, after: existing });
      }
      const saved = await repo.save(
        repo.create({
          organizationId: principal.organizationId,
          partyKey,
          partyName: match.party.name,
          recordKey: match.record.key,
          recordName: match.record.name,
          recordContentHash: match.record.contentHash,
          verdict: dto.verdict,
          reason: dto.reason,
          screeningId,
          decidedByKeyId: principal.apiKeyId,
          revokedAt: null,
          revokedByKeyId: null,
          revokeReason: null,
        }),
      );
      await AuditTrail.record(em, principal, { action: 'match_adjudication.created', subjectType: 'match_adjudication', subjectId: saved.id, after: saved });
      return saved;
    });
  }

  async revokeAdjudication(principal: Principal, id: string, reason: string): Promise<MatchAdjudicationEntity> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(MatchAdjudicationEntity);
      const a = await repo.findOne({ where: { id, organizationId: principal.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (a === null) throw DomainError.notFound('adjudication', id);
      if (a.revokedAt !== null) throw DomainError.conflict('this adjudication is already revoked');
      const before = snapshot(a);
      Object.assign(a, { revokedAt: new Date(), revokedByKeyId: principal.apiKeyId, revokeReason: reason });
      const saved = await repo.save(a);
      await AuditTrail.record(em, principal, { action: 'match_adjudication.revoked', subjectType: 'match_adjudication', subjectId: a.id, before, after: saved });
      return saved;
    });
  }

  listAdjudications(principal: Principal, query: { limit: number; cursor?: string }): Promise<Page<MatchAdjudicationEntity>> {
    return paginate(this.adjudications.createQueryBuilder('adjudication').where('adjudication.organizationId = :o', { o: principal.organizationId }), query);
  }

  listChanges(principal: Principal, query: ListChangesQuery): Promise<Page<ScreeningChangeEntity>> {
    const qb = this.changes.createQueryBuilder('change').where('change.organizationId = :o', { o: principal.organizationId });
    if (query.open === 'true') qb.andWhere('change.acknowledgedAt IS NULL');
    if (query.open === 'false') qb.andWhere('change.acknowledgedAt IS NOT NULL');
    return paginate(qb, query);
  }

  async acknowledgeChange(principal: Principal, id: string): Promise<ScreeningChangeEntity> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(ScreeningChangeEntity);
      const c = await repo.findOne({ where: { id, organizationId: principal.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (c === null) throw DomainError.notFound('screening change', id);
      if (c.acknowledgedAt !== null) return c;
      const before = snapshot(c);
      Object.assign(c, { acknowledgedAt: new Date(), acknowledgedByKeyId: principal.apiKeyId });
      const saved = await repo.save(c);
      await AuditTrail.record(em, principal, { action: 'screening_change.acknowledged', subjectType: 'screening_change', subjectId: c.id, before, after: saved });
      return saved;
    });
  }
}
