import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { SupplierEntity, SupplyLinkEntity } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { AuditTrail, paginate, paginateAll, type Page, type Principal } from '@lantern/platform';
import { auditedCreate, auditedUpdate, findOwnedForUpdate } from '../common/audited-write.js';
import { definedOnly } from '../common/defined-only.js';
import { containsPattern } from '../common/like-pattern.js';
import { OwnedReferences } from '../common/owned-references.js';
import { ScoringTrigger } from '../common/scoring-trigger.js';
import { DEFAULT_SUPPLIER_TIER, type CreateSupplierDto } from './dto/create-supplier.dto.js';
import type { ListSuppliersQuery } from './dto/list-suppliers.query.js';
import type { UpdateSupplierDto } from './dto/update-supplier.dto.js';

export interface SubSupplier {
  link: SupplyLinkEntity;
  supplier: SupplierEntity;
}

@Injectable()
export class SuppliersService {
  constructor(
    @InjectRepository(SupplierEntity) private readonly suppliers: Repository<SupplierEntity>,
    @InjectRepository(SupplyLinkEntity) private readonly links: Repository<SupplyLinkEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly references: OwnedReferences,
    private readonly scoring: ScoringTrigger,
  ) {}

  async create(principal: Principal, dto: CreateSupplierDto): Promise<SupplierEntity> {
    if (dto.parentId) await this.references.assertOwned(SupplierEntity, principal.organizationId, 'parentId', dto.parentId, 'supplier');
    const supplier = this.suppliers.create({ tier: DEFAULT_SUPPLIER_TIER, ...definedOnly(dto), organizationId: principal.organizationId });
    return this.dataSource.transaction((em) => auditedCreate(em, principal, 'supplier', supplier));
  }

  async findOne(principal: Principal, id: string): Promise<SupplierEntity> {
    const supplier = await this.suppliers.findOneBy({ id, organizationId: principal.organizationId });
    if (supplier === null) throw DomainError.notFound('supplier', id);
    return supplier;
  }

  async update(principal: Principal, id: string, dto: UpdateSupplierDto): Promise<SupplierEntity> {
    const changes = definedOnly(dto);
    const updated = await this.dataSource.transaction(async (em) => {
      const supplier = await findOwnedForUpdate(em, SupplierEntity, principal, id, 'supplier');
      if (changes.parentId) await this.assertParentAllowed(principal, id, changes.parentId);
      return auditedUpdate(em, principal, 'supplier', supplier, (s) => void Object.assign(s, changes));
    });
    // Country, sector and the supply graph feed the prior and the roll-up of every buyer above it.
    await this.scoring.organizationChanged(principal.organizationId, 'supplier');
    return updated;
  }

  list(principal: Principal, query: ListSuppliersQuery): Promise<Page<SupplierEntity>> {
    return paginate(this.filtered(principal, query), query);
  }

  listAll(principal: Principal, query: ListSuppliersQuery): AsyncIterable<SupplierEntity> {
    return paginateAll(this.filtered(principal, query));
  }

  /** Suppliers one tier down: those that sell to `id`. */
  async subSuppliers(principal: Principal, id: string): Promise<SubSupplier[]> {
    await this.findOne(principal, id);
    const links = await this.links.find({ where: { buyerId: id, organizationId: principal.organizationId }, order: { createdAt: 'ASC', supplierId: 'ASC' } });
    const suppliers = await this.suppliers.findBy({ id: In(links.map((l) => l.supplierId)), organizationId: principal.organizationId });
    const byId = new Map(suppliers.map((s) => [s.id, s]));
    return links.flatMap((link) => {
      const supplier = byId.get(link.supplierId);
      return supplier ? [{ link, supplier }] : [];
    });
  }

  /** Record that supplier `id` sells to `buyerId` (idempotent). */
  async linkBuyer(principal: Principal, id: string, buyerId: string): Promise<SupplyLinkEntity> {
    await this.findOne(principal, id);
    if (buyerId === id) throw DomainError.validation([{ field: 'buyerId', reason: 'a supplier cannot sell to itself' }]);
    await this.references.assertOwned(SupplierEntity, principal.organizationId, 'buyerId', buyerId, 'supplier');
    const saved = await this.dataSource.transaction(async (em) => {
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(SupplyLinkEntity)
        .values({ supplierId: id, buyerId, organizationId: principal.organizationId })
        .orIgnore()
        .returning(['supplierId'])
        .execute();
      const link = await em.findOneByOrFail(SupplyLinkEntity, { supplierId: id, buyerId, organizationId: principal.organizationId });
      // Linking twice is a no-op, and no state change is recorded for it.
      if (inserted.raw.length > 0) {
        await AuditTrail.record(em, principal, { action: 'supply_link.created', subjectType: 'supply_link', subjectId: `${id}->${buyerId}`, after: link });
      }
      return { link, created: inserted.raw.length > 0 };
    });
    if (saved.created) await this.scoring.organizationChanged(principal.organizationId, 'supplier');
    return saved.link;
  }

  async unlinkBuyer(principal: Principal, id: string, buyerId: string): Promise<void> {
    await this.findOne(principal, id);
    await this.dataSource.transaction(async (em) => {
      const link = await em.findOne(SupplyLinkEntity, { where: { supplierId: id, buyerId, organizationId: principal.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (link === null) throw DomainError.notFound('supply link', `${id} -> ${buyerId}`);
      await em.delete(SupplyLinkEntity, { supplierId: id, buyerId, organizationId: principal.organizationId });
      await AuditTrail.record(em, principal, { action: 'supply_link.deleted', subjectType: 'supply_link', subjectId: `${id}->${buyerId}`, before: link });
    });
    await this.scoring.organizationChanged(principal.organizationId, 'supplier');
  }

  private filtered(principal: Principal, query: ListSuppliersQuery): SelectQueryBuilder<SupplierEntity> {
    const qb = this.suppliers.createQueryBuilder('supplier').where('supplier.organizationId = :organizationId', { organizationId: principal.organizationId });
    if (query.country !== undefined) qb.andWhere('supplier.country = :country', { country: query.country });
    if (query.sector !== undefined) qb.andWhere('supplier.sector = :sector', { sector: query.sector });
    if (query.tier !== undefined) qb.andWhere('supplier.tier = :tier', { tier: query.tier });
    if (query.parentId !== undefined) qb.andWhere('supplier.parentId = :parentId', { parentId: query.parentId });
    if (query.q !== undefined) qb.andWhere('supplier.name ILIKE :name', { name: containsPattern(query.q) });
    return qb;
  }

  /** The parent must be a supplier of the organisation and must not make the ownership chain circular. */
  private async assertParentAllowed(principal: Principal, id: string, parentId: string): Promise<void> {
    await this.references.assertOwned(SupplierEntity, principal.organizationId, 'parentId', parentId, 'supplier');
    const cycle: unknown[] = await this.dataSource.query(
      `WITH RECURSIVE ancestors (id, parent_id) AS (
         SELECT id, parent_id FROM suppliers WHERE id = $1 AND organization_id = $2
         UNION
         SELECT s.id, s.parent_id FROM suppliers s JOIN ancestors a ON s.id = a.parent_id
       )
       SELECT 1 FROM ancestors WHERE id = $3 LIMIT 1`,
      [parentId, principal.organizationId, id],
    );
    if (cycle.length > 0) throw DomainError.validation([{ field: 'parentId', reason: 'would make the supplier its own ancestor' }]);
  }
}
