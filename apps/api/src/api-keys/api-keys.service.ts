import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import { ApiKeyEntity } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { ApiKeyAuthenticator, AuditTrail, issueApiKey, paginate, paginateAll, snapshot, type Page, type Principal } from '@lantern/platform';
import { definedOnly } from '../common/defined-only.js';
import type { CreateApiKeyDto } from './dto/create-api-key.dto.js';
import type { ListApiKeysQuery } from './dto/list-api-keys.query.js';
import type { UpdateApiKeyDto } from './dto/update-api-key.dto.js';

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly apiKeys: Repository<ApiKeyEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  /** Issue a key; the clear key is returned here once and never stored. */
  async create(principal: Principal, dto: CreateApiKeyDto): Promise<{ entity: ApiKeyEntity; key: string }> {
    return this.dataSource.transaction(async (em) => {
      const issued = await issueApiKey(em, { organizationId: principal.organizationId, role: dto.role, name: dto.name });
      const entity = await em.findOneByOrFail(ApiKeyEntity, { id: issued.id });
      await AuditTrail.record(em, principal, { action: 'api_key.created', subjectType: 'api_key', subjectId: entity.id, after: entity });
      return { entity, key: issued.key };
    });
  }

  async findOne(principal: Principal, id: string): Promise<ApiKeyEntity> {
    const apiKey = await this.apiKeys.findOneBy({ id, organizationId: principal.organizationId });
    if (apiKey === null) throw DomainError.notFound('api key', id);
    return apiKey;
  }

  async update(principal: Principal, id: string, dto: UpdateApiKeyDto): Promise<ApiKeyEntity> {
    return this.dataSource.transaction(async (em) => {
      const apiKey = await this.lockedForUpdate(em, principal, id);
      const before = snapshot(apiKey);
      const saved = await em.save(Object.assign(apiKey, definedOnly(dto)));
      await AuditTrail.record(em, principal, { action: 'api_key.updated', subjectType: 'api_key', subjectId: id, before, after: saved });
      return saved;
    });
  }

  /**
   * Revoke a key at once (idempotent: revoking twice keeps the first revocation
   * time). Once committed, every API instance drops the key from its cache of
   * authenticated keys.
   */
  async revoke(principal: Principal, id: string): Promise<ApiKeyEntity> {
    const revoked = await this.dataSource.transaction(async (em) => {
      const apiKey = await this.lockedForUpdate(em, principal, id);
      if (apiKey.revokedAt !== null) return apiKey;
      const before = snapshot(apiKey);
      const saved = await em.save(Object.assign(apiKey, { revokedAt: new Date() }));
      await AuditTrail.record(em, principal, { action: 'api_key.revoked', subjectType: 'api_key', subjectId: id, before, after: saved });
      return saved;
    });
    await this.authenticator.forget(id);
    return revoked;
  }

  private async lockedForUpdate(em: EntityManager, principal: Principal, id: string): Promise<ApiKeyEntity> {
    const apiKey = await em.findOne(ApiKeyEntity, { where: { id, organizationId: principal.organizationId }, lock: { mode: 'pessimistic_write' } });
    if (apiKey === null) throw DomainError.notFound('api key', id);
    return apiKey;
  }

  list(principal: Principal, query: ListApiKeysQuery): Promise<Page<ApiKeyEntity>> {
    return paginate(this.filtered(principal, query), query);
  }

  listAll(principal: Principal, query: ListApiKeysQuery): AsyncIterable<ApiKeyEntity> {
    return paginateAll(this.filtered(principal, query));
  }

  private filtered(principal: Principal, query: ListApiKeysQuery): SelectQueryBuilder<ApiKeyEntity> {
    const qb = this.apiKeys.createQueryBuilder('api_key').where('api_key.organizationId = :organizationId', { organizationId: principal.organizationId });
    if (query.role !== undefined) qb.andWhere('api_key.role = :role', { role: query.role });
    if (query.state === 'active') qb.andWhere('api_key.revokedAt IS NULL');
    if (query.state === 'revoked') qb.andWhere('api_key.revokedAt IS NOT NULL');
    return qb;
  }
}
