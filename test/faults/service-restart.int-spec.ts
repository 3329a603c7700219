/**
 * PostgreSQL and Redis restarted under a running API and worker (issue 6,
 * item 5). The suite runs its OWN PostgreSQL cluster and redis-server (the
 * shared ones of `npm test` are never touched) and stops / kills / restarts
 * them while a real API process and a real worker process keep running:
 *
 * - while a service is down, /health/ready answers 503 naming it, and
 *   requests that need it answer a clean 503 application/problem+json with
 *   Retry-After (no hang, no 500, no stack trace);
 * - once it is back, readiness returns to 200 and requests succeed, without
 *   restarting Lantern; the worker processes a job queued after recovery.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runMigrations } from '@lantern/database';
import type { Role } from '@lantern/domain';
import { aSupplier } from '../factories/builders.js';
import type { Tenant } from '../factories/tenants.js';
import { http, type HttpAnswer } from './harness/http.js';
import { waitFor } from './harness/poll.js';
import { PrivatePostgres, PrivateRedis } from './harness/private-services.js';
import { LanternProcesses, type ApiProcess, type LanternEnv } from './harness/processes.js';
import { tenantIn } from './harness/tenants.js';

const API = '/api/v1';

describe('service restarts under a running API and worker', () => {
  const processes = new LanternProcesses('service-restart');
  let pg: PrivatePostgres | undefined;
  let redis: PrivateRedis | undefined;
  let api: ApiProcess;
  let tenant: Tenant<Role>;
  let env: LanternEnv;

  const get = (path: string) => http('GET', `${api.baseUrl}${path}`, { key: tenant.keys.admin });
  const post = (path: string, json?: unknown) => http('POST', `${api.baseUrl}${path}`, { key: tenant.keys.admin, json: json ?? {} });
  const ready = () => http('GET', `${api.baseUrl}/health/ready`);

  /** A clean "service unavailable": 503 problem+json with Retry-After, no internals leaked. */
  function expectCleanUnavailable(res: HttpAnswer): void {
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|\bat .+\.(ts|js):\d+|stack/i);
  }

  /** A scoring job queued through the API and run by the worker to completion. */
  async function rescoreRuns(): Promise<void> {
    const queued = await post(`${API}/scoring/rescore`);
    expect(queued.status).toBe(202);
    const done = await waitFor('the re-score job to complete', async () => {
      const job = await get(`${API}/scoring/jobs/${queued.body.jobId}`);
      return job.status === 200 && (job.body.state === 'completed' || job.body.state === 'failed') ? job.body : undefined;
    });
    expect(done.state).toBe('completed');
  }

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    redis = await PrivateRedis.create();
    await runMigrations(pg.url());
    tenant = await tenantIn(pg.url());
    env = { DATABASE_URL: pg.url(), REDIS_URL: redis.url, LANTERN_QUEUE_PREFIX: 'faults-restart', LANTERN_DB_POOL: '4' };
    [api] = await Promise.all([processes.startApi('api', env), processes.startWorker('worker', env)]);
    expect((await post(`${API}/suppliers`, aSupplier())).status).toBe(201);
    await rescoreRuns();
  });

  afterAll(async () => {
    await processes.stopAll();
    await Promise.all([pg?.destroy(), redis?.destroy()]);
  });

  it('PostgreSQL stopped: readiness names the database, requests answer 503; started again: everything recovers', async () => {
    expect((await ready()).status).toBe(200);
    await pg!.stop();

    const notReady = await waitFor('readiness to report the database down', async () => {
      const res = await ready();
      return res.status === 503 ? res : undefined;
    });
    expectCleanUnavailable(notReady);
    expect(notReady.body.detail).toMatch(/database/);
    expect(notReady.body.detail).not.toMatch(/redis/);

    expectCleanUnavailable(await get(`${API}/suppliers`));
    expectCleanUnavailable(await post(`${API}/suppliers`, aSupplier()));
    // The API itself stays up: liveness is not readiness.
    expect((await http('GET', `${api.baseUrl}/health/live`)).status).toBe(200);

    await pg!.start();
    await waitFor('readiness after PostgreSQL restarted', async () => (await ready()).status === 200);
    const listed = await waitFor('reads to succeed again', async () => {
      const res = await get(`${API}/suppliers`);
      return res.status === 200 ? res : undefined;
    });
    expect(listed.body.data.length).toBeGreaterThanOrEqual(1);
    expect((await post(`${API}/suppliers`, aSupplier())).status).toBe(201);
    // The worker reconnects too: a job queued now runs.
    await rescoreRuns();
    expect(processes.allRunning()).toBe(true);
  });

  it('Redis killed: readiness names redis, enqueueing answers 503 without hanging; restarted: the API and the worker recover', async () => {
    expect((await ready()).status).toBe(200);
    await redis!.kill();

    const notReady = await waitFor('readiness to report redis down', async () => {
      const res = await ready();
      return res.status === 503 ? res : undefined;
    });
    expectCleanUnavailable(notReady);
    expect(notReady.body.detail).toMatch(/redis/);
    expect(notReady.body.detail).not.toMatch(/database/);

    // Endpoints that enqueue fail fast and cleanly (the outbox / stored rows keep the work for later).
    expectCleanUnavailable(await post(`${API}/scoring/rescore`));
    const report = await post(`${API}/reports`, { type: 'uk_msa_s54', periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    expectCleanUnavailable(report);
    // Reads that need only PostgreSQL keep working.
    expect((await get(`${API}/suppliers`)).status).toBe(200);

    await redis!.start();
    await waitFor('readiness after Redis restarted', async () => (await ready()).status === 200);
    // Redis came back empty (no persistence): the worker re-registers and takes new jobs.
    await waitFor('enqueueing to succeed again', async () => (await post(`${API}/reports`, { type: 'uk_msa_s54', periodStart: '2025-01-01', periodEnd: '2025-12-31' })).status === 202);
    await rescoreRuns();
    expect(processes.allRunning()).toBe(true);
  });
});
