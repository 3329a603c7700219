import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OrganizationEntity } from '@lantern/database';
import { ROLES, type OrganizationKind, type Role } from '@lantern/domain';
import { issueApiKey } from '@lantern/platform';

export interface TenantOptions<R extends Role> {
  kind: OrganizationKind;
  /** A unique suffix is always appended, so tests never collide on the unique organisation name. */
  name?: string;
  jurisdiction?: string;
  /** Roles to issue one API key for (default: every role). */
  roles?: readonly R[];
}

export interface Tenant<R extends Role> {
  organizationId: string;
  name: string;
  /** Clear API keys, one per requested role. */
  keys: Record<R, string>;
}

/** An organisation with one API key per role. Each call makes a new tenant, so test files stay independent. */
export async function createTenant<R extends Role = Role>(dataSource: DataSource, options: TenantOptions<R>): Promise<Tenant<R>> {
  const roles = options.roles ?? (ROLES as readonly Role[] as readonly R[]);
  return dataSource.transaction(async (em) => {
    const organization = await em.save(
      em.create(OrganizationEntity, {
        name: `${options.name ?? `Test ${options.kind}`} ${randomUUID().slice(0, 8)}`,
        kind: options.kind,
        jurisdiction: options.jurisdiction ?? 'GB',
      }),
    );
    const keys = {} as Record<R, string>;
    for (const role of roles) {
      keys[role] = (await issueApiKey(em, { organizationId: organization.id, role, name: `test ${role}` })).key;
    }
    return { organizationId: organization.id, name: organization.name, keys };
  });
}

/** Tables never truncated (the migration history). */
const KEPT_TABLES = ['lantern_migrations'];

/**
 * Empty every application table. Jest may run e2e files in parallel against
 * the same database, so prefer fresh tenants (createTenant) for isolation and
 * truncate only in suites that need a globally empty database.
 */
export async function truncateAll(dataSource: DataSource): Promise<void> {
  const rows: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1))`,
    [KEPT_TABLES],
  );
  if (rows.length === 0) return;
  // audit_events refuses TRUNCATE through a trigger; the test database role is a superuser and may
  // switch triggers off for its own transaction (a production role cannot: docs/security.md).
  await dataSource.transaction(async (em) => {
    await em.query(`SET LOCAL session_replication_role = replica`);
    await em.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  });
}
