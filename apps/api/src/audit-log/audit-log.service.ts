import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@lantern/domain';
import {
  AUDIT_EVENT_COLUMNS,
  auditEventFromRow,
  MAX_PAGE_LIMIT,
  verifyAuditChain,
  type AuditChainVerification,
  type AuditEvent,
  type AuditEventRow,
  type AuditSql,
  type Page,
  type Principal,
} from '@lantern/platform';
import type { ListAuditLogQuery } from './dto/list-audit-log.query.js';

const CURSOR = /^s(\d{1,18})$/;

function decodeCursor(cursor: string): number {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null) throw DomainError.validation([{ field: 'cursor', reason: 'is not a cursor returned by this list' }]);
  return Number(match[1]);
}

const encodeCursor = (sequence: number): string => Buffer.from(`s${sequence}`, 'utf8').toString('base64url');

/** The organisation's audit trail, in chain order (sequence ascending). Read-only: events are written by AuditTrail. */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(principal: Principal, query: ListAuditLogQuery): Promise<Page<AuditEvent>> {
    const after = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
    const rows = await this.page(principal, query, after, query.limit + 1);
    const data = rows.slice(0, query.limit);
    return { data, nextCursor: rows.length > query.limit ? encodeCursor(data[data.length - 1].sequence) : null };
  }

  async *listAll(principal: Principal, query: ListAuditLogQuery): AsyncGenerator<AuditEvent> {
    let after = 0;
    for (;;) {
      const rows = await this.page(principal, query, after, MAX_PAGE_LIMIT);
      yield* rows;
      if (rows.length < MAX_PAGE_LIMIT) return;
      after = rows[rows.length - 1].sequence;
    }
  }

  /** Recompute the caller's organisation's chain (REPEATABLE READ: one consistent snapshot however long it takes). */
  verify(principal: Principal): Promise<AuditChainVerification> {
    return this.dataSource.transaction('REPEATABLE READ', (em) => verifyAuditChain(em as AuditSql, principal.organizationId));
  }

  private async page(principal: Principal, query: ListAuditLogQuery, afterSequence: number, limit: number): Promise<AuditEvent[]> {
    const where = ['organization_id = $1', 'sequence > $2'];
    const params: unknown[] = [principal.organizationId, afterSequence];
    const add = (clause: string, value: unknown): void => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (query.action !== undefined) add('action = ?', query.action);
    if (query.subjectType !== undefined) add('subject_type = ?', query.subjectType);
    if (query.subjectId !== undefined) add('subject_id = ?', query.subjectId);
    if (query.from !== undefined) add('occurred_at >= ?', query.from);
    if (query.to !== undefined) add('occurred_at < ?', query.to);
    const rows: AuditEventRow[] = await this.dataSource.query(
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY sequence LIMIT ${Number(limit)}`,
      params,
    );
    return rows.map(auditEventFromRow);
  }
}
