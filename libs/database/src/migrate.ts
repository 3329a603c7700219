import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** Arbitrary constant: the advisory-lock key that serialises migration runs across processes. */
const MIGRATION_LOCK_KEY = 7_302_114_001;

/**
 * Apply pending migrations and return the names applied. Several processes may
 * start at once (N api + N worker): a session-level advisory lock makes the
 * others wait, after which they find nothing pending.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions({ url, poolSize: 3, applicationName: 'lantern-migrate' }));
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await ds.destroy();
  }
}
