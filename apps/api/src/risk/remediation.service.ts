import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository, type SelectQueryBuilder } from 'typeorm';
import { BlockRecommendationEntity, InterviewEntity, RemediationItemEntity, RemediationRecordEntity } from '@lantern/database';
import { DomainError, tryParseMoneyToMinor, type FieldIssue } from '@lantern/domain';
import { AuditTrail, ScoringProducer, paginate, paginateAll, snapshot, type Page, type Principal, type ScoringJobRef } from '@lantern/platform';
import { OwnedReferences } from '../common/owned-references.js';
import type { CreateRemediationRecordDto, ListRemediationRecordsQuery, VerifyRemediationRecordDto } from './dto/remediation.dto.js';
import type { ListBlockRecommendationsQuery, ListRemediationItemsQuery, ListThresholdOutputsQuery } from './dto/risk.query.js';

/**
 * Remediation records (employer pays: fees repaid, documents returned,
 * sponsorship transferred) and the lists of what thresholds raised. A record
 * changes assessments only once verified, by a different API key than the
 * one that recorded it (four eyes); verifying queues a re-score of the
 * worker's site.
 */
@Injectable()
export class RemediationService {
  private readonly logger = new Logger(RemediationService.name);

  constructor(
    @InjectRepository(RemediationRecordEntity) private readonly records: Repository<RemediationRecordEntity>,
    @InjectRepository(InterviewEntity) private readonly interviews: Repository<InterviewEntity>,
    @InjectRepository(BlockRecommendationEntity) private readonly blocks: Repository<BlockRecommendationEntity>,
    @InjectRepository(RemediationItemEntity) private readonly items: Repository<RemediationItemEntity>,
    private readonly references: OwnedReferences,
    private readonly producer: ScoringProducer,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, dto: CreateRemediationRecordDto): Promise<RemediationRecordEntity> {
    const issues: FieldIssue[] = [];
    const ref = await this.references.issueIfNotOwned(InterviewEntity, principal.organizationId, 'interviewId', dto.interviewId, 'interview');
    if (ref !== null) issues.push(ref);
    let amountMinor: number | null = null;
    let currency: string | null = null;
    if (dto.kind === 'fee_repayment') {
      currency = dto.currency ?? null;
      if (currency === null) issues.push({ field: 'currency', reason: 'is required for a fee repayment' });
      if ((dto.amount === undefined) === (dto.amountMinor === undefined)) {
        issues.push({ field: 'amount', reason: 'give either amount (major units) or amountMinor for a fee repayment' });
      } else if (dto.amountMinor !== undefined) {
        amountMinor = dto.amountMinor;
      } else if (currency !== null) {
        const parsed = tryParseMoneyToMinor(dto.amount!, currency);
        if (parsed.ok && parsed.value > 0) amountMinor = parsed.value;
        else issues.push({ field: parsed.ok ? 'amount' : parsed.on, reason: parsed.ok ? 'must be more than 0' : parsed.reason });
      }
    } else if (dto.amount !== undefined || dto.amountMinor !== undefined || dto.currency !== undefined) {
      issues.push({ field: 'amount', reason: `only a fee repayment has an amount (this is a ${dto.kind})` });
    }
    if (issues.length > 0) throw DomainError.validation(issues);
    const record = this.records.create({
        organizationId: principal.organizationId,
        interviewId: dto.interviewId,
        kind: dto.kind,
        amountMinor,
        currency,
        occurredOn: dto.occurredOn,
        evidence: dto.evidence ?? [],
        note: dto.note ?? null,
        recordedByKeyId: principal.apiKeyId,
        verified: false,
        verifiedAt: null,
        verifiedByKeyId: null,
        verificationNote: null,
      });
    return this.dataSource.transaction(async (em) => {
      const saved = await em.save(record);
      await AuditTrail.record(em, principal, { action: 'remediation_record.created', subjectType: 'remediation_record', subjectId: saved.id, after: saved });
      return saved;
    });
  }

  async findOne(principal: Principal, id: string): Promise<RemediationRecordEntity> {
    const record = await this.records.findOneBy({ id, organizationId: principal.organizationId });
    if (record === null) throw DomainError.notFound('remediation record', id);
    return record;
  }

  /** Verify a record (four eyes), then queue a re-score of the worker's site. */
  async verify(principal: Principal, id: string, dto: VerifyRemediationRecordDto): Promise<{ record: RemediationRecordEntity; rescore: ScoringJobRef | null }> {
    const saved = await this.dataSource.transaction(async (em) => {
      const record = await em.findOne(RemediationRecordEntity, { where: { id, organizationId: principal.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (record === null) throw DomainError.notFound('remediation record', id);
      if (record.verified) throw DomainError.conflict(`remediation record ${id} is already verified`);
      if (record.recordedByKeyId !== null && record.recordedByKeyId === principal.apiKeyId) {
        throw DomainError.conflict('a remediation record must be verified with a different API key than the one that recorded it (four eyes)');
      }
      const before = snapshot(record);
      Object.assign(record, { verified: true, verifiedAt: new Date(), verifiedByKeyId: principal.apiKeyId, verificationNote: dto.note ?? null });
      const result = await em.save(record);
      await AuditTrail.record(em, principal, { action: 'remediation_record.verified', subjectType: 'remediation_record', subjectId: id, before, after: result });
      return result;
    });
    const record = saved;
    const interview = await this.interviews.findOneBy({ id: record.interviewId, organizationId: principal.organizationId });
    let rescore: ScoringJobRef | null = null;
    if (interview !== null) {
      try {
        rescore = await this.producer.enqueue(principal.organizationId, { siteIds: [interview.siteId], reason: 'remediation' });
      } catch (err) {
        // The site stays marked in scoring_pending_sites: the next scoring job of the organisation picks it up.
        this.logger.warn(`could not queue the re-score after verifying ${id}: ${(err as Error).message}`);
      }
    }
    return { record: saved, rescore };
  }

  list(principal: Principal, q: ListRemediationRecordsQuery): Promise<Page<RemediationRecordEntity>> {
    return paginate(this.filteredRecords(principal, q), q);
  }

  listAll(principal: Principal, q: ListRemediationRecordsQuery): AsyncIterable<RemediationRecordEntity> {
    return paginateAll(this.filteredRecords(principal, q));
  }

  listBlocks(principal: Principal, q: ListBlockRecommendationsQuery): Promise<Page<BlockRecommendationEntity>> {
    return paginate(this.filteredBlocks(principal, q), q);
  }

  listAllBlocks(principal: Principal, q: ListBlockRecommendationsQuery): AsyncIterable<BlockRecommendationEntity> {
    return paginateAll(this.filteredBlocks(principal, q));
  }

  listItems(principal: Principal, q: ListRemediationItemsQuery): Promise<Page<RemediationItemEntity>> {
    return paginate(this.filteredItems(principal, q), q);
  }

  listAllItems(principal: Principal, q: ListRemediationItemsQuery): AsyncIterable<RemediationItemEntity> {
    return paginateAll(this.filteredItems(principal, q));
  }

  private filteredRecords(principal: Principal, q: ListRemediationRecordsQuery): SelectQueryBuilder<RemediationRecordEntity> {
    const qb = this.records.createQueryBuilder('r').where('r.organizationId = :org', { org: principal.organizationId });
    if (q.interviewId !== undefined) qb.andWhere('r.interviewId = :interviewId', { interviewId: q.interviewId });
    if (q.kind !== undefined) qb.andWhere('r.kind = :kind', { kind: q.kind });
    if (q.verified !== undefined) qb.andWhere('r.verified = :verified', { verified: q.verified });
    return qb;
  }

  private scoped<E extends BlockRecommendationEntity | RemediationItemEntity>(qb: SelectQueryBuilder<E>, principal: Principal, q: ListThresholdOutputsQuery): SelectQueryBuilder<E> {
    qb.where('x.organizationId = :org', { org: principal.organizationId });
    if (q.subjectType !== undefined) qb.andWhere('x.subjectType = :subjectType', { subjectType: q.subjectType });
    if (q.subjectId !== undefined) qb.andWhere('x.subjectId = :subjectId', { subjectId: q.subjectId });
    if (q.current) {
      qb.andWhere('x.assessment_id IN (SELECT c.assessment_id FROM current_assessments c WHERE c.organization_id = :org)');
    }
    return qb;
  }

  private filteredBlocks(principal: Principal, q: ListBlockRecommendationsQuery): SelectQueryBuilder<BlockRecommendationEntity> {
    const qb = this.scoped(this.blocks.createQueryBuilder('x'), principal, q);
    if (q.severity !== undefined) qb.andWhere('x.severity = :severity', { severity: q.severity });
    return qb;
  }

  private filteredItems(principal: Principal, q: ListRemediationItemsQuery): SelectQueryBuilder<RemediationItemEntity> {
    const qb = this.scoped(this.items.createQueryBuilder('x'), principal, q);
    if (q.kind !== undefined) qb.andWhere('x.kind = :kind', { kind: q.kind });
    return qb;
  }
}
