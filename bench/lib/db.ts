import pg from 'pg';
import { runMigrations } from '@lantern/database';

/**
 * The benchmarks run in their own database next to DATABASE_URL's
 * (`<name>_bench`, created and migrated on first use), so that a million
 * generated rows never land in the development data. BENCH_DATABASE_URL
 * overrides it (its name must end in `_bench` too: the benchmarks truncate
 * tables between their phases).
 */
export async function benchDatabaseUrl(databaseUrl: string, override?: string): Promise<string> {
  if (override) {
    // The benchmarks TRUNCATE tables between phases: never let them near real data.
    const name = new URL(override).pathname.slice(1);
    if (!name.endsWith('_bench')) throw new Error(`BENCH_DATABASE_URL must name a database ending in _bench (got ${name}): the benchmarks truncate tables`);
    await runMigrations(override);
    return override;
  }
  const url = new URL(databaseUrl);
  const name = `${url.pathname.slice(1) || 'lantern'}_bench`;
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  const benchUrl = url.toString();
  await runMigrations(benchUrl);
  return benchUrl;
}

/** `<url's database>_<suffix>`, created and migrated on first use. */
export async function derivedDatabaseUrl(url: string, suffix: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(suffix)) throw new Error(`bad database suffix ${suffix}`);
  const base = new URL(url);
  const name = `${base.pathname.slice(1)}_${suffix}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  base.pathname = `/${name}`;
  const derived = base.toString();
  await runMigrations(derived);
  return derived;
}

/**
 * Delete organisations (and by cascade everything they own) from a benchmark
 * database. Their audit events go with them through the audit trail's
 * owner-only erase exception (docs/security.md): a plain DELETE or TRUNCATE is
 * refused by the append-only trigger.
 */
export async function eraseOrganizations(pool: pg.Pool, where: string, params: unknown[] = []): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(`SELECT set_config('lantern.audit_erase_organizations', 'on', true)`);
    await c.query(`DELETE FROM organizations WHERE ${where}`, params);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}
