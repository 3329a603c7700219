import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DemoSummary } from './context.js';

export function emptySummary(seed: number): DemoSummary {
  return {
    generatedAt: new Date().toISOString(),
    status: 'running',
    seed,
    counts: { organizations: 0, suppliers: 0, sites: 0, recruiters: 0, audits: 0, interviews: 0, rejectedRows: 0 },
    apiKeys: [],
    imports: [],
    timingsMs: {},
    checks: [],
  };
}

/** Write the summary atomically (temp file + rename), so readers never see half a file. */
export async function writeSummary(path: string, summary: DemoSummary): Promise<void> {
  summary.generatedAt = new Date().toISOString();
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(summary, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, path);
}
