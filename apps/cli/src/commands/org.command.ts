/**
 * Bootstrapping a real installation (no API key exists yet, so this talks to
 * the database directly, with the same libs the API uses):
 *
 *   lantern org create --name NAME --kind KIND --jurisdiction CC
 *   lantern org list
 *   lantern key create --org ORG --role ROLE [--name LABEL]
 *
 * ORG is an organisation id or its exact name (case-insensitive). The clear
 * key is printed once and never stored (only its SHA-256 is).
 *
 * `run` serves `lantern org ...` and `runKey` serves `lantern key ...`.
 */
import { DataSource } from 'typeorm';
import { dataSourceOptions, OrganizationEntity } from '@lantern/database';
import { normalizeCountry, ORGANIZATION_KINDS, ROLES, type OrganizationKind, type Role } from '@lantern/domain';
import { issueApiKey, loadConfig } from '@lantern/platform';
import { createOrganization } from '../demo/organizations.js';

const ORG_USAGE = `usage:
  lantern org create --name NAME --kind ${ORGANIZATION_KINDS.join('|')} --jurisdiction CC
  lantern org list
`;
const KEY_USAGE = `usage:
  lantern key create --org ORG_ID_OR_NAME --role ${ROLES.join('|')} [--name LABEL]
`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UsageError extends Error {}

function flags(args: readonly string[], allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument ${JSON.stringify(a)}`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
    if (value === undefined || value.trim() === '') throw new UsageError(`--${name} needs a value`);
    out[name] = value.trim();
  }
  return out;
}

async function withDatabase<T>(fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ds = new DataSource(dataSourceOptions({ url: config.DATABASE_URL, poolSize: 1, applicationName: 'lantern-cli' }));
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

async function dispatch(args: readonly string[], usage: string, commands: Record<string, (rest: readonly string[]) => Promise<number>>): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(usage);
    return sub === undefined ? 2 : 0;
  }
  const handler = commands[sub];
  try {
    if (!handler) throw new UsageError(`unknown subcommand ${JSON.stringify(sub)}`);
    return await handler(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`lantern: ${err.message}\n\n${usage}`);
      return 2;
    }
    const e = err as { code?: string; message?: string };
    if (e.code === '23505') {
      process.stderr.write('lantern: an organisation with that name already exists\n');
      return 1;
    }
    throw err;
  }
}

async function orgCreate(args: readonly string[]): Promise<number> {
  const f = flags(args, ['name', 'kind', 'jurisdiction']);
  for (const required of ['name', 'kind', 'jurisdiction']) if (!f[required]) throw new UsageError(`--${required} is required`);
  if (!(ORGANIZATION_KINDS as readonly string[]).includes(f.kind!)) throw new UsageError(`--kind must be one of ${ORGANIZATION_KINDS.join(', ')}`);
  const jurisdiction = normalizeCountry(f.jurisdiction!);
  if (jurisdiction === null) throw new UsageError(`--jurisdiction: unknown country ${JSON.stringify(f.jurisdiction)} (use an ISO 3166-1 code such as GB)`);
  if (f.name!.length > 300) throw new UsageError('--name is too long (at most 300 characters)');
  const org = await withDatabase(async (ds) => {
    const taken = await ds.getRepository(OrganizationEntity).createQueryBuilder('o').where('lower(o.name) = lower(:name)', { name: f.name }).getExists();
    return taken ? null : createOrganization(ds.manager, { name: f.name!, kind: f.kind as OrganizationKind, jurisdiction });
  });
  if (org === null) {
    process.stderr.write(`lantern: an organisation named ${JSON.stringify(f.name)} already exists (names are unique, case-insensitive)\n`);
    return 1;
  }
  process.stdout.write(`created organisation ${org.id}  ${org.name} (${org.kind}, ${org.jurisdiction})\n`);
  process.stdout.write(`next: lantern key create --org ${org.id} --role admin\n`);
  return 0;
}

async function orgList(args: readonly string[]): Promise<number> {
  flags(args, []);
  const rows = await withDatabase((ds) => ds.getRepository(OrganizationEntity).find({ order: { name: 'ASC' } }));
  if (rows.length === 0) process.stdout.write('no organisations yet: lantern org create --name ... --kind ... --jurisdiction ...\n');
  for (const o of rows) process.stdout.write(`${o.id}  ${o.kind.padEnd(21)} ${o.jurisdiction}  ${o.name}\n`);
  return 0;
}

async function keyCreate(args: readonly string[]): Promise<number> {
  const f = flags(args, ['org', 'role', 'name']);
  if (!f.org) throw new UsageError('--org is required');
  if (!f.role) throw new UsageError('--role is required');
  if (!(ROLES as readonly string[]).includes(f.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const role = f.role as Role;
  return withDatabase(async (ds) => {
    const repo = ds.getRepository(OrganizationEntity);
    const org = UUID.test(f.org!)
      ? await repo.findOne({ where: { id: f.org! } })
      : await repo.createQueryBuilder('o').where('lower(o.name) = lower(:name)', { name: f.org }).getOne();
    if (!org) {
      process.stderr.write(`lantern: no organisation ${JSON.stringify(f.org)} (see lantern org list)\n`);
      return 1;
    }
    const issued = await issueApiKey(ds.manager, { organizationId: org.id, role, name: f.name ?? `cli ${role}` });
    process.stdout.write(`API key for ${org.name} (${role}); shown once, store it now:\n${issued.key}\n`);
    return 0;
  });
}

/** `lantern org <create|list>` */
export function run(args: string[]): Promise<number> {
  return dispatch(args, ORG_USAGE, { create: orgCreate, list: orgList });
}

/** `lantern key create` */
export function runKey(args: string[]): Promise<number> {
  return dispatch(args, KEY_USAGE, { create: keyCreate });
}
