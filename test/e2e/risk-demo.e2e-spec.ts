import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, DatabaseModule, loadConfig, QueueModule } from '@lantern/platform';
import { ImportsWorkerModule } from '../../apps/worker/src/imports/imports-worker.module.js';
import { ScoringWorkerModule } from '../../apps/worker/src/scoring/scoring-worker.module.js';
import { DemoConsole } from '../../apps/cli/src/demo/console.js';
import type { DemoContext } from '../../apps/cli/src/demo/context.js';
import { DEFAULT_SEED } from '../../apps/cli/src/demo/generator.js';
import { runDemoPipeline } from '../../apps/cli/src/demo/pipeline.js';
import { countsStage, generateStage, importStage, resetStage, scoringStage } from '../../apps/cli/src/demo/stages/index.js';
import type { DemoScoringSummary } from '../../apps/cli/src/demo/stages/scoring.stage.js';
import { emptySummary } from '../../apps/cli/src/demo/summary.js';
import { API, startTestApp, type TestApp } from '../setup/test-app.js';

@Module({ imports: [ConfigModule, DatabaseModule, QueueModule, ImportsWorkerModule, ScoringWorkerModule] })
class ScoringDemoWorkerModule {}

const sink = { write: (): boolean => true, isTTY: false };

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
    const ctx: DemoContext = {
      options: { serve: false, seed: DEFAULT_SEED, interviews: 4000, readyTimeoutS: 30, importStallTimeoutS: 60, help: false },
      config: loadConfig(),
      paths: { root, out: join(root, 'out'), data: join(root, 'out/demo-data'), logs: join(root, 'out/logs'), summary: join(root, 'out/demo-summary.json') },
      console: new DemoConsole(sink, sink),
      db: t.dataSource,
      summary: emptySummary(DEFAULT_SEED),
      organizations: new Map(),
      shared: new Map(),
      baseUrl: t.baseUrl,
      apiBaseUrl: `${t.baseUrl}${API}`,
    };
    await runDemoPipeline(ctx, [resetStage, generateStage, importStage, countsStage, scoringStage]);
    const scoring = ctx.summary.scoring as DemoScoringSummary;
    expect(scoring.methodologyVersion).toBe('lantern-risk-1.0.0');
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
