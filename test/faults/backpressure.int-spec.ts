/**
 * Queue back-pressure (issue 6, item 5): 10,000 scoring jobs enqueued at once
 * drain through ONE real worker process without its memory growing with the
 * backlog. BullMQ hands a worker only as many jobs as its concurrency allows;
 * the backlog stays in Redis. Each job is a real `score-organization` run of
 * the real processor. To keep 10,000 of them affordable on 2 cores, one job
 * in SCORED_EVERY is a full `score-organization` run of a small organisation
 * with data (a supplier chain, a site, interviews: it reads, assesses and
 * writes a scoring run), and the others are `score-sites` runs of
 * organisations whose scoring outbox is empty (the run connects, takes the
 * organisation's advisory lock, opens its snapshot, loads settings and
 * reference data, finds no pending site and ends): the common case of a burst
 * of changes already covered by an earlier run.
 *
 * The worker's resident set (VmRSS) is sampled while it drains; the peak over
 * the idle baseline must stay under RSS_GROWTH_BOUND. This is a bound on
 * memory, not on time: the drain only has a generous deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lantern/database';
import { JOBS, QUEUES, type ScoreOrganizationJob, type ScoreSitesJob } from '@lantern/domain';
import { redisConnectionOptions } from '@lantern/platform';
import { seedDiverseInterviews, seedSupplyChain } from '../factories/scoring-data.js';
import { createTenant } from '../factories/tenants.js';
import { createScratchDatabase, type ScratchDatabase } from './harness/databases.js';
import { waitFor } from './harness/poll.js';
import { LanternProcesses, rssBytes } from './harness/processes.js';

const JOBS_ENQUEUED = 10_000;
/** Organisations with data; every SCORED_EVERY-th job scores one of them. */
const SCORED_ORGANISATIONS = 10;
const SCORED_EVERY = 50;
/** Organisations with an empty scoring outbox, for the other jobs (runs of one organisation are serialised, so spread them). */
const EMPTY_ORGANISATIONS = 100;
const MiB = 1024 * 1024;
/**
 * Peak RSS growth allowed over the idle worker's baseline while the 10,000
 * jobs drain. Measured on the 2-core reference machine (concurrency 8): a
 * baseline of 195-290 MiB and a growth of 20-59 MiB over several runs (the V8
 * heap growing to its working size, JIT code, pg/ioredis buffers; more when the
 * machine is loaded and GC runs later). Above the worst seen, room is left for GC
 * timing; a worker that pulled the backlog into memory or kept ~10 KiB per job
 * (10,000 payloads, results, promises) would exceed it.
 */
const RSS_GROWTH_BOUND = 96 * MiB;
const PREFIX = `${process.env.LANTERN_QUEUE_PREFIX ?? 'lantern'}-bp`;

describe('queue back-pressure', () => {
  const processes = new LanternProcesses('backpressure');
  let db: ScratchDatabase | undefined;
  let pool: pg.Pool;
  let queue: Queue | undefined;
  const scoredIds: string[] = [];
  let emptyIds: string[] = [];

  beforeAll(async () => {
    db = await createScratchDatabase('faults_bp');
    pool = new pg.Pool({ connectionString: db.url, max: 3 });
    const ds = new DataSource(dataSourceOptions({ url: db.url, poolSize: 2 }));
    await ds.initialize();
    try {
      for (let i = 0; i < SCORED_ORGANISATIONS; i++) {
        const tenant = await createTenant(ds, { kind: 'company', name: `Backpressure ${i}`, roles: ['admin'] });
        const chain = await seedSupplyChain(pool, tenant.organizationId, { sites: 1, recruiters: 1 });
        await seedDiverseInterviews(pool, { ...chain, organizationId: tenant.organizationId }, 5, i + 1);
        scoredIds.push(tenant.organizationId);
      }
    } finally {
      await ds.destroy();
    }
    const empty = await pool.query<{ id: string }>(
      `INSERT INTO organizations (name, kind, jurisdiction) SELECT 'Backpressure empty ' || g || ' ' || gen_random_uuid(), 'company', 'GB'
         FROM generate_series(1, $1) g RETURNING id`,
      [EMPTY_ORGANISATIONS],
    );
    emptyIds = empty.rows.map((r) => r.id);
    queue = new Queue(QUEUES.scoring, { connection: redisConnectionOptions(process.env.REDIS_URL!), prefix: PREFIX });
  });

  afterAll(async () => {
    await processes.stopAll();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await pool?.end();
    await db?.drop();
  });

  it(`drains ${JOBS_ENQUEUED.toLocaleString('en')} scoring jobs enqueued at once within a bounded worker memory`, async () => {
    const worker = await processes.startWorker('worker', {
      DATABASE_URL: db!.url,
      REDIS_URL: process.env.REDIS_URL!,
      LANTERN_QUEUE_PREFIX: PREFIX,
      LANTERN_WORKER_CONCURRENCY: '8',
      LOG_LEVEL: 'warn',
    });
    const pid = worker.pid!;
    // Baseline: the idle worker once start-up has settled (median of a few samples).
    await sleep(2000);
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) (idle.push(rssBytes(pid)), await sleep(200));
    const baseline = idle.sort((a, b) => a - b)[2]!;

    const tag = randomUUID().slice(0, 8);
    const jobs = Array.from({ length: JOBS_ENQUEUED }, (_, i) => {
      if (i % SCORED_EVERY === 0) {
        const data: ScoreOrganizationJob = { schemaVersion: 1, organizationId: scoredIds[(i / SCORED_EVERY) % SCORED_ORGANISATIONS]!, reason: 'benchmark' };
        return { name: JOBS.scoreOrganization, data, opts: { jobId: `bp-${tag}-${i}` } };
      }
      const data: ScoreSitesJob = { schemaVersion: 1, organizationId: emptyIds[i % EMPTY_ORGANISATIONS]!, reason: 'benchmark' };
      return { name: JOBS.scoreSites, data, opts: { jobId: `bp-${tag}-${i}` } };
    });
    const started = Date.now();
    for (let i = 0; i < jobs.length; i += 1000) await queue!.addBulk(jobs.slice(i, i + 1000));

    let peak = baseline;
    let samples = 0;
    const drained = await waitFor('the scoring queue to drain', async () => {
      if (!worker.running) throw new Error(`the worker died while draining (see ${worker.logPath})`);
      peak = Math.max(peak, rssBytes(pid));
      samples++;
      const counts = await queue!.getJobCounts('wait', 'active', 'delayed', 'completed', 'failed', 'prioritized');
      return counts.completed + counts.failed >= JOBS_ENQUEUED ? counts : undefined;
    }, { timeoutMs: 600_000, intervalMs: 100 });
    const seconds = (Date.now() - started) / 1000;
    const growth = peak - baseline;
    console.log(
      `[backpressure] ${JOBS_ENQUEUED} jobs drained in ${seconds.toFixed(1)} s (${Math.round(JOBS_ENQUEUED / seconds)} jobs/s); ` +
        `worker RSS baseline ${(baseline / MiB).toFixed(1)} MiB, peak ${(peak / MiB).toFixed(1)} MiB, growth ${(growth / MiB).toFixed(1)} MiB ` +
        `(bound ${RSS_GROWTH_BOUND / MiB} MiB, ${samples} samples)`,
    );

    expect(drained).toMatchObject({ completed: JOBS_ENQUEUED, failed: 0, wait: 0, active: 0, delayed: 0 });
    // Every job ran the real processor exactly once: started once, completed, and the scoring
    // jobs of organisations with data wrote one completed scoring run per job id.
    const done = await queue!.getJobs(['completed'], 0, JOBS_ENQUEUED);
    const ours = done.filter((j) => j.id?.startsWith(`bp-${tag}-`));
    expect(ours).toHaveLength(JOBS_ENQUEUED);
    expect(ours.filter((j) => j.attemptsStarted !== 1 || j.stalledCounter !== 0)).toEqual([]);
    const scoredJobs = JOBS_ENQUEUED / SCORED_EVERY;
    expect(ours.filter((j) => (j.returnvalue as { skipped?: boolean }).skipped === false)).toHaveLength(scoredJobs);
    const runs = (
      await pool.query<{ runs: number; jobs: number; completed: number }>(
        `SELECT count(*)::int AS runs, count(DISTINCT job_id)::int AS jobs, count(*) FILTER (WHERE status = 'completed')::int AS completed
           FROM scoring_runs WHERE job_id LIKE $1`,
        [`bp-${tag}-%`],
      )
    ).rows[0];
    expect(runs).toEqual({ runs: scoredJobs, jobs: scoredJobs, completed: scoredJobs });
    expect(growth).toBeLessThan(RSS_GROWTH_BOUND);
  }, 900_000);
});
