import type { Pool, PoolClient } from 'pg';

/**
 * The slice of node-postgres the screening code uses (the API's and worker's
 * TypeORM pool, or a plain pg.Pool in the bench and the CLI). Type-only: this
 * library never loads a driver itself.
 */
export type PgPool = Pick<Pool, 'connect' | 'query'>;
export type PgClient = PoolClient;

/** Run `fn` in a transaction on one pooled client. */
export async function inTransaction<T>(pool: PgPool, fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken);
  }
}

/** One value of a COPY text row: NULL, or the text with backslash, tab, newline and CR escaped. */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const s = typeof value === 'string' ? value : String(value);
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A PostgreSQL text[] literal. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** The pg Pool behind an initialised TypeORM DataSource (its driver's `master`). */
export function pgPoolOf(dataSource: { driver: unknown }): PgPool {
  const master = (dataSource.driver as { master?: PgPool }).master;
  if (master === undefined || typeof master.connect !== 'function') throw new Error('pgPoolOf: not an initialised PostgreSQL data source');
  return master;
}
