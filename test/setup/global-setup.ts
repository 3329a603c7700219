import 'reflect-metadata';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/**
 * Jest globalSetup of the e2e project: bring the test database schema up to
 * date once per run. globalSetup runs outside Jest's module system, so the
 * TypeScript sources are loaded through ts-esm-loader.mjs.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') throw new Error('DATABASE_URL is not set: run the tests with `npm test`');
  register(pathToFileURL(resolve('test/setup/ts-esm-loader.mjs')));
  const { runMigrations } = (await import(pathToFileURL(resolve('libs/database/src/migrate.ts')).href)) as typeof import('@lantern/database');
  const applied = await runMigrations(url);
  if (applied.length > 0) console.log(`[e2e] applied migrations: ${applied.join(', ')}`);
}
