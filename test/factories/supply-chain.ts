import request from 'supertest';
import type { Role } from '@lantern/domain';
import { API, bearer, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from './tenants.js';
import { aRecruiter, aSite, aSupplier, anAudit } from './builders.js';

export interface SupplyChain {
  supplierId: string;
  siteId: string;
  recruiterId: string;
  auditId: string;
}

/** POST a body and return the created record (fails the test unless 201). */
export async function created(baseUrl: string, key: string, path: string, body: object): Promise<{ id: string } & Record<string, unknown>> {
  const res = await request(baseUrl).post(`${API}${path}`).set(bearer(key)).send(body);
  if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A supplier with one site, a recruiter and an audit of the site, created through the API. */
export async function aSupplyChain(baseUrl: string, adminKey: string): Promise<SupplyChain> {
  const supplier = await created(baseUrl, adminKey, '/suppliers', aSupplier());
  const site = await created(baseUrl, adminKey, '/sites', aSite(supplier.id));
  const recruiter = await created(baseUrl, adminKey, '/recruiters', aRecruiter());
  const audit = await created(baseUrl, adminKey, '/audits', anAudit(site.id));
  return { supplierId: supplier.id, siteId: site.id, recruiterId: recruiter.id, auditId: audit.id };
}

/** Two companies, each with a supply chain: the fixture of a resource suite that also checks tenant isolation. */
export interface RivalCompanies {
  acme: Tenant<Role>;
  rival: Tenant<Role>;
  chain: SupplyChain;
  rivalChain: SupplyChain;
}

export async function rivalCompanies(t: TestApp): Promise<RivalCompanies> {
  const acme = await createTenant(t.dataSource, { kind: 'company' });
  const rival = await createTenant(t.dataSource, { kind: 'company' });
  return { acme, rival, chain: await aSupplyChain(t.baseUrl, acme.keys.admin), rivalChain: await aSupplyChain(t.baseUrl, rival.keys.admin) };
}
