import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { identifierKey } from '../identifiers.js';
import { entryContentHash, parseList, type ListFormat, type ListIssue, type ParsedList, type ParsedListEntry } from '../lists/index.js';
import { normalizeName, NORMALIZER_VERSION } from '../normalize/normalize-name.js';
import { copyValue, inTransaction, textArrayLiteral, type PgClient, type PgPool } from './pg.js';

/** What changed between the previous current snapshot of a list and a new one (by entry source id and content hash). */
export interface SnapshotDiff {
  previousSnapshotId: string | null;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Up to SAMPLE source ids of each kind. */
  samples: { added: string[]; removed: string[]; changed: string[] };
}

export interface SnapshotResult {
  snapshotId: string;
  listId: string;
  version: number;
  /** True when the content equals the list's current snapshot: nothing was loaded. */
  duplicate: boolean;
  entryCount: number;
  nameCount: number;
  issues: ListIssue[];
  diff: SnapshotDiff | null;
}

export interface WriteSnapshotInput {
  listId: string;
  entries: readonly ParsedListEntry[];
  issues?: readonly ListIssue[];
  contentSha256: string;
  sizeBytes: number;
  filename?: string | null;
  /** Publication date of this edition, as the source states it (YYYY-MM-DD). */
  sourceDate?: string | null;
  retrievedAt?: Date | null;
  createdByKeyId?: string | null;
  /** Runs inside the transaction that makes the snapshot current (e.g. to append the audit event with it). */
  onActivate?: (client: PgClient, activated: { snapshotId: string; version: number; diff: SnapshotDiff }) => Promise<void>;
}

const SAMPLE = 50;
const COPY_BATCH_BYTES = 1 << 20;
/** Issues kept on the snapshot row (the count is always exact). */
const MAX_STORED_ISSUES = 200;

const ENTRY_COLUMNS = [
  'snapshot_id', 'source_id', 'schema', 'caption', 'names', 'countries', 'identifiers', 'program', 'authority', 'reason', 'starts_on', 'ends_on',
  'source_status', 'inactive', 'details', 'match_keys', 'identifier_keys', 'content_hash',
];

/** `kind:tokens` per name, one per line, in the order of `names` (what the in-memory index is built from). */
export function matchKeysOf(e: Pick<ParsedListEntry, 'names'>): string {
  return e.names.map((n) => `${n.kind}:${normalizeName(n.name).tokens.join(' ')}`).join('\n');
}

export function identifierKeysOf(e: Pick<ParsedListEntry, 'identifiers'>): string {
  return [...new Set(e.identifiers.map(identifierKey))].join(' ');
}

function copyRow(snapshotId: string, e: ParsedListEntry): string {
  const caption = e.names.find((n) => n.kind === 'primary')?.name ?? e.names[0]?.name ?? e.sourceId;
  const details = Object.fromEntries(Object.entries(e.details).filter(([, v]) => v !== undefined && v !== null));
  return (
    [
      snapshotId,
      e.sourceId,
      e.schema,
      caption,
      JSON.stringify(e.names),
      textArrayLiteral(e.countries),
      JSON.stringify(e.identifiers),
      e.program,
      e.authority,
      e.reason,
      e.startsOn,
      e.endsOn,
      e.sourceStatus,
      e.inactive ? 't' : 'f',
      JSON.stringify(details),
      matchKeysOf(e),
      identifierKeysOf(e),
      entryContentHash(e),
    ]
      .map(copyValue)
      .join('\t') + '\n'
  );
}

async function copyEntries(client: PgClient, snapshotId: string, entries: readonly ParsedListEntry[]): Promise<void> {
  // Loaded only here, so that importing @lantern/screening never loads a driver helper.
  const { default: copyStreams } = await import('pg-copy-streams');
  const stream = client.query(copyStreams.from(`COPY exclusion_entries (${ENTRY_COLUMNS.join(', ')}) FROM STDIN`));
  let failure: Error | undefined;
  stream.on('error', (err: Error) => (failure ??= err));
  let buf = '';
  for (const e of entries) {
    buf += copyRow(snapshotId, e);
    if (buf.length >= COPY_BATCH_BYTES) {
      if (failure) throw failure;
      if (!stream.write(buf)) await once(stream, 'drain');
      buf = '';
    }
  }
  stream.end(buf);
  await new Promise<void>((resolve, reject) => {
    if (failure) return reject(failure);
    stream.once('finish', resolve);
    stream.once('error', reject);
  });
}

async function diffAgainst(client: PgClient, snapshotId: string, previous: string | null): Promise<SnapshotDiff> {
  if (previous === null) {
    const { rows } = await client.query<{ n: number; sample: string[] | null }>(
      `SELECT count(*)::int AS n, (array_agg(source_id ORDER BY source_id))[1:${SAMPLE}] AS sample FROM exclusion_entries WHERE snapshot_id = $1`,
      [snapshotId],
    );
    return { previousSnapshotId: null, added: rows[0]?.n ?? 0, removed: 0, changed: 0, unchanged: 0, samples: { added: rows[0]?.sample ?? [], removed: [], changed: [] } };
  }
  const { rows } = await client.query<{ kind: 'added' | 'removed' | 'changed' | 'unchanged'; n: number; sample: string[] }>(
    `WITH n AS (SELECT source_id, content_hash FROM exclusion_entries WHERE snapshot_id = $1),
          o AS (SELECT source_id, content_hash FROM exclusion_entries WHERE snapshot_id = $2),
          d AS (
            SELECT coalesce(n.source_id, o.source_id) AS source_id,
                   CASE WHEN o.source_id IS NULL THEN 'added' WHEN n.source_id IS NULL THEN 'removed'
                        WHEN n.content_hash <> o.content_hash THEN 'changed' ELSE 'unchanged' END AS kind
              FROM n FULL JOIN o ON o.source_id = n.source_id)
     SELECT kind, count(*)::int AS n, (array_agg(source_id ORDER BY source_id))[1:${SAMPLE}] AS sample FROM d GROUP BY kind`,
    [snapshotId, previous],
  );
  const get = (k: string) => rows.find((r) => r.kind === k);
  return {
    previousSnapshotId: previous,
    added: get('added')?.n ?? 0,
    removed: get('removed')?.n ?? 0,
    changed: get('changed')?.n ?? 0,
    unchanged: get('unchanged')?.n ?? 0,
    samples: { added: get('added')?.sample ?? [], removed: get('removed')?.sample ?? [], changed: get('changed')?.sample ?? [] },
  };
}

/**
 * Load a new snapshot of a list and make it current, atomically:
 *  1. a `loading` snapshot row is created (next version number, under a lock on the list);
 *  2. its entries are copied in (invisible: screening only reads current snapshots);
 *  3. one transaction computes the diff against the current snapshot, marks
 *     that one `superseded` and the new one `current`, and repoints the list.
 * Screenings before the commit see the old snapshot, after it the new one;
 * none sees a mix. Entries of snapshots older than the previous one are then
 * deleted (the previous one is kept for comparison). Content equal to the
 * current snapshot's (same SHA-256) loads nothing and answers `duplicate`.
 */
export async function writeSnapshot(pool: PgPool, input: WriteSnapshotInput): Promise<SnapshotResult> {
  const issues = [...(input.issues ?? [])];
  const nameCount = input.entries.reduce((s, e) => s + e.names.length, 0);
  const started = await inTransaction(pool, async (client) => {
    const { rows: lists } = await client.query<{ current_snapshot_id: string | null }>('SELECT current_snapshot_id FROM exclusion_lists WHERE id = $1 FOR UPDATE', [input.listId]);
    if (lists.length === 0) throw new Error(`exclusion list ${input.listId} not found`);
    const current = lists[0]!.current_snapshot_id;
    if (current !== null) {
      const { rows } = await client.query<{ id: string; version: number; content_sha256: string; entry_count: number; name_count: number }>(
        'SELECT id, version, content_sha256, entry_count, name_count FROM exclusion_list_snapshots WHERE id = $1',
        [current],
      );
      const cur = rows[0];
      if (cur !== undefined && cur.content_sha256 === input.contentSha256) {
        return { duplicate: true as const, snapshotId: cur.id, version: cur.version, entryCount: cur.entry_count, nameCount: cur.name_count };
      }
    }
    const { rows } = await client.query<{ id: string; version: number }>(
      `INSERT INTO exclusion_list_snapshots (list_id, version, status, source_date, retrieved_at, filename, content_sha256, size_bytes,
                                             entry_count, name_count, issue_count, issues, normalizer_version, created_by_key_id)
       SELECT $1, coalesce(max(version), 0) + 1, 'loading', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 FROM exclusion_list_snapshots WHERE list_id = $1
       RETURNING id, version`,
      [
        input.listId, input.sourceDate ?? null, input.retrievedAt ?? null, input.filename ?? null, input.contentSha256, input.sizeBytes,
        input.entries.length, nameCount, issues.length, JSON.stringify(issues.slice(0, MAX_STORED_ISSUES)), NORMALIZER_VERSION, input.createdByKeyId ?? null,
      ],
    );
    return { duplicate: false as const, snapshotId: rows[0]!.id, version: rows[0]!.version };
  });
  if (started.duplicate) {
    return { snapshotId: started.snapshotId, listId: input.listId, version: started.version, duplicate: true, entryCount: started.entryCount, nameCount: started.nameCount, issues, diff: null };
  }

  const { snapshotId, version } = started;
  try {
    const client = await pool.connect();
    try {
      await copyEntries(client, snapshotId, input.entries);
    } finally {
      client.release();
    }
    const diff = await inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ current_snapshot_id: string | null }>('SELECT current_snapshot_id FROM exclusion_lists WHERE id = $1 FOR UPDATE', [input.listId]);
      const previous = rows[0]?.current_snapshot_id ?? null;
      const d = await diffAgainst(client, snapshotId, previous);
      await client.query(`UPDATE exclusion_list_snapshots SET status = 'superseded', superseded_at = now() WHERE list_id = $1 AND status = 'current'`, [input.listId]);
      await client.query(`UPDATE exclusion_list_snapshots SET status = 'current', activated_at = now(), diff = $2 WHERE id = $1`, [snapshotId, JSON.stringify(d)]);
      await client.query('UPDATE exclusion_lists SET current_snapshot_id = $2, updated_at = now() WHERE id = $1', [input.listId, snapshotId]);
      if (input.onActivate) await input.onActivate(client, { snapshotId, version, diff: d });
      return d;
    });
    // Keep the previous snapshot's entries (for comparison and audit); older ones go.
    await pool
      .query(
        `DELETE FROM exclusion_entries WHERE snapshot_id IN (
           SELECT id FROM exclusion_list_snapshots WHERE list_id = $1 AND status = 'superseded' AND id IS DISTINCT FROM $2)`,
        [input.listId, diff.previousSnapshotId],
      )
      .catch(() => undefined);
    return { snapshotId, listId: input.listId, version, duplicate: false, entryCount: input.entries.length, nameCount, issues, diff };
  } catch (err) {
    await pool.query(`UPDATE exclusion_list_snapshots SET status = 'failed', error = $2 WHERE id = $1`, [snapshotId, (err as Error).message]).catch(() => undefined);
    await pool.query('DELETE FROM exclusion_entries WHERE snapshot_id = $1', [snapshotId]).catch(() => undefined);
    throw err;
  }
}

export interface ImportSnapshotInput extends Omit<WriteSnapshotInput, 'entries' | 'issues' | 'contentSha256' | 'sizeBytes'> {
  format: ListFormat;
  content: Uint8Array;
  /** `parseList(format, content)` when the caller parsed it already (to refuse a file without entries first). */
  parsed?: ParsedList;
}

/** Parse a list file of the given format (unless given parsed) and write it as the list's new snapshot. */
export async function importSnapshot(pool: PgPool, input: ImportSnapshotInput): Promise<SnapshotResult> {
  const parsed = input.parsed ?? parseList(input.format, input.content);
  const contentSha256 = createHash('sha256').update(input.content).digest('hex');
  return writeSnapshot(pool, { ...input, entries: parsed.entries, issues: parsed.issues, contentSha256, sizeBytes: input.content.byteLength });
}
