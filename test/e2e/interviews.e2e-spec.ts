import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import type { Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aRecruiter, aSite, anAudit, anInterview } from '../factories/builders.js';
import { aSupplyChain, created, rivalCompanies, type SupplyChain } from '../factories/supply-chain.js';

const TESTIMONY = 'The agent in Kathmandu took 1,200 dollars and kept my passport until the loan was repaid.';
const TRI_STATE_FIELDS = [
  'documentsAccessibleOnRequest', 'documentsHeldWithConsent', 'documentsWithheldUntilDebtRepaid', 'canChangeEmployerWithoutPermission',
  'exitPermitRequired', 'securityBondRequired', 'contractWritten', 'contractInOwnLanguage', 'contractSignedBeforeDeparture', 'contractTermsChangedOnArrival',
];

describe('interviews API', () => {
  let t: TestApp;
  let acme: Tenant<Role>;
  let rival: Tenant<Role>;
  let chain: SupplyChain;
  let rivalChain: SupplyChain;
  const url = `${API}/interviews`;
  const ids = () => ({ auditId: chain.auditId, siteId: chain.siteId, recruiterId: chain.recruiterId });

  beforeAll(async () => {
    t = await startTestApp();
    ({ acme, rival, chain, rivalChain } = await rivalCompanies(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('pseudonymises the worker, converts fees to minor units, defaults answers to unknown and encrypts testimony', async () => {
    const body = anInterview(ids(), { workerRef: 'W-0042', testimony: TESTIMONY, answers: { deceived_about_fees: 'yes', deceived_wages: 'unknown' } });
    const interview = await created(t.baseUrl, acme.keys.auditor, '/interviews', body);

    expect(interview.workerPseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(interview).not.toHaveProperty('workerRef');
    expect(interview).not.toHaveProperty('testimony');
    expect(interview).toMatchObject({
      hasTestimony: true,
      visaTiedToEmployer: 'yes',
      passportHolder: 'employer',
      idCardHolder: 'unknown',
      visaType: 'unknown',
      permitRenewalControlledBy: 'unknown',
      monthlyWageMinor: 150000,
      wageCurrency: 'MYR',
      answers: { deceived_about_fees: 'yes', deceived_wages: 'unknown' },
      fees: [{ category: 'recruitment_fee', amountMinor: 120000, currency: 'USD', paidTo: 'recruiter', paidOn: null, paymentForm: 'loan', financedByLoan: 'yes' }],
    });
    for (const field of TRI_STATE_FIELDS) expect(interview[field]).toBe('unknown');

    const [row] = await t.dataSource.query(`SELECT to_jsonb(i)::text AS json, testimony_ciphertext FROM interviews i WHERE id = $1`, [interview.id]);
    expect(row.json).not.toContain('W-0042');
    expect(row.json).not.toContain('Kathmandu');
    expect(Buffer.from(row.testimony_ciphertext).toString('utf8')).not.toContain('Kathmandu');

    const same = await created(t.baseUrl, acme.keys.auditor, '/interviews', anInterview(ids(), { workerRef: 'W-0042' }));
    expect(same.workerPseudonym).toBe(interview.workerPseudonym);
    const elsewhere = await created(t.baseUrl, rival.keys.auditor, '/interviews', anInterview({ auditId: rivalChain.auditId, siteId: rivalChain.siteId }, { workerRef: 'W-0042' }));
    expect(elsewhere.workerPseudonym).not.toBe(interview.workerPseudonym);
  });

  it('shows testimony only to admin, compliance and auditor keys of the owning organisation', async () => {
    const interview = await created(t.baseUrl, acme.keys.admin, '/interviews', anInterview(ids(), { testimony: TESTIMONY }));
    for (const role of ['admin', 'compliance', 'auditor'] as const) {
      const res = await request(t.baseUrl).get(`${url}/${interview.id}/testimony`).set(bearer(acme.keys[role])).expect(200);
      expect(res.body).toEqual({ interviewId: interview.id, testimony: TESTIMONY });
    }
    for (const role of ['procurement', 'regulator'] as const) {
      await request(t.baseUrl).get(`${url}/${interview.id}/testimony`).set(bearer(acme.keys[role])).expect(403);
    }
    await request(t.baseUrl).get(`${url}/${interview.id}/testimony`).set(bearer(rival.keys.admin)).expect(404);

    const list = await request(t.baseUrl).get(url).query({ limit: 500 }).set(bearer(acme.keys.admin)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('Kathmandu');
    const csv = await request(t.baseUrl).get(url).query({ format: 'csv' }).set(bearer(acme.keys.admin)).expect(200);
    expect(csv.text).not.toContain('Kathmandu');
    expect(csv.text.split('\r\n')[0].split(',')).toContain('hasTestimony');
  });

  it('replaces and removes testimony, and updates fees and answers', async () => {
    const interview = await created(t.baseUrl, acme.keys.admin, '/interviews', anInterview(ids(), { testimony: TESTIMONY }));
    await request(t.baseUrl).patch(`${url}/${interview.id}`).set(bearer(acme.keys.auditor)).send({ testimony: 'Second account.' }).expect(200);
    expect((await request(t.baseUrl).get(`${url}/${interview.id}/testimony`).set(bearer(acme.keys.admin)).expect(200)).body.testimony).toBe('Second account.');

    const patched = await request(t.baseUrl)
      .patch(`${url}/${interview.id}`)
      .set(bearer(acme.keys.auditor))
      .send({ testimony: null, fees: [], answers: { deceived_wages: 'no' }, contractWritten: 'no' })
      .expect(200);
    expect(patched.body).toMatchObject({ hasTestimony: false, fees: [], answers: { deceived_wages: 'no' }, contractWritten: 'no', visaTiedToEmployer: 'yes' });
    expect((await request(t.baseUrl).get(`${url}/${interview.id}/testimony`).set(bearer(acme.keys.admin)).expect(200)).body.testimony).toBeNull();
  });

  it('validates fees item by item, answers, tri-state values and the wage pair in one response', async () => {
    const res = await request(t.baseUrl)
      .post(url)
      .set(bearer(acme.keys.admin))
      .send(
        anInterview(ids(), {
          fees: [
            { category: 'visa', amount: '100', currency: 'USD' },
            { category: 'recruitment_fee', amount: '50', currency: 'XYZ' },
            { category: 'travel', currency: 'EUR' },
          ],
          answers: { deceived_wages: 'maybe', not_a_question: 'yes' },
          wageCurrency: null,
        }),
      )
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['answers.deceived_wages', 'answers.not_a_question', 'fees[1].currency', 'fees[2].amount', 'wageCurrency']);

    const dto = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anInterview(ids(), { visaTiedToEmployer: 'maybe', exitPermitRequired: null, gender: 'x' })).expect(400);
    expect((dto.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['exitPermitRequired', 'gender', 'visaTiedToEmployer']);
  });

  it('rejects testimony carrying personal identifiers or over 20,000 characters, and unknown fields', async () => {
    const ids1 = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anInterview(ids(), { testimony: 'My passport number is N1234567.' })).expect(400);
    expect(ids1.body.errors).toEqual([{ field: 'testimony', reason: expect.stringContaining('passport number') }]);
    expect(JSON.stringify(ids1.body)).not.toContain('N1234567');
    const long = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anInterview(ids(), { testimony: 'a'.repeat(20_001) })).expect(400);
    expect(long.body.errors[0].field).toBe('testimony');
    const unknown = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anInterview(ids(), { workerName: 'Sita' })).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'workerName', reason: expect.stringContaining('should not exist') }]);
  });

  it("keeps references inside the organisation and the site consistent with the audit", async () => {
    const cross = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anInterview({ auditId: rivalChain.auditId, siteId: chain.siteId })).expect(400);
    expect(cross.body.errors).toEqual([{ field: 'auditId', reason: "does not reference one of your organisation's audits" }]);
    const recruiter = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anInterview({ ...ids(), recruiterId: rivalChain.recruiterId })).expect(400);
    expect(recruiter.body.errors[0].field).toBe('recruiterId');
    const otherSite = await created(t.baseUrl, acme.keys.admin, '/sites', aSite(chain.supplierId));
    const mismatch = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send(anInterview({ auditId: chain.auditId, siteId: otherSite.id })).expect(400);
    expect(mismatch.body.errors).toEqual([{ field: 'siteId', reason: 'must be the site of the audit' }]);

    const theirs = await created(t.baseUrl, rival.keys.admin, '/interviews', anInterview({ auditId: rivalChain.auditId, siteId: rivalChain.siteId }));
    await request(t.baseUrl).get(`${url}/${theirs.id}`).set(bearer(acme.keys.admin)).expect(404);
    await request(t.baseUrl).patch(`${url}/${theirs.id}`).set(bearer(acme.keys.admin)).send({ gender: 'male' }).expect(404);
  });

  it('filters by site, audit, recruiter and origin country across pages', async () => {
    const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin', 'procurement'] as const });
    const own = await aSupplyChain(t.baseUrl, tenant.keys.admin);
    const secondAudit = (await created(t.baseUrl, tenant.keys.admin, '/audits', anAudit(own.siteId))).id;
    const otherRecruiter = (await created(t.baseUrl, tenant.keys.admin, '/recruiters', aRecruiter())).id;
    const nepal: string[] = [];
    for (let i = 0; i < 5; i++) {
      nepal.push((await created(t.baseUrl, tenant.keys.admin, '/interviews', anInterview({ auditId: own.auditId, siteId: own.siteId, recruiterId: own.recruiterId }))).id);
    }
    const bangladesh = (await created(t.baseUrl, tenant.keys.admin, '/interviews', anInterview({ auditId: secondAudit, siteId: own.siteId, recruiterId: otherRecruiter }, { originCountry: 'BD' }))).id;

    const all = async (query: Record<string, string | number>) => {
      const found: string[] = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await request(t.baseUrl).get(url).query({ ...query, ...(cursor ? { cursor } : {}) }).set(bearer(tenant.keys.admin)).expect(200);
        found.push(...res.body.data.map((i: { id: string }) => i.id));
        cursor = res.body.nextCursor;
      } while (cursor !== null);
      return found;
    };
    expect(await all({ originCountry: 'NP', limit: 2 })).toEqual(nepal);
    expect(await all({ siteId: own.siteId, limit: 4 })).toEqual([...nepal, bangladesh]);
    expect(await all({ auditId: secondAudit })).toEqual([bangladesh]);
    expect(await all({ recruiterId: own.recruiterId, limit: 1 })).toEqual(nepal);
  });

  it('replays an interview POST with the same Idempotency-Key', async () => {
    const body = anInterview(ids(), { testimony: TESTIMONY });
    const first = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).set('Idempotency-Key', body.externalRef).send(body).expect(201);
    const replay = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).set('Idempotency-Key', body.externalRef).send(body).expect(201);
    expect(replay.body).toEqual(first.body);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM interviews WHERE external_ref = $1`, [body.externalRef]);
    expect(count).toBe(1);
    const [stored] = await t.dataSource.query(`SELECT response::text AS response FROM idempotency_keys WHERE key = $1`, [body.externalRef]);
    expect(stored.response).not.toContain('Kathmandu');
  });
});
