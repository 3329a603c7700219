import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aSupplier } from '../factories/builders.js';
import type { Role } from '@lantern/domain';

describe('suppliers API', () => {
  let t: TestApp;
  let acme: Tenant<Role>;
  let rival: Tenant<Role>;
  const url = `${API}/suppliers`;

  const create = async (tenant: Tenant<Role>, body: Record<string, unknown>) =>
    (await request(t.baseUrl).post(url).set(bearer(tenant.keys.admin)).send(body).expect(201)).body as { id: string } & Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    acme = await createTenant(t.dataSource, { kind: 'company', name: 'Acme' });
    rival = await createTenant(t.dataSource, { kind: 'company', name: 'Rival' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, reads and updates a supplier', async () => {
    const created = await create(acme, aSupplier({ name: 'Delta Knit', country: 'bd', lei: '5493001KJTIIGC8Y1R12' }));
    expect(created).toMatchObject({ name: 'Delta Knit', country: 'BD', tier: 1, lei: '5493001KJTIIGC8Y1R12', parentId: null });
    expect(created).not.toHaveProperty('organizationId');

    const read = await request(t.baseUrl).get(`${url}/${created.id}`).set(bearer(acme.keys.procurement)).expect(200);
    expect(read.body).toEqual(created);

    const updated = await request(t.baseUrl).patch(`${url}/${created.id}`).set(bearer(acme.keys.compliance)).send({ tier: 2, sector: null }).expect(200);
    expect(updated.body).toMatchObject({ id: created.id, name: 'Delta Knit', tier: 2, sector: null });
  });

  it('rejects invalid fields, naming each one', async () => {
    const res = await request(t.baseUrl)
      .post(url)
      .set(bearer(acme.keys.admin))
      .send(aSupplier({ country: 'XX', tier: 11, duns: '12', name: '' }))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['country', 'duns', 'name', 'tier']));
    expect(fields).not.toContain('externalRef');
  });

  it('rejects unknown fields', async () => {
    const res = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(aSupplier({ organizationId: rival.organizationId })).expect(400);
    expect(res.body.errors).toEqual([{ field: 'organizationId', reason: expect.stringContaining('should not exist') }]);
  });

  it('answers 409 naming the field on a duplicate externalRef', async () => {
    const body = aSupplier();
    await create(acme, body);
    const res = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(body).expect(409);
    expect(res.body.errors).toEqual([{ field: 'externalRef', reason: 'must be unique' }]);
  });

  it("hides another tenant's supplier behind 404 for read and update", async () => {
    const theirs = await create(rival, aSupplier());
    await request(t.baseUrl).get(`${url}/${theirs.id}`).set(bearer(acme.keys.admin)).expect(404);
    const res = await request(t.baseUrl).patch(`${url}/${theirs.id}`).set(bearer(acme.keys.admin)).send({ name: 'Hijacked' }).expect(404);
    expect(res.body.code).toBe('not_found');
    const still = await request(t.baseUrl).get(`${url}/${theirs.id}`).set(bearer(rival.keys.admin)).expect(200);
    expect(still.body.name).toBe('Harbour Textiles Ltd');
  });

  it("rejects a parentId of another tenant, naming the field", async () => {
    const theirs = await create(rival, aSupplier());
    const res = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(aSupplier({ parentId: theirs.id })).expect(400);
    expect(res.body.errors).toEqual([{ field: 'parentId', reason: expect.stringContaining('your organisation') }]);
  });

  it('refuses an ownership cycle', async () => {
    const parent = await create(acme, aSupplier());
    const child = await create(acme, aSupplier({ parentId: parent.id }));
    const res = await request(t.baseUrl).patch(`${url}/${parent.id}`).set(bearer(acme.keys.admin)).send({ parentId: child.id }).expect(400);
    expect(res.body.errors[0].field).toBe('parentId');
  });

  it('pages through a filtered list without duplicates or gaps', async () => {
    const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await request(t.baseUrl).post(url).set(bearer(tenant.keys.admin)).send(aSupplier({ name: `Pager ${i}`, country: 'VN' })).expect(201)).body.id);
    await request(t.baseUrl).post(url).set(bearer(tenant.keys.admin)).send(aSupplier({ country: 'TH' })).expect(201);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await request(t.baseUrl)
        .get(url)
        .query({ country: 'VN', limit: 3, ...(cursor ? { cursor } : {}) })
        .set(bearer(tenant.keys.admin))
        .expect(200);
      seen.push(...res.body.data.map((s: { id: string }) => s.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(made);
  });

  it('filters by sector, tier, parent and case-insensitive name', async () => {
    const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
    const post = async (body: Record<string, unknown>) => (await request(t.baseUrl).post(url).set(bearer(tenant.keys.admin)).send(body).expect(201)).body.id as string;
    const parent = await post(aSupplier({ name: 'Golden Thread Group', sector: 'apparel', tier: 1 }));
    const child = await post(aSupplier({ name: 'Golden Thread Dyeing', sector: 'dyeing', tier: 2, parentId: parent }));
    await post(aSupplier({ name: 'Silver 100%_Mills', sector: 'dyeing', tier: 3 }));
    const ids = async (query: Record<string, string | number>) =>
      (await request(t.baseUrl).get(url).query(query).set(bearer(tenant.keys.admin)).expect(200)).body.data.map((s: { id: string }) => s.id);

    expect(await ids({ q: 'golden THREAD' })).toEqual([parent, child]);
    expect(await ids({ q: '100%_' })).toHaveLength(1);
    expect(await ids({ q: '%' })).toHaveLength(1);
    expect(await ids({ sector: 'dyeing', tier: 2 })).toEqual([child]);
    expect(await ids({ parentId: parent })).toEqual([child]);
  });

  it('rejects bad list parameters', async () => {
    const res = await request(t.baseUrl).get(url).query({ limit: 501, cursor: 'garbage', color: 'red' }).set(bearer(acme.keys.admin)).expect(400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['color', 'limit']);
    const bad = await request(t.baseUrl).get(url).query({ cursor: 'garbage' }).set(bearer(acme.keys.admin)).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'cursor', reason: expect.any(String) }]);
  });

  it('exports the filtered list as CSV with a header row', async () => {
    const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
    await request(t.baseUrl).post(url).set(bearer(tenant.keys.admin)).send(aSupplier({ name: 'Comma, Quote " Ltd', country: 'IN' })).expect(201);
    await request(t.baseUrl).post(url).set(bearer(tenant.keys.admin)).send(aSupplier({ name: '=HYPERLINK("x")', country: 'IN' })).expect(201);
    await request(t.baseUrl).post(url).set(bearer(tenant.keys.admin)).send(aSupplier({ country: 'PK' })).expect(201);
    const res = await request(t.baseUrl).get(url).query({ format: 'csv', country: 'IN', limit: 1 }).set(bearer(tenant.keys.admin)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,externalRef,name,country,sector,tier,parentId,lei,taxId,duns,osId,createdAt,updatedAt');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"Comma, Quote "" Ltd"');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('links suppliers into a tier graph', async () => {
    const buyer = await create(acme, aSupplier({ tier: 1 }));
    const seller = await create(acme, aSupplier({ tier: 2, name: 'Spinner' }));
    const theirs = await create(rival, aSupplier());
    const link = await request(t.baseUrl).put(`${url}/${seller.id}/buyers/${buyer.id}`).set(bearer(acme.keys.admin)).expect(200);
    expect(link.body).toMatchObject({ supplierId: seller.id, buyerId: buyer.id });
    await request(t.baseUrl).put(`${url}/${seller.id}/buyers/${buyer.id}`).set(bearer(acme.keys.admin)).expect(200);

    const down = await request(t.baseUrl).get(`${url}/${buyer.id}/sub-suppliers`).set(bearer(acme.keys.procurement)).expect(200);
    expect(down.body.data).toHaveLength(1);
    expect(down.body.data[0].supplier).toMatchObject({ id: seller.id, name: 'Spinner' });

    const cross = await request(t.baseUrl).put(`${url}/${seller.id}/buyers/${theirs.id}`).set(bearer(acme.keys.admin)).expect(400);
    expect(cross.body.errors[0].field).toBe('buyerId');
    await request(t.baseUrl).put(`${url}/${seller.id}/buyers/${seller.id}`).set(bearer(acme.keys.admin)).expect(400);

    await request(t.baseUrl).delete(`${url}/${seller.id}/buyers/${buyer.id}`).set(bearer(acme.keys.admin)).expect(204);
    await request(t.baseUrl).delete(`${url}/${seller.id}/buyers/${buyer.id}`).set(bearer(acme.keys.admin)).expect(404);
    const after = await request(t.baseUrl).get(`${url}/${buyer.id}/sub-suppliers`).set(bearer(acme.keys.admin)).expect(200);
    expect(after.body.data).toEqual([]);
  });

  it('lets procurement read but not write, and regulators never write', async () => {
    await request(t.baseUrl).get(url).set(bearer(acme.keys.procurement)).expect(200);
    const procurement = await request(t.baseUrl).post(url).set(bearer(acme.keys.procurement)).send(aSupplier()).expect(403);
    expect(procurement.body.code).toBe('forbidden');
    await request(t.baseUrl).post(url).set(bearer(acme.keys.regulator)).send(aSupplier()).expect(403);
    await request(t.baseUrl).get(url).set(bearer(acme.keys.regulator)).expect(200);
  });

  it('replays a POST with the same Idempotency-Key and refuses a different body', async () => {
    const body = aSupplier();
    const key = `idem-${body.externalRef}`;
    const first = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).set('Idempotency-Key', key).send(body).expect(201);
    const again = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).set('Idempotency-Key', key).send({ ...body }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const list = await request(t.baseUrl).get(url).query({ q: body.name, limit: 500 }).set(bearer(acme.keys.admin)).expect(200);
    expect(list.body.data.filter((s: { externalRef: string }) => s.externalRef === body.externalRef)).toHaveLength(1);

    const conflict = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).set('Idempotency-Key', key).send({ ...body, name: 'Other' }).expect(409);
    expect(conflict.body.code).toBe('conflict');
  });

  it('releases the Idempotency-Key of a failed request', async () => {
    const key = `idem-fail-${Date.now()}`;
    await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).set('Idempotency-Key', key).send(aSupplier({ country: 'ZZ' })).expect(400);
    await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).set('Idempotency-Key', key).send(aSupplier()).expect(201);
  });
});
