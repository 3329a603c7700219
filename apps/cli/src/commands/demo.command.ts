/**
 * `lantern demo [--serve]`: the end-to-end demo (issue #2 §7 and later issues).
 *
 * Runs DEMO_STAGES (apps/cli/src/demo/stages) against real services: resets the
 * demo organisations and issues API keys, starts the worker and the API as
 * child processes, generates a seeded sample supply chain, imports it through
 * the HTTP API, shows an idempotent re-upload, counts the result in the
 * database, and writes out/demo-summary.json. Without --serve the children are
 * stopped and the command exits 0; with --serve they keep running until Ctrl-C.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lantern/database';
import { loadConfig } from '@lantern/platform';
import { ApiError } from '../demo/api-client.js';
import { DemoConsole, formatInt, formatMs } from '../demo/console.js';
import { DemoError, type DemoContext } from '../demo/context.js';
import { DEMO_USAGE, parseDemoOptions } from '../demo/options.js';
import { runDemoPipeline } from '../demo/pipeline.js';
import { DEMO_STAGES } from '../demo/stages/index.js';
import { emptySummary, writeSummary } from '../demo/summary.js';
import { describeExit, indent } from '../demo/supervisor.js';

/** Advisory-lock key that keeps two demo runs from resetting each other's data (arbitrary constant). */
const DEMO_LOCK_KEY = 7_302_114_002;

/** The repository root: the nearest folder up from this file whose package.json is Lantern's. */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'lantern') return dir;
      } catch {
        /* keep looking */
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

function printResult(ctx: DemoContext): void {
  const c = ctx.console;
  const s = ctx.summary;
  c.raw('\nLantern demo\n\n');
  c.table(
    ['record', 'count'],
    Object.entries(s.counts).map(([k, v]) => [k, formatInt(v)]),
  );
  c.raw('\n');
  c.table(
    ['organisation', 'kind', 'role', 'API key'],
    s.apiKeys.map((k) => [k.organization, k.kind, k.role, k.key]),
  );
  const failed = s.checks.filter((x) => !x.ok);
  c.raw(`\n  checks: ${s.checks.length - failed.length}/${s.checks.length} passed${failed.length ? ` (failed: ${failed.map((f) => f.name).join(', ')})` : ''}\n`);
  c.raw(`  summary: ${relative(process.cwd(), ctx.paths.summary) || ctx.paths.summary}   data: out/demo-data/   logs: out/logs/\n`);
  c.raw(`  total time: ${formatMs(s.timingsMs.total ?? 0)}\n`);
}

async function serve(ctx: DemoContext, signals: SignalRouter): Promise<number> {
  const services = ctx.services!;
  const c = ctx.console;
  c.raw(
    `\nServing (Ctrl-C stops the API and the worker):\n` +
      `  API      ${ctx.apiBaseUrl}\n` +
      `  docs     ${ctx.baseUrl}/api/docs\n` +
      `  health   ${ctx.baseUrl}/health/ready\n` +
      `  try      curl -H 'Authorization: Bearer ${ctx.summary.apiKeys[0]?.key ?? '<key>'}' ${ctx.apiBaseUrl}/imports\n`,
  );
  return new Promise<number>((resolve) => {
    let stopping = false;
    signals.onSignal((sig) => {
      if (stopping) return;
      stopping = true;
      c.raw(`\n[demo] ${sig}: stopping the API and the worker\n`);
      void services.stopAll(15_000, sig).then(() => resolve(0));
    });
    void services.firstUnexpectedExit().then(async (child) => {
      if (stopping) return;
      stopping = true;
      c.error(`the ${child.name} exited (${describeExit(child.exitInfo!)}).\nLast lines of ${child.logPath}:\n${indent(child.lastLines())}`);
      await services.stopAll();
      resolve(1);
    });
  });
}

/**
 * SIGINT/SIGTERM routing. The first signal runs the current handler (a
 * graceful stop). Repeats within a second are ignored (npm forwards the
 * terminal's Ctrl-C, so the same keypress can arrive twice); a later one
 * kills the children and exits at once.
 */
class SignalRouter {
  private handler: ((sig: NodeJS.Signals) => void) | null = null;
  private firstAt = 0;
  private readonly listener = (sig: NodeJS.Signals): void => {
    const now = Date.now();
    if (this.firstAt === 0) {
      this.firstAt = now;
      this.handler?.(sig);
    } else if (now - this.firstAt > 1000) {
      process.stderr.write(`\n[demo] ${sig} again: killing the API and the worker\n`);
      this.ctx.services?.killAll();
      process.exit(130);
    }
  };

  constructor(private readonly ctx: DemoContext) {
    process.on('SIGINT', this.listener);
    process.on('SIGTERM', this.listener);
  }

  onSignal(handler: (sig: NodeJS.Signals) => void): void {
    this.handler = handler;
    this.firstAt = 0;
  }

  dispose(): void {
    process.removeListener('SIGINT', this.listener);
    process.removeListener('SIGTERM', this.listener);
  }
}

export async function run(args: string[]): Promise<number> {
  let options;
  try {
    options = parseDemoOptions(args, process.env);
  } catch (err) {
    process.stderr.write(`lantern demo: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(DEMO_USAGE);
    return 0;
  }

  const started = performance.now();
  const config = loadConfig();
  const root = repositoryRoot();
  const out = join(root, 'out');
  const db = new DataSource(dataSourceOptions({ url: config.DATABASE_URL, poolSize: 3, applicationName: 'lantern-demo' }));
  await db.initialize();

  // One demo at a time per database: a second run would delete the first one's organisations mid-import.
  const lock = db.createQueryRunner();
  await lock.connect();
  const [{ locked }] = (await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [DEMO_LOCK_KEY])) as { locked: boolean }[];
  if (!locked) {
    await lock.release();
    await db.destroy();
    process.stderr.write('lantern demo: another `lantern demo` is running against this database; wait for it to finish (or stop it) and try again\n');
    return 1;
  }

  const ctx: DemoContext = {
    options,
    config,
    paths: { root, out, data: join(out, 'demo-data'), logs: join(out, 'logs'), summary: join(out, 'demo-summary.json') },
    console: new DemoConsole(),
    db,
    summary: emptySummary(options.seed),
    organizations: new Map(),
    shared: new Map(),
  };

  // Ctrl-C during the pipeline: stop the children, record the interruption, exit 130.
  const signals = new SignalRouter(ctx);
  signals.onSignal((sig) => {
    ctx.console.error(`${sig} received: stopping`);
    ctx.summary.status = 'failed';
    ctx.summary.error = `interrupted by ${sig}`;
    void (ctx.services?.stopAll(5_000, sig) ?? Promise.resolve())
      .then(() => writeSummary(ctx.paths.summary, ctx.summary))
      .finally(() => process.exit(130));
  });

  let code = 0;
  try {
    await writeSummary(ctx.paths.summary, ctx.summary);
    await runDemoPipeline(ctx, DEMO_STAGES);
    const failed = ctx.summary.checks.filter((x) => !x.ok);
    ctx.summary.status = failed.length > 0 ? 'failed' : options.serve ? 'serving' : 'completed';
    if (failed.length > 0) {
      ctx.summary.error = `${failed.length} check(s) failed: ${failed.map((f) => `${f.name} (${f.detail})`).join('; ')}`;
      code = 1;
    }
  } catch (err) {
    code = 1;
    ctx.summary.status = 'failed';
    ctx.summary.error = err instanceof Error ? err.message : String(err);
    ctx.console.error(err instanceof DemoError || err instanceof ApiError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err));
  } finally {
    ctx.summary.timingsMs.total = Math.round(performance.now() - started);
    await writeSummary(ctx.paths.summary, ctx.summary).catch(() => undefined);
    await lock.query('SELECT pg_advisory_unlock($1)', [DEMO_LOCK_KEY]).catch(() => undefined);
    await lock.release().catch(() => undefined);
    await db.destroy().catch(() => undefined);
  }

  if (code === 0 || ctx.summary.imports.length > 0) printResult(ctx);
  if (code !== 0) ctx.console.error(`the demo did not complete: ${ctx.summary.error?.split('\n')[0] ?? 'see above'}`);

  if (options.serve && ctx.services && ctx.services.all.every((c) => c.running) && ctx.apiBaseUrl) {
    if (code !== 0) ctx.console.warn('serving anyway, so you can inspect the API');
    const served = await serve(ctx, signals);
    signals.dispose();
    return code || served;
  }
  signals.onSignal(() => undefined); // already stopping: a repeated Ctrl-C within a second is ignored, a later one kills
  await ctx.services?.stopAll();
  signals.dispose();
  return code;
}
