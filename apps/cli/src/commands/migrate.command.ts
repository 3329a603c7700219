import { runMigrations } from '@lantern/database';
import { loadConfig } from '@lantern/platform';

export async function run(): Promise<number> {
  const config = loadConfig();
  const applied = await runMigrations(config.DATABASE_URL);
  console.log(applied.length ? `[migrate] applied: ${applied.join(', ')}` : '[migrate] schema is up to date');
  return 0;
}
