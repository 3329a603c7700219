import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import { AuditEntity, FindingEntity, type FindingEvidence } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { paginate, paginateAll, type Page, type Principal } from '@lantern/platform';
import { auditedCreate, auditedUpdate, findOwnedForUpdate } from '../common/audited-write.js';
import { definedOnly } from '../common/defined-only.js';
import { OwnedReferences } from '../common/owned-references.js';
import { ScoringTrigger } from '../common/scoring-trigger.js';
import { DEFAULT_FINDING_STATUS, type CreateFindingDto } from './dto/create-finding.dto.js';
import type { FindingEvidenceDto } from './dto/finding-evidence.dto.js';
import type { ListFindingsQuery } from './dto/list-findings.query.js';
import type { UpdateFindingDto } from './dto/update-finding.dto.js';

/** Stored evidence is plain JSON: no undefined `note` keys from the DTO instances. */
const toEvidence = (items: FindingEvidenceDto[]): FindingEvidence[] =>
  items.map(({ kind, reference, note }) => (note === undefined ? { kind, reference } : { kind, reference, note }));

@Injectable()
export class FindingsService {
  constructor(
    @InjectRepository(FindingEntity) private readonly findings: Repository<FindingEntity>,
    private readonly references: OwnedReferences,
    private readonly scoring: ScoringTrigger,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, dto: CreateFindingDto): Promise<FindingEntity> {
    await this.references.assertOwned(AuditEntity, principal.organizationId, 'auditId', dto.auditId, 'audit');
    const { evidence, ...fields } = definedOnly(dto);
    const finding = this.findings.create({ status: DEFAULT_FINDING_STATUS, ...fields, evidence: toEvidence(evidence ?? []), organizationId: principal.organizationId });
    const saved = await this.dataSource.transaction(async (em) => {
      const created = await auditedCreate(em, principal, 'finding', finding);
      // Findings are scored (FIND-01): the audit's site is re-scored.
      await this.scoring.markSites(em, principal.organizationId, await this.sitesOf(em, principal.organizationId, [created.auditId]), 'audit');
      return created;
    });
    await this.scoring.sitesChanged(principal.organizationId, 'audit');
    return saved;
  }

  async findOne(principal: Principal, id: string): Promise<FindingEntity> {
    const finding = await this.findings.findOneBy({ id, organizationId: principal.organizationId });
    if (finding === null) throw DomainError.notFound('finding', id);
    return finding;
  }

  async update(principal: Principal, id: string, dto: UpdateFindingDto): Promise<FindingEntity> {
    const { evidence, ...fields } = definedOnly(dto);
    if (fields.auditId !== undefined) await this.references.assertOwned(AuditEntity, principal.organizationId, 'auditId', fields.auditId, 'audit');
    const updated = await this.dataSource.transaction(async (em) => {
      const finding = await findOwnedForUpdate(em, FindingEntity, principal, id, 'finding');
      const auditBefore = finding.auditId;
      const saved = await auditedUpdate(em, principal, 'finding', finding, (f) => void Object.assign(f, fields, evidence && { evidence: toEvidence(evidence) }));
      // Status, severity, indicator or audit changed: the site(s) of the audit before and after are re-scored.
      await this.scoring.markSites(em, principal.organizationId, await this.sitesOf(em, principal.organizationId, [auditBefore, saved.auditId]), 'audit');
      return saved;
    });
    await this.scoring.sitesChanged(principal.organizationId, 'audit');
    return updated;
  }

  /** The sites of the caller's audits. */
  private async sitesOf(em: EntityManager, organizationId: string, auditIds: string[]): Promise<string[]> {
    const rows = (await em.query(`SELECT DISTINCT site_id FROM audits WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, [...new Set(auditIds)]])) as {
      site_id: string;
    }[];
    return rows.map((r) => r.site_id);
  }

  list(principal: Principal, query: ListFindingsQuery): Promise<Page<FindingEntity>> {
    return paginate(this.filtered(principal, query), query);
  }

  listAll(principal: Principal, query: ListFindingsQuery): AsyncIterable<FindingEntity> {
    return paginateAll(this.filtered(principal, query));
  }

  private filtered(principal: Principal, query: ListFindingsQuery): SelectQueryBuilder<FindingEntity> {
    const qb = this.findings.createQueryBuilder('finding').where('finding.organizationId = :organizationId', { organizationId: principal.organizationId });
    if (query.auditId !== undefined) qb.andWhere('finding.auditId = :auditId', { auditId: query.auditId });
    if (query.indicatorCode !== undefined) qb.andWhere('finding.indicatorCode = :indicatorCode', { indicatorCode: query.indicatorCode });
    if (query.severity !== undefined) qb.andWhere('finding.severity = :severity', { severity: query.severity });
    if (query.status !== undefined) qb.andWhere('finding.status = :status', { status: query.status });
    return qb;
  }
}
