import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lantern/database';
import type { Role } from '@lantern/domain';
import { createTenant, type Tenant } from '../../factories/tenants.js';

/** A company organisation with one API key per role, in the database at `url`. */
export async function tenantIn(url: string, name = 'Faults'): Promise<Tenant<Role>> {
  const ds = new DataSource(dataSourceOptions({ url, poolSize: 2, applicationName: 'lantern-faults-setup' }));
  await ds.initialize();
  try {
    return await createTenant(ds, { kind: 'company', name });
  } finally {
    await ds.destroy();
  }
}
