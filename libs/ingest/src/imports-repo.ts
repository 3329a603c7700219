import { DomainError, type ImportFormat, type ImportKind, type ImportStatus } from '@lantern/domain';
import type { PgPool } from './db.js';

/** An import as the API, the CLI and the demo show it. */
export interface ImportView {
  id: string;
  organizationId: string;
  kind: ImportKind;
  format: ImportFormat;
  filename: string;
  status: ImportStatus;
  contentSha256: string;
  sizeBytes: number;
  /**
   * Rows in the file. While the import is queued or running this is the
   * estimate counted at upload (data lines); exact once it has finished.
   */
  totalRows: number | null;
  processedRows: number;
  acceptedRows: number;
  rejectedRows: number;
  /** 0..1: processed / total rows; 1 once finished. */
  progress: number;
  error: string | null;
  createdByKeyId: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportRow {
  id: string;
  organization_id: string;
  kind: ImportKind;
  format: ImportFormat;
  filename: string;
  status: ImportStatus;
  content_sha256: string;
  size_bytes: string | number;
  total_rows: number | null;
  processed_rows: number;
  accepted_rows: number;
  rejected_rows: number;
  error: string | null;
  created_by_key_id: string | null;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

export const IMPORT_COLUMNS =
  'id, organization_id, kind, format, filename, status, content_sha256, size_bytes, total_rows, processed_rows, ' +
  'accepted_rows, rejected_rows, error, created_by_key_id, created_at, started_at, finished_at';

const iso = (d: Date | string | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function progressOf(status: ImportStatus, processed: number, total: number | null): number {
  if (status === 'completed' || status === 'failed') return 1;
  if (total === null || total <= 0) return 0;
  return Math.min(0.99, Math.round((processed / total) * 1000) / 1000);
}

export function toImportView(r: ImportRow): ImportView {
  return {
    id: r.id,
    organizationId: r.organization_id,
    kind: r.kind,
    format: r.format,
    filename: r.filename,
    status: r.status,
    contentSha256: r.content_sha256,
    sizeBytes: Number(r.size_bytes),
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    acceptedRows: r.accepted_rows,
    rejectedRows: r.rejected_rows,
    progress: progressOf(r.status, r.processed_rows, r.total_rows),
    error: r.error,
    createdByKeyId: r.created_by_key_id,
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The organisation's import, or null (another tenant's import is indistinguishable from a missing one). */
export async function findImport(pool: PgPool, organizationId: string, id: string): Promise<ImportView | null> {
  if (!isUuid(id)) return null;
  const { rows } = await pool.query<ImportRow>(`SELECT ${IMPORT_COLUMNS} FROM imports WHERE id = $1 AND organization_id = $2`, [id, organizationId]);
  return rows.length === 0 ? null : toImportView(rows[0]);
}

export async function getImportOrThrow(pool: PgPool, organizationId: string, id: string): Promise<ImportView> {
  const found = await findImport(pool, organizationId, id);
  if (found === null) throw DomainError.notFound('import', id);
  return found;
}

/** One rejected row problem: 1-based line of the file (the CSV header is line 1), the column or path, and why. */
export interface RejectionView {
  line: number;
  field: string | null;
  reason: string;
}

export interface RejectionPage {
  data: RejectionView[];
  nextCursor: string | null;
}

function encodeRejectionCursor(line: number, id: string): string {
  return Buffer.from(`${line}:${id}`, 'utf8').toString('base64url');
}

function decodeRejectionCursor(cursor: string): { line: number; id: string } {
  const m = /^(\d{1,10}):(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (m === null) throw DomainError.validation([{ field: 'cursor', reason: 'is not a cursor returned by this list' }]);
  return { line: Number(m[1]), id: m[2] };
}

/** A page of an import's rejections, in file order. */
export async function listRejections(pool: PgPool, importId: string, page: { limit: number; cursor?: string }): Promise<RejectionPage> {
  const after = page.cursor === undefined ? null : decodeRejectionCursor(page.cursor);
  const { rows } = await pool.query<{ id: string; line: number; field: string | null; reason: string }>(
    `SELECT id, line, field, reason FROM import_rejections
      WHERE import_id = $1 AND ($2::int IS NULL OR (line, id) > ($2::int, $3::bigint))
      ORDER BY line, id LIMIT $4`,
    [importId, after?.line ?? null, after?.id ?? null, page.limit + 1],
  );
  const data = rows.slice(0, page.limit);
  const last = rows.length > page.limit ? data[data.length - 1] : undefined;
  return {
    data: data.map((r) => ({ line: r.line, field: r.field, reason: r.reason })),
    nextCursor: last === undefined ? null : encodeRejectionCursor(last.line, last.id),
  };
}

/** Every rejection of an import, page by page (bounded memory), for the CSV export. */
export async function* allRejections(pool: PgPool, importId: string, batch = 5000): AsyncGenerator<RejectionView> {
  let cursor: string | undefined;
  do {
    const page = await listRejections(pool, importId, { limit: batch, cursor });
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; leading = + - @ neutralised against spreadsheet formula injection. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rejections as CSV text chunks: header `line,field,reason`. */
export async function* rejectionsCsv(pool: PgPool, importId: string): AsyncGenerator<string> {
  yield 'line,field,reason\r\n';
  let chunk = '';
  for await (const r of allRejections(pool, importId)) {
    chunk += `${r.line},${csvField(r.field)},${csvField(r.reason)}\r\n`;
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Poll until the import has finished (completed or failed) and return it;
 * for callers that enqueue and then wait on a worker (the demo, scripts).
 * Throws when `timeoutMs` passes first.
 */
export async function waitForImport(
  pool: PgPool,
  organizationId: string,
  id: string,
  opts: { timeoutMs?: number; intervalMs?: number; onProgress?: (view: ImportView) => void } = {},
): Promise<ImportView> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10 * 60_000);
  for (;;) {
    const view = await getImportOrThrow(pool, organizationId, id);
    opts.onProgress?.(view);
    if (view.status === 'completed' || view.status === 'failed') return view;
    if (Date.now() > deadline) throw new Error(`import ${id} is still ${view.status} after ${opts.timeoutMs ?? 600_000} ms: is a worker running?`);
    await new Promise((resolve) => setTimeout(resolve, opts.intervalMs ?? 250));
  }
}

/**
 * Start of the error of an import that failed on infrastructure (database,
 * Redis, a crash), not on its file: such an import can be retried as it is
 * (POST /imports/{id}/retry). A file error would fail the same way again.
 */
export const INFRASTRUCTURE_FAILURE_PREFIX = 'internal error';

export function failedOnInfrastructure(view: Pick<ImportView, 'status' | 'error'>): boolean {
  return view.status === 'failed' && (view.error ?? '').startsWith(INFRASTRUCTURE_FAILURE_PREFIX);
}
