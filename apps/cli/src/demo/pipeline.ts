import { performance } from 'node:perf_hooks';
import { formatMs } from './console.js';
import type { DemoContext, DemoStage } from './context.js';
import { writeSummary } from './summary.js';

/**
 * Run the stages in order. Each stage's duration goes to summary.timingsMs
 * under its name, and the summary is rewritten after every stage (so a
 * failure still leaves what was done). Throws the first stage error.
 */
export async function runDemoPipeline(ctx: DemoContext, stages: readonly DemoStage[]): Promise<void> {
  for (const [i, stage] of stages.entries()) {
    ctx.console.stage(i + 1, stages.length, stage.title);
    const t0 = performance.now();
    try {
      await stage.run(ctx);
    } finally {
      const ms = Math.round(performance.now() - t0);
      ctx.summary.timingsMs[stage.name] = ms;
      ctx.console.info(`(${formatMs(ms)})`);
      await writeSummary(ctx.paths.summary, ctx.summary);
    }
  }
}
