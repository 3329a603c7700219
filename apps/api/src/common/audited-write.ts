import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { DomainError } from '@lantern/domain';
import { auditDigest, AuditTrail, snapshot, type Principal } from '@lantern/platform';

type Owned = { id: string; organizationId: string };

/** One of the caller's rows, locked FOR UPDATE in `em`'s transaction (so the audited `before` is what gets changed); 404 otherwise. */
export async function findOwnedForUpdate<E extends Owned>(em: EntityManager, entity: EntityTarget<E>, principal: Principal, id: string, noun: string): Promise<E> {
  const row = await em.findOne(entity, { where: { id, organizationId: principal.organizationId } as FindOptionsWhere<E>, lock: { mode: 'pessimistic_write' } });
  if (row === null) throw DomainError.notFound(noun, id);
  return row;
}

/** Save a new row and record `<subjectType>.created` in the same transaction. */
export async function auditedCreate<E extends { id: string }>(em: EntityManager, principal: Principal, subjectType: string, row: E): Promise<E> {
  const saved = await em.save(row);
  await AuditTrail.record(em, principal, { action: `${subjectType}.created`, subjectType, subjectId: saved.id, after: saved });
  return saved;
}

/** Apply `changes` to a locked row, save it and record `<subjectType>.updated` with before/after digests (nothing for a no-op). */
export async function auditedUpdate<E extends { id: string }>(
  em: EntityManager,
  principal: Principal,
  subjectType: string,
  row: E,
  apply: (row: E) => void | Promise<void>,
): Promise<E> {
  const before = snapshot(row);
  await apply(row);
  const saved = await em.save(row);
  // Setting a field to the value it has is not a state change: nothing to record.
  if (auditDigest(before) !== auditDigest(saved)) {
    await AuditTrail.record(em, principal, { action: `${subjectType}.updated`, subjectType, subjectId: saved.id, before, after: saved });
  }
  return saved;
}
