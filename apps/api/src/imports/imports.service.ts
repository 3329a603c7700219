import '@fastify/multipart';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { DomainError, IMPORT_FORMATS, jobIds, QUEUES, type ImportFormat, type ImportKind } from '@lantern/domain';
import { ImportEntity } from '@lantern/database';
import {
  assertKindAndFormat,
  enqueueImport,
  failedOnInfrastructure,
  getImportOrThrow,
  IMPORT_COLUMNS,
  listRejections,
  pgPoolFromDataSource,
  ingestSecretsFrom,
  readUpload,
  rejectionsCsv,
  storeAndEnqueueImport,
  type UploadCipher,
  tooLarge,
  toImportView,
  type ImportRow,
  type ImportView,
  type PgPool,
  type RejectionPage,
  type StoreImportResult,
} from '@lantern/ingest';
import { AppConfig, AuditTrail, paginate, pgAuditSql, type Page, type Principal } from '@lantern/platform';
import type { ListImportsQuery, UploadImportQuery } from './dto/import.dto.js';
import { mediaType, RAW_UPLOAD_TYPES, RawUpload } from './upload-parsers.js';

const FILE_FIELD = 'file';

/** `.csv` / `.ndjson` / `.jsonl` -> format (for multipart parts sent as application/octet-stream). */
function formatFromName(name: string | undefined): ImportFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
  return ext === 'csv' ? 'csv' : ext === 'ndjson' || ext === 'jsonl' ? 'ndjson' : undefined;
}

function fieldValue(fields: Record<string, unknown> | undefined, name: string): string | undefined {
  const f = fields?.[name] as { type?: string; value?: unknown } | undefined;
  return f?.type === 'field' && typeof f.value === 'string' && f.value !== '' ? f.value : undefined;
}

/** Stops with payload_too_large when busboy truncated the part at its size limit. */
async function* untruncated(file: Readable & { truncated?: boolean }, maxBytes: number): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of file) yield chunk as Buffer;
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw err;
  }
  if (file.truncated) throw tooLarge(maxBytes);
}

@Injectable()
export class ImportsService {
  private readonly pool: PgPool;
  /** Uploads are kept encrypted at rest with the keyring of LANTERN_SECRET_KEY. */
  private readonly cipher: UploadCipher;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.import) private readonly queue: Queue,
  ) {
    this.pool = pgPoolFromDataSource(dataSource);
    this.cipher = ingestSecretsFrom(config.LANTERN_SECRET_KEY).cipher;
  }

  /** POST /imports: a raw body (text/csv, application/x-ndjson...) or multipart/form-data with a `file` part. */
  async upload(request: FastifyRequest, query: UploadImportQuery, principal: Principal): Promise<StoreImportResult> {
    const maxBytes = this.config.LANTERN_MAX_UPLOAD_BYTES;
    const declared = Number(request.headers['content-length']);
    const declaredBytes = Number.isFinite(declared) && declared >= 0 ? declared : undefined;
    // Checked before anything is read: too big for the file limit, whatever the framing overhead.
    if (declaredBytes !== undefined && declaredBytes > maxBytes + 64 * 1024) throw tooLarge(maxBytes);

    let kind: unknown = query.kind;
    let format: unknown;
    let filename: string | undefined = query.filename;
    let content: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | undefined;

    if (typeof request.isMultipart === 'function' && request.isMultipart()) {
      const part = await request.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 1024 } });
      if (part === undefined) throw DomainError.validation([{ field: FILE_FIELD, reason: 'is required: a multipart part named "file"' }]);
      if (part.fieldname !== FILE_FIELD) {
        part.file.resume();
        throw DomainError.validation([{ field: FILE_FIELD, reason: `is required: got a file part named ${JSON.stringify(part.fieldname)}` }]);
      }
      const fields = part.fields as Record<string, unknown>;
      kind ??= fieldValue(fields, 'kind');
      const partType = RAW_UPLOAD_TYPES[mediaType(part.mimetype)] ?? undefined;
      format = query.format ?? fieldValue(fields, 'format') ?? partType ?? formatFromName(part.filename);
      filename ??= part.filename;
      content = untruncated(part.file, maxBytes);
    } else {
      if (declaredBytes !== undefined && declaredBytes > maxBytes) throw tooLarge(maxBytes);
      const type = mediaType(request.headers['content-type']);
      const declaredFormat = RAW_UPLOAD_TYPES[type];
      if (declaredFormat && query.format && declaredFormat !== query.format) {
        throw DomainError.validation([{ field: 'format', reason: `${query.format} contradicts the Content-Type ${type}` }]);
      }
      format = declaredFormat ?? query.format;
      // Only bodies left unread by the pass-through parsers are accepted: anything else was buffered (or parsed) already.
      const body = request.body;
      if (body instanceof RawUpload) content = body.stream;
      else format = undefined;
      if (format === undefined) {
        throw new DomainError(
          'unsupported_media_type',
          `Cannot import a ${type || 'body without Content-Type'}: send the file as text/csv or application/x-ndjson ` +
            `(or application/octet-stream with ?format=${IMPORT_FORMATS.join('|')}), or as multipart/form-data with a "file" part`,
        );
      }
    }
    if (content === undefined) throw DomainError.validation([{ field: FILE_FIELD, reason: 'is required' }]);

    assertKindAndFormat(kind, format);
    return storeAndEnqueueImport(
      { pool: this.pool, queue: this.queue, cipher: this.cipher },
      {
        organizationId: principal.organizationId,
        kind: kind as ImportKind,
        format: format as ImportFormat,
        filename: filename ?? '',
        content,
        maxBytes,
        createdByKeyId: principal.apiKeyId,
        beforeCommit: async (client, stored) => {
          await AuditTrail.recordFor(pgAuditSql(client), principal, {
            action: 'import.uploaded',
            subjectType: 'import',
            subjectId: stored.id,
            after: { kind: stored.kind, format: stored.format, filename: stored.filename, contentSha256: stored.contentSha256, sizeBytes: stored.sizeBytes },
          });
        },
      },
    );
  }

  /**
   * Run again an import that failed on infrastructure (its file was never the
   * problem): back to `queued`, counters reset, the same stored upload, its
   * BullMQ job retried with fresh attempts (or queued anew if Redis lost it).
   * 409 for any other state, and for a failure caused by the file itself.
   */
  async retry(principal: Principal, id: string): Promise<ImportView> {
    const current = await this.get(principal, id);
    if (current.status !== 'failed') throw DomainError.conflict(`only a failed import can be retried; this one is ${current.status}`);
    if (!failedOnInfrastructure(current)) {
      throw DomainError.conflict(`the file itself could not be imported (${current.error ?? 'no reason recorded'}): upload a corrected file instead`);
    }
    const view = await this.dataSource.transaction(async (em) => {
      const rows: ImportRow[] = await em.query(
        // As a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
        `WITH moved AS (
           UPDATE imports SET status = 'queued', error = NULL, started_at = NULL, finished_at = NULL, total_rows = NULL,
                              processed_rows = 0, accepted_rows = 0, rejected_rows = 0
            WHERE id = $1 AND organization_id = $2 AND status = 'failed' RETURNING ${IMPORT_COLUMNS})
         SELECT * FROM moved`,
        [current.id, principal.organizationId],
      );
      if (rows.length === 0) throw DomainError.conflict('the import changed while it was being retried; read it again');
      const retried = toImportView(rows[0]!);
      await AuditTrail.record(em, principal, { action: 'import.retried', subjectType: 'import', subjectId: retried.id, before: { status: 'failed', error: current.error }, after: { status: 'queued' } });
      return retried;
    });
    // After the commit, so the worker never finds the import still `failed`.
    const job = await this.queue.getJob(jobIds.runImport(view.id));
    if (job !== undefined && (await job.isFailed())) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    else if (job === undefined) await enqueueImport(this.queue, view);
    return view;
  }

  async get(principal: Principal, id: string): Promise<ImportView> {
    return getImportOrThrow(this.pool, principal.organizationId, id);
  }

  async list(principal: Principal, query: ListImportsQuery): Promise<Page<ImportView>> {
    const qb = this.dataSource.getRepository(ImportEntity).createQueryBuilder('i').where('i.organizationId = :org', { org: principal.organizationId });
    if (query.kind !== undefined) qb.andWhere('i.kind = :kind', { kind: query.kind });
    if (query.status !== undefined) qb.andWhere('i.status = :status', { status: query.status });
    const page = await paginate(qb, { limit: query.limit, cursor: query.cursor });
    return { data: page.data.map(entityView), nextCursor: page.nextCursor };
  }

  async rejections(principal: Principal, id: string, page: { limit: number; cursor?: string }): Promise<RejectionPage> {
    const imp = await this.get(principal, id);
    return listRejections(this.pool, imp.id, page);
  }

  async rejectionsCsv(principal: Principal, id: string): Promise<{ view: ImportView; stream: Readable }> {
    const view = await this.get(principal, id);
    return { view, stream: Readable.from(rejectionsCsv(this.pool, view.id)) };
  }

  async file(principal: Principal, id: string): Promise<{ view: ImportView; stream: Readable }> {
    const view = await this.get(principal, id);
    return { view, stream: Readable.from(readUpload(this.pool, view.id, this.cipher), { objectMode: false }) };
  }
}

function entityView(e: ImportEntity): ImportView {
  const row: ImportRow = {
    id: e.id,
    organization_id: e.organizationId,
    kind: e.kind,
    format: e.format,
    filename: e.filename,
    status: e.status,
    content_sha256: e.contentSha256,
    size_bytes: e.sizeBytes,
    total_rows: e.totalRows,
    processed_rows: e.processedRows,
    accepted_rows: e.acceptedRows,
    rejected_rows: e.rejectedRows,
    error: e.error,
    created_by_key_id: e.createdByKeyId,
    created_at: e.createdAt,
    started_at: e.startedAt,
    finished_at: e.finishedAt,
  };
  return toImportView(row);
}
