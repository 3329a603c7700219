import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import { BlockAppealEntity, BlockEntity, BlockSelfCleaningEntity, BlockTransitionEntity, type BlockStatusValue } from '@lantern/database';
import { DomainError, type FieldIssue } from '@lantern/domain';
import { AuditTrail, paginate, paginateAll, snapshot, type AuditSql, type Page, type Principal } from '@lantern/platform';
import { blockExpiredAuditChange, blockExpiredSummary, blockPeriod, dayOf, expireDueBlocks, LEGAL_GROUNDS, selfCleaningAllowed, ScreeningEngine, type ExpiryScope, type Identifier, type LegalGround } from '@lantern/screening';
import { RescreeningProducer } from '../screening/screening-core.module.js';
import type {
  ActivateBlockDto,
  AmendPeriodDto,
  AppealDecisionDto,
  AppealDto,
  DecisionDto,
  EvidenceDto,
  ListBlocksQuery,
  ProposeBlockDto,
  ReviewSelfCleaningDto,
  SelfCleaningDto,
} from './dto/block.dto.js';

/** Who may propose, decide and publish blocks. */
export const BLOCK_WRITERS = ['admin', 'compliance', 'procurement'] as const;

/** Organisation kinds that may publish a block to their jurisdiction (and see the published blocks of others there). */
const PUBLISHERS = new Set(['procurement_authority', 'regulator']);

/** Allowed lifecycle moves: action -> from states -> to state. */
const MOVES = {
  activate: { from: ['proposed'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  lift: { from: ['proposed', 'active', 'suspended'], to: 'lifted' },
} as const satisfies Record<string, { from: readonly BlockStatusValue[]; to: BlockStatusValue }>;
export type BlockMove = keyof typeof MOVES;

interface Subject {
  name: string;
  aliases: string[];
  identifiers: Identifier[];
  country: string | null;
  supplierId: string | null;
}

export interface BlockDetail {
  block: BlockEntity;
  transitions: BlockTransitionEntity[];
  selfCleaning: BlockSelfCleaningEntity[];
  appeals: BlockAppealEntity[];
}

@Injectable()
export class BlocksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(BlockEntity) private readonly blocks: Repository<BlockEntity>,
    private readonly engine: ScreeningEngine,
    private readonly rescreening: RescreeningProducer,
  ) {}

  today(): string {
    return dayOf(new Date());
  }

  private async organization(organizationId: string): Promise<{ kind: string; jurisdiction: string }> {
    const rows: { kind: string; jurisdiction: string }[] = await this.dataSource.query('SELECT kind, jurisdiction FROM organizations WHERE id = $1', [organizationId]);
    if (rows.length === 0) throw DomainError.notFound('organization', organizationId);
    return rows[0]!;
  }

  /**
   * Record `expire` for active or suspended blocks whose period has ended
   * (the screening engine already treats them as expired from their dates;
   * this writes the transition and re-screens what the blocks touched).
   * Cheap and idempotent: run before reads. The worker runs the same hourly.
   */
  async expireDue(scope: ExpiryScope = {}): Promise<number> {
    const expired = await this.dataSource.transaction((em) =>
      expireDueBlocks(em, this.today(), scope, (b) => AuditTrail.recordSystem(em as unknown as AuditSql, b.organizationId, blockExpiredAuditChange(b))),
    );
    for (const b of expired) {
      this.engine.invalidate(); // a published block is in other organisations' contexts too
      await this.rescreening.enqueue({ kind: 'block', id: b.id, summary: blockExpiredSummary(b) }, 'expired');
    }
    return expired.length;
  }

  private visible(principal: Principal, jurisdiction: string): SelectQueryBuilder<BlockEntity> {
    const qb = this.blocks.createQueryBuilder('block');
    if (PUBLISHERS.has(principal.organizationKind)) {
      qb.where('(block.organizationId = :org OR (block.publishedAt IS NOT NULL AND block.jurisdiction = :jurisdiction))', { org: principal.organizationId, jurisdiction });
    } else {
      qb.where('block.organizationId = :org', { org: principal.organizationId });
    }
    return qb;
  }

  async findVisible(principal: Principal, id: string): Promise<BlockEntity> {
    const org = await this.organization(principal.organizationId);
    await this.expireDue({ organizationId: principal.organizationId, jurisdiction: org.jurisdiction });
    const block = await this.visible(principal, org.jurisdiction).andWhere('block.id = :id', { id }).getOne();
    if (block === null) throw DomainError.notFound('block', id);
    return block;
  }

  async detail(principal: Principal, id: string): Promise<BlockDetail> {
    const block = await this.findVisible(principal, id);
    const own = block.organizationId === principal.organizationId;
    const [transitions, selfCleaning, appeals] = await Promise.all([
      this.dataSource.getRepository(BlockTransitionEntity).find({ where: { blockId: id }, order: { id: 'ASC' } }),
      own ? this.dataSource.getRepository(BlockSelfCleaningEntity).find({ where: { blockId: id }, order: { createdAt: 'ASC' } }) : Promise.resolve([]),
      own ? this.dataSource.getRepository(BlockAppealEntity).find({ where: { blockId: id }, order: { createdAt: 'ASC' } }) : Promise.resolve([]),
    ]);
    return { block, transitions, selfCleaning, appeals };
  }

  async list(principal: Principal, query: ListBlocksQuery): Promise<Page<BlockEntity>> {
    return paginate(await this.filtered(principal, query), query);
  }

  async *listAll(principal: Principal, query: ListBlocksQuery): AsyncGenerator<BlockEntity> {
    yield* paginateAll(await this.filtered(principal, query));
  }

  private async filtered(principal: Principal, query: ListBlocksQuery): Promise<SelectQueryBuilder<BlockEntity>> {
    const org = await this.organization(principal.organizationId);
    await this.expireDue({ organizationId: principal.organizationId, jurisdiction: org.jurisdiction });
    const qb = this.visible(principal, org.jurisdiction);
    if (query.status !== undefined) qb.andWhere('block.status = :status', { status: query.status });
    if (query.owner === 'mine') qb.andWhere('block.organizationId = :org', { org: principal.organizationId });
    if (query.owner === 'published') qb.andWhere('block.organizationId <> :org AND block.publishedAt IS NOT NULL', { org: principal.organizationId });
    if (query.supplierId !== undefined) qb.andWhere('block.supplierId = :supplierId AND block.organizationId = :org', { supplierId: query.supplierId, org: principal.organizationId });
    return qb;
  }

  /** A block of the caller's own organisation (writes never touch another tenant's; theirs answer 404). */
  private async own(em: EntityManager, principal: Principal, id: string, lock = true): Promise<BlockEntity> {
    const qb = em.getRepository(BlockEntity).createQueryBuilder('block').where('block.id = :id AND block.organizationId = :org', { id, org: principal.organizationId });
    if (lock) qb.setLock('pessimistic_write');
    const block = await qb.getOne();
    if (block === null) throw DomainError.notFound('block', id);
    return block;
  }

  private async transition(
    em: EntityManager,
    principal: Principal,
    block: BlockEntity,
    action: string,
    to: BlockStatusValue,
    decision: { decisionMaker: string | null; reason: string },
    details: Record<string, unknown> = {},
    before: BlockEntity = snapshot(block),
  ): Promise<BlockTransitionEntity> {
    const from = before.status;
    block.status = to;
    await em.save(block);
    await AuditTrail.record(em, principal, { action: `block.${action}`, subjectType: 'block', subjectId: block.id, before, after: block });
    return em.save(
      em.create(BlockTransitionEntity, {
        blockId: block.id,
        action,
        fromStatus: from,
        toStatus: to,
        decisionMaker: decision.decisionMaker,
        reason: decision.reason,
        details,
        actorKeyId: principal.apiKeyId,
      }),
    );
  }

  /** After a committed change: screening contexts re-read, earlier screenings and suppliers re-checked. */
  private async changed(block: BlockEntity, transition: BlockTransitionEntity): Promise<void> {
    if (block.publishedAt !== null) this.engine.invalidate();
    else this.engine.invalidate(block.organizationId);
    await this.rescreening.enqueue(
      { kind: 'block', id: block.id, summary: `Block of "${block.subjectName}" (${block.legalGround}): ${transition.action} -> ${transition.toStatus}` },
      transition.id,
    );
  }

  private async subjectOf(em: EntityManager, principal: Principal, dto: ProposeBlockDto): Promise<{ subject: Subject; evidence: EvidenceDto[] }> {
    const evidence = [...dto.evidence];
    let subject: Subject | null = null;
    let supplierId = dto.supplierId ?? null;
    if (dto.recommendationId !== undefined) {
      const recs: { subject_type: string; subject_id: string; assessment_id: string; reason: string; evidence_ids: string[] }[] = await em.query(
        'SELECT subject_type, subject_id, assessment_id, reason, evidence_ids FROM block_recommendations WHERE id = $1 AND organization_id = $2',
        [dto.recommendationId, principal.organizationId],
      );
      const rec = recs[0];
      if (rec === undefined) throw DomainError.validation([{ field: 'recommendationId', reason: "does not reference one of your organisation's block recommendations" }]);
      if (rec.subject_type !== 'supplier' && rec.subject_type !== 'recruiter') {
        throw DomainError.validation([{ field: 'recommendationId', reason: `recommends a block of a ${rec.subject_type}: block its supplier (supplierId) instead` }]);
      }
      if (rec.subject_type === 'supplier') supplierId ??= rec.subject_id;
      else {
        const rows: { name: string; country: string; licence_number: string | null }[] = await em.query(
          'SELECT name, country, licence_number FROM recruiters WHERE id = $1 AND organization_id = $2',
          [rec.subject_id, principal.organizationId],
        );
        if (rows[0]) subject = { name: rows[0].name, aliases: [], identifiers: rows[0].licence_number ? [{ scheme: 'other', value: rows[0].licence_number, country: rows[0].country }] : [], country: rows[0].country, supplierId: null };
      }
      evidence.unshift({ kind: 'assessment', id: rec.assessment_id, description: `Block recommendation: ${rec.reason}` });
    }
    if (supplierId !== null) {
      const rows: { name: string; country: string; lei: string | null; duns: string | null; tax_id: string | null }[] = await em.query(
        'SELECT name, country, lei, duns, tax_id FROM suppliers WHERE id = $1 AND organization_id = $2',
        [supplierId, principal.organizationId],
      );
      const s = rows[0];
      if (s === undefined) throw DomainError.validation([{ field: 'supplierId', reason: "does not reference one of your organisation's suppliers" }]);
      const identifiers: Identifier[] = [];
      if (s.lei) identifiers.push({ scheme: 'lei', value: s.lei });
      if (s.duns) identifiers.push({ scheme: 'duns', value: s.duns });
      if (s.tax_id) identifiers.push({ scheme: 'tax', value: s.tax_id, country: s.country });
      subject = { name: s.name, aliases: [], identifiers, country: s.country, supplierId };
    }
    if (dto.subject !== undefined) {
      subject = {
        name: dto.subject.name,
        aliases: [...new Set([...(subject && subject.name !== dto.subject.name ? [subject.name] : []), ...(dto.subject.aliases ?? [])])],
        identifiers: [...(subject?.identifiers ?? []), ...(dto.subject.identifiers ?? []).map((i) => ({ scheme: i.scheme, value: i.value, country: i.country ?? null }))],
        country: dto.subject.country ?? subject?.country ?? null,
        supplierId,
      };
    }
    if (subject === null) throw DomainError.validation([{ field: 'subject', reason: 'give a subject, a supplierId or a recommendationId' }]);
    return { subject, evidence };
  }

  private async checkEvidence(em: EntityManager, principal: Principal, evidence: readonly EvidenceDto[], field = 'evidence'): Promise<void> {
    const issues: FieldIssue[] = [];
    const tables: Partial<Record<EvidenceDto['kind'], string>> = { assessment: 'assessments', finding: 'findings', audit: 'audits' };
    for (const [i, e] of evidence.entries()) {
      const table = tables[e.kind];
      if (table === undefined || e.id === undefined) continue;
      const rows: unknown[] = await em.query(`SELECT 1 FROM ${table} WHERE id = $1 AND organization_id = $2`, [e.id, principal.organizationId]);
      if (rows.length === 0) issues.push({ field: `${field}[${i}].id`, reason: `does not reference one of your organisation's ${table}` });
    }
    if (issues.length > 0) throw DomainError.validation(issues);
  }

  async propose(principal: Principal, dto: ProposeBlockDto): Promise<BlockEntity> {
    const org = await this.organization(principal.organizationId);
    const scope = dto.scope ?? 'organization';
    if (scope === 'jurisdiction' && !PUBLISHERS.has(org.kind)) {
      throw DomainError.validation([{ field: 'scope', reason: 'only procurement authorities and regulators block for a whole jurisdiction' }]);
    }
    const period = blockPeriod({ ground: dto.legalGround, startsOn: dto.startsOn, endsOn: dto.endsOn, anchorDate: dto.anchorDate, judgmentPeriodEndsOn: dto.judgmentPeriodEndsOn, today: this.today() });
    if (!period.ok) throw DomainError.validation(period.issues);
    const { block, transition } = await this.dataSource.transaction(async (em) => {
      const { subject, evidence } = await this.subjectOf(em, principal, dto);
      await this.checkEvidence(em, principal, evidence);
      if (dto.recommendationId !== undefined) {
        const taken: { id: string }[] = await em.query('SELECT id FROM blocks WHERE recommendation_id = $1', [dto.recommendationId]);
        if (taken.length > 0) throw DomainError.conflict(`block ${taken[0]!.id} already acts on this recommendation`);
      }
      const block = await em.save(
        em.create(BlockEntity, {
          organizationId: principal.organizationId,
          supplierId: subject.supplierId,
          recommendationId: dto.recommendationId ?? null,
          subjectName: subject.name,
          subjectAliases: subject.aliases,
          subjectIdentifiers: subject.identifiers,
          subjectCountry: subject.country,
          scope,
          jurisdiction: org.jurisdiction,
          legalGround: dto.legalGround,
          status: 'proposed',
          anchorDate: period.period.anchorDate,
          judgmentPeriodEndsOn: dto.judgmentPeriodEndsOn ?? null,
          startsOn: period.period.startsOn,
          endsOn: period.period.endsOn,
          maxEndsOn: period.period.maxEndsOn,
          evidence: evidence.map((e) => ({ kind: e.kind, id: e.id ?? null, url: e.url ?? null, description: e.description ?? null })),
          decisionMaker: dto.decisionMaker,
          reason: dto.reason,
          publishedAt: null,
          createdByKeyId: principal.apiKeyId,
        }),
      );
      await AuditTrail.record(em, principal, { action: 'block.propose', subjectType: 'block', subjectId: block.id, after: block });
      const transition = await em.save(
        em.create(BlockTransitionEntity, {
          blockId: block.id,
          action: 'propose',
          fromStatus: null,
          toStatus: 'proposed',
          decisionMaker: dto.decisionMaker,
          reason: dto.reason,
          details: { legalGround: dto.legalGround, startsOn: block.startsOn, endsOn: block.endsOn, maxEndsOn: block.maxEndsOn, courtImposed: period.period.courtImposed },
          actorKeyId: principal.apiKeyId,
        }),
      );
      return { block, transition };
    });
    await this.changed(block, transition);
    return block;
  }

  async move(principal: Principal, id: string, action: BlockMove, dto: DecisionDto & Partial<Pick<ActivateBlockDto, 'startsOn' | 'endsOn'>>): Promise<BlockEntity> {
    const move = MOVES[action];
    const { block, transition } = await this.dataSource.transaction(async (em) => {
      const block = await this.own(em, principal, id);
      const before = snapshot(block);
      if (!(move.from as readonly string[]).includes(block.status)) {
        throw DomainError.conflict(`cannot ${action} a block that is ${block.status} (allowed from: ${move.from.join(', ')})`);
      }
      const details: Record<string, unknown> = {};
      if (action === 'activate' && (dto.startsOn !== undefined || dto.endsOn !== undefined)) {
        const period = blockPeriod({
          ground: block.legalGround as LegalGround,
          startsOn: dto.startsOn ?? block.startsOn,
          endsOn: dto.endsOn ?? (dto.startsOn !== undefined ? undefined : block.endsOn),
          anchorDate: LEGAL_GROUNDS[block.legalGround as LegalGround].anchor === 'decision' ? undefined : block.anchorDate,
          judgmentPeriodEndsOn: block.judgmentPeriodEndsOn,
          today: this.today(),
        });
        if (!period.ok) throw DomainError.validation(period.issues);
        Object.assign(block, { startsOn: period.period.startsOn, endsOn: period.period.endsOn, maxEndsOn: period.period.maxEndsOn, anchorDate: period.period.anchorDate });
        Object.assign(details, { startsOn: block.startsOn, endsOn: block.endsOn });
      }
      if (action === 'activate' && block.endsOn < this.today()) throw DomainError.conflict(`the block's period ended on ${block.endsOn}: propose a new period`);
      if (action === 'lift') details.liftedOn = this.today();
      const transition = await this.transition(em, principal, block, action, move.to, dto, details, before);
      return { block, transition };
    });
    await this.changed(block, transition);
    return block;
  }

  async amendPeriod(principal: Principal, id: string, dto: AmendPeriodDto): Promise<BlockEntity> {
    const { block, transition } = await this.dataSource.transaction(async (em) => {
      const block = await this.own(em, principal, id);
      if (block.status === 'lifted' || block.status === 'expired') throw DomainError.conflict(`cannot amend a block that is ${block.status}`);
      const before = snapshot(block);
      const ground = LEGAL_GROUNDS[block.legalGround as LegalGround];
      const period = blockPeriod({
        ground: block.legalGround as LegalGround,
        startsOn: block.startsOn,
        endsOn: dto.endsOn,
        anchorDate: ground.anchor === 'decision' ? undefined : block.anchorDate,
        judgmentPeriodEndsOn: block.judgmentPeriodEndsOn,
        today: this.today(),
      });
      if (!period.ok) throw DomainError.validation(period.issues);
      const previous = block.endsOn;
      block.endsOn = period.period.endsOn;
      const transition = await this.transition(em, principal, block, 'amend_period', block.status, dto, { previousEndsOn: previous, endsOn: block.endsOn, maxEndsOn: block.maxEndsOn }, before);
      return { block, transition };
    });
    await this.changed(block, transition);
    return block;
  }

  async publish(principal: Principal, id: string, dto: DecisionDto, publish: boolean): Promise<BlockEntity> {
    const { block, transition } = await this.dataSource.transaction(async (em) => {
      const block = await this.own(em, principal, id);
      const before = snapshot(block);
      if (publish) {
        if (block.scope !== 'jurisdiction') throw DomainError.conflict('only a jurisdiction-scope block can be published');
        if (!PUBLISHERS.has(principal.organizationKind)) throw DomainError.forbidden('only procurement authorities and regulators publish blocks');
        if (block.publishedAt !== null) throw DomainError.conflict('the block is already published');
        block.publishedAt = new Date();
      } else {
        if (block.publishedAt === null) throw DomainError.conflict('the block is not published');
        block.publishedAt = null;
      }
      const transition = await this.transition(em, principal, block, publish ? 'publish' : 'unpublish', block.status, dto, { jurisdiction: block.jurisdiction }, before);
      return { block, transition };
    });
    // Re-check both the audience that gains it and the one that loses it.
    this.engine.invalidate();
    await this.rescreening.enqueue({ kind: 'block', id: block.id, summary: `Block of "${block.subjectName}" ${publish ? 'published in' : 'withdrawn from'} ${block.jurisdiction}` }, transition.id);
    return block;
  }

  async submitSelfCleaning(principal: Principal, id: string, dto: SelfCleaningDto): Promise<BlockSelfCleaningEntity> {
    return this.dataSource.transaction(async (em) => {
      const block = await this.own(em, principal, id);
      if (block.status === 'lifted' || block.status === 'expired') throw DomainError.conflict(`the block is ${block.status}: there is nothing to lift`);
      const allowed = selfCleaningAllowed({ ground: block.legalGround as LegalGround, judgmentPeriodEndsOn: block.judgmentPeriodEndsOn }, this.today());
      if (!allowed.allowed) throw DomainError.conflict(allowed.reason);
      if (dto.evidence !== undefined) await this.checkEvidence(em, principal, dto.evidence, 'evidence');
      const submission = await em.save(
        em.create(BlockSelfCleaningEntity, {
          blockId: block.id,
          submittedOn: dto.submittedOn,
          compensation: dto.compensation ?? null,
          cooperation: dto.cooperation ?? null,
          measures: dto.measures,
          evidence: (dto.evidence ?? []).map((e) => ({ kind: e.kind, id: e.id ?? null, url: e.url ?? null, description: e.description ?? null })),
          status: 'submitted',
          decisionMaker: null,
          statementOfReasons: null,
          reviewedAt: null,
          submittedByKeyId: principal.apiKeyId,
          reviewedByKeyId: null,
        }),
      );
      await AuditTrail.record(em, principal, { action: 'block.self_cleaning_submitted', subjectType: 'block_self_cleaning', subjectId: submission.id, after: submission });
      await em.save(
        em.create(BlockTransitionEntity, {
          blockId: block.id,
          action: 'self_cleaning_submitted',
          fromStatus: block.status,
          toStatus: block.status,
          decisionMaker: null,
          reason: `Self-cleaning evidence submitted on ${dto.submittedOn}`,
          details: { selfCleaningId: submission.id, basis: allowed.reason },
          actorKeyId: principal.apiKeyId,
        }),
      );
      return submission;
    });
  }

  async reviewSelfCleaning(principal: Principal, id: string, submissionId: string, dto: ReviewSelfCleaningDto): Promise<{ block: BlockEntity; submission: BlockSelfCleaningEntity }> {
    const result = await this.dataSource.transaction(async (em) => {
      const block = await this.own(em, principal, id);
      const submission = await em.findOneBy(BlockSelfCleaningEntity, { id: submissionId, blockId: block.id });
      if (submission === null) throw DomainError.notFound('self-cleaning submission', submissionId);
      if (submission.status !== 'submitted') throw DomainError.conflict(`the submission was already ${submission.status}`);
      const lift = dto.decision === 'accepted' && (dto.liftBlock ?? true);
      if (lift) {
        // Checked again at decision time: a court-imposed period may not be cut short by self-cleaning.
        const allowed = selfCleaningAllowed({ ground: block.legalGround as LegalGround, judgmentPeriodEndsOn: block.judgmentPeriodEndsOn }, this.today());
        if (!allowed.allowed) throw DomainError.conflict(allowed.reason);
        if (!(MOVES.lift.from as readonly string[]).includes(block.status)) throw DomainError.conflict(`the block is ${block.status}`);
      }
      const submissionBefore = snapshot(submission);
      Object.assign(submission, { status: dto.decision, decisionMaker: dto.decisionMaker, statementOfReasons: dto.statementOfReasons, reviewedAt: new Date(), reviewedByKeyId: principal.apiKeyId });
      await em.save(submission);
      await AuditTrail.record(em, principal, { action: 'block_self_cleaning.reviewed', subjectType: 'block_self_cleaning', subjectId: submission.id, before: submissionBefore, after: submission });
      const decision = { decisionMaker: dto.decisionMaker, reason: dto.statementOfReasons };
      const transition = lift
        ? await this.transition(em, principal, block, 'self_cleaning_accepted', 'lifted', decision, { selfCleaningId: submission.id, liftedOn: this.today() })
        : await this.transition(em, principal, block, dto.decision === 'accepted' ? 'self_cleaning_accepted' : 'self_cleaning_rejected', block.status, decision, { selfCleaningId: submission.id });
      return { block, submission, transition };
    });
    if (result.transition.toStatus !== result.transition.fromStatus) await this.changed(result.block, result.transition);
    return { block: result.block, submission: result.submission };
  }

  async fileAppeal(principal: Principal, id: string, dto: AppealDto): Promise<BlockAppealEntity> {
    return this.dataSource.transaction(async (em) => {
      const block = await this.own(em, principal, id);
      const appeal = await em.save(
        em.create(BlockAppealEntity, {
          blockId: block.id,
          filedOn: dto.filedOn,
          appellant: dto.appellant,
          forum: dto.forum ?? null,
          grounds: dto.grounds,
          status: 'filed',
          decidedOn: null,
          decisionMaker: null,
          outcome: null,
          recordedByKeyId: principal.apiKeyId,
        }),
      );
      await AuditTrail.record(em, principal, { action: 'block_appeal.filed', subjectType: 'block_appeal', subjectId: appeal.id, after: appeal });
      await em.save(
        em.create(BlockTransitionEntity, {
          blockId: block.id,
          action: 'appeal_filed',
          fromStatus: block.status,
          toStatus: block.status,
          decisionMaker: null,
          reason: `Appeal filed on ${dto.filedOn} by ${dto.appellant}`,
          details: { appealId: appeal.id, forum: dto.forum ?? null },
          actorKeyId: principal.apiKeyId,
        }),
      );
      return appeal;
    });
  }

  async decideAppeal(principal: Principal, id: string, appealId: string, dto: AppealDecisionDto): Promise<{ block: BlockEntity; appeal: BlockAppealEntity }> {
    const result = await this.dataSource.transaction(async (em) => {
      const block = await this.own(em, principal, id);
      const appeal = await em.findOneBy(BlockAppealEntity, { id: appealId, blockId: block.id });
      if (appeal === null) throw DomainError.notFound('appeal', appealId);
      if (appeal.status !== 'filed') throw DomainError.conflict(`the appeal was already ${appeal.status}`);
      const appealBefore = snapshot(appeal);
      Object.assign(appeal, { status: dto.status, decidedOn: dto.decidedOn, decisionMaker: dto.decisionMaker, outcome: dto.outcome });
      await em.save(appeal);
      await AuditTrail.record(em, principal, { action: 'block_appeal.decided', subjectType: 'block_appeal', subjectId: appeal.id, before: appealBefore, after: appeal });
      const upheld = dto.status === 'upheld' && (MOVES.lift.from as readonly string[]).includes(block.status);
      const transition = await this.transition(em, principal, block, `appeal_${dto.status}`, upheld ? 'lifted' : block.status, { decisionMaker: dto.decisionMaker, reason: dto.outcome }, { appealId: appeal.id, decidedOn: dto.decidedOn });
      return { block, appeal, transition };
    });
    if (result.transition.toStatus !== result.transition.fromStatus) await this.changed(result.block, result.transition);
    return { block: result.block, appeal: result.appeal };
  }
}
