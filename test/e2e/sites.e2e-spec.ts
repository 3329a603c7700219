import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import type { Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aSite, aSupplier } from '../factories/builders.js';
import { created } from '../factories/supply-chain.js';

describe('sites API', () => {
  let t: TestApp;
  let acme: Tenant<Role>;
  let rival: Tenant<Role>;
  let supplierId: string;
  const url = `${API}/sites`;

  beforeAll(async () => {
    t = await startTestApp();
    acme = await createTenant(t.dataSource, { kind: 'company' });
    rival = await createTenant(t.dataSource, { kind: 'company' });
    supplierId = (await created(t.baseUrl, acme.keys.admin, '/suppliers', aSupplier())).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, reads and updates a site', async () => {
    const site = await created(t.baseUrl, acme.keys.compliance, '/sites', aSite(supplierId, { migrantWorkerShare: 0.4125 }));
    expect(site).toMatchObject({ supplierId, country: 'BD', headcount: 850, migrantWorkerShare: 0.4125 });
    expect((await request(t.baseUrl).get(`${url}/${site.id}`).set(bearer(acme.keys.auditor)).expect(200)).body).toEqual(site);
    const updated = await request(t.baseUrl).patch(`${url}/${site.id}`).set(bearer(acme.keys.admin)).send({ headcount: 900, address: null }).expect(200);
    expect(updated.body).toMatchObject({ headcount: 900, address: null, name: site.name });
  });

  it('validates fields and refuses null for required ones', async () => {
    const res = await request(t.baseUrl)
      .post(url)
      .set(bearer(acme.keys.admin))
      .send(aSite(supplierId, { migrantWorkerShare: 1.5, headcount: -1, country: 'Bangladesh', supplierId: 'nope' }))
      .expect(400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['country', 'headcount', 'migrantWorkerShare', 'supplierId']);
    const site = await created(t.baseUrl, acme.keys.admin, '/sites', aSite(supplierId));
    const nulls = await request(t.baseUrl).patch(`${url}/${site.id}`).set(bearer(acme.keys.admin)).send({ name: null, country: null }).expect(400);
    expect([...new Set((nulls.body.errors as { field: string }[]).map((e) => e.field))].sort()).toEqual(['country', 'name']);
  });

  it("rejects another tenant's supplierId, on create and on update", async () => {
    const theirSupplier = await created(t.baseUrl, rival.keys.admin, '/suppliers', aSupplier());
    const res = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(aSite(theirSupplier.id)).expect(400);
    expect(res.body.errors).toEqual([{ field: 'supplierId', reason: "does not reference one of your organisation's suppliers" }]);
    const site = await created(t.baseUrl, acme.keys.admin, '/sites', aSite(supplierId));
    await request(t.baseUrl).patch(`${url}/${site.id}`).set(bearer(acme.keys.admin)).send({ supplierId: theirSupplier.id }).expect(400);
  });

  it("answers 404 for another tenant's site", async () => {
    const theirSupplier = await created(t.baseUrl, rival.keys.admin, '/suppliers', aSupplier());
    const theirs = await created(t.baseUrl, rival.keys.admin, '/sites', aSite(theirSupplier.id));
    await request(t.baseUrl).get(`${url}/${theirs.id}`).set(bearer(acme.keys.admin)).expect(404);
    await request(t.baseUrl).patch(`${url}/${theirs.id}`).set(bearer(acme.keys.admin)).send({ name: 'x' }).expect(404);
  });

  it('filters by supplier, country and sector, and exports CSV', async () => {
    const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
    const a = (await created(t.baseUrl, tenant.keys.admin, '/suppliers', aSupplier())).id;
    const b = (await created(t.baseUrl, tenant.keys.admin, '/suppliers', aSupplier())).id;
    const s1 = (await created(t.baseUrl, tenant.keys.admin, '/sites', aSite(a, { country: 'MY', sector: 'electronics' }))).id;
    const s2 = (await created(t.baseUrl, tenant.keys.admin, '/sites', aSite(a, { country: 'TH', sector: 'electronics' }))).id;
    const s3 = (await created(t.baseUrl, tenant.keys.admin, '/sites', aSite(b, { country: 'MY', sector: 'seafood' }))).id;
    const ids = async (query: Record<string, string>) =>
      (await request(t.baseUrl).get(url).query(query).set(bearer(tenant.keys.admin)).expect(200)).body.data.map((s: { id: string }) => s.id);
    expect(await ids({ supplierId: a })).toEqual([s1, s2]);
    expect(await ids({ country: 'MY' })).toEqual([s1, s3]);
    expect(await ids({ sector: 'electronics', country: 'TH' })).toEqual([s2]);

    const csv = await request(t.baseUrl).get(url).query({ format: 'csv', country: 'MY' }).set(bearer(tenant.keys.admin)).expect(200);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0].split(',')).toEqual(['id', 'supplierId', 'externalRef', 'name', 'address', 'country', 'sector', 'headcount', 'migrantWorkerShare', 'osId', 'createdAt', 'updatedAt']);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([s1, s3]);
  });
});
