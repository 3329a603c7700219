/**
 * Scale-out (issue 6, item 7): two API processes and two worker processes on
 * one Redis and one PostgreSQL. Large interview imports are uploaded through
 * API #1 and a full re-score of every organisation is requested through API
 * #2. Proven:
 *
 * - no job ran twice: every import and scoring job was started once (BullMQ
 *   attemptsStarted), every import completed once (one `import.completed`
 *   audit event each) and every scoring job wrote one scoring run;
 * - no row lost or duplicated: interviews stored == accepted rows == the good
 *   rows of each file, and each re-score run assessed every subject once;
 * - both workers did some of the work (BullMQ records the worker's name,
 *   `<host>:<pid>`, on each job it processes).
 *
 * Shared services, own database (dropped afterwards) and queue prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hostname } from 'node:os';
import { Queue, type Job } from 'bullmq';
import pg from 'pg';
import { QUEUES, jobIds, type Role } from '@lantern/domain';
import { redisConnectionOptions } from '@lantern/platform';
import type { Tenant } from '../factories/tenants.js';
import { interviewCsv, seedChain, type InterviewFile, type SeededChain } from './harness/data.js';
import { createScratchDatabase, type ScratchDatabase } from './harness/databases.js';
import { http } from './harness/http.js';
import { waitFor } from './harness/poll.js';
import { LanternProcesses, type ApiProcess, type LanternEnv } from './harness/processes.js';
import { tenantIn } from './harness/tenants.js';

const API = '/api/v1';
const ORGANISATIONS = 4;
const ROWS_PER_IMPORT = 50_000;
const SITES = 40;
const RECRUITERS = 4;
/** seedChain makes 3 suppliers: the subjects a full re-score assesses. */
const SUBJECTS = 3 + SITES + RECRUITERS;
const PREFIX = `${process.env.LANTERN_QUEUE_PREFIX ?? 'lantern'}-scale`;

interface Org {
  tenant: Tenant<Role>;
  chain: SeededChain;
  file: InterviewFile;
  importId?: string;
  rescoreJobId?: string;
}

describe('two APIs and two workers on one Redis and one PostgreSQL', () => {
  const processes = new LanternProcesses('scale-out');
  let db: ScratchDatabase | undefined;
  let pool: pg.Pool;
  let apis: ApiProcess[];
  let workerNames: string[];
  const orgs: Org[] = [];
  const queues: Queue[] = [];

  function queue(name: string): Queue {
    const q = new Queue(name, { connection: redisConnectionOptions(process.env.REDIS_URL!), prefix: PREFIX });
    queues.push(q);
    return q;
  }

  beforeAll(async () => {
    db = await createScratchDatabase('faults_scale');
    pool = new pg.Pool({ connectionString: db.url, max: 3 });
    for (let i = 0; i < ORGANISATIONS; i++) {
      const tenant = await tenantIn(db.url, `Scale ${i}`);
      const chain = await seedChain(pool, tenant.organizationId, SITES, RECRUITERS);
      orgs.push({ tenant, chain, file: interviewCsv(chain, ROWS_PER_IMPORT, `S${i}`, 500) });
    }
    // Concurrency 1: while one worker is busy with a job, the next job must go to the other.
    const env: LanternEnv = { DATABASE_URL: db.url, REDIS_URL: process.env.REDIS_URL!, LANTERN_QUEUE_PREFIX: PREFIX, LANTERN_WORKER_CONCURRENCY: '1' };
    const [api1, api2, w1, w2] = await Promise.all([
      processes.startApi('api-1', env),
      processes.startApi('api-2', env),
      processes.startWorker('worker-1', env),
      processes.startWorker('worker-2', env),
    ]);
    apis = [api1, api2];
    workerNames = [w1, w2].map((w) => `${hostname()}:${w.pid}`);
  });

  afterAll(async () => {
    await processes.stopAll();
    await Promise.all(queues.map((q) => q.close()));
    await pool?.end();
    await db?.drop();
  });

  it('imports through API #1 and re-scores through API #2 with no job run twice and no row lost', async () => {
    const [api1, api2] = apis;
    for (const org of orgs) {
      const res = await http('POST', `${api1!.baseUrl}${API}/imports?kind=interviews&filename=interviews.csv`, {
        key: org.tenant.keys.admin,
        body: org.file.csv,
        contentType: 'text/csv',
        deadlineMs: 120_000,
      });
      expect(res.status).toBe(202);
      org.importId = res.body.id;
    }
    // Followed through the other API: both serve the same state.
    for (const org of orgs) {
      const done = await waitFor(`import ${org.importId} to complete`, async () => {
        const res = await http('GET', `${api2!.baseUrl}${API}/imports/${org.importId}`, { key: org.tenant.keys.admin });
        if (res.body.status === 'failed') throw new Error(`import failed: ${res.body.error}`);
        return res.body.status === 'completed' ? res.body : undefined;
      }, { timeoutMs: 300_000, intervalMs: 500 });
      expect(done).toMatchObject({ acceptedRows: org.file.good, rejectedRows: org.file.bad });
    }

    for (const org of orgs) {
      const res = await http('POST', `${api2!.baseUrl}${API}/scoring/rescore`, { key: org.tenant.keys.admin, json: {} });
      expect(res.status).toBe(202);
      org.rescoreJobId = res.body.jobId;
    }
    const scoring = queue(QUEUES.scoring);
    for (const org of orgs) {
      // The request may have been folded into the organisation's waiting run (deduplication): follow the job it names.
      const done = await waitFor(`re-score ${org.rescoreJobId} to complete`, async () => {
        const res = await http('GET', `${api1!.baseUrl}${API}/scoring/jobs/${org.rescoreJobId}`, { key: org.tenant.keys.admin });
        if (res.body.state === 'failed') throw new Error(`scoring failed: ${res.body.failedReason}`);
        return res.status === 200 && res.body.state === 'completed' ? res.body : undefined;
      }, { timeoutMs: 300_000, intervalMs: 500 });
      expect(done.result).toMatchObject({ skipped: false, sites: SITES, suppliers: 3, recruiters: RECRUITERS });
    }
    await waitFor('the scoring queue to be idle', async () => {
      const c = await scoring.getJobCounts('wait', 'active', 'delayed', 'prioritized');
      return c.wait + c.active + c.delayed + c.prioritized === 0;
    });

    // ---- no row lost or duplicated
    for (const org of orgs) {
      const stored = (
        await pool.query(
          `SELECT count(*)::int AS n, count(DISTINCT external_ref)::int AS refs FROM interviews WHERE organization_id = $1`,
          [org.tenant.organizationId],
        )
      ).rows[0];
      expect(stored).toEqual({ n: org.file.good, refs: org.file.good });
      const events = await pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'import.completed' AND subject_id = $1`, [org.importId]);
      expect(events.rows[0].n).toBe(1);
    }

    // ---- every job started once; every scoring job wrote exactly one run, which assessed every subject once
    const importJobs = await Promise.all(orgs.map((o) => queue(QUEUES.import).getJob(jobIds.runImport(o.importId!)) as Promise<Job>));
    const scoringJobs = (await scoring.getJobs(['completed', 'failed'], 0, -1)) as Job[];
    expect(scoringJobs.filter((j) => j.finishedOn === undefined || j.failedReason)).toEqual([]);
    for (const job of [...importJobs, ...scoringJobs]) {
      expect({ id: job.id, attemptsStarted: job.attemptsStarted, stalled: job.stalledCounter }).toEqual({ id: job.id, attemptsStarted: 1, stalled: 0 });
      expect(workerNames).toContain(job.processedBy);
    }
    const runs = await pool.query<{ job_id: string; runs: number; completed: number; assessments: number; subjects: number }>(
      `SELECT r.job_id, count(DISTINCT r.id)::int AS runs, count(DISTINCT r.id) FILTER (WHERE r.status = 'completed')::int AS completed,
              count(a.id)::int AS assessments, count(DISTINCT (a.subject_type, a.subject_id))::int AS subjects
         FROM scoring_runs r LEFT JOIN assessments a ON a.run_id = r.id
        GROUP BY r.job_id`,
    );
    const byJob = new Map(runs.rows.map((r) => [r.job_id, r]));
    for (const job of scoringJobs) {
      expect(byJob.get(String(job.id))).toMatchObject({ runs: 1, completed: 1 });
    }
    expect(runs.rows).toHaveLength(scoringJobs.length);
    for (const org of orgs) {
      expect(byJob.get(org.rescoreJobId!)).toEqual({ job_id: org.rescoreJobId, runs: 1, completed: 1, assessments: SUBJECTS, subjects: SUBJECTS });
    }

    // ---- both workers took part
    const byWorker = new Map<string, number>();
    for (const job of [...importJobs, ...scoringJobs]) byWorker.set(job.processedBy!, (byWorker.get(job.processedBy!) ?? 0) + 1);
    console.log(`[scale-out] jobs per worker: ${JSON.stringify(Object.fromEntries(byWorker))} (${importJobs.length} imports, ${scoringJobs.length} scoring runs)`);
    expect([...byWorker.keys()].sort()).toEqual([...workerNames].sort());
  });
});
