import { createHash } from 'node:crypto';

/**
 * The audit trail's hash chain, free of Nest and TypeORM so that the API (an
 * EntityManager), the worker (a node-pg client) and the CLI all append the
 * same way. See docs/security.md "Audit trail".
 */

/** Anything that runs SQL and resolves to the result rows, inside the caller's transaction. */
export interface AuditSql {
  query(sql: string, params: unknown[]): Promise<unknown[]>;
}

/** Who made the change: an API key (and its role), or the system (`apiKeyId` null, role `system`). */
export interface AuditActor {
  apiKeyId: string | null;
  role: string;
}

/** What changed. `before`/`after` are only digested (SHA-256 of canonical JSON), never stored. */
export interface AuditChange {
  /** `<subject>.<verb>`, lower case: `supplier.created`, `api_key.revoked`, `supply_link.deleted`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** The record before the change (omit or null for creations). */
  before?: unknown;
  /** The record after the change (omit or null for deletions). */
  after?: unknown;
}

export interface AuditEvent {
  id: string;
  organizationId: string;
  sequence: number;
  occurredAt: Date;
  actorApiKeyId: string | null;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  previousHash: string | null;
  hash: string;
}

/** Columns of audit_events in the shape of AuditEvent. */
export const AUDIT_EVENT_COLUMNS = `id, organization_id, sequence, occurred_at, actor_api_key_id, actor_role, action, subject_type,
  subject_id, before_digest, after_digest, previous_hash, hash`;

export interface AuditEventRow {
  id: string;
  organization_id: string;
  sequence: string | number;
  occurred_at: Date;
  actor_api_key_id: string | null;
  actor_role: string;
  action: string;
  subject_type: string;
  subject_id: string;
  before_digest: string | null;
  after_digest: string | null;
  previous_hash: string | null;
  hash: string;
}

export function auditEventFromRow(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    organizationId: row.organization_id,
    sequence: Number(row.sequence),
    occurredAt: row.occurred_at instanceof Date ? row.occurred_at : new Date(row.occurred_at),
    actorApiKeyId: row.actor_api_key_id,
    actorRole: row.actor_role,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    beforeDigest: row.before_digest?.trim() ?? null,
    afterDigest: row.after_digest?.trim() ?? null,
    previousHash: row.previous_hash?.trim() ?? null,
    hash: row.hash.trim(),
  };
}

/** Namespace of the per-organisation advisory lock (first key of the two-key form). */
const AUDIT_LOCK_NAMESPACE = 7_302_115;
const ACTION = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;

/**
 * Deterministic JSON: object keys sorted, undefined and functions dropped,
 * Dates as ISO 8601, bigints and Buffers as strings. Two equal records always
 * give the same text, whatever order their properties were set in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value)) ?? 'null';
}

function canonicalize(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `base64:${Buffer.from(value).toString('base64')}`;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map((v) => (v === undefined || typeof v === 'function' ? null : canonicalize(v)));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      out[key] = canonicalize(v);
    }
    return out;
  }
  return value;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 of the canonical JSON of a record, or null when there is no record. */
export function auditDigest(value: unknown): string | null {
  return value === null || value === undefined ? null : sha256(canonicalJson(value));
}

/** The hash an event must carry: SHA-256 over every field but its id and own hash, previous hash included. */
export function auditEventHash(event: Omit<AuditEvent, 'id' | 'hash'>): string {
  return sha256(
    canonicalJson({
      v: 1,
      organizationId: event.organizationId,
      sequence: event.sequence,
      occurredAt: event.occurredAt.toISOString(),
      actorApiKeyId: event.actorApiKeyId,
      actorRole: event.actorRole,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      beforeDigest: event.beforeDigest,
      afterDigest: event.afterDigest,
      previousHash: event.previousHash,
    }),
  );
}

/**
 * Append one event to the organisation's chain, inside the caller's
 * transaction (`sql` must run on the transaction that makes the change, so the
 * event commits or rolls back with it). Appends of one organisation are
 * serialised by a transaction-scoped advisory lock; other organisations are
 * not blocked. The caller's transaction must be READ COMMITTED (the default):
 * the head is read after the lock is taken.
 */
export async function appendAuditEvent(sql: AuditSql, organizationId: string, actor: AuditActor, change: AuditChange): Promise<AuditEvent> {
  const [event] = await appendAuditEvents(sql, organizationId, [{ actor, change }]);
  return event!;
}

/**
 * Append several events to one organisation's chain, in order, under one lock:
 * one read of the chain's head and one INSERT for the lot (the screening
 * recorder's group commit appends a whole batch so).
 */
export async function appendAuditEvents(sql: AuditSql, organizationId: string, entries: readonly { actor: AuditActor; change: AuditChange }[]): Promise<AuditEvent[]> {
  if (entries.length === 0) return [];
  for (const { change } of entries) if (!ACTION.test(change.action)) throw new Error(`audit action ${JSON.stringify(change.action)} must look like "subject.verb"`);
  await sql.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [AUDIT_LOCK_NAMESPACE, organizationId]);
  const head = (await sql.query(`SELECT sequence, hash FROM audit_events WHERE organization_id = $1 ORDER BY sequence DESC LIMIT 1`, [organizationId])) as {
    sequence: string;
    hash: string;
  }[];
  let sequence = head.length === 0 ? 0 : Number(head[0].sequence);
  let previousHash = head.length === 0 ? null : head[0].hash.trim();
  const occurredAt = new Date();
  const events: Omit<AuditEvent, 'id'>[] = entries.map(({ actor, change }) => {
    const event: Omit<AuditEvent, 'id' | 'hash'> = {
      organizationId,
      sequence: ++sequence,
      occurredAt,
      actorApiKeyId: actor.apiKeyId,
      actorRole: actor.role,
      action: change.action,
      subjectType: change.subjectType,
      subjectId: String(change.subjectId),
      beforeDigest: auditDigest(change.before),
      afterDigest: auditDigest(change.after),
      previousHash,
    };
    const hash = auditEventHash(event);
    previousHash = hash;
    return { ...event, hash };
  });
  const column = <K extends keyof Omit<AuditEvent, 'id'>>(k: K) => events.map((e) => e[k]);
  const rows = (await sql.query(
    `INSERT INTO audit_events (organization_id, sequence, occurred_at, actor_api_key_id, actor_role, action, subject_type, subject_id,
                               before_digest, after_digest, previous_hash, hash)
     SELECT $1, * FROM unnest($2::bigint[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
     RETURNING id, sequence`,
    [
      organizationId,
      column('sequence'),
      column('occurredAt'),
      column('actorApiKeyId'),
      column('actorRole'),
      column('action'),
      column('subjectType'),
      column('subjectId'),
      column('beforeDigest'),
      column('afterDigest'),
      column('previousHash'),
      column('hash'),
    ],
  )) as { id: string; sequence: string }[];
  const ids = new Map(rows.map((r) => [Number(r.sequence), r.id]));
  return events.map((e) => ({ ...e, id: ids.get(e.sequence)! }));
}

export interface AuditChainBreak {
  id: string;
  sequence: number;
  reason: string;
}

export interface AuditChainVerification {
  valid: boolean;
  checked: number;
  firstBroken?: AuditChainBreak;
}

const VERIFY_BATCH = 1000;

/** Recompute the organisation's chain from its first event: every hash, every link, no gaps in the sequence. */
export async function verifyAuditChain(sql: AuditSql, organizationId: string): Promise<AuditChainVerification> {
  let checked = 0;
  let previous: { sequence: number; hash: string } | null = null;
  for (;;) {
    const rows = (await sql.query(
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events WHERE organization_id = $1 AND sequence > $2 ORDER BY sequence LIMIT ${VERIFY_BATCH}`,
      [organizationId, previous?.sequence ?? 0],
    )) as AuditEventRow[];
    for (const row of rows) {
      const event = auditEventFromRow(row);
      const expectedSequence: number = (previous?.sequence ?? 0) + 1;
      const broken = (reason: string): AuditChainVerification => ({ valid: false, checked, firstBroken: { id: event.id, sequence: event.sequence, reason } });
      if (event.sequence !== expectedSequence) return broken(`sequence ${event.sequence} follows ${expectedSequence - 1}: events are missing`);
      if (event.previousHash !== (previous?.hash ?? null)) return broken('previousHash does not match the hash of the event before it');
      if (auditEventHash(event) !== event.hash) return broken('the hash does not match the event: it was changed after it was written');
      checked++;
      previous = { sequence: event.sequence, hash: event.hash };
    }
    if (rows.length < VERIFY_BATCH) return { valid: true, checked };
  }
}
