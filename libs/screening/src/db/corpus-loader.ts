import { identifierKey } from '../identifiers.js';
import { CorpusBuilder, type Corpus, type CorpusName } from '../match/corpus.js';
import { NAME_KINDS, type ListName, type NameKind } from '../lists/types.js';
import { normalizeName, NORMALIZER_VERSION } from '../normalize/normalize-name.js';
import type { PgPool } from './pg.js';

/** The in-memory index of one list snapshot: record i is exclusion_entries.id = entryIds[i]. */
export interface SnapshotCorpus {
  snapshotId: string;
  corpus: Corpus;
  entryIds: Float64Array;
  loadedAt: Date;
  loadMs: number;
}

const BATCH = 100_000;

function parseMatchKeys(keys: string): CorpusName[] {
  if (keys === '') return [];
  return keys.split('\n').map((line) => {
    const colon = line.indexOf(':');
    const kind = line.slice(0, colon) as NameKind;
    const tokens = line.slice(colon + 1);
    return { kind: NAME_KINDS.includes(kind) ? kind : 'alias', tokens: tokens === '' ? [] : tokens.split(' ') };
  });
}

/**
 * Build the index of a snapshot from its entries' stored match keys (tokens
 * normalised at import), read in id order in batches of 100,000. A snapshot
 * normalised by another NORMALIZER_VERSION is re-normalised from its names.
 */
export async function loadSnapshotCorpus(pool: PgPool, snapshotId: string): Promise<SnapshotCorpus> {
  const t0 = performance.now();
  const { rows: meta } = await pool.query<{ normalizer_version: number; entry_count: number }>(
    'SELECT normalizer_version, entry_count FROM exclusion_list_snapshots WHERE id = $1',
    [snapshotId],
  );
  if (meta.length === 0) throw new Error(`snapshot ${snapshotId} not found`);
  const renormalise = meta[0]!.normalizer_version !== NORMALIZER_VERSION;
  const builder = new CorpusBuilder();
  const ids: number[] = [];
  let after = 0;
  for (;;) {
    const { rows } = await pool.query<{ id: string; match_keys: string; identifier_keys: string; names?: ListName[]; identifiers?: { scheme: string; value: string }[] }>(
      `SELECT id, match_keys, identifier_keys${renormalise ? ', names, identifiers' : ''}
         FROM exclusion_entries WHERE snapshot_id = $1 AND id > $2 ORDER BY id LIMIT ${BATCH}`,
      [snapshotId, after],
    );
    for (const r of rows) {
      const names: CorpusName[] = renormalise
        ? (r.names ?? []).map((n) => ({ kind: n.kind, tokens: normalizeName(n.name).tokens }))
        : parseMatchKeys(r.match_keys);
      const identifierKeys = renormalise
        ? (r.identifiers ?? []).map((i) => identifierKey(i as Parameters<typeof identifierKey>[0]))
        : r.identifier_keys === ''
          ? []
          : r.identifier_keys.split(' ');
      builder.add({ names, identifierKeys });
      ids.push(Number(r.id));
    }
    if (rows.length < BATCH) break;
    after = Number(rows[rows.length - 1]!.id);
  }
  const corpus = builder.build();
  return { snapshotId, corpus, entryIds: Float64Array.from(ids), loadedAt: new Date(), loadMs: Math.round(performance.now() - t0) };
}
