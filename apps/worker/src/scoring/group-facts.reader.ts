/**
 * Runs the set-based SQL pass (./group-facts.sql.ts) and folds its rows into
 * GroupFacts accumulators per site and per recruiter, plus the number of each
 * site's interviewed workers each recruiter placed (the shares for recruiter
 * propagation).
 *
 * Call it inside a REPEATABLE READ transaction of `client`. With `parallel`,
 * the pass is split by site id over several connections that share the
 * transaction's snapshot (pg_export_snapshot), so PostgreSQL computes on
 * several cores while this process folds the rows as they arrive; the result
 * is the same as one stream (the accumulators do not depend on row order).
 */
import type { Pool, PoolClient } from 'pg';
import type { ExchangeRateTable, ScoringConfig } from '@lantern/scoring';
import { copyOut } from './copy-io.js';
import { compileFxSegments, type FxSegments } from './fx-segments.js';
import { GroupFactsAccumulator, WorkerRowParser, type WorkerRow } from './group-facts.accumulator.js';
import { fxTableDdl, fxTableFill, groupFactsQuery, type ScoringScope } from './group-facts.sql.js';

export const FX_TABLE = 'lantern_scoring_fx';

export interface ReadGroupFactsInput {
  organizationId: string;
  asOf: string;
  config: ScoringConfig;
  rates: ExchangeRateTable;
  scope: ScoringScope;
  /** Sites to summarise (rows of other sites only feed recruiters). */
  siteIds: Iterable<string>;
  /** Recruiters to summarise. */
  recruiterIds: Iterable<string>;
  /** Split the pass over this many connections from `pool` (1 = one stream on `client`). */
  parallel?: { pool: Pool; streams: number };
  /** Every decoded row, for tests (the object is reused: copy what you keep). */
  onRow?: (row: WorkerRow) => void;
  /** Called after each network chunk with the rows read so far (all streams). */
  onRows?: (rows: number) => void | Promise<void>;
}

export interface GroupFactsRead {
  sites: Map<string, GroupFactsAccumulator>;
  recruiters: Map<string, GroupFactsAccumulator>;
  /** site id -> recruiter id -> interviewed workers the recruiter placed there. */
  siteRecruiters: Map<string, Map<string, number>>;
  interviews: number;
  streams: number;
}

async function prepareFx(client: PoolClient, fx: FxSegments, create = true): Promise<void> {
  if (create) await client.query(fxTableDdl(FX_TABLE));
  await client.query(`TRUNCATE ${FX_TABLE}`);
  const fill = fxTableFill(FX_TABLE, fx);
  await client.query(fill.sql, fill.params);
}

/** Boundaries that cut the UUID space into `n` equal ranges: [null, b1), [b1, b2), ... [b(n-1), null). */
export function uuidRanges(n: number): { from: string | null; to: string | null }[] {
  const cut = (k: number): string => `${Math.floor((k * 0x1_0000_0000) / n).toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`;
  return Array.from({ length: n }, (_, k) => ({ from: k === 0 ? null : cut(k), to: k === n - 1 ? null : cut(k + 1) }));
}

export async function readGroupFacts(client: PoolClient, input: ReadGroupFactsInput): Promise<GroupFactsRead> {
  const fx = compileFxSegments(input.rates, input.asOf);
  await prepareFx(client, fx);

  const cap = input.config.prevalence.evidenceSampleSize;
  const sites = new Map<string, GroupFactsAccumulator>();
  for (const id of input.siteIds) sites.set(id, new GroupFactsAccumulator(cap));
  const recruiters = new Map<string, GroupFactsAccumulator>();
  for (const id of input.recruiterIds) recruiters.set(id, new GroupFactsAccumulator(cap));
  const siteRecruiters = new Map<string, Map<string, number>>();
  const onRow = input.onRow;
  const fold = (row: WorkerRow): void => {
    onRow?.(row);
    const { siteId, recruiterId } = row;
    const site = sites.get(siteId);
    if (site !== undefined) {
      site.add(row);
      if (recruiterId !== null) {
        let shares = siteRecruiters.get(siteId);
        if (shares === undefined) siteRecruiters.set(siteId, (shares = new Map()));
        shares.set(recruiterId, (shares.get(recruiterId) ?? 0) + 1);
      }
    }
    if (recruiterId !== null) recruiters.get(recruiterId)?.add(row);
  };

  const streams = Math.max(1, input.parallel?.streams ?? 1);
  const queryFor = (partition?: { from: string | null; to: string | null }) =>
    groupFactsQuery({ organizationId: input.organizationId, asOf: input.asOf, config: input.config, fx, fxTable: FX_TABLE, scope: input.scope, partition });
  const parsers: WorkerRowParser[] = [];
  const run = async (c: PoolClient, partition?: { from: string | null; to: string | null }): Promise<number> => {
    const parser = new WorkerRowParser(fold);
    parsers.push(parser);
    await copyOut(
      c,
      queryFor(partition),
      (chunk) => parser.push(chunk),
      input.onRows ? () => input.onRows!(parsers.reduce((a, p) => a + p.rows, 0)) : undefined,
    );
    parser.end();
    return parser.rows;
  };

  if (streams === 1 || input.parallel === undefined) {
    const interviews = await run(client);
    return { sites, recruiters, siteRecruiters, interviews, streams: 1 };
  }

  const [{ snapshot }] = (await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot')).rows;
  const ranges = uuidRanges(streams);
  const pool = input.parallel.pool;
  const others = await Promise.all(ranges.slice(1).map(() => pool.connect()));
  const started: PoolClient[] = [];
  try {
    for (const other of others) {
      await other.query(fxTableDdl(FX_TABLE)); // a temporary table of the session, created before the snapshot is imported
      await other.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      started.push(other);
      await other.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, "''")}'`);
      await other.query('SET LOCAL jit = off');
      await prepareFx(other, fx, false);
    }
    const totals = await Promise.all([run(client, ranges[0]), ...others.map((other, i) => run(other, ranges[i + 1]))]);
    for (const other of started) await other.query('COMMIT');
    return { sites, recruiters, siteRecruiters, interviews: totals.reduce((a, b) => a + b, 0), streams };
  } catch (err) {
    for (const other of started) await other.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    for (const other of others) other.release();
  }
}
