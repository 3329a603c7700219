import pg from 'pg';
import { runMigrations } from '@lantern/database';

export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one fault suite, next to the run's DATABASE_URL
 * on the shared PostgreSQL (never restarted), migrated from zero and dropped
 * afterwards: the other suites, which truncate the run's database between
 * tests, never see these rows, and the children of this suite never see theirs.
 */
export async function createScratchDatabase(suffix: string, serverUrl = process.env.DATABASE_URL): Promise<ScratchDatabase> {
  if (serverUrl === undefined || serverUrl === '') throw new Error('DATABASE_URL is not set: run the tests with `npm test`');
  const base = new URL(serverUrl);
  const name = `${base.pathname.slice(1)}_${suffix}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 63);
  await admin(serverUrl, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`]);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  await runMigrations(url);
  return { url, name, drop: () => admin(serverUrl, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]) };
}

async function admin(serverUrl: string, statements: string[]): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}
