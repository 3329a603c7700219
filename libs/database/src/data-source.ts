import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/**
 * DataSource for the TypeORM CLI (`typeorm migration:generate -d dist/libs/database/src/data-source.js`).
 * Application code builds its DataSource from validated config instead.
 */
export default new DataSource(
  dataSourceOptions({ url: process.env.DATABASE_URL ?? 'postgres://lantern@127.0.0.1:54329/lantern', applicationName: 'lantern-cli' }),
);
