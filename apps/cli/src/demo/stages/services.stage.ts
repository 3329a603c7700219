import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatMs } from '../console.js';
import { DemoError, type DemoContext, type DemoStage } from '../context.js';
import { ChildService, describeExit, findFreePort, indent, isPortFree, ServiceSupervisor, waitForHttpReady } from '../supervisor.js';

const DEFAULT_PORT = 3000;
const WORKER_READY = /processing queues|worker ready|ready/i;

async function choosePort(ctx: DemoContext): Promise<number> {
  const wanted = ctx.options.port;
  if (wanted !== undefined) {
    if (!(await isPortFree(wanted))) throw new DemoError(`port ${wanted} (from --port or LANTERN_DEMO_PORT) is in use; choose another or stop what listens on it`);
    return wanted;
  }
  if (await isPortFree(DEFAULT_PORT)) return DEFAULT_PORT;
  const port = await findFreePort();
  ctx.console.info(`port ${DEFAULT_PORT} is in use; using ${port}`);
  return port;
}

async function entry(ctx: DemoContext, rel: string): Promise<string> {
  const path = join(ctx.paths.root, rel);
  try {
    await access(path);
  } catch {
    throw new DemoError(`${rel} is missing: build first (npm run build, or npm run demo which builds)`);
  }
  return path;
}

/**
 * Start the worker and the API as child processes (the built entry points,
 * the environment passed through) and wait until GET /health/ready answers 200.
 */
export const servicesStage: DemoStage = {
  name: 'services',
  title: 'Start the worker and the API',
  async run(ctx) {
    const workerEntry = await entry(ctx, 'dist/apps/worker/src/main.js');
    const apiEntry = await entry(ctx, 'dist/apps/api/src/main.js');
    await mkdir(ctx.paths.logs, { recursive: true });
    const port = await choosePort(ctx);
    // The children's output goes to log files: no colour codes (Nest's logger honours NO_COLOR).
    const env: NodeJS.ProcessEnv = { NO_COLOR: '1', ...process.env, PORT: String(port), HOST: '127.0.0.1' };

    const services = new ServiceSupervisor();
    ctx.services = services;
    const worker = services.add(ChildService.start('worker', workerEntry, env, join(ctx.paths.logs, 'worker.log'), ctx.paths.root));
    const api = services.add(ChildService.start('api', apiEntry, env, join(ctx.paths.logs, 'api.log'), ctx.paths.root));
    ctx.console.info(`worker pid ${worker.pid}, log out/logs/worker.log`);
    ctx.console.info(`api    pid ${api.pid}, log out/logs/api.log`);

    const baseUrl = `http://127.0.0.1:${port}`;
    const readyMs = await waitForHttpReady(`${baseUrl}/health/ready`, api, ctx.options.readyTimeoutS * 1000);
    ctx.console.info(`API ready at ${baseUrl} after ${formatMs(readyMs)}`);

    // The worker has no HTTP port: wait for its start-up line, and make sure it is still alive.
    const deadline = Date.now() + 30_000;
    while (worker.running && !worker.hasLogged(WORKER_READY) && Date.now() < deadline) await sleep(200);
    if (!worker.running) {
      throw new DemoError(`the worker exited (${describeExit(worker.exitInfo!)}).\nLast lines of ${worker.logPath}:\n${indent(worker.lastLines())}`);
    }
    if (!worker.hasLogged(WORKER_READY)) ctx.console.warn('the worker has not reported that it is processing queues yet; continuing');

    ctx.baseUrl = baseUrl;
    ctx.apiBaseUrl = `${baseUrl}/api/v1`;
    if (ctx.options.serve) {
      ctx.summary.apiBaseUrl = ctx.apiBaseUrl;
      ctx.summary.docsUrl = `${baseUrl}/api/docs`;
    }
  },
};
