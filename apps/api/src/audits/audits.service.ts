import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository, type SelectQueryBuilder } from 'typeorm';
import { AuditEntity, OrganizationEntity, SiteEntity } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { paginate, paginateAll, type Page, type Principal } from '@lantern/platform';
import { auditedCreate, auditedUpdate, findOwnedForUpdate } from '../common/audited-write.js';
import { definedOnly } from '../common/defined-only.js';
import { OwnedReferences } from '../common/owned-references.js';
import { ScoringTrigger } from '../common/scoring-trigger.js';
import type { CreateAuditDto } from './dto/create-audit.dto.js';
import type { ListAuditsQuery } from './dto/list-audits.query.js';
import type { UpdateAuditDto } from './dto/update-audit.dto.js';

@Injectable()
export class AuditsService {
  constructor(
    @InjectRepository(AuditEntity) private readonly audits: Repository<AuditEntity>,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    private readonly references: OwnedReferences,
    private readonly scoring: ScoringTrigger,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, dto: CreateAuditDto): Promise<AuditEntity> {
    await this.assertReferences(principal, dto);
    const audit = this.audits.create({ ...definedOnly(dto), organizationId: principal.organizationId });
    return this.dataSource.transaction((em) => auditedCreate(em, principal, 'audit', audit));
  }

  async findOne(principal: Principal, id: string): Promise<AuditEntity> {
    const audit = await this.audits.findOneBy({ id, organizationId: principal.organizationId });
    if (audit === null) throw DomainError.notFound('audit', id);
    return audit;
  }

  async update(principal: Principal, id: string, dto: UpdateAuditDto): Promise<AuditEntity> {
    const changes = definedOnly(dto);
    await this.assertReferences(principal, changes);
    // The audit's findings are scored by site and audit date (FIND-01): moving or re-dating it re-scores the sites before and after.
    const rescore = changes.siteId !== undefined || changes.conductedAt !== undefined;
    const updated = await this.dataSource.transaction(async (em) => {
      const audit = await findOwnedForUpdate(em, AuditEntity, principal, id, 'audit');
      const siteBefore = audit.siteId;
      const saved = await auditedUpdate(em, principal, 'audit', audit, (a) => void Object.assign(a, changes));
      if (rescore) await this.scoring.markSites(em, principal.organizationId, [siteBefore, saved.siteId], 'audit');
      return saved;
    });
    if (rescore) await this.scoring.sitesChanged(principal.organizationId, 'audit');
    return updated;
  }

  list(principal: Principal, query: ListAuditsQuery): Promise<Page<AuditEntity>> {
    return paginate(this.filtered(principal, query), query);
  }

  listAll(principal: Principal, query: ListAuditsQuery): AsyncIterable<AuditEntity> {
    return paginateAll(this.filtered(principal, query));
  }

  /** The site is the caller's; the audit firm, when named, is an audit-firm organisation (any tenant). */
  private async assertReferences(principal: Principal, sent: { siteId?: string; auditFirmOrganizationId?: string | null }): Promise<void> {
    if (sent.siteId !== undefined) await this.references.assertOwned(SiteEntity, principal.organizationId, 'siteId', sent.siteId, 'site');
    if (sent.auditFirmOrganizationId) {
      const isAuditFirm = await this.organizations.existsBy({ id: sent.auditFirmOrganizationId, kind: 'audit_firm' });
      if (!isAuditFirm) throw DomainError.validation([{ field: 'auditFirmOrganizationId', reason: 'is not an audit-firm organisation' }]);
    }
  }

  private filtered(principal: Principal, query: ListAuditsQuery): SelectQueryBuilder<AuditEntity> {
    const qb = this.audits.createQueryBuilder('audit').where('audit.organizationId = :organizationId', { organizationId: principal.organizationId });
    if (query.siteId !== undefined) qb.andWhere('audit.siteId = :siteId', { siteId: query.siteId });
    if (query.type !== undefined) qb.andWhere('audit.type = :type', { type: query.type });
    if (query.from !== undefined) qb.andWhere('audit.conductedAt >= :from', { from: query.from });
    if (query.to !== undefined) qb.andWhere('audit.conductedAt < :to', { to: query.to });
    return qb;
  }
}
