/**
 * The real API and worker as child processes, run from the TypeScript sources
 * through test/setup/register-ts.mjs (`npm test` does not build dist/), with
 * the demo's ChildService (log capture, graceful stop, SIGKILL).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChildService, describeExit, findFreePort, indent } from '../../../apps/cli/src/demo/supervisor.js';
import { http } from './http.js';
import { waitFor } from './poll.js';

export const ROOT = resolve(process.cwd());
/** Logs of every child: out/logs/faults/<suite>-<name>.log (kept after the run for diagnosis). */
export const LOG_DIR = join(ROOT, 'out', 'logs', 'faults');
const NODE_ARGS = ['--import', './test/setup/register-ts.mjs'];
const API_ENTRY = 'apps/api/src/main.ts';
const WORKER_ENTRY = 'apps/worker/src/main.ts';
/** Starting a child transpiles the sources on the fly: a few seconds on 2 cores, more under load. */
const START_DEADLINE_MS = 90_000;

/** The settings every child gets on top of the test run's environment (DATABASE_URL, REDIS_URL, secrets...). */
export interface LanternEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  LANTERN_QUEUE_PREFIX: string;
  [name: string]: string | undefined;
}

export interface ApiProcess {
  child: ChildService;
  baseUrl: string;
}

/** Every child a suite started, for `stopAll` in afterAll (also on failure). */
export class LanternProcesses {
  private readonly children: ChildService[] = [];
  private readonly onExit = (): void => this.killAll();

  constructor(private readonly suite: string) {
    mkdirSync(LOG_DIR, { recursive: true });
    process.once('exit', this.onExit);
  }

  private env(settings: LanternEnv): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'log',
      // The lock of a dead worker's job expires within seconds, so recovery is observable quickly.
      LANTERN_JOB_LOCK_MS: '4000',
      LANTERN_STALLED_CHECK_MS: '1000',
      ...settings,
    };
  }

  private spawn(name: string, entry: string, settings: LanternEnv): ChildService {
    const child = ChildService.start(name, entry, this.env(settings), join(LOG_DIR, `${this.suite}-${name}.log`), ROOT, NODE_ARGS);
    this.children.push(child);
    return child;
  }

  /** A worker process; resolves once it logged that it processes the queues. */
  async startWorker(name: string, settings: LanternEnv): Promise<ChildService> {
    const child = this.spawn(name, WORKER_ENTRY, settings);
    await waitFor(`${name} to start`, () => {
      if (!child.running) throw new Error(startFailure(child));
      return child.hasLogged(/\[worker\] processing queues/);
    }, { timeoutMs: START_DEADLINE_MS });
    return child;
  }

  /** An API process on a free port; resolves once /health/live answers. */
  async startApi(name: string, settings: LanternEnv, port?: number): Promise<ApiProcess> {
    const chosen = port ?? (await findFreePort());
    const child = this.spawn(name, API_ENTRY, { ...settings, PORT: String(chosen), HOST: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${chosen}`;
    await waitFor(`${name} to answer /health/live`, async () => {
      if (!child.running) throw new Error(startFailure(child));
      return (await http('GET', `${baseUrl}/health/live`, { deadlineMs: 2000 }).catch(() => ({ status: 0 }))).status === 200;
    }, { timeoutMs: START_DEADLINE_MS, intervalMs: 250 });
    return { child, baseUrl };
  }

  /** The running child of that name, if any. */
  running(name: string): ChildService | undefined {
    return this.children.find((c) => c.name === name && c.running);
  }

  /** True while no child has exited (a crash of the API or the worker under a fault is a failure). */
  allRunning(): boolean {
    return this.children.every((c) => c.running || c.stopRequested);
  }

  killAll(): void {
    for (const c of this.children) c.signal('SIGKILL');
  }

  /** Stop every child still running (SIGTERM, SIGKILL after a grace period). */
  async stopAll(graceMs = 10_000): Promise<void> {
    await Promise.all(this.children.map((c) => c.stop(graceMs)));
    process.removeListener('exit', this.onExit);
  }
}

function startFailure(child: ChildService): string {
  return `${child.name} exited (${describeExit(child.exitInfo!)}) while starting. Last lines of ${child.logPath}:\n${indent(child.lastLines())}`;
}

/** Resident set size of a process in bytes (VmRSS in /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) * 1024;
}

/** Every live descendant of a process (children first found through /proc/<pid>/stat). */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid ...: comm may contain spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      /* exited meanwhile */
    }
  }
  const found: number[] = [];
  const frontier = [pid];
  while (frontier.length > 0) {
    const parent = frontier.pop()!;
    for (const [child, ppid] of parentOf) if (ppid === parent) (found.push(child), frontier.push(child));
  }
  return found;
}

/**
 * A crash: SIGKILL the process and everything it started (the worker's
 * Chromium), as when its machine or container dies; resolves once it is reaped.
 */
export async function crash(child: ChildService): Promise<void> {
  const tree = child.pid === undefined ? [] : descendants(child.pid);
  child.signal('SIGKILL');
  for (const pid of tree) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  await child.exited;
}
