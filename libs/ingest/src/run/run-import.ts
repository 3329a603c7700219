import type { PgClient, PgPool } from '../db.js';
import { ImportFileError } from '../errors.js';
import { findImport, IMPORT_COLUMNS, toImportView, type ImportRow, type ImportView } from '../imports-repo.js';
import { KIND_COLUMNS } from '../kinds/columns.js';
import type { Issues } from '../kinds/fields.js';
import { KIND_SPECS } from '../kinds/index.js';
import type { IngestSecrets, KindHandler } from '../kinds/kind-spec.js';
import { copyNullable, copyText } from '../load/copy-text.js';
import { CsvParser } from '../parse/csv-parser.js';
import { NdjsonSplitter } from '../parse/ndjson-splitter.js';
import { assertKnownJsonFields, CsvRowView, JsonRowView, mapCsvHeader, type RowIssue } from '../parse/rows.js';
import { StrictUtf8Decoder } from '../parse/utf8.js';
import { readUpload } from '../store/store-import.js';
import { CopyWriter } from './copy-writer.js';

export interface ImportProgress {
  importId: string;
  processedRows: number;
  /** The upload's estimate while running; exact at the end. */
  totalRows: number | null;
  /** 0..1 */
  progress: number;
}

export interface RunImportDeps {
  pool: PgPool;
  secrets: IngestSecrets;
}

export interface RunImportOptions {
  importId: string;
  organizationId: string;
  /** Called about every `progressEveryRows` rows (after imports.processed_rows is updated) and once at the end. */
  onProgress?: (p: ImportProgress) => Promise<void> | void;
  progressEveryRows?: number;
  /** Clock for "in the future" checks (tests). */
  now?: number;
  /** Runs inside the load transaction, just before it commits a completed import: the audit-trail hook. */
  beforeCommit?: (client: PgClient, completed: ImportView) => Promise<void>;
}

export interface RunImportOutcome {
  /** skipped: the import had already finished (a re-delivered job); nothing was done. */
  status: 'completed' | 'failed' | 'skipped';
  import: ImportView;
  /** Where the time went (completed imports): streaming + validating + staging, then the merge and commit. */
  timings?: { loadMs: number; mergeMs: number };
}

/** The import does not exist (deleted, or a job of another database): not worth retrying. */
export class ImportNotFoundError extends Error {
  override readonly name = 'ImportNotFoundError';
}

/** Another worker is running this import right now: retry later. */
export class ImportBusyError extends Error {
  override readonly name = 'ImportBusyError';
}

const STAGING_TABLE = 'lantern_import_staging';
/** Rejections are flushed to import_rejections when this many are pending (bounded memory on a file of bad rows). */
const REJECTION_FLUSH = 5000;
/** COPY text is sent in batches of about this many bytes. */
const COPY_BATCH_BYTES = 1 << 20;

/**
 * Accumulates COPY rows straight into byte buffers. Each row string is encoded
 * as soon as it is built, so the pieces it was concatenated from die young
 * instead of being kept alive (and promoted by the GC) inside one big rope.
 */
class RowBatches {
  private buf = Buffer.allocUnsafe(COPY_BATCH_BYTES * 2);
  private pos = 0;
  private readonly full: Buffer[] = [];

  add(row: string): void {
    if (this.pos + row.length * 3 > this.buf.length) this.seal(Math.max(COPY_BATCH_BYTES * 2, row.length * 3));
    this.pos += this.buf.write(row, this.pos, 'utf8');
    if (this.pos >= COPY_BATCH_BYTES) this.seal(COPY_BATCH_BYTES * 2);
  }

  private seal(nextSize: number): void {
    if (this.pos > 0) this.full.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(nextSize);
    this.pos = 0;
  }

  /** Sealed batches, ready to send (and the partial one too when `all`). */
  take(all: boolean): Buffer[] {
    if (all) this.seal(COPY_BATCH_BYTES * 2);
    return this.full.splice(0, this.full.length);
  }
}

/**
 * Run one import: stream the stored upload back, parse it (CSV or NDJSON),
 * validate every row, and load the accepted rows in ONE transaction (COPY into
 * a temporary staging table, then INSERT ... SELECT ... ON CONFLICT DO UPDATE
 * into the target table), together with the rejections and the final counts.
 * A crash at any point leaves nothing behind; running it again is safe.
 *
 * File-level problems (malformed CSV, invalid UTF-8, unknown or missing
 * columns) roll everything back and mark the import failed: the outcome is
 * `failed`. Infrastructure errors (database down...) are thrown for the job to
 * be retried; ImportBusyError when another worker holds the import.
 */
export async function runImport(deps: RunImportDeps, opts: RunImportOptions): Promise<RunImportOutcome> {
  const { pool } = deps;
  const current = await findImport(pool, opts.organizationId, opts.importId);
  if (current === null) throw new ImportNotFoundError(`import ${opts.importId} not found`);
  if (current.status === 'completed' || current.status === 'failed') return { status: 'skipped', import: current };

  const loader = await pool.connect();
  let healthy = false;
  let processed = 0;
  try {
    await loader.query('BEGIN');
    const { rows: lock } = await loader.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 7302114)) AS ok`, [current.id]);
    if (!lock[0].ok) throw new ImportBusyError(`import ${current.id} is being processed by another worker`);
    const { rows: fresh } = await loader.query<{ status: string }>(`SELECT status FROM imports WHERE id = $1`, [current.id]);
    if (fresh[0]?.status === 'completed' || fresh[0]?.status === 'failed') {
      await loader.query('ROLLBACK');
      healthy = true;
      return { status: 'skipped', import: (await findImport(pool, opts.organizationId, opts.importId)) ?? current };
    }
    // Visible right away (own connection, outside the load transaction).
    await pool.query(
      `UPDATE imports SET status = 'running', started_at = clock_timestamp(), finished_at = NULL, error = NULL,
              processed_rows = 0, accepted_rows = 0, rejected_rows = 0 WHERE id = $1`,
      [current.id],
    );

    const handler = await KIND_SPECS[current.kind].prepare(loader, {
      organizationId: current.organizationId,
      now: opts.now ?? Date.now(),
      secrets: deps.secrets,
    });
    await loader.query(
      `CREATE TEMP TABLE ${STAGING_TABLE} (line integer NOT NULL, ${handler.staging.map(([c, t]) => `${c} ${t}`).join(', ')}) ON COMMIT DROP`,
    );

    const t0 = performance.now();
    const loaded = await loadRows(deps, loader, current, handler, opts, (n) => (processed = n));
    const t1 = performance.now();

    // Merge. Two rows of the file with the same ref would make the upsert touch one row twice
    // (SQLSTATE 21000): then the later ones are rejected and the merge is run again.
    let duplicates = 0;
    await loader.query('SAVEPOINT merge');
    try {
      await handler.merge(loader, STAGING_TABLE);
    } catch (err) {
      if ((err as { code?: string }).code !== '21000') throw err;
      await loader.query('ROLLBACK TO SAVEPOINT merge');
      duplicates = await rejectDuplicateRefs(loader, current.id);
      await handler.merge(loader, STAGING_TABLE);
    }

    const { rows: done } = await loader.query<ImportRow>(
      `UPDATE imports SET status = 'completed', total_rows = $2, processed_rows = $2, accepted_rows = $3, rejected_rows = $4,
              finished_at = clock_timestamp(), error = NULL
        WHERE id = $1 RETURNING ${IMPORT_COLUMNS}`,
      [current.id, loaded.total, loaded.accepted - duplicates, loaded.rejected + duplicates],
    );
    await opts.beforeCommit?.(loader, toImportView(done[0]));
    await loader.query('COMMIT');
    healthy = true;
    const timings = { loadMs: Math.round(t1 - t0), mergeMs: Math.round(performance.now() - t1) };
    const view = toImportView(done[0]);
    await opts.onProgress?.({ importId: view.id, processedRows: view.processedRows, totalRows: view.totalRows, progress: 1 });
    return { status: 'completed', import: view, timings };
  } catch (err) {
    if (err instanceof ImportFileError) {
      const { rows } = await pool.query<ImportRow>(
        `UPDATE imports SET status = 'failed', error = $2, finished_at = clock_timestamp(), processed_rows = $3, accepted_rows = 0, rejected_rows = 0
          WHERE id = $1 RETURNING ${IMPORT_COLUMNS}`,
        [current.id, err.message, processed],
      );
      return { status: 'failed', import: toImportView(rows[0]) };
    }
    throw err;
  } finally {
    // Any failure may leave a COPY half-sent: drop the connection (PostgreSQL rolls the transaction back).
    loader.release(healthy ? undefined : new Error('import transaction aborted'));
  }
}

interface Loaded {
  total: number;
  accepted: number;
  rejected: number;
}

async function loadRows(
  deps: RunImportDeps,
  loader: PgClient,
  imp: ImportView,
  handler: KindHandler,
  opts: RunImportOptions,
  onProcessed: (n: number) => void,
): Promise<Loaded> {
  const staging = new CopyWriter(loader, `COPY ${STAGING_TABLE} FROM STDIN`);
  const rejections: RowIssue[] = [];
  const rejectionLines: number[] = [];
  const issues: Issues = [];
  const out = new RowBatches();
  let total = 0;
  let accepted = 0;
  let rejected = 0;

  const reject = (line: number, rowIssues: readonly RowIssue[]): void => {
    rejected++;
    for (const issue of rowIssues) {
      rejections.push(issue);
      rejectionLines.push(line);
    }
  };

  const flushRejections = async (): Promise<void> => {
    if (rejections.length === 0) return;
    await staging.close();
    const writer = new CopyWriter(loader, `COPY import_rejections (import_id, line, field, reason) FROM STDIN`);
    let text = '';
    for (let i = 0; i < rejections.length; i++) {
      text += `${imp.id}\t${rejectionLines[i]}\t${copyNullable(rejections[i].field)}\t${copyText(rejections[i].reason)}\n`;
    }
    await writer.write(text);
    await writer.close();
    rejections.length = 0;
    rejectionLines.length = 0;
  };

  const accept = (line: number, text: string | undefined): void => {
    if (text === undefined) {
      reject(line, issues);
    } else {
      out.add(line + '\t' + text + '\n');
      accepted++;
    }
    issues.length = 0;
  };

  // ---- format-specific record handling (synchronous, called by the parsers)
  let feed: { push(text: string): void; end(): void; currentLine(): number };
  if (imp.format === 'csv') {
    let row: CsvRowView | undefined;
    let width = 0;
    const parser = new CsvParser((fields, line) => {
      if (row === undefined) {
        row = new CsvRowView(mapCsvHeader(imp.kind, fields));
        width = fields.length;
        return;
      }
      total++;
      if (fields.length !== width) {
        reject(line, [
          {
            field: null,
            reason: `has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${width}${fields.length > width ? ' (a value that contains a comma must be quoted)' : ''}`,
          },
        ]);
        return;
      }
      accept(line, handler.validate(row.reset(fields, line), issues));
    });
    feed = {
      push: (t) => parser.push(t),
      end: () => {
        parser.end();
        if (row === undefined) throw new ImportFileError('the file is empty: a CSV import starts with a header row naming the columns', 1);
      },
      currentLine: () => parser.currentLine(),
    };
  } else {
    const names = KIND_COLUMNS[imp.kind].map((c) => c.name);
    const known = new Set(names);
    const row = new JsonRowView(names);
    const splitter = new NdjsonSplitter((text, line) => {
      total++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        reject(line, [{ field: null, reason: jsonErrorReason(String((err as Error).message)) }]);
        return;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        reject(line, [{ field: null, reason: 'must be a JSON object' }]);
        return;
      }
      assertKnownJsonFields(imp.kind, known, value as Record<string, unknown>, line);
      accept(line, handler.validate(row.reset(value as Record<string, unknown>, line), issues));
    });
    feed = { push: (t) => splitter.push(t), end: () => splitter.end(), currentLine: () => splitter.currentLine() };
  }

  // ---- the stream: stored bytes -> strict UTF-8 -> parser -> validator -> COPY
  const every = opts.progressEveryRows ?? 10_000;
  let nextReport = every;
  /** `final`: every row is read; the exact total replaces the upload's estimate (the merge comes next). */
  const report = async (final = false): Promise<void> => {
    onProcessed(total);
    if (final) await deps.pool.query(`UPDATE imports SET processed_rows = $2, total_rows = $2 WHERE id = $1`, [imp.id, total]);
    else await deps.pool.query(`UPDATE imports SET processed_rows = $2 WHERE id = $1`, [imp.id, total]);
    const totalRows = final ? total : imp.totalRows === null ? null : Math.max(imp.totalRows, total);
    await opts.onProgress?.({
      importId: imp.id,
      processedRows: total,
      totalRows,
      progress: totalRows ? Math.min(0.99, total / totalRows) : 0,
    });
  };

  const decoder = new StrictUtf8Decoder();
  const send = async (all: boolean): Promise<void> => {
    for (const batch of out.take(all)) await staging.write(batch);
  };
  const pump = async (): Promise<void> => {
    await send(false);
    if (rejections.length >= REJECTION_FLUSH) {
      await send(true);
      await flushRejections();
    }
    if (total >= nextReport) {
      nextReport = total + every;
      await report();
    }
  };

  for await (const bytes of readUpload(deps.pool, imp.id, deps.secrets.cipher)) {
    feed.push(decoder.decode(bytes, feed.currentLine));
    await pump();
  }
  feed.push(decoder.end(feed.currentLine));
  feed.end();
  await send(true);
  await staging.close();
  await flushRejections();
  await report(true);
  return { total, accepted, rejected };
}

/**
 * "is not valid JSON: ..." from a JSON.parse message, without the snippet of
 * the line V8 quotes (it may hold a worker's name or testimony).
 */
export function jsonErrorReason(message: string): string {
  const positioned = /^(.*?) in JSON at position (\d+)/.exec(message);
  if (positioned) return `is not valid JSON: ${lowerFirst(positioned[1])} (at character ${Number(positioned[2]) + 1})`;
  const token = /^Unexpected token '(.{1,2})'/.exec(message);
  if (token) return `is not valid JSON: unexpected ${JSON.stringify(token[1])}`;
  if (/Unexpected end of JSON input/.test(message)) return 'is not valid JSON: the line ends in the middle of a value';
  return 'is not valid JSON';
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}

/** Reject every row whose ref repeats an earlier row's of the same file; returns how many. */
async function rejectDuplicateRefs(loader: PgClient, importId: string): Promise<number> {
  const { rowCount } = await loader.query(
    `WITH firsts AS (
        SELECT external_ref, min(line) AS first_line FROM ${STAGING_TABLE} GROUP BY external_ref HAVING count(*) > 1
     ), dups AS (
        DELETE FROM ${STAGING_TABLE} s USING firsts f
         WHERE s.external_ref = f.external_ref AND s.line > f.first_line
        RETURNING s.line, s.external_ref, f.first_line
     )
     INSERT INTO import_rejections (import_id, line, field, reason)
     SELECT $1, line, 'ref', 'duplicate ref ' || to_json(external_ref)::text || ': line ' || first_line || ' of this file has the same ref'
       FROM dups`,
    [importId],
  );
  return rowCount ?? 0;
}

