import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/** The pg pool the ingest code runs on (the API's / worker's TypeORM pool, or a plain pg.Pool in the CLI and the bench). */
export type PgPool = Pick<Pool, 'connect' | 'query'>;
export type PgClient = PoolClient;

/**
 * The node-postgres Pool behind a TypeORM DataSource, so that COPY streams and
 * the import transaction share the application's pool (and its size limit)
 * instead of opening connections of their own.
 */
export function pgPoolFromDataSource(dataSource: DataSource): PgPool {
  const driver = dataSource.driver as unknown as { master?: Pool };
  if (driver.master === undefined || typeof driver.master.connect !== 'function') {
    throw new Error('pgPoolFromDataSource: the DataSource is not an initialised PostgreSQL data source');
  }
  return driver.master;
}

/** Run `fn` on a pooled client; a client whose connection state is unknown after an error is discarded, not reused. */
export async function withClient<T>(pool: PgPool, fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (err) {
    broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.release(broken);
  }
}
