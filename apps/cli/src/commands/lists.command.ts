import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import pg from 'pg';
import { loadConfig, redisConnectionOptions } from '@lantern/platform';
import { enqueueRescreen, importSnapshot, LIST_FORMATS, parseList, RESCREENING_QUEUE, type ListFormat, type RescreenTrigger } from '@lantern/screening';

const USAGE = `usage:
  lantern lists ls
  lantern lists create --name NAME --format ${LIST_FORMATS.join('|')} --source TEXT --licence TEXT [--effect exclude|review] [--url URL] [--description TEXT]
  lantern lists load LIST FILE [--source-date YYYY-MM-DD]       (LIST: the list's id or name)

Platform-wide exclusion lists (screened by every organisation): the operator
creates them and loads each new edition as a snapshot (atomic swap; unchanged
content is recognised and skipped); every organisation's earlier screenings
and suppliers are then re-screened by the worker. Organisations manage their
own lists through the API (POST /api/v1/exclusion-lists).
`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `lantern lists ...`: the operator's side of platform-wide exclusion lists. */
export async function run(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'ls' && action !== 'create' && action !== 'load') {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig();
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 2, application_name: 'lantern-cli' });
  try {
    if (action === 'ls') return await list(pool);
    if (action === 'create') return await create(pool, rest);
    return await load(pool, rest, config);
  } finally {
    await pool.end();
  }
}

async function list(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ id: string; name: string; format: string; effect: string; version: number | null; entry_count: number | null; source_date: string | null; activated_at: Date | null }>(
    `SELECT l.id, l.name, l.format, l.effect, s.version, s.entry_count, s.source_date::text, s.activated_at
       FROM exclusion_lists l LEFT JOIN exclusion_list_snapshots s ON s.id = l.current_snapshot_id
      WHERE l.organization_id IS NULL ORDER BY lower(l.name)`,
  );
  if (rows.length === 0) console.log('no platform-wide lists (lantern lists create ...)');
  for (const r of rows) {
    const current = r.version === null ? 'no snapshot yet' : `v${r.version}, ${Number(r.entry_count).toLocaleString('en')} entries, edition of ${r.source_date ?? 'unknown date'}`;
    console.log(`${r.id}  ${r.name}  [${r.format}, ${r.effect}]  ${current}`);
  }
  return 0;
}

async function create(pool: pg.Pool, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { name: { type: 'string' }, format: { type: 'string' }, source: { type: 'string' }, licence: { type: 'string' }, effect: { type: 'string', default: 'exclude' }, url: { type: 'string' }, description: { type: 'string' } },
  });
  const problems: string[] = [];
  if (!values.name?.trim()) problems.push('--name is required');
  if (!LIST_FORMATS.includes(values.format as ListFormat)) problems.push(`--format must be one of ${LIST_FORMATS.join(', ')}; got ${JSON.stringify(values.format ?? '')}`);
  if (!values.source?.trim()) problems.push('--source is required (who publishes the list)');
  if (!values.licence?.trim()) problems.push('--licence is required (the terms the list is used under)');
  if (values.effect !== 'exclude' && values.effect !== 'review') problems.push(`--effect must be exclude or review; got ${JSON.stringify(values.effect)}`);
  if (values.url !== undefined && !/^https?:\/\/\S+$/.test(values.url)) problems.push(`--url must be an http(s) URL; got ${JSON.stringify(values.url)}`);
  if (problems.length > 0) {
    for (const p of problems) console.error(`lantern lists create: ${p}`);
    return 2;
  }
  try {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO exclusion_lists (organization_id, name, format, effect, source, source_url, licence, description)
       VALUES (NULL, $1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [values.name!.trim(), values.format, values.effect, values.source!.trim(), values.url ?? null, values.licence!.trim(), values.description ?? null],
    );
    console.log(`created platform-wide list ${rows[0]!.id} "${values.name!.trim()}"; load an edition with: lantern lists load ${rows[0]!.id} FILE`);
    return 0;
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      console.error(`lantern lists create: a platform-wide list named "${values.name}" exists already`);
      return 2;
    }
    throw err;
  }
}

async function load(pool: pg.Pool, args: string[], config: ReturnType<typeof loadConfig>): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'source-date': { type: 'string' } } });
  const [ref, file] = positionals;
  const sourceDate = values['source-date'];
  if (ref === undefined || file === undefined || positionals.length !== 2) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (sourceDate !== undefined && (!DATE.test(sourceDate) || Number.isNaN(Date.parse(sourceDate)))) {
    console.error(`lantern lists load: --source-date must be a date YYYY-MM-DD; got ${JSON.stringify(sourceDate)}`);
    return 2;
  }
  const { rows } = await pool.query<{ id: string; name: string; format: ListFormat }>(
    `SELECT id, name, format FROM exclusion_lists WHERE organization_id IS NULL AND (id::text = $1 OR lower(name) = lower($1))`,
    [ref],
  );
  if (rows.length !== 1) {
    console.error(`lantern lists load: no platform-wide list with the id or name ${JSON.stringify(ref)} (lantern lists ls)`);
    return 2;
  }
  const target = rows[0]!;
  const content = await readFile(file);
  let parsed: ReturnType<typeof parseList>;
  try {
    parsed = parseList(target.format, content);
  } catch (err) {
    console.error(`${target.name}: ${file} is not a readable ${target.format} file (${(err as Error).message}); nothing was loaded`);
    return 1;
  }
  for (const issue of parsed.issues.slice(0, 20)) console.log(`  ${issue.line === undefined ? '' : `line ${issue.line}: `}${issue.reason}`);
  if (parsed.issues.length > 20) console.log(`  ... and ${parsed.issues.length - 20} more issues`);
  if (parsed.entries.length === 0) {
    console.error(`${target.name}: no ${target.format} entries could be read from ${file}; nothing was loaded`);
    return 1;
  }
  const result = await importSnapshot(pool, { listId: target.id, format: target.format, content, parsed, filename: basename(file), sourceDate: sourceDate ?? null, retrievedAt: new Date() });
  if (result.duplicate) {
    console.log(`${target.name}: the file equals the current snapshot v${result.version}; nothing loaded`);
    return 0;
  }
  const d = result.diff;
  const summary = `${target.name} v${result.version}: ${d?.added ?? 0} added, ${d?.removed ?? 0} removed, ${d?.changed ?? 0} changed`;
  console.log(`${summary} (${result.entryCount.toLocaleString('en')} entries, ${result.nameCount.toLocaleString('en')} names, ${result.issues.length} issues)`);
  const trigger: RescreenTrigger = { kind: 'list_snapshot', id: result.snapshotId, summary };
  const queue = new Queue(RESCREENING_QUEUE, { connection: redisConnectionOptions(config.REDIS_URL), prefix: config.LANTERN_QUEUE_PREFIX });
  try {
    await enqueueRescreen(queue, trigger, result.version);
    console.log('re-screening of every organisation queued (the worker records what changed: GET /api/v1/screenings/changes)');
  } catch (err) {
    console.error(`the snapshot is current, but re-screening could not be queued: ${(err as Error).message}`);
    return 1;
  } finally {
    await queue.close();
  }
  return 0;
}
