import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { appendAuditEvent, type AuditChange, type AuditEvent, type AuditSql } from './audit-chain.js';

/** A node-pg client / pool (`query` resolves to `{ rows }`) as an AuditSql. */
export function pgAuditSql(client: { query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }> }): AuditSql {
  return { query: async (sql, params) => (await client.query(sql, params)).rows };
}

/**
 * The audit-log writer. Call it inside the transaction that makes the change,
 * with that transaction's EntityManager:
 *
 *   return this.dataSource.transaction(async (em) => {
 *     const saved = await em.save(entity);
 *     await AuditTrail.record(em, principal, { action: 'supplier.updated', subjectType: 'supplier', subjectId: saved.id, before, after: saved });
 *     return saved;
 *   });
 */
export class AuditTrail {
  /** Append an event for a change made by an API caller. */
  static record(em: EntityManager, principal: Principal, change: AuditChange): Promise<AuditEvent> {
    return appendAuditEvent(em as AuditSql, principal.organizationId, { apiKeyId: principal.apiKeyId, role: principal.role }, change);
  }

  /** The same, on any AuditSql of the transaction (e.g. a node-pg client through pgAuditSql). */
  static recordFor(sql: AuditSql, principal: Principal, change: AuditChange): Promise<AuditEvent> {
    return appendAuditEvent(sql, principal.organizationId, { apiKeyId: principal.apiKeyId, role: principal.role }, change);
  }

  /** Append an event for a change made by the system (worker, CLI) on behalf of an organisation. */
  static recordSystem(sql: AuditSql, organizationId: string, change: AuditChange, onBehalfOfKeyId: string | null = null): Promise<AuditEvent> {
    return appendAuditEvent(sql, organizationId, { apiKeyId: onBehalfOfKeyId, role: 'system' }, change);
  }
}

/** A shallow copy of a record, taken before it is changed in place (for the `before` digest). */
export const snapshot = <T extends object>(record: T): T => ({ ...record });
