import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import type { Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';

describe('api-keys API', () => {
  let t: TestApp;
  let acme: Tenant<Role>;
  let rival: Tenant<Role>;
  const url = `${API}/api-keys`;

  beforeAll(async () => {
    t = await startTestApp();
    acme = await createTenant(t.dataSource, { kind: 'company' });
    rival = await createTenant(t.dataSource, { kind: 'company' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('issues a key once, never stores or shows it again, and the key works', async () => {
    const res = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send({ name: 'ERP', role: 'auditor' }).expect(201);
    expect(res.body).toMatchObject({ name: 'ERP', role: 'auditor', revokedAt: null, lastUsedAt: null });
    expect(res.body.key).toMatch(new RegExp(`^lnt_${res.body.prefix}_[A-Za-z0-9_-]{43}$`));

    const [row] = await t.dataSource.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [res.body.id]);
    expect(row.key_hash).not.toContain(res.body.key);
    const read = await request(t.baseUrl).get(`${url}/${res.body.id}`).set(bearer(acme.keys.admin)).expect(200);
    expect(read.body).not.toHaveProperty('key');
    expect(read.body).not.toHaveProperty('keyHash');

    const me = await request(t.baseUrl).get(`${API}/organizations/me`).set(bearer(res.body.key)).expect(200);
    expect(me.body.id).toBe(acme.organizationId);
  });

  it('renames, lists by state and revokes keys', async () => {
    const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
    const issued = await request(t.baseUrl).post(url).set(bearer(tenant.keys.admin)).send({ name: 'old', role: 'procurement' }).expect(201);
    const renamed = await request(t.baseUrl).patch(`${url}/${issued.body.id}`).set(bearer(tenant.keys.admin)).send({ name: 'new' }).expect(200);
    expect(renamed.body).toMatchObject({ id: issued.body.id, name: 'new', role: 'procurement' });
    await request(t.baseUrl).patch(`${url}/${issued.body.id}`).set(bearer(tenant.keys.admin)).send({ role: 'admin' }).expect(400);

    const revoked = await request(t.baseUrl).delete(`${url}/${issued.body.id}`).set(bearer(tenant.keys.admin)).expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const again = await request(t.baseUrl).delete(`${url}/${issued.body.id}`).set(bearer(tenant.keys.admin)).expect(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);

    const active = await request(t.baseUrl).get(url).query({ state: 'active' }).set(bearer(tenant.keys.admin)).expect(200);
    expect(active.body.data.map((k: { role: string }) => k.role)).toEqual(['admin']);
    const gone = await request(t.baseUrl).get(url).query({ state: 'revoked' }).set(bearer(tenant.keys.admin)).expect(200);
    expect(gone.body).toEqual({ data: [expect.objectContaining({ id: issued.body.id, name: 'new' })], nextCursor: null });

    const csv = await request(t.baseUrl).get(url).query({ format: 'csv' }).set(bearer(tenant.keys.admin)).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('id,name,role,prefix,lastUsedAt,revokedAt,createdAt');
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(3);
  });

  it('is for admins only', async () => {
    for (const role of ['compliance', 'procurement', 'auditor'] as const) {
      await request(t.baseUrl).get(url).set(bearer(acme.keys[role])).expect(403);
      await request(t.baseUrl).post(url).set(bearer(acme.keys[role])).send({ name: 'x', role: 'admin' }).expect(403);
    }
  });

  it("cannot see or revoke another tenant's key", async () => {
    const theirs = await request(t.baseUrl).post(url).set(bearer(rival.keys.admin)).send({ name: 'theirs', role: 'admin' }).expect(201);
    await request(t.baseUrl).get(`${url}/${theirs.body.id}`).set(bearer(acme.keys.admin)).expect(404);
    await request(t.baseUrl).delete(`${url}/${theirs.body.id}`).set(bearer(acme.keys.admin)).expect(404);
    await request(t.baseUrl).get(`${API}/organizations/me`).set(bearer(theirs.body.key)).expect(200);
  });

  it('validates the role and refuses an Idempotency-Key (the response holds a secret)', async () => {
    const bad = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send({ name: '', role: 'superuser' }).expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['name', 'role']);
    const idem = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).set('Idempotency-Key', 'k-1').send({ name: 'x', role: 'admin' }).expect(400);
    expect(idem.body.errors[0].field).toBe('Idempotency-Key');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM idempotency_keys WHERE organization_id = $1`, [acme.organizationId]);
    expect(count).toBe(0);
  });

  it('a revoked key stops working at once on every API instance, not only the one that revoked it', async () => {
    // A second instance that would trust an authenticated key for ten minutes:
    // only the revocation announced through Redis can make it refuse the key in time.
    const previous = process.env.LANTERN_AUTH_CACHE_MS;
    process.env.LANTERN_AUTH_CACHE_MS = '600000';
    const other = await startTestApp();
    try {
      const issued = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send({ name: 'shared', role: 'compliance' }).expect(201);
      await request(other.baseUrl).get(`${API}/organizations/me`).set(bearer(issued.body.key)).expect(200);
      await request(t.baseUrl).delete(`${url}/${issued.body.id}`).set(bearer(acme.keys.admin)).expect(200);

      await request(t.baseUrl).get(`${API}/organizations/me`).set(bearer(issued.body.key)).expect(401);
      let status = 200;
      for (let attempt = 0; attempt < 100 && status === 200; attempt++) {
        status = (await request(other.baseUrl).get(`${API}/organizations/me`).set(bearer(issued.body.key))).status;
        if (status === 200) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe(401);
      // Another key of the organisation, trusted by the second instance too, is untouched.
      await request(other.baseUrl).get(`${API}/organizations/me`).set(bearer(acme.keys.admin)).expect(200);
    } finally {
      await other.close();
      if (previous === undefined) delete process.env.LANTERN_AUTH_CACHE_MS;
      else process.env.LANTERN_AUTH_CACHE_MS = previous;
    }
  });
});
