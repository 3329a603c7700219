import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, DatabaseModule, QueueModule } from '@lantern/platform';
import { ImportsWorkerModule } from '../../apps/worker/src/imports/imports-worker.module.js';
import { ScoringWorkerModule } from '../../apps/worker/src/scoring/scoring-worker.module.js';
import { runDemoPipeline } from '../../apps/cli/src/demo/pipeline.js';
import { countsStage, generateStage, importStage, resetStage, scoringStage } from '../../apps/cli/src/demo/stages/index.js';
import type { DemoScoringSummary } from '../../apps/cli/src/demo/stages/scoring.stage.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { demoTestContext } from '../factories/demo-context.js';

@Module({ imports: [ConfigModule, DatabaseModule, QueueModule, ImportsWorkerModule, ScoringWorkerModule] })
class ScoringDemoWorkerModule {}

/**
 * The demo's scoring stage on the seeded demo dataset (scaled down), through
 * the real API, queue and scoring processor: everything loaded is scored, the
 * summary has its `scoring` section, and the scores find what the generator
 * planted (hotspot sites, passport-keeping sites, exploitative recruiters).
 */
describe('demo scoring stage (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let root: string;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await NestFactory.createApplicationContext(ScoringDemoWorkerModule, { logger: ['error'] });
    root = await mkdtemp(join(tmpdir(), 'lantern-demo-scoring-'));
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('scores what the demo loaded and ranks the planted patterns above the rest', async () => {
    const ctx = demoTestContext(t, root, 4000);
    await runDemoPipeline(ctx, [resetStage, generateStage, importStage, countsStage, scoringStage]);
    const scoring = ctx.summary.scoring as DemoScoringSummary;
    expect(scoring.methodologyVersion).toBe('lantern-risk-1.1.0');
    expect(scoring.asOf).toBe(ctx.dataset!.asOf);
    const assessed = ctx.summary.counts.sites + ctx.summary.counts.suppliers + ctx.summary.counts.recruiters;
    expect(Object.values(scoring.bands).reduce((a, b) => a + b, 0)).toBe(assessed);
    expect(scoring.topSuppliers).toHaveLength(10);
    const overall = scoring.topSuppliers.map((s) => s.overall);
    expect([...overall].sort((a, b) => b - a)).toEqual(overall);
    expect(scoring.topSuppliers[0]).toEqual({ id: expect.any(String), name: expect.any(String), overall: expect.any(Number), band: expect.any(String) });
    expect(ctx.summary.checks.filter((c) => c.name.startsWith('scoring finds'))).toHaveLength(3);
    expect(ctx.summary.checks.filter((c) => !c.ok)).toEqual([]);
    expect(scoring.plantedPatterns['hotspot sites']!.meanPlanted).toBeGreaterThan(scoring.plantedPatterns['hotspot sites']!.meanOthers);
  }, 300_000);
});
