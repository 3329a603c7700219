/**
 * Runs the API and the worker as child processes for the demo: output goes to
 * out/logs/<name>.log (the last lines are kept for error messages), readiness
 * is awaited over HTTP, and stopping is graceful (SIGTERM, then SIGKILL after
 * a grace period).
 *
 * Children run in their own process group so that Ctrl-C reaches only the
 * demo, which then stops them in order; an `exit` hook kills them if the demo
 * dies first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { probe } from './api-client.js';
import { DemoError } from './context.js';

const TAIL_LINES = 40;

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ChildService {
  private readonly tail: string[] = [];
  private partial = '';
  private exit: ExitInfo | null = null;
  private stopping = false;
  readonly exited: Promise<ExitInfo>;

  private constructor(
    readonly name: string,
    readonly logPath: string,
    private readonly child: ChildProcess,
    private readonly log: WriteStream,
  ) {
    this.exited = new Promise<ExitInfo>((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        this.flushPartial();
        this.log.end(`--- ${this.name} exited (${describeExit(this.exit)}) at ${new Date().toISOString()}\n`);
        resolve(this.exit);
      });
      child.once('error', (err) => {
        this.remember(`[spawn error] ${err.message}`);
        if (this.exit === null) {
          this.exit = { code: 127, signal: null };
          resolve(this.exit);
        }
      });
    });
    const onData = (chunk: Buffer): void => {
      this.log.write(chunk);
      const text = this.partial + chunk.toString('utf8');
      const lines = text.split('\n');
      this.partial = lines.pop() ?? '';
      for (const l of lines) this.remember(l);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  }

  /**
   * Start `node [nodeArgs...] <entry>` with the given environment, logging to
   * `logPath` (truncated). `nodeArgs` are options for Node itself, e.g.
   * `['--import', './test/setup/register-ts.mjs']` to run the TypeScript sources.
   */
  static start(name: string, entry: string, env: NodeJS.ProcessEnv, logPath: string, cwd: string, nodeArgs: readonly string[] = []): ChildService {
    const log = createWriteStream(logPath, { flags: 'w' });
    const argv = [...nodeArgs, entry];
    log.write(`--- ${name}: ${process.execPath} ${argv.join(' ')} (started ${new Date().toISOString()})\n`);
    const child = spawn(process.execPath, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    return new ChildService(name, logPath, child, log);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === null;
  }

  get exitInfo(): ExitInfo | null {
    return this.exit;
  }

  /** True once the process was asked to stop (an exit after that is expected). */
  get stopRequested(): boolean {
    return this.stopping;
  }

  lastLines(n = TAIL_LINES): string[] {
    return this.tail.slice(-n);
  }

  hasLogged(pattern: RegExp): boolean {
    return this.tail.some((l) => pattern.test(l)) || pattern.test(this.partial);
  }

  signal(sig: NodeJS.Signals): void {
    if (this.exit !== null || this.child.pid === undefined) return;
    try {
      this.child.kill(sig);
    } catch {
      /* already gone */
    }
  }

  /** Send `sig` (SIGTERM), wait up to `graceMs`, then SIGKILL. Resolves when the process has exited. */
  async stop(graceMs = 15_000, sig: NodeJS.Signals = 'SIGTERM'): Promise<ExitInfo> {
    if (this.stopping) return this.exited;
    this.stopping = true;
    if (this.exit !== null) return this.exit;
    this.signal(sig);
    const timer = sleep(graceMs).then(() => 'timeout' as const);
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      this.remember(`[demo] ${this.name} did not stop within ${graceMs} ms; sending SIGKILL`);
      this.signal('SIGKILL');
    }
    return this.exited;
  }

  private remember(line: string): void {
    this.tail.push(line);
    if (this.tail.length > TAIL_LINES * 2) this.tail.splice(0, this.tail.length - TAIL_LINES);
  }

  private flushPartial(): void {
    if (this.partial !== '') this.remember(this.partial);
    this.partial = '';
  }
}

export function describeExit(e: ExitInfo): string {
  return e.signal ? `signal ${e.signal}` : `exit code ${e.code}`;
}

/** The API and the worker of one demo run. */
export class ServiceSupervisor {
  private readonly children: ChildService[] = [];
  private readonly onExitHook = (): void => {
    for (const c of this.children) c.signal('SIGKILL');
  };

  constructor() {
    process.once('exit', this.onExitHook);
  }

  add(child: ChildService): ChildService {
    this.children.push(child);
    return child;
  }

  get all(): readonly ChildService[] {
    return this.children;
  }

  /** Resolves with the first child that exits without being asked to. */
  firstUnexpectedExit(): Promise<ChildService> {
    return Promise.race(this.children.map((c) => c.exited.then(() => c))).then((c) =>
      c.stopRequested ? new Promise<ChildService>(() => undefined) : c,
    );
  }

  /**
   * Stop in reverse start order (API first, so no new jobs arrive while the
   * worker drains), each with `sig` (a forwarded SIGINT or SIGTERM) and a grace period.
   */
  async stopAll(graceMs = 15_000, sig: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    for (const c of [...this.children].reverse()) await c.stop(graceMs, sig);
    process.removeListener('exit', this.onExitHook);
  }

  /** Kill every child at once (a second Ctrl-C). */
  killAll(): void {
    for (const c of this.children) c.signal('SIGKILL');
  }
}

/** True when nothing listens on host:port. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS reports free (listen on 0, read it, close). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

/**
 * Poll `url` until it answers 200. Fails early when `child` exits, and with a
 * clear message (and the child's last log lines) after `timeoutMs`.
 */
export async function waitForHttpReady(url: string, child: ChildService, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let last: { status: number; detail: string } | null = null;
  while (Date.now() - started < timeoutMs) {
    if (!child.running) {
      throw new DemoError(
        `${child.name} exited (${describeExit(child.exitInfo!)}) before ${url} answered.\n` +
          `Last lines of ${child.logPath}:\n${indent(child.lastLines())}`,
      );
    }
    last = await probe(url, 2000);
    if (last?.status === 200) return Date.now() - started;
    await sleep(250);
  }
  throw new DemoError(
    `${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last answer: ${last ? `${last.status} ${last.detail}` : 'no connection'}).\n` +
      `Last lines of ${child.logPath}:\n${indent(child.lastLines())}`,
  );
}

export function indent(lines: readonly string[], prefix = '    | '): string {
  return lines.length === 0 ? `${prefix}(no output)` : lines.map((l) => `${prefix}${l}`).join('\n');
}
