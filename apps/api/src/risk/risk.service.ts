import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Not, type Repository, type SelectQueryBuilder } from 'typeorm';
import {
  AssessmentEntity,
  BlockRecommendationEntity,
  CurrentAssessmentEntity,
  RecruiterEntity,
  RemediationItemEntity,
  SiteEntity,
  SupplierEntity,
} from '@lantern/database';
import { DomainError } from '@lantern/domain';
import {
  MAX_PAGE_LIMIT,
  asOfDate,
  loadExchangeRateTable,
  loadInterviewFacts,
  loadScoringSettings,
  queryFnOf,
  type Page,
  type Principal,
  type QueryFn,
} from '@lantern/platform';
import { METHODOLOGY_VERSION, RULES, assessWorker, citation, evaluateThresholds } from '@lantern/scoring';
import type { GroupSubjectType, ListRiskQuery, SubjectRiskQuery } from './dto/risk.query.js';
import {
  BlockRecommendationResponse,
  RemediationItemResponse,
  assessmentResponse,
  type AssessmentResponse,
  type InterviewRiskResponse,
  type SubjectRiskResponse,
} from './dto/risk.response.js';

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keyset of GET /risk: (overall DESC, subject_type, subject_id). */
interface RiskCursor {
  overall: number;
  subjectType: string;
  subjectId: string;
}

function encodeRiskCursor(c: RiskCursor): string {
  return Buffer.from(JSON.stringify([c.overall, c.subjectType, c.subjectId]), 'utf8').toString('base64url');
}

function decodeRiskCursor(cursor: string): RiskCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === 3 && typeof decoded[0] === 'number' && typeof decoded[1] === 'string' && UUID.test(String(decoded[2]))) {
    return { overall: decoded[0], subjectType: decoded[1], subjectId: String(decoded[2]) };
  }
  throw DomainError.validation([{ field: 'cursor', reason: 'is not a cursor returned by this list' }]);
}

/**
 * Reads assessments (the history is append-only; `current_assessments` points
 * at the newest one of each subject) and computes worker-level assessments on
 * demand. Everything is scoped to the caller's organisation: another tenant's
 * subject is "not found".
 */
@Injectable()
export class RiskService {
  private readonly query: QueryFn;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @InjectRepository(AssessmentEntity) private readonly assessments: Repository<AssessmentEntity>,
    @InjectRepository(CurrentAssessmentEntity) private readonly current: Repository<CurrentAssessmentEntity>,
    @InjectRepository(BlockRecommendationEntity) private readonly blocks: Repository<BlockRecommendationEntity>,
    @InjectRepository(RemediationItemEntity) private readonly items: Repository<RemediationItemEntity>,
    @InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>,
    @InjectRepository(SupplierEntity) private readonly suppliers: Repository<SupplierEntity>,
    @InjectRepository(RecruiterEntity) private readonly recruiters: Repository<RecruiterEntity>,
  ) {
    this.query = queryFnOf(dataSource);
  }

  async subjectRisk(principal: Principal, type: GroupSubjectType, id: string, q: SubjectRiskQuery): Promise<SubjectRiskResponse> {
    const organizationId = principal.organizationId;
    const subject = await this.subject(organizationId, type, id);
    const pointer = await this.current.findOneBy({ organizationId, subjectType: type, subjectId: id });
    if (pointer === null) throw DomainError.notFound(`assessment of ${type}`, `${id} (not scored yet: POST /api/v1/scoring/rescore)`);
    const current = await this.assessments.findOneByOrFail({ id: pointer.assessmentId, organizationId });
    const response: SubjectRiskResponse = { subject, current: await this.withOutputs(current) };
    if (q.history) {
      const earlier = await this.assessments.find({
        where: { organizationId, subjectType: type, subjectId: id, id: Not(current.id) },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: q.limit,
      });
      response.history = earlier.map((a) => this.present(a));
    }
    return response;
  }

  /** Current assessments, riskiest first. */
  async list(principal: Principal, q: ListRiskQuery): Promise<Page<CurrentAssessmentEntity>> {
    const qb = this.filtered(principal, q).take(q.limit + 1);
    if (q.cursor !== undefined) {
      const after = decodeRiskCursor(q.cursor);
      qb.andWhere(
        `(c.overall < :co OR (c.overall = :co AND (c.subject_type, c.subject_id) > (CAST(:ct AS text), CAST(:ci AS uuid))))`,
        { co: after.overall, ct: after.subjectType, ci: after.subjectId },
      );
    }
    const rows = await qb.getMany();
    const data = rows.slice(0, q.limit);
    const last = data.at(-1);
    return {
      data,
      nextCursor: rows.length > q.limit && last ? encodeRiskCursor({ overall: last.overall, subjectType: last.subjectType, subjectId: last.subjectId }) : null,
    };
  }

  async *listAll(principal: Principal, q: ListRiskQuery): AsyncGenerator<CurrentAssessmentEntity> {
    let cursor: string | undefined;
    do {
      const page = await this.list(principal, { ...q, limit: MAX_PAGE_LIMIT, cursor });
      yield* page.data;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }

  /** The worker-level assessment of one interview, computed now (not stored), with the same methodology version as the runs. */
  async interviewRisk(principal: Principal, interviewId: string, asOf?: string): Promise<InterviewRiskResponse> {
    const organizationId = principal.organizationId;
    const facts = await loadInterviewFacts(this.query, organizationId, interviewId);
    if (facts === null) throw DomainError.notFound('interview', interviewId);
    const settings = await loadScoringSettings(this.query, organizationId);
    const rates = await loadExchangeRateTable(this.query, organizationId);
    const date = asOfDate(asOf);
    const assessment = assessWorker(facts, { rates, asOf: date, config: settings.config });
    return {
      interviewId,
      methodologyVersion: METHODOLOGY_VERSION,
      asOf: date,
      assessment: assessment as unknown as Record<string, unknown>,
      thresholds: evaluateThresholds(assessment, settings.config.thresholds) as unknown as Record<string, unknown>,
      computedOnDemand: true,
    };
  }

  private filtered(principal: Principal, q: ListRiskQuery): SelectQueryBuilder<CurrentAssessmentEntity> {
    const qb = this.current
      .createQueryBuilder('c')
      .where('c.organizationId = :org', { org: principal.organizationId })
      .andWhere(`c.subjectType IN (:...types)`, { types: q.subjectType ? [q.subjectType] : ['site', 'supplier', 'recruiter'] })
      .orderBy('c.overall', 'DESC')
      .addOrderBy('c.subjectType', 'ASC')
      .addOrderBy('c.subjectId', 'ASC');
    if (q.country !== undefined) qb.andWhere('c.country = :country', { country: q.country });
    if (q.sector !== undefined) qb.andWhere('c.sector = :sector', { sector: q.sector });
    if (q.band !== undefined) qb.andWhere('c.band = :band', { band: q.band });
    return qb;
  }

  private async subject(organizationId: string, type: GroupSubjectType, id: string): Promise<SubjectRiskResponse['subject']> {
    if (type === 'site') {
      const s = await this.sites.findOneBy({ id, organizationId });
      if (s === null) throw DomainError.notFound('site', id);
      return { type, id, name: s.name, country: s.country, sector: s.sector };
    }
    if (type === 'supplier') {
      const s = await this.suppliers.findOneBy({ id, organizationId });
      if (s === null) throw DomainError.notFound('supplier', id);
      return { type, id, name: s.name, country: s.country, sector: s.sector };
    }
    const r = await this.recruiters.findOneBy({ id, organizationId });
    if (r === null) throw DomainError.notFound('recruiter', id);
    return { type, id, name: r.name, country: r.country, sector: null };
  }

  private async withOutputs(a: AssessmentEntity): Promise<AssessmentResponse> {
    const [blocks, items] = await Promise.all([
      this.blocks.find({ where: { assessmentId: In([a.id]), organizationId: a.organizationId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.items.find({ where: { assessmentId: In([a.id]), organizationId: a.organizationId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return {
      ...this.present(a),
      blockRecommendations: blocks.map(BlockRecommendationResponse.fromEntity),
      remediationItems: items.map(RemediationItemResponse.fromEntity),
    };
  }

  /** The stored assessment, with the rule labels, groups and citations of the catalogue added to its prevalence list. */
  private present(a: AssessmentEntity): AssessmentResponse {
    const response = assessmentResponse(a);
    const prevalence = (a.details as { prevalence?: { ruleId: string }[] }).prevalence;
    if (Array.isArray(prevalence)) {
      response.details = {
        ...a.details,
        prevalence: prevalence.map((p) => {
          const rule = RULE_BY_ID.get(p.ruleId);
          return rule === undefined ? p : { ...p, risk: rule.group, label: rule.label, citation: citation(rule) };
        }),
      };
    }
    return response;
  }
}
