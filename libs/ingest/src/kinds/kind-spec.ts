import type { ImportKind, TestimonyCipher } from '@lantern/domain';
import type { RawRow } from '../parse/rows.js';
import type { Issues } from './fields.js';

/** The slice of a pg client the loaders need (a PoolClient inside the import's transaction). */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}

/** Keys for the worker-identity firewall (derived once per process from LANTERN_SECRET_KEY). */
export interface IngestSecrets {
  /** HMAC key for worker pseudonyms: pseudonymKeyFromSecret(LANTERN_SECRET_KEY). */
  pseudonymKey: Buffer;
  cipher: TestimonyCipher;
}

export interface ValidationContext {
  organizationId: string;
  /** Epoch ms used for "in the future" checks (fixed for the whole file). */
  now: number;
  secrets: IngestSecrets;
}

/** [column, PostgreSQL type] of the staging table, after the leading `line integer`. */
export type StagingColumn = readonly [name: string, type: string];

/** One import's validator + loader, with the organisation's reference maps loaded. */
export interface KindHandler {
  readonly staging: readonly StagingColumn[];
  /**
   * Validate one row. Returns the row's staging columns as COPY text (without
   * the line number and the final newline), or undefined when the row is
   * rejected, in which case at least one issue was pushed.
   */
  validate(row: RawRow, issues: Issues): string | undefined;
  /** Merge the staging table into the target table(s) (inside the import's transaction). */
  merge(db: Queryable, staging: string): Promise<void>;
}

export interface KindSpec {
  readonly kind: ImportKind;
  /** The table whose (organization_id, external_ref) the rows upsert. */
  readonly table: string;
  /** Load the organisation's reference maps once and return the handler for one file. */
  prepare(db: Queryable, ctx: ValidationContext): Promise<KindHandler>;
}

/**
 * `INSERT INTO table (...) SELECT ... FROM staging ON CONFLICT (organization_id,
 * external_ref) DO UPDATE` for the given columns (external_ref first). A row
 * identical to the stored one is left alone (no needless write, updated_at kept).
 */
export function upsertSql(table: string, staging: string, columns: readonly string[]): string {
  const list = columns.join(', ');
  const updatable = columns.filter((c) => c !== 'external_ref');
  const set = updatable.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const current = updatable.map((c) => `${table}.${c}`).join(', ');
  const incoming = updatable.map((c) => `EXCLUDED.${c}`).join(', ');
  return (
    `INSERT INTO ${table} (organization_id, ${list}) SELECT $1, ${list} FROM ${staging} ` +
    `ON CONFLICT (organization_id, external_ref) DO UPDATE SET ${set}, updated_at = now() ` +
    `WHERE (${current}) IS DISTINCT FROM (${incoming})`
  );
}

/** external_ref -> id of the organisation's rows of `table`. */
export async function loadRefMap(db: Queryable, table: string, organizationId: string): Promise<Map<string, string>> {
  const { rows } = await db.query(`SELECT external_ref, id FROM ${table} WHERE organization_id = $1`, [organizationId]);
  const map = new Map<string, string>();
  for (const r of rows as { external_ref: string; id: string }[]) map.set(r.external_ref, r.id);
  return map;
}

export function unresolved(what: string, ref: string, hint: string): string {
  return `unknown ${what} ${JSON.stringify(ref.length > 60 ? `${ref.slice(0, 60)}…` : ref)}: no ${what} with this ref in your organisation (${hint})`;
}
