import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lantern/database';
import { loadConfig } from '@lantern/platform';
import { loadShippedReferenceData } from '@lantern/reference';

/** `lantern reference load [--dir DIR]`: load the reference datasets and illustrative exchange rates. */
export async function run(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'load') {
    console.error('usage: lantern reference load [--dir data/reference]');
    return 2;
  }
  const dirFlag = rest.indexOf('--dir');
  const dir = resolve(dirFlag >= 0 && rest[dirFlag + 1] ? rest[dirFlag + 1] : 'data/reference');
  const config = loadConfig();
  const ds = new DataSource(dataSourceOptions({ url: config.DATABASE_URL, poolSize: 2, applicationName: 'lantern-cli' }));
  await ds.initialize();
  try {
    const { datasets, rates } = await loadShippedReferenceData(ds, dir);
    for (const d of datasets) {
      console.log(`[reference] ${d.name}: ${d.rowCount} rows${d.unchanged ? ' (unchanged)' : ''}, ${d.unresolved.length} unresolved`);
      for (const u of d.unresolved.slice(0, 5)) console.log(`    line ${u.line} ${u.field}=${JSON.stringify(u.value)}: ${u.reason}`);
    }
    console.log(`[reference] exchange rates: ${rates.inserted} new, ${rates.updated} updated, ${rates.unresolved.length} rejected (illustrative)`);
    return 0;
  } finally {
    await ds.destroy();
  }
}
