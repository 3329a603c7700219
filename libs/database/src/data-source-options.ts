import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import { ENTITIES } from './entities/index.js';

export interface DatabaseConnectionOptions {
  url: string;
  /** Connection pool size per process. */
  poolSize?: number;
  applicationName?: string;
}

/** The one set of DataSource options used by the API, the worker, the CLI and the tests. */
export function dataSourceOptions(opts: DatabaseConnectionOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: opts.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'lantern_migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    logging: ['error'],
    extra: {
      max: opts.poolSize ?? 10,
      application_name: opts.applicationName ?? 'lantern',
      connectionTimeoutMillis: 5000,
    },
  };
}
