/**
 * A PostgreSQL cluster and a Redis server of a suite's own, on free ports in
 * a temporary folder, that the suite may stop, kill and restart. The shared
 * services of `npm test` (PostgreSQL on 54329, Redis on 63790) are never touched.
 *
 * PostgreSQL refuses to run as root: as root, every command runs through
 * `runuser -u postgres` (like scripts/provision.sh) in a folder owned by postgres.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from '../../../apps/cli/src/demo/supervisor.js';
import { waitFor } from './poll.js';

const run = promisify(execFile);
const IS_ROOT = process.getuid?.() === 0;

function pgBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'postgres'))) : [];
  if (versions.length === 0) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)');
  versions.sort((a, b) => Number(a) - Number(b));
  return join(base, versions[versions.length - 1]!, 'bin');
}

/** Run a PostgreSQL tool, as the postgres user when we are root. */
async function asPostgres(tool: string, args: string[]): Promise<string> {
  const bin = join(pgBin(), tool);
  const [file, argv] = IS_ROOT ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    const { stdout } = await run(file, argv, { cwd: '/', timeout: 120_000 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.message}\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}

export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** `postgres://lantern@127.0.0.1:<port>/<db>` */
  url(database = 'lantern'): string {
    return `postgres://lantern@127.0.0.1:${this.port}/${database}`;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  /** initdb into a temporary folder and start the server; a `lantern` database is created. */
  static async create(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-faults-pg-'));
    if (IS_ROOT) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    const pg = new PrivatePostgres(dir, await findFreePort());
    await asPostgres('initdb', ['-D', pg.data, '-U', 'lantern', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    await pg.start();
    await asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(pg.port), '-U', 'lantern', 'lantern']);
    return pg;
  }

  async start(): Promise<void> {
    await asPostgres('pg_ctl', [
      '-D', this.data, '-l', join(this.dir, 'server.log'), '-w', '-t', '60', 'start',
      '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`,
    ]);
  }

  /** `pg_ctl stop -m fast`: sessions are terminated (57P01), the server shuts down cleanly. */
  async stop(): Promise<void> {
    await asPostgres('pg_ctl', ['-D', this.data, '-w', '-t', '60', 'stop', '-m', 'fast']);
  }

  async isRunning(): Promise<boolean> {
    return asPostgres('pg_ctl', ['-D', this.data, 'status']).then(() => true, () => false);
  }

  /** Stop (immediately) if running and delete the cluster. */
  async destroy(): Promise<void> {
    if (await this.isRunning()) await asPostgres('pg_ctl', ['-D', this.data, '-w', '-t', '60', 'stop', '-m', 'immediate']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class PrivateRedis {
  private process: ChildProcess | null = null;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async create(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(mkdtempSync(join(tmpdir(), 'lantern-faults-redis-')), await findFreePort());
    await redis.start();
    return redis;
  }

  /** Start redis-server on the same port (no persistence: a restart comes back empty). */
  async start(): Promise<void> {
    if (this.process !== null) throw new Error('redis-server is already running');
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
      { stdio: 'ignore' },
    );
    this.process = child;
    child.once('exit', () => {
      if (this.process === child) this.process = null;
    });
    await waitFor(`redis-server on port ${this.port}`, () => this.ping(), { timeoutMs: 30_000, intervalMs: 100 });
  }

  async ping(): Promise<boolean> {
    return run('redis-cli', ['-p', String(this.port), 'ping'], { timeout: 5000 }).then(({ stdout }) => stdout.trim() === 'PONG', () => false);
  }

  /** SIGKILL redis-server (a crash: connections are reset, nothing is saved). */
  async kill(): Promise<void> {
    const child = this.process;
    if (child === null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
    this.process = null;
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
