import { join } from 'node:path';
import { loadConfig } from '@lantern/platform';
import { DemoConsole } from '../../apps/cli/src/demo/console.js';
import type { DemoContext } from '../../apps/cli/src/demo/context.js';
import { DEFAULT_SEED } from '../../apps/cli/src/demo/generator.js';
import { emptySummary } from '../../apps/cli/src/demo/summary.js';
import { API, type TestApp } from '../setup/test-app.js';

const sink = { write: (): boolean => true, isTTY: false };

/** A demo context against the test app (no child processes), writing under `root`, with output discarded. */
export function demoTestContext(t: TestApp, root: string, interviews: number): DemoContext {
  return {
    options: { serve: false, seed: DEFAULT_SEED, interviews, readyTimeoutS: 30, importStallTimeoutS: 60, help: false },
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
}
