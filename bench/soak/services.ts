/**
 * The real API and worker processes for the soak and scale-out benchmarks:
 * `node dist/apps/api/src/main.js` and `node dist/apps/worker/src/main.js`
 * started through the demo's ChildService (log capture, graceful stop), with
 * the benchmark's own database, a queue prefix of their own and loopback only.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ChildService, describeExit, findFreePort, indent, waitForHttpReady } from '../../apps/cli/src/demo/supervisor.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const API_MAIN = fileURLToPath(new URL('../../apps/api/src/main.js', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../../apps/worker/src/main.js', import.meta.url));
const WORKER_READY = /processing queues/;

export interface ServiceOptions {
  databaseUrl: string;
  /** Redis key prefix of the queues: unique per run, so no other process takes these jobs. */
  queuePrefix: string;
  /** Where the children's logs go (out/bench/<area>/...). */
  logDir: string;
  /** Extra environment (LOG_LEVEL, LANTERN_WORKER_CONCURRENCY, ...). */
  env?: NodeJS.ProcessEnv;
}

function childEnv(o: ServiceOptions, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    NO_COLOR: '1',
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...o.env,
    ...extra,
    DATABASE_URL: o.databaseUrl,
    HOST: '127.0.0.1',
    LANTERN_QUEUE_PREFIX: o.queuePrefix,
  };
}

/** Start an API process on a free loopback port and wait until /health/ready answers 200. */
export async function startApi(o: ServiceOptions, name = 'api'): Promise<{ service: ChildService; baseUrl: string; readyMs: number }> {
  await mkdir(o.logDir, { recursive: true });
  const port = await findFreePort();
  const service = ChildService.start(name, API_MAIN, childEnv(o, { PORT: String(port) }), join(o.logDir, `${name}.log`), ROOT);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const readyMs = await waitForHttpReady(`${baseUrl}/health/ready`, service, 60_000);
    return { service, baseUrl, readyMs };
  } catch (err) {
    await service.stop(5_000);
    throw err;
  }
}

/** Start a worker process and wait for its start-up line (it has no HTTP port). */
export async function startWorker(o: ServiceOptions, name = 'worker'): Promise<ChildService> {
  await mkdir(o.logDir, { recursive: true });
  // The worker logs its job lines at `log` level: useful in the log file, cheap at these rates.
  const service = ChildService.start(name, WORKER_MAIN, childEnv(o, { LOG_LEVEL: o.env?.LOG_LEVEL ?? 'log' }), join(o.logDir, `${name}.log`), ROOT);
  const deadline = Date.now() + 60_000;
  while (service.running && !service.hasLogged(WORKER_READY) && Date.now() < deadline) await sleep(100);
  if (!service.running || !service.hasLogged(WORKER_READY)) {
    await service.stop(5_000);
    const why = service.exitInfo ? `exited (${describeExit(service.exitInfo)})` : 'did not report "processing queues" within 60 s';
    throw new Error(`${name} ${why}.\nLast lines of ${service.logPath}:\n${indent(service.lastLines())}`);
  }
  return service;
}

/** Throw (with the last log lines) if a service died. */
export function assertAlive(services: readonly ChildService[]): void {
  for (const s of services) {
    if (!s.running) throw new Error(`${s.name} exited (${describeExit(s.exitInfo!)}).\nLast lines of ${s.logPath}:\n${indent(s.lastLines())}`);
  }
}

/** Resident set size of a process in MiB (VmRSS of /proc/<pid>/status); 0 when it is gone. */
export async function rssMiB(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Stop services in the given order (SIGTERM, SIGKILL after the grace period). */
export async function stopAll(services: readonly (ChildService | undefined)[], graceMs = 15_000): Promise<void> {
  for (const s of services) if (s !== undefined) await s.stop(graceMs);
}
