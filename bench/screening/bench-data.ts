/**
 * The screening benchmark's data: a platform-wide exclusion list of
 * `entries` invented parties (SyntheticNames, deterministic), and a set of
 * bids that look like a tender's: mostly clean bidders, some that reach a
 * listed party only through a name variant, an identifier or a subcontractor.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { SyntheticNames, seededRandom, writeSnapshot, type ParsedListEntry } from '@lantern/screening';

const COUNTRIES = ['CN', 'BD', 'IN', 'PK', 'VN', 'TH', 'MY', 'ID', 'TR', 'RU', 'US', 'DE', 'GB', 'MX', 'NP', 'AE'];

export interface BenchList {
  entries: ParsedListEntry[];
  /** Names and UEIs of some entries, to build bids that hit them. */
  sample: { name: string; uei: string | null; country: string }[];
  contentSha256: string;
}

function uei(i: number): string {
  return createHash('sha256').update(`uei-${i}`).digest('hex').slice(0, 12).toUpperCase();
}

export function generateList(entries: number, seed = 20251122): BenchList {
  const gen = new SyntheticNames(seed);
  const rnd = seededRandom(seed + 1);
  const out: ParsedListEntry[] = new Array(entries);
  const sample: BenchList['sample'] = [];
  for (let i = 0; i < entries; i++) {
    const n = gen.next();
    const country = COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]!;
    const hasUei = rnd() < 0.7;
    const ended = rnd() < 0.2;
    const startYear = 2012 + Math.floor(rnd() * 13);
    const e: ParsedListEntry = {
      sourceId: `bench-${i}`,
      schema: n.kind === 'person' ? 'Person' : 'Company',
      names: rnd() < 0.15 ? [{ name: n.name, kind: 'primary' }, { name: `${n.stem} ${gen.stem()} Trading`, kind: 'alias' }] : [{ name: n.name, kind: 'primary' }],
      countries: [country],
      identifiers: hasUei ? [{ scheme: 'uei', value: uei(i) }] : [],
      program: 'Reciprocal / Ineligible (Proceedings Completed)',
      authority: 'Bench',
      reason: null,
      startsOn: `${startYear}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
      endsOn: ended ? `${startYear + 3}-01-31` : null,
      sourceStatus: 'Active',
      inactive: false,
      details: {},
    };
    out[i] = e;
    if (i % 97 === 0 && sample.length < 20_000) sample.push({ name: n.name, uei: hasUei ? uei(i) : null, country });
  }
  const contentSha256 = createHash('sha256').update(`lantern-bench-list-v1:${entries}:${seed}`).digest('hex');
  return { entries: out, sample, contentSha256 };
}

/** A name variant a bidder might write: legal form dropped, a typo in the longest word, or words reordered. */
function variant(name: string, rnd: () => number): string {
  const words = name.split(' ');
  const r = rnd();
  if (r < 0.4) return words.filter((w) => !/^(Co\.?,?|Ltd\.?|Limited|Company|Inc\.?|LLC|GmbH|Sdn\.?|Bhd\.?|Berhad|PT|Pvt\.?|Private|JSC|OOO|Corp\.?|plc|AG|A\.Ş\.|\(Pvt\))$/i.test(w)).join(' ');
  if (r < 0.75) {
    let longest = 0;
    for (let i = 1; i < words.length; i++) if (words[i]!.length > words[longest]!.length) longest = i;
    const w = words[longest]!;
    if (w.length > 5) words[longest] = w.slice(0, 2) + w[3] + w[2] + w.slice(4);
    return words.join(' ');
  }
  return [...words].reverse().join(' ');
}

/** `count` bids: 85% clean, 8% name variants of listed parties, 4% identifiers, 3% via a subcontractor; a fifth with subcontractors. */
export function generateBids(list: BenchList, count: number, seed = 7): string[] {
  const gen = new SyntheticNames(seed * 7919);
  const rnd = seededRandom(seed);
  const bids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const pick = list.sample[Math.floor(rnd() * list.sample.length)]!;
    // A clean bidder: an invented company whose stem is longer than any listed one (4-6 syllables), so that
    // it is not, by the chance of a small syllable inventory, one edit away from one of a million listed stems.
    const base = gen.company();
    const longStem = gen.stem() + gen.stem().toLowerCase();
    const clean = { ...base, name: base.name.replace(base.stem, longStem) };
    let bid: Record<string, unknown>;
    if (r < 0.85) bid = { bidder: { name: clean.name, country: clean.country } };
    else if (r < 0.93) bid = { bidder: { name: variant(pick.name, rnd), country: pick.country } };
    else if (r < 0.97 && pick.uei !== null) bid = { bidder: { name: clean.name, identifiers: [{ scheme: 'uei', value: pick.uei }] } };
    else bid = { bidder: { name: clean.name, country: clean.country }, subcontractors: [{ name: pick.name, country: pick.country }] };
    if (rnd() < 0.2) {
      const subs = (bid.subcontractors as unknown[] | undefined) ?? [];
      const sub = gen.company();
      bid.subcontractors = [...subs, { name: sub.name.replace(sub.stem, gen.stem() + gen.stem().toLowerCase()) }];
    }
    bid.tender = { reference: `BENCH-${(i % 500) + 1}` };
    bids.push(JSON.stringify(bid));
  }
  return bids;
}

/**
 * A platform-wide list named `name` whose current snapshot holds `entries`
 * generated parties: created and loaded (COPY + atomic swap) on first use, and
 * reused while its content hash matches, so later runs skip the load.
 */
export async function ensureGeneratedList(
  pool: pg.Pool,
  name: string,
  source: string,
  entries: number,
  log: (line: string) => void,
): Promise<{ listId: string; list: BenchList; loadSeconds: number | null }> {
  let { rows } = await pool.query<{ id: string; content_sha256: string | null }>(
    `SELECT l.id, s.content_sha256 FROM exclusion_lists l LEFT JOIN exclusion_list_snapshots s ON s.id = l.current_snapshot_id
      WHERE l.organization_id IS NULL AND l.name = $1`,
    [name],
  );
  if (rows.length === 0) {
    ({ rows } = await pool.query(
      `INSERT INTO exclusion_lists (organization_id, name, format, effect, source, licence, description)
       VALUES (NULL, $1, 'sam_exclusions', 'exclude', $2, 'CC0', 'Benchmark data') RETURNING id, NULL AS content_sha256`,
      [name, source],
    ));
  }
  const listId = rows[0]!.id;
  log(`generating ${entries.toLocaleString('en')} list entries`);
  const list = generateList(entries);
  if (rows[0]!.content_sha256 === list.contentSha256) {
    log('the list is already loaded (same content hash)');
    return { listId, list, loadSeconds: null };
  }
  log('loading the snapshot (COPY + atomic swap)');
  const t0 = performance.now();
  await writeSnapshot(pool, { listId, entries: list.entries, contentSha256: list.contentSha256, sizeBytes: 0, filename: 'generated', sourceDate: '2026-01-01' });
  const loadSeconds = (performance.now() - t0) / 1000;
  log(`loaded in ${loadSeconds.toFixed(1)} s`);
  await pool.query('ANALYZE exclusion_entries');
  return { listId, list, loadSeconds };
}
