/**
 * A worker process killed (SIGKILL, with its Chromium) in the middle of an
 * import and in the middle of a report render, then a new worker started
 * (issue 6, item 5). Proven with the real API and worker processes, real
 * PostgreSQL and Redis:
 *
 * - the killed import left nothing behind (its load is one transaction), the
 *   job was handed to the new worker once its lock expired (BullMQ stalled-job
 *   check), and it completed once: exactly one `import.completed` audit event,
 *   interviews in the table == accepted rows == the good rows of the file (no
 *   duplicate, none lost), rejections == the bad rows;
 * - the killed report was rendered by the new worker: one PDF on the report
 *   row whose SHA-256 matches, exactly one `report.rendered` audit event;
 * - the killed re-score wrote nothing (its writes are one transaction), the
 *   next worker ran it once: one completed run that assessed every subject
 *   once, and the dead worker's run closed as failed (abandoned), not left
 *   `running` forever.
 *
 * Shared services, own database (dropped afterwards) and queue prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { Queue } from 'bullmq';
import pg from 'pg';
import { QUEUES, jobIds, type Role } from '@lantern/domain';
import { redisConnectionOptions } from '@lantern/platform';
import type { Tenant } from '../factories/tenants.js';
import { interviewCsv, seedChain, type InterviewFile, type SeededChain } from './harness/data.js';
import { createScratchDatabase, type ScratchDatabase } from './harness/databases.js';
import { http } from './harness/http.js';
import { waitFor } from './harness/poll.js';
import { crash, LanternProcesses, type ApiProcess, type LanternEnv } from './harness/processes.js';
import { tenantIn } from './harness/tenants.js';

const API = '/api/v1';
/** Large enough that the import is still loading when the worker is killed (progress is written every 10,000 rows). */
const INTERVIEW_ROWS = 60_000;
const PREFIX = `${process.env.LANTERN_QUEUE_PREFIX ?? 'lantern'}-crash`;

describe('worker killed mid-job', () => {
  const processes = new LanternProcesses('worker-crash');
  let db: ScratchDatabase | undefined;
  let pool: pg.Pool;
  let env: LanternEnv;
  let api: ApiProcess;
  let tenant: Tenant<Role>;
  let chain: SeededChain;
  const queues: Queue[] = [];

  const workerName = (pid: number | undefined) => `${hostname()}:${pid}`;
  const one = async <T = Record<string, any>>(sql: string, params: unknown[]): Promise<T> => (await pool.query(sql, params)).rows[0] as T;
  const auditEvents = async (action: string, subjectId: string) =>
    Number((await one<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE action = $1 AND subject_id = $2`, [action, subjectId])).n);

  function queue(name: string): Queue {
    const q = new Queue(name, { connection: redisConnectionOptions(process.env.REDIS_URL!), prefix: PREFIX });
    queues.push(q);
    return q;
  }

  beforeAll(async () => {
    db = await createScratchDatabase('faults_crash');
    pool = new pg.Pool({ connectionString: db.url, max: 3 });
    tenant = await tenantIn(db.url);
    chain = await seedChain(pool, tenant.organizationId, 240, 6);
    env = { DATABASE_URL: db.url, REDIS_URL: process.env.REDIS_URL!, LANTERN_QUEUE_PREFIX: PREFIX };
    api = await processes.startApi('api', env);
  });

  afterAll(async () => {
    await processes.stopAll();
    await Promise.all(queues.map((q) => q.close()));
    await pool?.end();
    await db?.drop();
  });

  it('an import killed mid-load is completed once by the next worker: no duplicate, no lost row', async () => {
    const worker1 = await processes.startWorker('worker-1', env);
    const file: InterviewFile = interviewCsv(chain, INTERVIEW_ROWS, 'INT');
    const upload = await http('POST', `${api.baseUrl}${API}/imports?kind=interviews&filename=interviews.csv`, {
      key: tenant.keys.admin,
      body: file.csv,
      contentType: 'text/csv',
      deadlineMs: 120_000,
    });
    expect(upload.status).toBe(202);
    const importId: string = upload.body.id;

    // Kill it while it loads: running, some rows processed, not finished.
    const seen = await waitFor('the import to be loading', async () => {
      const row = await one(`SELECT status, processed_rows FROM imports WHERE id = $1`, [importId]);
      if (row.status === 'completed' || row.status === 'failed') throw new Error(`the import finished (${row.status}) before the worker could be killed: make it larger`);
      return row.status === 'running' && row.processed_rows >= 10_000 ? row : undefined;
    }, { intervalMs: 25 });
    await crash(worker1);
    const afterCrash = await one(`SELECT status FROM imports WHERE id = $1`, [importId]);
    console.log(`[worker-crash] import killed at ${seen.processed_rows} of ${INTERVIEW_ROWS} rows`);
    expect(afterCrash.status).toBe('running');
    // The load is one transaction: the dead worker's rows are gone with it.
    expect(Number((await one(`SELECT count(*) AS n FROM interviews WHERE organization_id = $1`, [tenant.organizationId])).n)).toBe(0);

    const worker2 = await processes.startWorker('worker-2', env);
    const done = await waitFor('the import to complete on the new worker', async () => {
      const row = await one(`SELECT status, total_rows, accepted_rows, rejected_rows, error FROM imports WHERE id = $1`, [importId]);
      if (row.status === 'failed') throw new Error(`import failed: ${row.error}`);
      return row.status === 'completed' ? row : undefined;
    }, { timeoutMs: 180_000, intervalMs: 500 });

    expect(done).toMatchObject({ total_rows: file.rows, accepted_rows: file.good, rejected_rows: file.bad });
    const stored = await one(
      `SELECT count(*)::int AS n, count(DISTINCT external_ref)::int AS refs, count(*) FILTER (WHERE external_ref = ANY($2))::int AS expected
         FROM interviews WHERE organization_id = $1`,
      [tenant.organizationId, file.goodRefs],
    );
    expect(stored).toEqual({ n: file.good, refs: file.good, expected: file.good });
    expect(Number((await one(`SELECT count(DISTINCT line) AS n FROM import_rejections WHERE import_id = $1`, [importId])).n)).toBe(file.bad);
    expect(Number((await one(`SELECT count(*) AS n FROM import_rejections WHERE import_id = $1`, [importId])).n)).toBe(file.bad);
    expect(await auditEvents('import.completed', importId)).toBe(1);

    const job = await queue(QUEUES.import).getJob(jobIds.runImport(importId));
    expect(await job!.getState()).toBe('completed');
    expect(job!.processedBy).toBe(workerName(worker2.pid));
    expect(job!.stalledCounter).toBe(1); // taken back from the dead worker exactly once
    // Started twice (the dead worker, then the new one), finished once, and no attempt failed.
    expect(job!.attemptsStarted).toBe(2);
    expect(job!.attemptsMade).toBe(1);
    expect(job!.stacktrace).toEqual([]);
    expect(job!.returnvalue).toMatchObject({ importId, status: 'completed', acceptedRows: file.good });
  });

  it('a report killed mid-render is rendered once by the next worker', async () => {
    const worker2 = await waitFor('the worker of the previous test', () => processes.running('worker-2'));
    const requested = await http('POST', `${api.baseUrl}${API}/reports`, {
      key: tenant.keys.admin,
      // A long tagged PDF (80 sites, their audits and interviews): rendering takes long enough to be caught.
      json: { type: 'supplier_dossier', supplierId: chain.supplierIds[0], periodStart: '2025-01-01', periodEnd: '2025-12-31', options: { accessible: true } },
    });
    expect(requested.status).toBe(202);
    const reportId: string = requested.body.id;

    const seen = await waitFor('the report to be rendering', async () => {
      const row = await one(`SELECT status, progress FROM reports WHERE id = $1`, [reportId]);
      if (row.status === 'completed') throw new Error('the report finished before the worker could be killed: make it larger');
      return row.status === 'running' && row.progress >= 50 ? row : undefined;
    }, { intervalMs: 10 });
    await crash(worker2);
    console.log(`[worker-crash] report killed at progress ${seen.progress}`);
    expect(await one(`SELECT status, pdf IS NULL AS no_pdf FROM reports WHERE id = $1`, [reportId])).toEqual({ status: 'running', no_pdf: true });

    const worker3 = await processes.startWorker('worker-3', env);
    const done = await waitFor('the report to be rendered by the new worker', async () => {
      const row = await one(`SELECT status, error FROM reports WHERE id = $1`, [reportId]);
      if (row.status === 'failed') throw new Error(`report failed: ${row.error}`);
      return row.status === 'completed' ? row : undefined;
    }, { timeoutMs: 180_000, intervalMs: 500 });
    expect(done.status).toBe('completed');

    const report = await one<{ pdf: Buffer; pdf_sha256: string; page_count: number; n: string }>(
      `SELECT pdf, pdf_sha256, page_count, (SELECT count(*) FROM reports WHERE id = $1) AS n FROM reports WHERE id = $1`,
      [reportId],
    );
    expect(Number(report.n)).toBe(1);
    expect(report.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(report.pdf).digest('hex')).toBe(report.pdf_sha256);
    expect(report.page_count).toBeGreaterThan(1);
    expect(await auditEvents('report.rendered', reportId)).toBe(1);

    const job = await queue(QUEUES.reports).getJob(jobIds.renderReport(reportId));
    expect(await job!.getState()).toBe('completed');
    expect(job!.processedBy).toBe(workerName(worker3.pid));
    expect(job!.stalledCounter).toBe(1);
    expect(job!.attemptsStarted).toBe(2);
    expect(job!.stacktrace).toEqual([]);
    expect(job!.returnvalue).toMatchObject({ reportId, sha256: report.pdf_sha256 });
  });

  it('a re-score killed mid-run is run once by the next worker; the abandoned run is closed, nothing of it kept', async () => {
    const worker3 = await waitFor('the worker of the previous test', () => processes.running('worker-3'));
    const org = tenant.organizationId;
    // The re-score the import queued must be over first: this test follows its own.
    await waitFor('no scoring run in progress', async () =>
      Number((await one<{ n: string }>(`SELECT count(*) AS n FROM scoring_runs WHERE organization_id = $1 AND status = 'running'`, [org])).n) === 0 &&
      (await queue(QUEUES.scoring).getJobCounts('wait', 'active', 'delayed', 'prioritized')).active === 0
        ? true
        : undefined,
    { timeoutMs: 180_000, intervalMs: 200 });

    const requested = await http('POST', `${api.baseUrl}${API}/scoring/rescore`, { key: tenant.keys.admin, json: {} });
    expect(requested.status).toBe(202);
    const jobId: string = requested.body.jobId;
    const crashedRun = await waitFor('the re-score to be running', async () => {
      const row = await one<{ id: string; status: string } | undefined>(`SELECT id, status FROM scoring_runs WHERE job_id = $1 ORDER BY started_at LIMIT 1`, [jobId]);
      if (row?.status === 'completed') throw new Error('the re-score finished before the worker could be killed: make the data set larger');
      return row?.status === 'running' ? row : undefined;
    }, { intervalMs: 5 });
    await crash(worker3);
    expect(await one(`SELECT status FROM scoring_runs WHERE id = $1`, [crashedRun.id])).toEqual({ status: 'running' });
    expect(Number((await one<{ n: string }>(`SELECT count(*) AS n FROM assessments WHERE run_id = $1`, [crashedRun.id])).n)).toBe(0);

    const worker4 = await processes.startWorker('worker-4', env);
    const done = await waitFor('the re-score to complete on the new worker', async () => {
      const res = await http('GET', `${api.baseUrl}${API}/scoring/jobs/${jobId}`, { key: tenant.keys.admin });
      if (res.body.state === 'failed') throw new Error(`scoring failed: ${res.body.failedReason}`);
      return res.status === 200 && res.body.state === 'completed' ? res.body : undefined;
    }, { timeoutMs: 180_000, intervalMs: 500 });

    const runs = (await pool.query<{ id: string; status: string; error: string | null }>(`SELECT id, status, error FROM scoring_runs WHERE job_id = $1 ORDER BY started_at`, [jobId])).rows;
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ id: crashedRun.id, status: 'failed', error: expect.stringMatching(/^abandoned/) });
    expect(runs[1]).toMatchObject({ id: done.result.runId, status: 'completed' });
    // The completed run assessed every subject exactly once; the dead run left no assessment.
    const assessed = await one<{ n: number; subjects: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT (subject_type, subject_id))::int AS subjects FROM assessments WHERE run_id = $1`,
      [done.result.runId],
    );
    expect(assessed.n).toBe(assessed.subjects);
    expect(assessed.n).toBe(done.result.assessments);
    expect(Number((await one<{ n: string }>(`SELECT count(*) AS n FROM assessments WHERE run_id = $1`, [crashedRun.id])).n)).toBe(0);
    expect(await auditEvents('scoring_run.completed', done.result.runId)).toBe(1);

    const job = await queue(QUEUES.scoring).getJob(jobId);
    expect(await job!.getState()).toBe('completed');
    expect(job!.processedBy).toBe(workerName(worker4.pid));
    expect(job!.stalledCounter).toBe(1);
    expect(job!.attemptsStarted).toBe(2);
    expect(job!.stacktrace).toEqual([]);
  });
});
