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
 *   row whose SHA-256 matches, exactly one `report.rendered` audit event.
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
});
