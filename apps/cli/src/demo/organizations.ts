/**
 * The demo's organisations (invented) and the API keys issued for them. The
 * names are fixed so a rerun can delete the previous run's organisations
 * (every owned row cascades) and start from the same state.
 */
import type { EntityManager } from 'typeorm';
import { OrganizationEntity } from '@lantern/database';
import type { OrganizationKind, Role } from '@lantern/domain';
import { issueApiKey } from '@lantern/platform';
import type { DemoApiKey, DemoOrgKey, DemoOrganization } from './context.js';

export interface DemoOrganizationSpec {
  key: DemoOrgKey;
  name: string;
  kind: OrganizationKind;
  jurisdiction: string;
  /** Roles to issue one API key each for. */
  roles: readonly Role[];
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganizationSpec[] = [
  { key: 'company', name: 'Northwind Apparel & Electronics plc', kind: 'company', jurisdiction: 'GB', roles: ['admin', 'compliance', 'procurement', 'auditor', 'regulator'] },
  { key: 'procurement', name: 'Austral National Procurement Agency', kind: 'procurement_authority', jurisdiction: 'AU', roles: ['admin', 'procurement'] },
  { key: 'regulator', name: 'Office of the Forced Labour Standards Commissioner', kind: 'regulator', jurisdiction: 'GB', roles: ['admin', 'regulator'] },
  { key: 'auditFirm', name: 'Kestrelmoor Social Audit LLP', kind: 'audit_firm', jurisdiction: 'GB', roles: ['admin', 'auditor'] },
];

export function demoOrganizationSpec(key: DemoOrgKey): DemoOrganizationSpec {
  return DEMO_ORGANIZATIONS.find((o) => o.key === key)!;
}

/** Delete the demo organisations of an earlier run (by name); returns how many were deleted. */
export async function deleteDemoOrganizations(em: EntityManager): Promise<number> {
  const names = DEMO_ORGANIZATIONS.map((o) => o.name.toLowerCase());
  // Their audit events go with them: an owner-only exception of the append-only trigger (docs/security.md).
  await em.query(`SELECT set_config('lantern.audit_erase_organizations', 'on', true)`);
  // Wrapped in a SELECT: TypeORM returns [rows, affected] for a bare DELETE ... RETURNING.
  const [row] = (await em.query(
    'WITH deleted AS (DELETE FROM organizations WHERE lower(name) = ANY($1::text[]) RETURNING id) SELECT count(*)::int AS n FROM deleted',
    [names],
  )) as { n: number }[];
  return row?.n ?? 0;
}

export async function createOrganization(em: EntityManager, spec: { name: string; kind: OrganizationKind; jurisdiction: string }): Promise<OrganizationEntity> {
  return em.save(em.create(OrganizationEntity, { name: spec.name, kind: spec.kind, jurisdiction: spec.jurisdiction }));
}

/** Create the demo organisations and their keys (call inside a transaction, after deleteDemoOrganizations). */
export async function createDemoOrganizations(em: EntityManager): Promise<{ organizations: DemoOrganization[]; keys: DemoApiKey[] }> {
  const organizations: DemoOrganization[] = [];
  const keys: DemoApiKey[] = [];
  for (const spec of DEMO_ORGANIZATIONS) {
    const org = await createOrganization(em, spec);
    organizations.push({ key: spec.key, id: org.id, name: org.name, kind: org.kind, jurisdiction: org.jurisdiction });
    for (const role of spec.roles) {
      const issued = await issueApiKey(em, { organizationId: org.id, role, name: `demo ${role}` });
      keys.push({ organization: org.name, organizationId: org.id, kind: org.kind, role, key: issued.key });
    }
  }
  return { organizations, keys };
}
