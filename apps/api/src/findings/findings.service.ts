import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository, type SelectQueryBuilder } from 'typeorm';
import { AuditEntity, FindingEntity, type FindingEvidence } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { paginate, paginateAll, type Page, type Principal } from '@lantern/platform';
import { auditedCreate, auditedUpdate, findOwnedForUpdate } from '../common/audited-write.js';
import { definedOnly } from '../common/defined-only.js';
import { OwnedReferences } from '../common/owned-references.js';
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
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, dto: CreateFindingDto): Promise<FindingEntity> {
    await this.references.assertOwned(AuditEntity, principal.organizationId, 'auditId', dto.auditId, 'audit');
    const { evidence, ...fields } = definedOnly(dto);
    const finding = this.findings.create({ status: DEFAULT_FINDING_STATUS, ...fields, evidence: toEvidence(evidence ?? []), organizationId: principal.organizationId });
    return this.dataSource.transaction((em) => auditedCreate(em, principal, 'finding', finding));
  }

  async findOne(principal: Principal, id: string): Promise<FindingEntity> {
    const finding = await this.findings.findOneBy({ id, organizationId: principal.organizationId });
    if (finding === null) throw DomainError.notFound('finding', id);
    return finding;
  }

  async update(principal: Principal, id: string, dto: UpdateFindingDto): Promise<FindingEntity> {
    const { evidence, ...fields } = definedOnly(dto);
    if (fields.auditId !== undefined) await this.references.assertOwned(AuditEntity, principal.organizationId, 'auditId', fields.auditId, 'audit');
    return this.dataSource.transaction(async (em) => {
      const finding = await findOwnedForUpdate(em, FindingEntity, principal, id, 'finding');
      return auditedUpdate(em, principal, 'finding', finding, (f) => void Object.assign(f, fields, evidence && { evidence: toEvidence(evidence) }));
    });
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
