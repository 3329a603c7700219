/**
 * The `expire` transition of blocks whose period has ended, shared by the API
 * (run before block reads, so a read never shows a lapsed block as active) and
 * the worker's hourly maintenance job (so blocks expire, are audited and
 * trigger re-screening even when nobody reads them).
 *
 * Screening never depends on it: the engine treats a block as expired from its
 * dates. This writes the transition, its audit event and returns the blocks so
 * that the caller re-screens what they touched.
 */

/** A `query` that resolves to rows: a TypeORM EntityManager, or a pg client through an adapter. */
export interface RowsSql {
  query(sql: string, params: unknown[]): Promise<unknown[]>;
}

export interface ExpiredBlock {
  id: string;
  organizationId: string;
  subjectName: string;
  fromStatus: string;
  endsOn: string;
}

export interface ExpiryScope {
  /** Only this organisation's blocks, plus the blocks published in `jurisdiction`. Absent: every organisation. */
  organizationId?: string;
  jurisdiction?: string;
}

/**
 * Expire, inside the caller's transaction, every active or suspended block in
 * scope whose end date is before `today` (YYYY-MM-DD). Rows are locked (SKIP
 * LOCKED: a concurrent expiry takes the others), so each block expires once;
 * `audit` writes the audit event of each, in the same transaction.
 */
export async function expireDueBlocks(
  sql: RowsSql,
  today: string,
  scope: ExpiryScope,
  audit: (block: ExpiredBlock) => Promise<unknown>,
): Promise<ExpiredBlock[]> {
  const rows = (await sql.query(
    `WITH due AS (
       SELECT id, status, ends_on FROM blocks
        WHERE status IN ('active', 'suspended') AND ends_on < $1::date
          AND ($2::uuid IS NULL OR organization_id = $2 OR (published_at IS NOT NULL AND jurisdiction = $3))
        ORDER BY id
        FOR UPDATE SKIP LOCKED),
     moved AS (UPDATE blocks b SET status = 'expired', updated_at = now() FROM due WHERE b.id = due.id
               RETURNING b.id, b.organization_id, b.subject_name)
     SELECT moved.id, moved.organization_id, moved.subject_name, due.status, due.ends_on::text AS ends_on
       FROM due JOIN moved ON moved.id = due.id ORDER BY moved.id`,
    [today, scope.organizationId ?? null, scope.jurisdiction ?? null],
  )) as { id: string; organization_id: string; subject_name: string; status: string; ends_on: string }[];
  const expired = rows.map((r) => ({ id: r.id, organizationId: r.organization_id, subjectName: r.subject_name, fromStatus: r.status, endsOn: r.ends_on }));
  for (const b of expired) {
    await sql.query(
      `INSERT INTO block_transitions (block_id, action, from_status, to_status, decision_maker, reason, details, actor_key_id)
       VALUES ($1, 'expire', $2, 'expired', NULL, $3, '{}'::jsonb, NULL)`,
      [b.id, b.fromStatus, `The period ended on ${b.endsOn}`],
    );
    await audit(b);
  }
  return expired;
}

/** The one-line summary of a block expiry on re-screening changes. */
export function blockExpiredSummary(block: Pick<ExpiredBlock, 'subjectName' | 'endsOn'>): string {
  return `Block of "${block.subjectName}" expired (its period ended on ${block.endsOn})`;
}

/** The audit change of a block expiry (appended as the system by whichever path expired it). */
export function blockExpiredAuditChange(block: Pick<ExpiredBlock, 'id' | 'fromStatus'>) {
  return { action: 'block.expired', subjectType: 'block', subjectId: block.id, before: { status: block.fromStatus }, after: { status: 'expired' } };
}
