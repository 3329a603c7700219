import { createHash, randomBytes } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import {
  DEFAULT_JOB_OPTIONS,
  DomainError,
  IMPORT_FORMATS,
  IMPORT_KINDS,
  JOBS,
  jobIds,
  type ImportFormat,
  type ImportKind,
  type RunImportJob,
  type TestimonyCipher,
} from '@lantern/domain';
import type { PgClient, PgPool } from '../db.js';
import { IMPORT_COLUMNS, toImportView, type ImportRow, type ImportView } from '../imports-repo.js';

/** Encrypts the chunks of an upload at rest (the TestimonyCipher of LANTERN_SECRET_KEY). */
export type UploadCipher = Pick<TestimonyCipher, 'encryptBytes' | 'decryptBytes'>;

/** The upload is kept whole in import_chunks, in pieces of this size. */
export const IMPORT_CHUNK_BYTES = 4 * 1024 * 1024;

/** The part of a BullMQ Queue the producer needs (the API's @InjectQueue queue, or a plain `new Queue()` in the CLI). */
export interface ImportQueue {
  add(name: string, data: RunImportJob, opts?: JobsOptions): Promise<unknown>;
}

export interface StoreImportInput {
  organizationId: string;
  kind: ImportKind;
  format: ImportFormat;
  /** Shown to users; only the base name is kept. */
  filename: string;
  /** The file's bytes, streamed (a Node Readable, a file stream, an async generator). Strings are UTF-8 encoded. */
  content: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  /** Reject (nothing stored) once the upload passes this many bytes: AppConfig.LANTERN_MAX_UPLOAD_BYTES. */
  maxBytes: number;
  /** Content-Length when the client declared one: checked before reading anything. */
  declaredBytes?: number;
  /** The API key that uploaded it (null from the CLI). */
  createdByKeyId?: string | null;
  /**
   * Runs inside the upload's transaction, just before it commits, for a new
   * (not duplicate) import: the audit-trail hook. An error rolls the upload back.
   */
  beforeCommit?: (client: PgClient, stored: ImportView) => Promise<void>;
}

export interface StoreImportResult {
  import: ImportView;
  /** True when the organisation already imported this exact file as this kind: nothing new was stored or enqueued. */
  duplicate: boolean;
}

export function tooLarge(maxBytes: number): DomainError {
  return new DomainError('payload_too_large', `The upload is larger than the ${formatBytes(maxBytes)} limit (LANTERN_MAX_UPLOAD_BYTES); split the file`);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MiB` : `${n} bytes`;
}

/** The base name, without control characters, at most 255 characters. */
export function cleanFilename(name: string | undefined, format: ImportFormat): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return clean === '' ? `upload.${format === 'csv' ? 'csv' : 'ndjson'}` : clean;
}

export function assertKindAndFormat(kind: unknown, format: unknown): asserts kind is ImportKind {
  const issues = [];
  if (!(IMPORT_KINDS as readonly unknown[]).includes(kind)) {
    issues.push({ field: 'kind', reason: `must be one of ${IMPORT_KINDS.join(', ')}${kind === undefined ? '' : `; got ${JSON.stringify(kind)}`}` });
  }
  if (!(IMPORT_FORMATS as readonly unknown[]).includes(format)) {
    issues.push({ field: 'format', reason: `must be one of ${IMPORT_FORMATS.join(', ')}${format === undefined ? '' : `; got ${JSON.stringify(format)}`}` });
  }
  if (issues.length > 0) throw DomainError.validation(issues);
}

/** Upload lines minus the CSV header: the row estimate shown until the worker has the exact count. */
function estimateRows(format: ImportFormat, lineFeeds: number, lastByte: number, size: number): number {
  if (size === 0) return 0;
  const lines = lineFeeds + (lastByte === 10 ? 0 : 1);
  return Math.max(0, format === 'csv' ? lines - 1 : lines);
}

/**
 * Store an upload whole (import record + original bytes in 4 MiB chunks,
 * hashed with SHA-256 on the way) in one transaction, then enqueue the import
 * job after the commit. The one function behind `POST /api/v1/imports`,
 * `lantern import` and the demo.
 *
 * - Over `maxBytes` (declared or counted): DomainError payload_too_large, nothing kept.
 * - Same organisation + kind + content hash as an earlier import: that import
 *   is returned with `duplicate: true`; no rows, no job (a duplicate of an
 *   import still `queued`, e.g. after Redis was down at upload time,
 *   re-enqueues it: the job id is deterministic, so this never runs it twice).
 */
export async function storeAndEnqueueImport(
  deps: { pool: PgPool; queue: ImportQueue; cipher: UploadCipher },
  input: StoreImportInput,
): Promise<StoreImportResult> {
  assertKindAndFormat(input.kind, input.format);
  if (input.declaredBytes !== undefined && input.declaredBytes > input.maxBytes) throw tooLarge(input.maxBytes);
  const filename = cleanFilename(input.filename, input.format);

  const stored = await storeUpload(deps.pool, deps.cipher, { ...input, filename });
  if (stored.duplicate && stored.import.status !== 'queued') return stored;
  await enqueueImport(deps.queue, stored.import);
  return stored;
}

export async function enqueueImport(queue: ImportQueue, imp: Pick<ImportView, 'id' | 'organizationId'>): Promise<void> {
  const data: RunImportJob = { schemaVersion: 1, importId: imp.id, organizationId: imp.organizationId };
  await queue.add(JOBS.runImport, data, { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.runImport(imp.id) });
}

async function storeUpload(pool: PgPool, cipher: UploadCipher, input: StoreImportInput & { filename: string }): Promise<StoreImportResult> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    await client.query('BEGIN');
    await preferFastToastCompression(client);
    // The real hash is only known at the end: a random placeholder keeps the unique index happy meanwhile.
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO imports (organization_id, kind, format, filename, content_sha256, size_bytes, status, created_by_key_id)
       VALUES ($1, $2, $3, $4, $5, 0, 'queued', $6) RETURNING id`,
      [input.organizationId, input.kind, input.format, input.filename, randomBytes(32).toString('hex'), input.createdByKeyId ?? null],
    );
    const id = rows[0].id;

    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(IMPORT_CHUNK_BYTES);
    let filled = 0;
    let seq = 0;
    let size = 0;
    let lineFeeds = 0;
    let lastByte = -1;
    const flush = async (): Promise<void> => {
      if (filled === 0) return;
      const sealed = cipher.encryptBytes(chunk.subarray(0, filled));
      await client.query('INSERT INTO import_chunks (import_id, seq, bytes, key_id) VALUES ($1, $2, $3, $4)', [id, seq++, sealed.ciphertext, sealed.keyId]);
      filled = 0;
    };

    for await (const piece of input.content) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      size += bytes.length;
      if (size > input.maxBytes) throw tooLarge(input.maxBytes);
      hash.update(bytes);
      for (let p = bytes.indexOf(10); p >= 0; p = bytes.indexOf(10, p + 1)) lineFeeds++;
      if (bytes.length > 0) lastByte = bytes[bytes.length - 1];
      let offset = 0;
      while (offset < bytes.length) {
        const n = Math.min(IMPORT_CHUNK_BYTES - filled, bytes.length - offset);
        chunk.set(bytes.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === IMPORT_CHUNK_BYTES) await flush();
      }
    }
    await flush();
    if (size === 0) throw DomainError.validation([{ field: 'file', reason: 'is empty' }]);

    const sha = hash.digest('hex');
    const existing = await client.query<ImportRow>(
      `SELECT ${IMPORT_COLUMNS} FROM imports WHERE organization_id = $1 AND kind = $2 AND content_sha256 = $3`,
      [input.organizationId, input.kind, sha],
    );
    if (existing.rows.length > 0) {
      await client.query('ROLLBACK');
      return { import: toImportView(existing.rows[0]), duplicate: true };
    }
    await client.query('SAVEPOINT finish');
    try {
      const done = await client.query<ImportRow>(
        `UPDATE imports SET content_sha256 = $2, size_bytes = $3, total_rows = $4 WHERE id = $1 RETURNING ${IMPORT_COLUMNS}`,
        [id, sha, size, estimateRows(input.format, lineFeeds, lastByte, size)],
      );
      await input.beforeCommit?.(client, toImportView(done.rows[0]));
      await client.query('COMMIT');
      return { import: toImportView(done.rows[0]), duplicate: false };
    } catch (err) {
      // The same file committed by a concurrent upload since the check above.
      if ((err as { code?: string }).code !== '23505') throw err;
      await client.query('ROLLBACK');
      const again = await client.query<ImportRow>(
        `SELECT ${IMPORT_COLUMNS} FROM imports WHERE organization_id = $1 AND kind = $2 AND content_sha256 = $3`,
        [input.organizationId, input.kind, sha],
      );
      return { import: toImportView(again.rows[0]), duplicate: true };
    }
  } catch (err) {
    await client.query('ROLLBACK').catch((e: unknown) => (broken = e));
    throw err;
  } finally {
    client.release(broken instanceof Error ? broken : undefined);
  }
}

let lz4Available: boolean | undefined;

/** lz4 TOAST compression is several times faster than the default pglz on large text chunks, where the server has it. */
async function preferFastToastCompression(client: PgClient): Promise<void> {
  if (lz4Available === undefined) {
    const { rows } = await client.query<{ ok: boolean }>(
      `SELECT 'lz4' = ANY (enumvals) AS ok FROM pg_settings WHERE name = 'default_toast_compression'`,
    );
    lz4Available = rows[0]?.ok === true;
  }
  if (lz4Available) await client.query(`SET LOCAL default_toast_compression = lz4`);
}

/**
 * The original upload, byte for byte: the chunks are read back one at a time
 * (4 MiB each, never more in memory) and decrypted.
 */
export async function* readUpload(pool: PgPool, importId: string, cipher: UploadCipher): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const { rows } = await pool.query<{ bytes: Buffer; key_id: string | null }>(
      'SELECT bytes, key_id FROM import_chunks WHERE import_id = $1 AND seq = $2',
      [importId, seq],
    );
    if (rows.length === 0) return;
    const { bytes, key_id: keyId } = rows[0];
    yield keyId === null ? bytes : cipher.decryptBytes(keyId, bytes);
  }
}
