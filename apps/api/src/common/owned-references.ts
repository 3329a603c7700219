import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import { DomainError, type FieldIssue } from '@lantern/domain';

type Owned = { id: string; organizationId: string };

/**
 * Checks that ids a request refers to (supplierId, siteId, ...) name rows of
 * the caller's own organisation. Another tenant's id is reported exactly like
 * a missing one, so nothing leaks across tenants.
 */
@Injectable()
export class OwnedReferences {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The issue to report when `id` is not a `noun` of the organisation, else null. */
  async issueIfNotOwned<E extends Owned>(entity: EntityTarget<E>, organizationId: string, field: string, id: string, noun: string): Promise<FieldIssue | null> {
    const exists = await this.dataSource.getRepository(entity).existsBy({ id, organizationId } as FindOptionsWhere<E>);
    return exists ? null : { field, reason: `does not reference one of your organisation's ${noun}s` };
  }

  async assertOwned<E extends Owned>(entity: EntityTarget<E>, organizationId: string, field: string, id: string, noun: string): Promise<void> {
    const issue = await this.issueIfNotOwned(entity, organizationId, field, id, noun);
    if (issue !== null) throw DomainError.validation([issue]);
  }
}
