import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { SiteEntity, SupplierEntity } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { paginate, paginateAll, type Page, type Principal } from '@lantern/platform';
import { definedOnly } from '../common/defined-only.js';
import { OwnedReferences } from '../common/owned-references.js';
import type { CreateSiteDto } from './dto/create-site.dto.js';
import type { ListSitesQuery } from './dto/list-sites.query.js';
import type { UpdateSiteDto } from './dto/update-site.dto.js';

@Injectable()
export class SitesService {
  constructor(
    @InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>,
    private readonly references: OwnedReferences,
  ) {}

  async create(principal: Principal, dto: CreateSiteDto): Promise<SiteEntity> {
    await this.references.assertOwned(SupplierEntity, principal.organizationId, 'supplierId', dto.supplierId, 'supplier');
    return this.sites.save(this.sites.create({ ...definedOnly(dto), organizationId: principal.organizationId }));
  }

  async findOne(principal: Principal, id: string): Promise<SiteEntity> {
    const site = await this.sites.findOneBy({ id, organizationId: principal.organizationId });
    if (site === null) throw DomainError.notFound('site', id);
    return site;
  }

  async update(principal: Principal, id: string, dto: UpdateSiteDto): Promise<SiteEntity> {
    const site = await this.findOne(principal, id);
    const changes = definedOnly(dto);
    if (changes.supplierId !== undefined) {
      await this.references.assertOwned(SupplierEntity, principal.organizationId, 'supplierId', changes.supplierId, 'supplier');
    }
    return this.sites.save(Object.assign(site, changes));
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
