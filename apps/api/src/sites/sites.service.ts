import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository, type SelectQueryBuilder } from 'typeorm';
import { SiteEntity, SupplierEntity } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { paginate, paginateAll, type Page, type Principal } from '@lantern/platform';
import { auditedCreate, auditedUpdate, findOwnedForUpdate } from '../common/audited-write.js';
import { definedOnly } from '../common/defined-only.js';
import { OwnedReferences } from '../common/owned-references.js';
import { ScoringTrigger } from '../common/scoring-trigger.js';
import type { CreateSiteDto } from './dto/create-site.dto.js';
import type { ListSitesQuery } from './dto/list-sites.query.js';
import type { UpdateSiteDto } from './dto/update-site.dto.js';

@Injectable()
export class SitesService {
  constructor(
    @InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>,
    private readonly references: OwnedReferences,
    private readonly scoring: ScoringTrigger,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, dto: CreateSiteDto): Promise<SiteEntity> {
    await this.references.assertOwned(SupplierEntity, principal.organizationId, 'supplierId', dto.supplierId, 'supplier');
    const site = this.sites.create({ ...definedOnly(dto), organizationId: principal.organizationId });
    const created = await this.dataSource.transaction(async (em) => {
      const saved = await auditedCreate(em, principal, 'site', site);
      await this.scoring.markSites(em, principal.organizationId, [saved.id], 'site');
      return saved;
    });
    await this.scoring.sitesChanged(principal.organizationId, 'site');
    return created;
  }

  async findOne(principal: Principal, id: string): Promise<SiteEntity> {
    const site = await this.sites.findOneBy({ id, organizationId: principal.organizationId });
    if (site === null) throw DomainError.notFound('site', id);
    return site;
  }

  async update(principal: Principal, id: string, dto: UpdateSiteDto): Promise<SiteEntity> {
    const changes = definedOnly(dto);
    const updated = await this.dataSource.transaction(async (em) => {
      const site = await findOwnedForUpdate(em, SiteEntity, principal, id, 'site');
      if (changes.supplierId !== undefined) {
        await this.references.assertOwned(SupplierEntity, principal.organizationId, 'supplierId', changes.supplierId, 'supplier');
      }
      const saved = await auditedUpdate(em, principal, 'site', site, (s) => void Object.assign(s, changes));
      await this.scoring.markSites(em, principal.organizationId, [saved.id], 'site');
      return saved;
    });
    // Moving a site to another supplier changes two suppliers' roll-ups: score the organisation.
    if (changes.supplierId !== undefined) await this.scoring.organizationChanged(principal.organizationId, 'site');
    else await this.scoring.sitesChanged(principal.organizationId, 'site');
    return updated;
  }

  list(principal: Principal, query: ListSitesQuery): Promise<Page<SiteEntity>> {
    return paginate(this.filtered(principal, query), query);
  }

  listAll(principal: Principal, query: ListSitesQuery): AsyncIterable<SiteEntity> {
    return paginateAll(this.filtered(principal, query));
  }

  private filtered(principal: Principal, query: ListSitesQuery): SelectQueryBuilder<SiteEntity> {
    const qb = this.sites.createQueryBuilder('site').where('site.organizationId = :organizationId', { organizationId: principal.organizationId });
    if (query.supplierId !== undefined) qb.andWhere('site.supplierId = :supplierId', { supplierId: query.supplierId });
    if (query.country !== undefined) qb.andWhere('site.country = :country', { country: query.country });
    if (query.sector !== undefined) qb.andWhere('site.sector = :sector', { sector: query.sector });
    return qb;
  }
}
