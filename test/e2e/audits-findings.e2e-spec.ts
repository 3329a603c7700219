import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import type { Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aFinding, aSite, anAudit } from '../factories/builders.js';
import { aSupplyChain, created, rivalCompanies, type SupplyChain } from '../factories/supply-chain.js';

describe('audits and findings API', () => {
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

  describe('audits', () => {
    const url = `${API}/audits`;

    it('lets an auditor create and update an audit', async () => {
      const firm = await createTenant(t.dataSource, { kind: 'audit_firm', roles: ['auditor'] as const });
      const audit = await created(t.baseUrl, acme.keys.auditor, '/audits', anAudit(chain.siteId, { auditFirmOrganizationId: firm.organizationId }));
      expect(audit).toMatchObject({ siteId: chain.siteId, type: 'unannounced', conductedAt: '2025-03-14T09:00:00.000Z', auditFirmOrganizationId: firm.organizationId });
      const updated = await request(t.baseUrl).patch(`${url}/${audit.id}`).set(bearer(acme.keys.auditor)).send({ summary: 'Follow-up needed', conductedAt: '2025-03-15T08:00:00+08:00' }).expect(200);
      expect(updated.body).toMatchObject({ summary: 'Follow-up needed', conductedAt: '2025-03-15T00:00:00.000Z' });
      expect((await request(t.baseUrl).get(`${url}/${audit.id}`).set(bearer(acme.keys.regulator)).expect(200)).body).toEqual(updated.body);
    });

    it('validates type, date and audit-firm organisation', async () => {
      const res = await request(t.baseUrl)
        .post(url)
        .set(bearer(acme.keys.admin))
        .send(anAudit(chain.siteId, { type: 'surprise', conductedAt: 'last tuesday' }))
        .expect(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['conductedAt', 'type']);
      const notFirm = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anAudit(chain.siteId, { auditFirmOrganizationId: rival.organizationId })).expect(400);
      expect(notFirm.body.errors).toEqual([{ field: 'auditFirmOrganizationId', reason: 'is not an audit-firm organisation' }]);
    });

    it("rejects another tenant's site and hides another tenant's audit", async () => {
      const res = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anAudit(rivalChain.siteId)).expect(400);
      expect(res.body.errors[0].field).toBe('siteId');
      await request(t.baseUrl).get(`${url}/${rivalChain.auditId}`).set(bearer(acme.keys.admin)).expect(404);
      await request(t.baseUrl).patch(`${url}/${rivalChain.auditId}`).set(bearer(acme.keys.admin)).send({ summary: 'x' }).expect(404);
    });

    it('filters by site, type and date range', async () => {
      const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
      const own = await aSupplyChain(t.baseUrl, tenant.keys.admin);
      const otherSite = (await created(t.baseUrl, tenant.keys.admin, '/sites', aSite(own.supplierId))).id;
      const march = (await created(t.baseUrl, tenant.keys.admin, '/audits', anAudit(otherSite, { type: 'desk', conductedAt: '2025-03-31T23:00:00Z' }))).id;
      const april = (await created(t.baseUrl, tenant.keys.admin, '/audits', anAudit(otherSite, { type: 'announced', conductedAt: '2025-04-01T00:00:00Z' }))).id;
      const ids = async (query: Record<string, string>) =>
        (await request(t.baseUrl).get(url).query(query).set(bearer(tenant.keys.admin)).expect(200)).body.data.map((a: { id: string }) => a.id);
      expect(await ids({ siteId: otherSite })).toEqual([march, april]);
      expect(await ids({ type: 'desk' })).toEqual([march]);
      expect(await ids({ from: '2025-03-31T00:00:00Z', to: '2025-04-01T00:00:00Z' })).toEqual([march]);
      expect(await ids({ from: '2025-04-01T00:00:00Z' })).toEqual([april]);
      await request(t.baseUrl).get(url).query({ from: 'yesterday' }).set(bearer(tenant.keys.admin)).expect(400);
      const csv = await request(t.baseUrl).get(url).query({ format: 'csv', siteId: otherSite }).set(bearer(tenant.keys.admin)).expect(200);
      expect(csv.text.trimEnd().split('\r\n')).toHaveLength(3);
    });
  });

  describe('findings', () => {
    const url = `${API}/findings`;

    it('creates with evidence, reads and updates status', async () => {
      const finding = await created(t.baseUrl, acme.keys.auditor, '/findings', aFinding(chain.auditId));
      expect(finding).toMatchObject({ auditId: chain.auditId, indicatorCode: 'ILO-FL-07', severity: 'high', status: 'open', evidence: [{ kind: 'observation', reference: 'photo-12' }] });
      const updated = await request(t.baseUrl).patch(`${url}/${finding.id}`).set(bearer(acme.keys.compliance)).send({ status: 'remediating' }).expect(200);
      expect(updated.body).toMatchObject({ status: 'remediating', evidence: finding.evidence });
      expect((await request(t.baseUrl).get(`${url}/${finding.id}`).set(bearer(acme.keys.procurement)).expect(200)).body).toEqual(updated.body);
    });

    it('validates nested evidence, naming the item', async () => {
      const res = await request(t.baseUrl)
        .post(url)
        .set(bearer(acme.keys.admin))
        .send(aFinding(chain.auditId, { indicatorCode: 'ILO-FL-99', evidence: [{ kind: 'photo', reference: 'ok' }, { kind: 'rumour', reference: '', extra: 1 }] }))
        .expect(400);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['evidence[1].extra', 'evidence[1].kind', 'evidence[1].reference', 'indicatorCode']);
    });

    it("rejects another tenant's audit and hides another tenant's finding", async () => {
      const res = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(aFinding(rivalChain.auditId)).expect(400);
      expect(res.body.errors).toEqual([{ field: 'auditId', reason: "does not reference one of your organisation's audits" }]);
      const theirs = await created(t.baseUrl, rival.keys.admin, '/findings', aFinding(rivalChain.auditId));
      await request(t.baseUrl).get(`${url}/${theirs.id}`).set(bearer(acme.keys.admin)).expect(404);
      await request(t.baseUrl).patch(`${url}/${theirs.id}`).set(bearer(acme.keys.admin)).send({ status: 'closed' }).expect(404);
    });

    it('filters by audit, indicator, severity and status', async () => {
      const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
      const own = await aSupplyChain(t.baseUrl, tenant.keys.admin);
      const f1 = (await created(t.baseUrl, tenant.keys.admin, '/findings', aFinding(own.auditId, { indicatorCode: 'ILO-FL-07', severity: 'critical' }))).id;
      const f2 = (await created(t.baseUrl, tenant.keys.admin, '/findings', aFinding(own.auditId, { indicatorCode: 'ILO-FL-09', severity: 'low', status: 'closed' }))).id;
      const ids = async (query: Record<string, string>) =>
        (await request(t.baseUrl).get(url).query(query).set(bearer(tenant.keys.admin)).expect(200)).body.data.map((f: { id: string }) => f.id);
      expect(await ids({ auditId: own.auditId })).toEqual([f1, f2]);
      expect(await ids({ indicatorCode: 'ILO-FL-09' })).toEqual([f2]);
      expect(await ids({ severity: 'critical' })).toEqual([f1]);
      expect(await ids({ status: 'open' })).toEqual([f1]);
      const csv = await request(t.baseUrl).get(url).query({ format: 'csv', status: 'closed' }).set(bearer(tenant.keys.admin)).expect(200);
      expect(csv.text.trimEnd().split('\r\n')).toHaveLength(2);
    });
  });
});
