import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { ExclusionListEntity, ExclusionListSnapshotEntity } from '@lantern/database';
import { DomainError } from '@lantern/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAuditEvent, AppConfig, AuditTrail, paginate, pgAuditSql, type Page, type Principal } from '@lantern/platform';
import { DEFAULT_LIST_EFFECT, importSnapshot, parseList, ScreeningEngine, type ListFormat, type PgPool, type SnapshotResult } from '@lantern/screening';
import { containsPattern } from '../common/like-pattern.js';
import { RescreeningProducer, SCREENING_PG_POOL } from '../screening/screening-core.module.js';
import type { CreateExclusionListDto, EntryResponse, ListEntriesQuery, UploadSnapshotQuery } from './dto/exclusion-list.dto.js';

/** Snapshots of at most this many entries are indexed before the upload answers (larger ones in the background). */
const PRELOAD_MAX_ENTRIES = 50_000;

/** The body of an upload as bytes, whatever the content-type parser made of it (buffer, string, stream, parsed JSON). */
async function bodyBytes(body: unknown, maxBytes: number): Promise<Buffer> {
  const stream = (body as { stream?: unknown } | null)?.stream;
  const readable = body instanceof Readable ? body : stream instanceof Readable ? stream : null;
  if (readable !== null) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of readable) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += b.length;
      if (size > maxBytes) throw new DomainError('payload_too_large', `The file is larger than ${maxBytes} bytes`);
      chunks.push(b);
    }
    return Buffer.concat(chunks);
  }
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body !== null && typeof body === 'object' && Object.keys(body).length > 0) return Buffer.from(JSON.stringify(body), 'utf8');
  throw DomainError.validation([{ field: 'body', reason: 'send the list file as the request body (text/csv, application/x-ndjson, application/json, text/html or application/octet-stream)' }]);
}

/** Entries are paged by id: the cursor is the last id seen. */
function entryCursor(cursor: string): number {
  const m = /^e(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (m === null) throw DomainError.validation([{ field: 'cursor', reason: 'is not a cursor returned by this list' }]);
  return Number(m[1]);
}

@Injectable()
export class ExclusionListsService {
  constructor(
    private readonly config: AppConfig,
    @Inject(SCREENING_PG_POOL) private readonly pool: PgPool,
    @InjectRepository(ExclusionListEntity) private readonly lists: Repository<ExclusionListEntity>,
    @InjectRepository(ExclusionListSnapshotEntity) private readonly snapshots: Repository<ExclusionListSnapshotEntity>,
    private readonly engine: ScreeningEngine,
    private readonly rescreening: RescreeningProducer,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, dto: CreateExclusionListDto): Promise<ExclusionListEntity> {
    return this.dataSource.transaction(async (em) => {
      const list = await em.save(
        em.create(ExclusionListEntity, {
        organizationId: principal.organizationId,
        name: dto.name,
        format: dto.format,
        effect: dto.effect ?? DEFAULT_LIST_EFFECT[dto.format],
        source: dto.source,
        sourceUrl: dto.sourceUrl ?? null,
        licence: dto.licence,
        description: dto.description ?? null,
        currentSnapshotId: null,
        createdByKeyId: principal.apiKeyId,
      }),
      );
      await AuditTrail.record(em, principal, { action: 'exclusion_list.created', subjectType: 'exclusion_list', subjectId: list.id, after: list });
      return list;
    });
  }

  private visible(principal: Principal): SelectQueryBuilder<ExclusionListEntity> {
    return this.lists.createQueryBuilder('list').where('(list.organizationId = :org OR list.organizationId IS NULL)', { org: principal.organizationId });
  }

  async findVisible(principal: Principal, id: string): Promise<ExclusionListEntity> {
    const list = await this.visible(principal).andWhere('list.id = :id', { id }).getOne();
    if (list === null) throw DomainError.notFound('exclusion list', id);
    return list;
  }

  async list(principal: Principal, query: { limit: number; cursor?: string }): Promise<Page<ExclusionListEntity>> {
    return paginate(this.visible(principal), query);
  }

  /** The current snapshots of some lists, by list id. */
  async currentSnapshots(lists: readonly ExclusionListEntity[]): Promise<Map<string, ExclusionListSnapshotEntity>> {
    const ids = lists.flatMap((l) => (l.currentSnapshotId === null ? [] : [l.currentSnapshotId]));
    if (ids.length === 0) return new Map();
    const rows = await this.snapshots.findBy({ id: In(ids) });
    return new Map(rows.map((s) => [s.listId, s]));
  }

  /** Import a new snapshot (the request body) and make it current atomically; then re-screening is queued. */
  async upload(principal: Principal, id: string, body: unknown, query: UploadSnapshotQuery): Promise<{ snapshot: ExclusionListSnapshotEntity; result: SnapshotResult }> {
    const list = await this.findVisible(principal, id);
    if (list.organizationId === null) throw DomainError.forbidden('platform-wide lists are loaded by the operator, not through the API');
    const content = await bodyBytes(body, this.config.LANTERN_MAX_UPLOAD_BYTES);
    const parsed = parseList(list.format as ListFormat, content);
    if (parsed.entries.length === 0) {
      throw DomainError.validation(
        [{ field: 'body', reason: `no ${list.format} entries could be read` }, ...parsed.issues.slice(0, 10).map((i) => ({ field: i.line === undefined ? 'body' : `line ${i.line}`, reason: i.reason }))],
        `The file has no ${list.format} entries: nothing was loaded`,
      );
    }
    const result = await importSnapshot(this.pool, {
      listId: list.id,
      format: list.format as ListFormat,
      content,
      parsed,
      filename: query.filename ?? null,
      sourceDate: query.sourceDate ?? null,
      retrievedAt: query.retrievedAt ?? null,
      createdByKeyId: principal.apiKeyId,
      onActivate: async (client, activated) => {
        await appendAuditEvent(pgAuditSql(client), principal.organizationId, { apiKeyId: principal.apiKeyId, role: principal.role }, {
          action: 'exclusion_list.snapshot_activated',
          subjectType: 'exclusion_list_snapshot',
          subjectId: activated.snapshotId,
          after: { listId: list.id, version: activated.version, diff: activated.diff },
        });
      },
    });
    if (!result.duplicate) {
      this.engine.invalidate(list.organizationId);
      const index = this.engine.snapshot(result.snapshotId);
      if (result.entryCount <= PRELOAD_MAX_ENTRIES) await index;
      const d = result.diff;
      await this.rescreening.enqueue(
        {
          kind: 'list_snapshot',
          id: result.snapshotId,
          summary: `${list.name} v${result.version}: ${d?.added ?? 0} added, ${d?.removed ?? 0} removed, ${d?.changed ?? 0} changed`,
        },
        String(result.version),
      );
    }
    const snapshot = await this.snapshots.findOneByOrFail({ id: result.snapshotId });
    return { snapshot, result };
  }

  async listSnapshots(principal: Principal, id: string, query: { limit: number; cursor?: string }): Promise<Page<ExclusionListSnapshotEntity>> {
    await this.findVisible(principal, id);
    return paginate(this.snapshots.createQueryBuilder('snapshot').where('snapshot.listId = :id', { id }), query);
  }

  /** Entries of the current snapshot, in id order (cursor = last id), with in-force computed today. */
  async entries(principal: Principal, id: string, query: ListEntriesQuery): Promise<Page<EntryResponse>> {
    const list = await this.findVisible(principal, id);
    if (list.currentSnapshotId === null) return { data: [], nextCursor: null };
    const after = query.cursor === undefined ? 0 : entryCursor(query.cursor);
    const today = new Date().toISOString().slice(0, 10);
    const params: unknown[] = [list.currentSnapshotId, after, today, query.limit + 1];
    const filters: string[] = [];
    if (query.inForce === 'true') filters.push(`(NOT inactive AND (starts_on IS NULL OR starts_on <= $3::date) AND (ends_on IS NULL OR ends_on >= $3::date))`);
    if (query.inForce === 'false') filters.push(`NOT (NOT inactive AND (starts_on IS NULL OR starts_on <= $3::date) AND (ends_on IS NULL OR ends_on >= $3::date))`);
    if (query.q !== undefined) {
      params.push(containsPattern(query.q));
      filters.push(`names::text ILIKE $${params.length}`);
    }
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT id::text, source_id, schema, caption, names, countries, identifiers, program, authority, reason, starts_on::text, ends_on::text, source_status, details, content_hash,
              (NOT inactive AND (starts_on IS NULL OR starts_on <= $3::date) AND (ends_on IS NULL OR ends_on >= $3::date)) AS in_force
         FROM exclusion_entries WHERE snapshot_id = $1 AND id > $2 ${filters.map((f) => `AND ${f}`).join(' ')}
        ORDER BY id LIMIT $4`,
      params,
    );
    const page = rows.slice(0, query.limit).map(
      (r): EntryResponse => ({
        id: String(r.id),
        sourceId: r.source_id as string,
        schema: r.schema as string,
        caption: r.caption as string,
        names: r.names as unknown[],
        countries: r.countries as string[],
        identifiers: r.identifiers as unknown[],
        program: r.program as string | null,
        authority: r.authority as string | null,
        reason: r.reason as string | null,
        startsOn: r.starts_on as string | null,
        endsOn: r.ends_on as string | null,
        sourceStatus: r.source_status as string | null,
        inForce: r.in_force as boolean,
        details: r.details as Record<string, unknown>,
        contentHash: r.content_hash as string,
      }),
    );
    const last = page.at(-1);
    const nextCursor = rows.length > query.limit && last !== undefined ? Buffer.from(`e${last.id}`, 'utf8').toString('base64url') : null;
    return { data: page, nextCursor };
  }
}
