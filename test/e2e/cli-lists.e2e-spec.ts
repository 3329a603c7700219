import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { Queue } from 'bullmq';
import pg from 'pg';
import { redisConnectionOptions } from '@lantern/platform';
import { RESCREENING_QUEUE } from '@lantern/screening';
import { run } from '../../apps/cli/src/commands/lists.command.js';

const LIST = `CLI test list ${Date.now()}`;
const SAM = 'test/fixtures/screening/lists/sam-exclusions.csv';

/** `lantern lists`: the operator loads platform-wide exclusion lists (real PostgreSQL and Redis). */
describe('lantern lists (CLI)', () => {
  let pool: pg.Pool;
  let queue: Queue;
  const quiet = <T>(fn: () => Promise<T>): Promise<T> => {
    const [log, error] = [console.log, console.error];
    console.log = console.error = () => undefined;
    return fn().finally(() => ([console.log, console.error] = [log, error]));
  };

  beforeAll(() => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    queue = new Queue(RESCREENING_QUEUE, { connection: redisConnectionOptions(process.env.REDIS_URL!), prefix: process.env.LANTERN_QUEUE_PREFIX });
  });
  afterAll(async () => {
    // Platform-wide lists are screened by every organisation: leave none behind for the other suites.
    await pool.query(`UPDATE exclusion_lists SET current_snapshot_id = NULL WHERE organization_id IS NULL AND name = $1`, [LIST]);
    await pool.query(`DELETE FROM exclusion_lists WHERE organization_id IS NULL AND name = $1`, [LIST]);
    await queue.close();
    await pool.end();
  });

  it('refuses incomplete or invalid options, naming each, and writes nothing', async () => {
    expect(await quiet(() => run(['create', '--name', LIST, '--format', 'xlsx', '--effect', 'ban']))).toBe(2);
    expect(await quiet(() => run(['frobnicate']))).toBe(2);
    const { rows } = await pool.query(`SELECT 1 FROM exclusion_lists WHERE name = $1`, [LIST]);
    expect(rows).toHaveLength(0);
  });

  it('creates a platform-wide list, loads an edition atomically, skips an unchanged one and queues re-screening', async () => {
    expect(await quiet(() => run(['create', '--name', LIST, '--format', 'sam_exclusions', '--source', 'SAM.gov exclusions extract (fixture)', '--licence', 'US public domain']))).toBe(0);
    const [list] = (await pool.query(`SELECT id, organization_id, format, effect, current_snapshot_id FROM exclusion_lists WHERE name = $1`, [LIST])).rows;
    expect(list).toMatchObject({ organization_id: null, format: 'sam_exclusions', effect: 'exclude', current_snapshot_id: null });
    expect(await quiet(() => run(['create', '--name', LIST, '--format', 'sam_exclusions', '--source', 's', '--licence', 'l']))).toBe(2);

    expect(await quiet(() => run(['load', list.id, SAM, '--source-date', 'yesterday']))).toBe(2);
    expect(await quiet(() => run(['load', LIST, SAM, '--source-date', '2026-11-01']))).toBe(0);
    const [current] = (
      await pool.query(`SELECT s.id, s.version, s.entry_count, s.source_date::text FROM exclusion_lists l JOIN exclusion_list_snapshots s ON s.id = l.current_snapshot_id WHERE l.id = $1`, [list.id])
    ).rows;
    expect(current).toMatchObject({ version: 1, source_date: '2026-11-01' });
    expect(Number(current.entry_count)).toBeGreaterThan(0);
    const job = await queue.getJob(`rescreen-list_snapshot-${current.id}-1`);
    expect(job?.data).toMatchObject({ trigger: { kind: 'list_snapshot', id: current.id } });

    // The same file again: recognised, nothing loaded.
    expect(await quiet(() => run(['load', list.id, SAM]))).toBe(0);
    const { rows: snapshots } = await pool.query(`SELECT id FROM exclusion_list_snapshots WHERE list_id = $1`, [list.id]);
    expect(snapshots).toHaveLength(1);

    // A file with no entries of the format is refused; the current snapshot stays.
    expect(await quiet(() => run(['load', list.id, 'test/fixtures/screening/lists/worldbank-debarred.json']))).toBe(1);
    const [after] = (await pool.query(`SELECT current_snapshot_id FROM exclusion_lists WHERE id = $1`, [list.id])).rows;
    expect(after.current_snapshot_id).toBe(current.id);
  });
});
