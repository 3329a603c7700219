import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import pg from 'pg';
import { IMPORT_FORMATS, IMPORT_KINDS, QUEUES, type ImportFormat, type ImportKind } from '@lantern/domain';
import { findImport, ingestSecretsFrom, isUuid, listRejections, storeAndEnqueueImport, type ImportView, type RejectionView } from '@lantern/ingest';
import { loadConfig, redisConnectionOptions } from '@lantern/platform';

const USAGE = `usage: lantern import FILE --kind KIND [--format csv|ndjson] [--org ORG_ID] [--no-wait]
       lantern import FILE --kind KIND --key API_KEY --url http://127.0.0.1:3000 [--no-wait]

Stores FILE and queues its import, exactly as POST /api/v1/imports does, then
shows a progress bar until a worker has imported it (start one with
\`npm run start:worker\`). Exit code 0 when the import completed (rejected rows
are listed, they do not fail it), 1 when it failed.

  --kind     ${IMPORT_KINDS.join(' | ')}
  --format   csv | ndjson (default: from the file extension .csv / .ndjson / .jsonl)
  --org      organisation id (direct mode; default: the only organisation in the database)
  --key/--url  go through the HTTP API with an API key instead of the database
  --no-wait  return once the file is stored and queued
  --rejections N  how many rejected rows to print (default 10)

Column templates: docs/import-templates.md`;

interface Source {
  upload(): Promise<{ view: ImportView; duplicate: boolean }>;
  poll(id: string): Promise<ImportView>;
  rejections(id: string, limit: number): Promise<RejectionView[]>;
  close(): Promise<void>;
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        format: { type: 'string' },
        org: { type: 'string' },
        key: { type: 'string' },
        url: { type: 'string' },
        'no-wait': { type: 'boolean', default: false },
        rejections: { type: 'string', default: '10' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`lantern import: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = positionals[0];
  const kind = values.kind as ImportKind | undefined;
  const format = (values.format ?? formatFromExtension(file)) as ImportFormat | undefined;
  const problems: string[] = [];
  if (!file || positionals.length > 1) problems.push('give exactly one FILE');
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) problems.push(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
  if (!format || !(IMPORT_FORMATS as readonly string[]).includes(format)) problems.push('--format must be csv or ndjson (or use a .csv / .ndjson / .jsonl file name)');
  if ((values.key === undefined) !== (values.url === undefined)) problems.push('--key and --url go together');
  if (values.org !== undefined && !isUuid(values.org)) problems.push('--org must be an organisation id (a UUID)');
  if (problems.length > 0) {
    process.stderr.write(`lantern import: ${problems.join('; ')}\n\n${USAGE}\n`);
    return 2;
  }
  const size = (await stat(file!)).size;
  const source =
    values.key !== undefined
      ? httpSource(values.url!, values.key, file!, kind!, format!, size)
      : await directSource(file!, kind!, format!, size, values.org);
  try {
    const { view, duplicate } = await source.upload();
    process.stderr.write(
      duplicate
        ? `${basename(file!)} was already imported as ${kind} (import ${view.id}, ${view.status}); nothing new was stored\n`
        : `stored ${basename(file!)} (${formatBytes(view.sizeBytes)}, sha256 ${view.contentSha256.slice(0, 12)}…) as import ${view.id}; queued\n`,
    );
    if (values['no-wait']) {
      process.stdout.write(`${JSON.stringify({ id: view.id, status: view.status, duplicate })}\n`);
      return 0;
    }
    const final = await follow(source, view);
    const limit = Math.max(0, Number(values.rejections) || 0);
    await printSummary(final, limit > 0 && final.rejectedRows > 0 ? await source.rejections(final.id, limit) : []);
    return final.status === 'completed' ? 0 : 1;
  } finally {
    await source.close();
  }
}

function formatFromExtension(file: string | undefined): ImportFormat | undefined {
  const ext = extname(file ?? '').toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.ndjson' || ext === '.jsonl' ? 'ndjson' : undefined;
}

/** Straight to PostgreSQL and Redis (the same store-and-enqueue function as the API). */
async function directSource(file: string, kind: ImportKind, format: ImportFormat, size: number, org: string | undefined): Promise<Source> {
  const config = loadConfig();
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 3, application_name: 'lantern-cli' });
  const queue = new Queue(QUEUES.import, { connection: redisConnectionOptions(config.REDIS_URL), prefix: config.LANTERN_QUEUE_PREFIX });
  const close = async (): Promise<void> => {
    await queue.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
  };
  let organizationId = org;
  if (organizationId === undefined) {
    const { rows } = await pool.query<{ id: string; name: string }>('SELECT id, name FROM organizations ORDER BY name LIMIT 20');
    if (rows.length !== 1) {
      await close();
      throw new Error(
        rows.length === 0
          ? 'no organisation in the database: create one first (npm run demo creates several)'
          : `several organisations: choose one with --org\n${rows.map((r) => `  ${r.id}  ${r.name}`).join('\n')}`,
      );
    }
    organizationId = rows[0].id;
  }
  return {
    upload: async () => {
      const r = await storeAndEnqueueImport(
        { pool, queue, cipher: ingestSecretsFrom(config.LANTERN_SECRET_KEY).cipher },
        {
          organizationId: organizationId!,
          kind,
          format,
          filename: basename(file),
          content: createReadStream(file, { highWaterMark: 1024 * 1024 }),
          maxBytes: config.LANTERN_MAX_UPLOAD_BYTES,
          declaredBytes: size,
        },
      );
      return { view: r.import, duplicate: r.duplicate };
    },
    poll: async (id) => (await findImport(pool, organizationId!, id))!,
    rejections: async (id, limit) => (await listRejections(pool, id, { limit })).data,
    close,
  };
}

/** Through the HTTP API with an API key. */
function httpSource(url: string, key: string, file: string, kind: ImportKind, format: ImportFormat, size: number): Source {
  const base = url.replace(/\/+$/, '').replace(/\/api\/v1$/, '') + '/api/v1';
  const headers = { Authorization: `Bearer ${key}` };
  const call = async <T>(path: string, init: RequestInit & { duplex?: 'half' } = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
    const text = await res.text();
    const body = (text ? JSON.parse(text) : null) as T;
    if (res.status >= 400) {
      const p = body as { detail?: string; errors?: { field: string; reason: string }[] } | null;
      const details = p?.errors?.map((e) => `\n  ${e.field}: ${e.reason}`).join('') ?? '';
      throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${res.status} ${p?.detail ?? text}${details}`);
    }
    return { status: res.status, body };
  };
  return {
    upload: async () => {
      const query = new URLSearchParams({ kind, format, filename: basename(file) });
      const { body } = await call<ImportView & { duplicate: boolean }>(`/imports?${query}`, {
        method: 'POST',
        headers: { 'Content-Type': format === 'csv' ? 'text/csv' : 'application/x-ndjson', 'Content-Length': String(size) },
        body: createReadStream(file) as unknown as NonNullable<RequestInit['body']>,
        duplex: 'half',
      });
      return { view: body, duplicate: body.duplicate };
    },
    poll: async (id) => (await call<ImportView>(`/imports/${id}`)).body,
    rejections: async (id, limit) => (await call<{ data: RejectionView[] }>(`/imports/${id}/rejections?limit=${limit}`)).body.data,
    close: async () => undefined,
  };
}

/** Poll until the import has finished, drawing a progress bar on stderr. */
async function follow(source: Source, first: ImportView): Promise<ImportView> {
  const bar = new ProgressBar(process.stderr);
  let view = first;
  const waitingSince = Date.now();
  let hinted = false;
  while (view.status === 'queued' || view.status === 'running') {
    bar.draw(view);
    if (!hinted && view.status === 'queued' && Date.now() - waitingSince > 15_000) {
      bar.note('still queued: is a worker running? (npm run start:worker)');
      hinted = true;
    }
    await sleep(250);
    view = await source.poll(view.id);
  }
  bar.draw(view);
  bar.done();
  return view;
}

class ProgressBar {
  private runningSince: number | undefined;
  private lastLineAt = 0;
  private readonly tty: boolean;

  constructor(private readonly out: NodeJS.WriteStream) {
    this.tty = out.isTTY === true;
  }

  draw(v: ImportView): void {
    const now = Date.now();
    if (v.status === 'running' && this.runningSince === undefined) this.runningSince = now;
    // Average since the worker started on it: steady, and it does not decay while the rows are merged.
    const seconds = this.runningSince === undefined ? 0 : (now - this.runningSince) / 1000;
    const rate = seconds > 0.5 ? v.processedRows / seconds : 0;
    const width = 30;
    const filled = Math.round(v.progress * width);
    const total = v.totalRows === null ? '?' : v.totalRows.toLocaleString('en');
    const phase =
      v.status === 'running' && v.totalRows !== null && v.processedRows >= v.totalRows ? 'all rows read; writing to the database' : v.status;
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(v.progress * 100)).padStart(3)}% ` +
      `${v.processedRows.toLocaleString('en')}/${total} rows  ${Math.round(rate).toLocaleString('en')} rows/s  ${phase}`;
    if (this.tty) this.out.write(`\r${line}\x1b[K`);
    else if (now - this.lastLineAt > 5000 || v.status === 'completed' || v.status === 'failed') {
      this.out.write(`${line}\n`);
      this.lastLineAt = now;
    }
  }

  note(text: string): void {
    this.out.write(this.tty ? `\r\x1b[K${text}\n` : `${text}\n`);
  }

  done(): void {
    if (this.tty) this.out.write('\n');
  }
}

async function printSummary(v: ImportView, rejections: RejectionView[]): Promise<void> {
  const seconds = v.startedAt && v.finishedAt ? (Date.parse(v.finishedAt) - Date.parse(v.startedAt)) / 1000 : undefined;
  const lines = [
    `import ${v.id}: ${v.status}`,
    `  file      ${v.filename} (${v.kind}, ${v.format}, ${formatBytes(v.sizeBytes)})`,
    `  rows      ${(v.totalRows ?? 0).toLocaleString('en')} read, ${v.acceptedRows.toLocaleString('en')} accepted, ${v.rejectedRows.toLocaleString('en')} rejected`,
  ];
  if (seconds !== undefined) lines.push(`  time      ${seconds.toFixed(1)} s${seconds > 0 && v.totalRows ? ` (${Math.round(v.totalRows / seconds).toLocaleString('en')} rows/s)` : ''}`);
  if (v.error) lines.push(`  error     ${v.error}`);
  if (rejections.length > 0) {
    lines.push(`  first rejected rows (all: GET /api/v1/imports/${v.id}/rejections?format=csv):`);
    for (const r of rejections) lines.push(`    line ${r.line}${r.field ? ` ${r.field}` : ''}: ${r.reason}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
