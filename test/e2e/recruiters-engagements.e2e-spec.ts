import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import type { Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aRecruiter, anEngagement } from '../factories/builders.js';
import { aSupplyChain, created, rivalCompanies, type SupplyChain } from '../factories/supply-chain.js';

describe('recruiters and engagements API', () => {
  let t: TestApp;
  let acme: Tenant<Role>;
  let rival: Tenant<Role>;
  let chain: SupplyChain;
  let rivalChain: SupplyChain;

  beforeAll(async () => {
    t = await startTestApp();
    ({ acme, rival, chain, rivalChain } = await rivalCompanies(t));
  });
  afterAll(async () => {
    await t.close();
  });

  describe('recruiters', () => {
    const url = `${API}/recruiters`;

    it('creates with defaults, reads and updates', async () => {
      const minimal = await created(t.baseUrl, acme.keys.admin, '/recruiters', { externalRef: `REC-min-${Date.now()}`, name: 'Minimal Agency', country: 'np' });
      expect(minimal).toMatchObject({ country: 'NP', licenceStatus: 'unknown', countriesOfOperation: [], certifications: [], licenceNumber: null });
      const updated = await request(t.baseUrl)
        .patch(`${url}/${minimal.id}`)
        .set(bearer(acme.keys.compliance))
        .send({ licenceStatus: 'suspended', countriesOfOperation: ['np', 'QA'], certifications: ['iom_iris'] })
        .expect(200);
      expect(updated.body).toMatchObject({ licenceStatus: 'suspended', countriesOfOperation: ['NP', 'QA'], certifications: ['iom_iris'] });
      expect((await request(t.baseUrl).get(`${url}/${minimal.id}`).set(bearer(acme.keys.procurement)).expect(200)).body).toEqual(updated.body);
    });

    it('validates enums and country lists', async () => {
      const res = await request(t.baseUrl)
        .post(url)
        .set(bearer(acme.keys.admin))
        .send(aRecruiter({ licenceStatus: 'pending', countriesOfOperation: ['NP', 'ZZ'], certifications: ['iso9001'] }))
        .expect(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['certifications', 'countriesOfOperation', 'licenceStatus']);
      const nulls = await request(t.baseUrl).patch(`${url}/${chain.recruiterId}`).set(bearer(acme.keys.admin)).send({ licenceStatus: null }).expect(400);
      expect(nulls.body.errors[0].field).toBe('licenceStatus');
    });

    it('filters by country, licence status and certification', async () => {
      const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
      const r1 = (await created(t.baseUrl, tenant.keys.admin, '/recruiters', aRecruiter({ country: 'NP', licenceStatus: 'valid', certifications: ['iom_iris'] }))).id;
      const r2 = (await created(t.baseUrl, tenant.keys.admin, '/recruiters', aRecruiter({ country: 'NP', licenceStatus: 'revoked', certifications: [] }))).id;
      const r3 = (await created(t.baseUrl, tenant.keys.admin, '/recruiters', aRecruiter({ country: 'BD', licenceStatus: 'valid', certifications: ['fair_hiring_initiative', 'iom_iris'] }))).id;
      const ids = async (query: Record<string, string>) =>
        (await request(t.baseUrl).get(url).query(query).set(bearer(tenant.keys.admin)).expect(200)).body.data.map((r: { id: string }) => r.id);
      expect(await ids({ country: 'NP' })).toEqual([r1, r2]);
      expect(await ids({ licenceStatus: 'valid' })).toEqual([r1, r3]);
      expect(await ids({ certification: 'iom_iris' })).toEqual([r1, r3]);
      expect(await ids({ certification: 'fair_hiring_initiative', country: 'BD' })).toEqual([r3]);

      const csv = await request(t.baseUrl).get(url).query({ format: 'csv', certification: 'iom_iris' }).set(bearer(tenant.keys.admin)).expect(200);
      const lines = csv.text.trimEnd().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[2]).toContain('fair_hiring_initiative;iom_iris');
    });

    it("answers 404 for another tenant's recruiter", async () => {
      await request(t.baseUrl).get(`${url}/${rivalChain.recruiterId}`).set(bearer(acme.keys.admin)).expect(404);
      await request(t.baseUrl).patch(`${url}/${rivalChain.recruiterId}`).set(bearer(acme.keys.admin)).send({ name: 'x' }).expect(404);
    });
  });

  describe('engagements', () => {
    const url = `${API}/engagements`;

    it('creates, reads and updates a corridor', async () => {
      const engagement = await created(t.baseUrl, acme.keys.admin, '/engagements', anEngagement(chain.recruiterId, chain.siteId, { originCountry: 'np' }));
      expect(engagement).toMatchObject({ recruiterId: chain.recruiterId, siteId: chain.siteId, originCountry: 'NP', destinationCountry: 'MY', startsOn: '2025-01-01', endsOn: null });
      const updated = await request(t.baseUrl).patch(`${url}/${engagement.id}`).set(bearer(acme.keys.admin)).send({ endsOn: '2025-12-31', workersPlaced: 55 }).expect(200);
      expect(updated.body).toMatchObject({ endsOn: '2025-12-31', workersPlaced: 55 });
      expect((await request(t.baseUrl).get(`${url}/${engagement.id}`).set(bearer(acme.keys.admin)).expect(200)).body).toEqual(updated.body);
    });

    it('rejects a period that ends before it starts, and impossible dates', async () => {
      const res = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anEngagement(chain.recruiterId, chain.siteId, { startsOn: '2025-06-01', endsOn: '2025-05-01' })).expect(400);
      expect(res.body.errors).toEqual([{ field: 'endsOn', reason: 'must not be before startsOn' }]);
      const bad = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anEngagement(chain.recruiterId, chain.siteId, { startsOn: '2025-02-30' })).expect(400);
      expect(bad.body.errors[0].field).toBe('startsOn');
    });

    it("rejects another tenant's recruiter or site, naming the field", async () => {
      const res = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anEngagement(rivalChain.recruiterId, chain.siteId)).expect(400);
      expect(res.body.errors).toEqual([{ field: 'recruiterId', reason: "does not reference one of your organisation's recruiters" }]);
      const site = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anEngagement(chain.recruiterId, rivalChain.siteId)).expect(400);
      expect(site.body.errors[0].field).toBe('siteId');
    });

    it('filters by recruiter, site and corridor', async () => {
      const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin', 'regulator'] as const });
      const own = await aSupplyChain(t.baseUrl, tenant.keys.admin);
      const other = (await created(t.baseUrl, tenant.keys.admin, '/recruiters', aRecruiter())).id;
      const e1 = (await created(t.baseUrl, tenant.keys.admin, '/engagements', anEngagement(own.recruiterId, own.siteId, { originCountry: 'NP', destinationCountry: 'QA' }))).id;
      const e2 = (await created(t.baseUrl, tenant.keys.admin, '/engagements', anEngagement(other, own.siteId, { originCountry: 'BD', destinationCountry: 'QA' }))).id;
      const ids = async (query: Record<string, string>) =>
        (await request(t.baseUrl).get(url).query(query).set(bearer(tenant.keys.regulator)).expect(200)).body.data.map((e: { id: string }) => e.id);
      expect(await ids({ recruiterId: other })).toEqual([e2]);
      expect(await ids({ siteId: own.siteId })).toEqual([e1, e2]);
      expect(await ids({ originCountry: 'NP', destinationCountry: 'QA' })).toEqual([e1]);
      expect(await ids({ destinationCountry: 'MY' })).toEqual([]);
      const csv = await request(t.baseUrl).get(url).query({ format: 'csv' }).set(bearer(tenant.keys.regulator)).expect(200);
      expect(csv.text.split('\r\n')[0]).toBe('id,externalRef,recruiterId,siteId,originCountry,destinationCountry,startsOn,endsOn,workersPlaced,createdAt,updatedAt');
    });
  });
});
