/**
 * Risk scoring end to end: interviews in through the API, a re-score through
 * the real queue and worker (ScoringProcessor), assessments out with their
 * explanation; history kept; verified remediation lowering the fee risk with
 * the reason shown; thresholds raising block recommendations and remediation
 * items; tenancy and read-only regulators.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { anAudit, anInterview, aRecruiter, aSite, aSupplier, cleanInterviewFields } from '../factories/builders.js';
import { created } from '../factories/supply-chain.js';

interface Node {
  ruleId: string;
  evidenceIds: string[];
  inputs: Record<string, unknown>;
  weight: number;
  label: string;
  children: Node[];
}

const nodes = (root: Node, ruleId: string): Node[] => [...(root.ruleId === ruleId ? [root] : []), ...root.children.flatMap((c) => nodes(c, ruleId))];
const yesterday = (): string => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('risk scoring API', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let acme: Tenant<Role>;
  let rival: Tenant<Role>;
  const ids = {} as { supplier: string; site: string; cleanSite: string; recruiter: string; w1: string; w2: string; w3: string; w4: string };
  let firstSiteRisk: { current: { id: string; scores: Record<string, number>; explanation: Node; details: Record<string, unknown> } };
  let firstJobId: string;

  const get = (key: string, path: string) => request(t.baseUrl).get(`${API}${path}`).set(bearer(key));

  /** Poll a scoring job until it has finished; fails the test when it failed. */
  const waitForJob = async (jobId: string, key = acme.keys.compliance): Promise<Record<string, unknown>> => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const res = await get(key, `/scoring/jobs/${jobId}`);
      if (res.status === 200 && res.body.state === 'completed') return res.body;
      if (res.status === 200 && res.body.state === 'failed') throw new Error(`scoring job failed: ${res.body.failedReason}`);
      if (Date.now() > deadline) throw new Error(`scoring job ${jobId} still ${res.body.state ?? res.status}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  };

  const rescore = async (): Promise<string> => {
    const res = await request(t.baseUrl).post(`${API}/scoring/rescore`).set(bearer(acme.keys.compliance)).expect(202);
    expect(res.body).toMatchObject({ name: 'score-organization', statusUrl: `/api/v1/scoring/jobs/${res.body.jobId}` });
    await waitForJob(res.body.jobId);
    return res.body.jobId;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const { WorkerModule } = await import('../../apps/worker/src/worker.module.js');
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    acme = await createTenant(t.dataSource, { kind: 'company', name: 'Risk Acme' });
    rival = await createTenant(t.dataSource, { kind: 'company', name: 'Risk Rival' });

    const key = acme.keys.admin;
    ids.supplier = (await created(t.baseUrl, key, '/suppliers', aSupplier({ country: 'MY', sector: 'Electronics' }))).id;
    ids.site = (await created(t.baseUrl, key, '/sites', aSite(ids.supplier, { country: 'MY', sector: 'Electronics' }))).id;
    ids.cleanSite = (await created(t.baseUrl, key, '/sites', aSite(ids.supplier, { country: 'MY', sector: 'Electronics' }))).id;
    ids.recruiter = (await created(t.baseUrl, key, '/recruiters', aRecruiter())).id;
    const audit = (await created(t.baseUrl, key, '/audits', anAudit(ids.site))).id;
    const cleanAudit = (await created(t.baseUrl, key, '/audits', anAudit(ids.cleanSite))).id;
    // USD fees convert into the MYR wage currency with the organisation's own rate.
    await t.dataSource.query(
      `INSERT INTO exchange_rates (organization_id, base, quote, rate, valid_from, source, illustrative) VALUES ($1, 'USD', 'MYR', 4.5, '2024-01-01', 'test', true)`,
      [acme.organizationId],
    );
    const clean = cleanInterviewFields({ excessive_hours: 'no', documents_retained: 'no', debt_bondage: 'no' });
    // w1: passport kept by the employer and not given back on request, a loan-financed USD fee, a tied permit.
    ids.w1 = (
      await created(
        t.baseUrl,
        acme.keys.auditor,
        '/interviews',
        anInterview({ auditId: audit, siteId: ids.site, recruiterId: ids.recruiter }, { documentsAccessibleOnRequest: 'no', documentsHeldWithConsent: 'no' }),
      )
    ).id;
    // w2: a cash fee of two months' wage in MYR, documents kept by the worker.
    ids.w2 = (
      await created(
        t.baseUrl,
        acme.keys.auditor,
        '/interviews',
        anInterview({ auditId: audit, siteId: ids.site }, { ...clean, visaType: 'employer_sponsored', visaTiedToEmployer: 'yes', fees: [{ category: 'recruitment_fee', amount: '3000.00', currency: 'MYR', paidTo: 'recruiter', paymentForm: 'cash', financedByLoan: 'no' }] }),
      )
    ).id;
    ids.w3 = (await created(t.baseUrl, acme.keys.auditor, '/interviews', anInterview({ auditId: audit, siteId: ids.site }, clean))).id;
    ids.w4 = (await created(t.baseUrl, acme.keys.auditor, '/interviews', anInterview({ auditId: cleanAudit, siteId: ids.cleanSite }, clean))).id;
    // Six more clean workers at the site, so that prevalence stays below saturation (one worker in five).
    for (let i = 0; i < 6; i++) await created(t.baseUrl, acme.keys.auditor, '/interviews', anInterview({ auditId: audit, siteId: ids.site }, clean));
    firstJobId = await rescore();
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  }, 30_000);

  it('assesses the site from its interviews: explanation with methodology version, rule ids and the right interview ids', async () => {
    const res = await get(acme.keys.auditor, `/sites/${ids.site}/risk`).expect(200);
    firstSiteRisk = res.body;
    const current = res.body.current;
    expect(res.body.subject).toMatchObject({ type: 'site', id: ids.site, country: 'MY' });
    expect(current).toMatchObject({ subjectType: 'site', subjectId: ids.site, methodologyVersion: 'lantern-risk-1.1.0', sampleSize: 9 });
    expect(current.ruleIds).toEqual(expect.arrayContaining(['SCORE-OVERALL', 'PRIOR-INHERENT', 'EVIDENCE', 'DOC-01', 'DOC-03', 'FEE-01', 'FEE-03', 'VISA-01', 'RECRUITER-PROPAGATION']));
    const tree = current.explanation as Node;
    expect(tree.ruleId).toBe('SCORE-OVERALL');
    expect(nodes(tree, 'DOC-01')[0]!.evidenceIds).toEqual([ids.w1]);
    expect(nodes(tree, 'FEE-01')[0]!.evidenceIds).toEqual([ids.w1, ids.w2].sort());
    expect(nodes(tree, 'FEE-01')[0]!.inputs).toMatchObject({ count: 2, remediated: 0, n: 9 });
    expect(nodes(tree, 'VISA-01')[0]!.evidenceIds).toEqual([ids.w1, ids.w2].sort());
    expect(current.evidenceIds).not.toContain(ids.w4);
    const doc01 = (current.details.prevalence as { ruleId: string; count: number; n: number; lower: number; upper: number; label: string; citation: string }[]).find((p) => p.ruleId === 'DOC-01')!;
    expect(doc01).toMatchObject({ count: 1, n: 9, label: expect.stringContaining('confiscated'), citation: expect.stringContaining('ILO-FL-07') });
    expect(doc01.lower).toBeGreaterThan(0);
    expect(doc01.upper).toBeLessThan(1);
    expect(nodes(tree, 'RECRUITER-PROPAGATION')[0]!.children[0]!.inputs).toMatchObject({ recruiterId: ids.recruiter });

    const clean = await get(acme.keys.auditor, `/sites/${ids.cleanSite}/risk`).expect(200);
    expect(clean.body.current.scores.overall).toBeLessThan(current.scores.overall);
    expect(clean.body.current.ruleIds).not.toContain('DOC-01');
  });

  it('rolls sites up to the supplier and workers up to the recruiter', async () => {
    const supplier = (await get(acme.keys.procurement, `/suppliers/${ids.supplier}/risk`).expect(200)).body;
    const site = firstSiteRisk.current.scores;
    expect(supplier.current.scores.overall).toBe(site.overall);
    const contributors = nodes(supplier.current.explanation, 'SUPPLY-CHAIN').map((n) => n.inputs.subjectId);
    expect(contributors.sort()).toEqual([ids.site, ids.cleanSite].sort());
    const recruiter = (await get(acme.keys.admin, `/recruiters/${ids.recruiter}/risk`).expect(200)).body;
    expect(recruiter.current).toMatchObject({ subjectType: 'recruiter', sampleSize: 1 });
    expect(nodes(recruiter.current.explanation, 'DOC-01')[0]!.evidenceIds).toEqual([ids.w1]);
  });

  it('raises block recommendations and remediation items from thresholds', async () => {
    const current = (await get(acme.keys.admin, `/sites/${ids.site}/risk`).expect(200)).body.current;
    const zeroTolerance = current.blockRecommendations.find((b: { ruleIds: string[] }) => b.ruleIds.includes('DOC-01'));
    expect(zeroTolerance).toMatchObject({ ruleIds: ['DOC-01'], severity: 'critical', evidenceIds: [ids.w1], assessmentId: current.id });
    const kinds = current.remediationItems.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['repay_fees', 'return_documents', 'transfer_sponsorship']));
    const repay = current.remediationItems.find((i: { kind: string }) => i.kind === 'repay_fees');
    // 1200 USD at 4.5 = 5400.00 MYR, plus 3000.00 MYR: 8400.00 MYR owed, by the employer.
    expect(repay).toMatchObject({ amounts: [{ amountMinor: 840000, currency: 'MYR' }], responsible: 'employer', workers: 2 });
    const listed = (await get(acme.keys.regulator, `/block-recommendations?subjectId=${ids.site}`).expect(200)).body.data;
    expect(listed.map((b: { id: string }) => b.id)).toContain(zeroTolerance.id);
    const items = (await get(acme.keys.admin, `/remediation-items?subjectId=${ids.site}&kind=repay_fees`).expect(200)).body.data;
    expect(items).toHaveLength(1);
    const cleanBlocks = (await get(acme.keys.admin, `/block-recommendations?subjectId=${ids.cleanSite}`).expect(200)).body.data;
    expect(cleanBlocks).toEqual([]);
  });

  it('assesses one worker on demand, for worker-record readers of the organisation only', async () => {
    const res = await get(acme.keys.auditor, `/interviews/${ids.w1}/risk`).expect(200);
    expect(res.body).toMatchObject({ interviewId: ids.w1, methodologyVersion: 'lantern-risk-1.1.0', computedOnDemand: true });
    const doc = res.body.assessment.indicators.find((i: { ruleId: string }) => i.ruleId === 'DOC-01');
    expect(doc).toMatchObject({ status: 'active', severity: 'critical', evidenceIds: [ids.w1] });
    expect(res.body.assessment.classification.current.basis).toMatch(/not a legal determination/);
    expect(res.body.thresholds.blocks.some((b: { ruleIds: string[] }) => b.ruleIds.includes('DOC-01'))).toBe(true);
    await get(acme.keys.regulator, `/interviews/${ids.w1}/risk`).expect(403);
    await get(acme.keys.procurement, `/interviews/${ids.w1}/risk`).expect(403);
  });

  it('lowers the fee risk once a repayment is verified, and says why', async () => {
    const before = (await get(acme.keys.admin, `/sites/${ids.site}/risk`).expect(200)).body.current;
    const record = await created(t.baseUrl, acme.keys.compliance, '/remediation/records', {
      interviewId: ids.w2,
      kind: 'fee_repayment',
      amount: '3000.00',
      currency: 'MYR',
      occurredOn: yesterday(),
      evidence: [{ kind: 'bank_transfer', reference: 'TX-2025-0042' }],
    });
    expect(record).toMatchObject({ verified: false, amountMinor: 300000, currency: 'MYR' });
    // Four eyes: the recorder cannot verify; an unverified record changes nothing.
    await request(t.baseUrl).post(`${API}/remediation/records/${record.id}/verify`).set(bearer(acme.keys.compliance)).send({}).expect(409);
    const verified = await request(t.baseUrl).post(`${API}/remediation/records/${record.id}/verify`).set(bearer(acme.keys.auditor)).send({ note: 'bank statement checked' }).expect(200);
    expect(verified.body).toMatchObject({ verified: true, rescore: { name: 'score-sites' } });
    await waitForJob(verified.body.rescore.jobId);

    const after = (await get(acme.keys.admin, `/sites/${ids.site}/risk`).expect(200)).body.current;
    expect(after.id).not.toBe(before.id);
    expect(after.scores.recruitmentFee).toBeLessThan(before.scores.recruitmentFee);
    const fee01 = nodes(after.explanation, 'FEE-01')[0]!;
    expect(fee01.inputs).toMatchObject({ count: 1, remediated: 1 });
    expect(fee01.evidenceIds).toEqual([ids.w1, record.id]); // the workers with it active, then the records that remediated it
    const worker = (await get(acme.keys.auditor, `/interviews/${ids.w2}/risk`).expect(200)).body.assessment;
    const indicator = worker.indicators.find((i: { ruleId: string }) => i.ruleId === 'FEE-01');
    expect(indicator).toMatchObject({ status: 'remediated', evidenceIds: [ids.w2, record.id] });
    expect(indicator.explanation).toContain(`Remediated: verified by ${record.id}`);
    const owed = after.remediationItems.find((i: { kind: string }) => i.kind === 'repay_fees');
    expect(owed.amounts).toEqual([{ amountMinor: 540000, currency: 'MYR' }]);
  });

  it('keeps the history: earlier assessments stay, unchanged, newest first', async () => {
    const res = await get(acme.keys.regulator, `/sites/${ids.site}/risk?history=true`).expect(200);
    expect(res.body.history.length).toBeGreaterThanOrEqual(1);
    // Data changes queue scoring runs of their own, so the first run recorded here need not be the oldest.
    const first = res.body.history.find((a: { id: string }) => a.id === firstSiteRisk.current.id);
    expect(first).toBeDefined();
    expect(first.scores).toEqual(firstSiteRisk.current.scores);
    expect(first.explanation).toEqual(firstSiteRisk.current.explanation);
    const dates = [res.body.current, ...res.body.history].map((a: { assessedAt: string }) => Date.parse(a.assessedAt));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const count = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM assessments WHERE subject_id = $1`, [ids.site]))[0].n);
    const rows = await count();
    await rescore();
    expect(await count()).toBe(rows + 1);
    const again = (await get(acme.keys.regulator, `/sites/${ids.site}/risk?history=true&limit=100`).expect(200)).body;
    expect(again.history.map((a: { id: string }) => a.id)).toContain(firstSiteRisk.current.id);
    expect(again.history.find((a: { id: string }) => a.id === firstSiteRisk.current.id).explanation).toEqual(firstSiteRisk.current.explanation);
    // Append-only, enforced by the database.
    await expect(t.dataSource.query(`UPDATE assessments SET overall = 0 WHERE id = $1`, [firstSiteRisk.current.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM assessments WHERE id = $1`, [firstSiteRisk.current.id])).rejects.toThrow(/append-only/);
  });

  it('applies the organisation’s thresholds: a lower block threshold raises a block recommendation', async () => {
    const bad = await request(t.baseUrl)
      .put(`${API}/scoring/settings`)
      .set(bearer(acme.keys.admin))
      .send({ overrides: { bands: { high: 10 }, nonsense: 1, thresholds: { zeroToleranceRules: ['NOPE'] } }, sectorScores: { Electronics: 9 } })
      .expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['overrides.nonsense', 'overrides.thresholds.zeroToleranceRules', 'sectorScores.Electronics']);
    const badRange = await request(t.baseUrl).put(`${API}/scoring/settings`).set(bearer(acme.keys.admin)).send({ overrides: { bands: { high: 10 } } }).expect(400);
    await request(t.baseUrl).put(`${API}/scoring/settings`).set(bearer(acme.keys.admin)).send({}).expect(400);
    await request(t.baseUrl).put(`${API}/scoring/settings`).set(bearer(acme.keys.admin)).send({ overrides: null }).expect(400);
    await request(t.baseUrl).post(`${API}/scoring/rescore?asOf=2025-02-30`).set(bearer(acme.keys.admin)).expect(400);
    expect(badRange.body.errors).toEqual([{ field: 'overrides.bands', reason: expect.stringContaining('medium < high < critical') }]);

    const res = await request(t.baseUrl)
      .put(`${API}/scoring/settings`)
      .set(bearer(acme.keys.admin))
      .send({ overrides: { thresholds: { blockAtScore: { overall: 20, recruitment_fee: 85, tied_visa: 85, document_confiscation: 85 } } }, sectorScores: { Electronics: 3 } })
      .expect(200);
    expect(res.body).toMatchObject({ version: 1, config: { thresholds: { blockAtScore: { overall: 20 } } }, sectorScores: { Electronics: 3 }, rescore: { name: 'score-organization' } });
    await waitForJob(res.body.rescore.jobId);
    const clean = (await get(acme.keys.admin, `/sites/${ids.cleanSite}/risk`).expect(200)).body.current;
    expect(clean.scores.overall).toBeGreaterThanOrEqual(20);
    expect(clean.blockRecommendations).toEqual([expect.objectContaining({ reason: expect.stringContaining('reaches the block threshold 20'), severity: 'high' })]);
    expect(clean.details.prior).toMatchObject({ sector: 3 });
    expect((await get(acme.keys.regulator, '/scoring/settings').expect(200)).body.version).toBe(1);
  });

  it('lists current assessments riskiest first, filtered, paged and as CSV', async () => {
    const all = (await get(acme.keys.procurement, '/risk?subjectType=site').expect(200)).body.data;
    expect(all.map((r: { subjectId: string }) => r.subjectId)).toEqual([ids.site, ids.cleanSite]);
    expect(all[0].overall).toBeGreaterThanOrEqual(all[1].overall);
    const page1 = (await get(acme.keys.procurement, '/risk?limit=1').expect(200)).body;
    expect(page1.data).toHaveLength(1);
    const page2 = (await get(acme.keys.procurement, `/risk?limit=1&cursor=${page1.nextCursor}`).expect(200)).body;
    expect(page2.data[0].overall).toBeLessThanOrEqual(page1.data[0].overall);
    expect(page2.data[0].subjectId).not.toBe(page1.data[0].subjectId);
    const band = all[0].band;
    const filtered = (await get(acme.keys.procurement, `/risk?band=${band}&country=MY`).expect(200)).body.data;
    expect(filtered.every((r: { band: string; country: string }) => r.band === band && r.country === 'MY')).toBe(true);
    const csv = await get(acme.keys.procurement, '/risk?format=csv&subjectType=supplier').expect(200);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 7)).toEqual(['subjectType', 'subjectId', 'name', 'country', 'sector', 'overall', 'band']);
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual([ids.supplier]);
    await get(acme.keys.procurement, '/risk?cursor=nonsense').expect(400);
  });

  it('keeps tenants apart: another organisation gets 404, never data', async () => {
    await get(rival.keys.admin, `/sites/${ids.site}/risk`).expect(404);
    await get(rival.keys.admin, `/suppliers/${ids.supplier}/risk`).expect(404);
    await get(rival.keys.admin, `/recruiters/${ids.recruiter}/risk`).expect(404);
    await get(rival.keys.admin, `/interviews/${ids.w1}/risk`).expect(404);
    await get(rival.keys.admin, `/scoring/jobs/${firstJobId}`).expect(404);
    expect((await get(rival.keys.admin, '/risk').expect(200)).body.data).toEqual([]);
    expect((await get(rival.keys.admin, '/block-recommendations').expect(200)).body.data).toEqual([]);
    const res = await request(t.baseUrl)
      .post(`${API}/remediation/records`)
      .set(bearer(rival.keys.admin))
      .send({ interviewId: ids.w1, kind: 'document_return', occurredOn: yesterday() })
      .expect(400);
    expect(res.body.errors).toEqual([{ field: 'interviewId', reason: "does not reference one of your organisation's interviews" }]);
    const theirs = (await get(acme.keys.admin, `/remediation/records?interviewId=${ids.w2}`).expect(200)).body.data[0];
    await request(t.baseUrl).post(`${API}/remediation/records/${theirs.id}/verify`).set(bearer(rival.keys.auditor)).send({}).expect(404);
  });

  it('lets regulators read but never write', async () => {
    await get(acme.keys.regulator, `/sites/${ids.site}/risk`).expect(200);
    await get(acme.keys.regulator, '/risk').expect(200);
    await request(t.baseUrl).post(`${API}/scoring/rescore`).set(bearer(acme.keys.regulator)).expect(403);
    await request(t.baseUrl).put(`${API}/scoring/settings`).set(bearer(acme.keys.regulator)).send({ overrides: {} }).expect(403);
    await request(t.baseUrl)
      .post(`${API}/remediation/records`)
      .set(bearer(acme.keys.regulator))
      .send({ interviewId: ids.w1, kind: 'document_return', occurredOn: yesterday() })
      .expect(403);
    await request(t.baseUrl).post(`${API}/scoring/rescore`).set(bearer(acme.keys.procurement)).expect(403);
  });
});
