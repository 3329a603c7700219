import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { ConfigModule, DatabaseModule, QueueModule } from '@lantern/platform';
import { ImportsWorkerModule } from '../../apps/worker/src/imports/imports-worker.module.js';
import type { DemoContext } from '../../apps/cli/src/demo/context.js';
import { DEMO_ORGANIZATIONS } from '../../apps/cli/src/demo/organizations.js';
import { runDemoPipeline } from '../../apps/cli/src/demo/pipeline.js';
import { countsStage, generateStage, idempotencyStage, importStage, resetStage } from '../../apps/cli/src/demo/stages/index.js';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { demoTestContext } from '../factories/demo-context.js';

/** Only the import processor: the demo stages under test need nothing else from the worker. */
@Module({ imports: [ConfigModule, DatabaseModule, QueueModule, ImportsWorkerModule] })
class DemoTestWorkerModule {}

/**
 * The demo's stages (minus starting child processes) against the real API and
 * an in-process import worker, on a small generated dataset: the planted bad
 * rows are rejected, everything else lands, a re-upload is a duplicate, and a
 * rerun resets to the same state.
 */
describe('lantern demo pipeline (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let root: string;

  const makeContext = (): DemoContext => demoTestContext(t, root, 400);

  beforeAll(async () => {
    t = await startTestApp();
    worker = await NestFactory.createApplicationContext(DemoTestWorkerModule, { logger: ['error'] });
    root = await mkdtemp(join(tmpdir(), 'lantern-demo-e2e-'));
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('imports the generated data, rejects exactly the planted rows, and re-uploads idempotently', async () => {
    const ctx = makeContext();
    await runDemoPipeline(ctx, [resetStage, generateStage, importStage, idempotencyStage, countsStage]);
    const s = ctx.summary;

    expect(s.checks.filter((c) => !c.ok)).toEqual([]);
    expect(s.counts.organizations).toBe(DEMO_ORGANIZATIONS.length);
    expect(s.counts.suppliers).toBeGreaterThanOrEqual(200);
    expect(s.counts.interviews).toBe(400);
    expect(s.counts.rejectedRows).toBe(ctx.dataset!.badRows.length);
    expect(s.imports.map((i) => i.kind)).toEqual(['suppliers', 'sites', 'recruiters', 'engagements', 'audits', 'findings', 'interviews', 'interviews']);
    expect(s.imports.some((i) => i.format === 'ndjson')).toBe(true);
    expect(s.imports.filter((i) => i.duplicateReupload === true)).toHaveLength(1);
    for (const name of ['reset', 'generate', 'import', 'idempotency', 'counts']) expect(typeof s.timingsMs[name]).toBe('number');

    // One key per role for the company, admin keys for the other organisations; the keys work.
    const roles = new Set(s.apiKeys.filter((k) => k.kind === 'company').map((k) => k.role));
    expect(roles).toEqual(new Set(['admin', 'compliance', 'procurement', 'auditor', 'regulator']));
    for (const kind of ['procurement_authority', 'regulator', 'audit_firm']) expect(s.apiKeys.some((k) => k.kind === kind && k.role === 'admin')).toBe(true);
    const admin = s.apiKeys.find((k) => k.kind === 'company' && k.role === 'admin')!;
    const res = await request(t.baseUrl).get(`${API}/suppliers?limit=1`).set(bearer(admin.key)).expect(200);
    expect(res.body.data).toHaveLength(1);

    const written = JSON.parse(await readFile(ctx.paths.summary, 'utf8')) as { counts: { interviews: number } };
    expect(written.counts.interviews).toBe(400);
  });

  it('resets on a rerun: the same organisations, fresh keys, the old keys revoked with their organisations', async () => {
    const first = makeContext();
    await runDemoPipeline(first, [resetStage]);
    const oldKey = first.summary.apiKeys[0]!.key;
    const second = makeContext();
    await runDemoPipeline(second, [resetStage]);
    const [{ n }] = (await t.dataSource.query('SELECT count(*)::int AS n FROM organizations WHERE lower(name) = ANY($1::text[])', [
      DEMO_ORGANIZATIONS.map((o) => o.name.toLowerCase()),
    ])) as { n: number }[];
    expect(n).toBe(DEMO_ORGANIZATIONS.length);
    await request(t.baseUrl).get(`${API}/suppliers`).set(bearer(oldKey)).expect(401);
    await request(t.baseUrl).get(`${API}/suppliers`).set(bearer(second.summary.apiKeys[0]!.key)).expect(200);
  });
});
