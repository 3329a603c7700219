/**
 * Audit findings in the scoring (rule FIND-01, lantern-risk-1.1.0), end to end:
 * a critical open document-confiscation finding created through the API puts
 * its site in the scoring outbox, the real worker re-scores the site, and its
 * document-confiscation score and band rise (the supplier's with it) with the
 * finding cited in the explanation; closing the finding re-scores the site
 * back to what it was without it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aFinding, anAudit, anInterview, aSite, aSupplier, cleanInterviewFields } from '../factories/builders.js';
import { created } from '../factories/supply-chain.js';

interface Node {
  ruleId: string;
  evidenceIds: string[];
  inputs: Record<string, unknown>;
  children: Node[];
}
interface Current {
  id: string;
  methodologyVersion: string;
  scores: { overall: number; documentConfiscation: number; recruitmentFee: number; tiedVisa: number };
  band: string;
  ruleIds: string[];
  evidenceIds: string[];
  explanation: Node;
  details: Record<string, unknown>;
}

const nodes = (root: Node, ruleId: string): Node[] => [...(root.ruleId === ruleId ? [root] : []), ...root.children.flatMap((c) => nodes(c, ruleId))];
const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString();

describe('audit findings in the risk scoring (FIND-01)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let acme: Tenant<Role>;
  const ids = {} as { supplier: string; site: string; audit: string };

  const get = (path: string) => request(t.baseUrl).get(`${API}${path}`).set(bearer(acme.keys.compliance));
  const current = async (type: 'sites' | 'suppliers', id: string): Promise<Current> => (await get(`/${type}/${id}/risk`).expect(200)).body.current as Current;
  const pending = async (): Promise<number> =>
    ((await t.dataSource.query(`SELECT count(*)::int AS n FROM scoring_pending_sites WHERE organization_id = $1`, [acme.organizationId])) as { n: number }[])[0]!.n;

  /** Wait until the site's current assessment is no longer `previous` and the outbox is empty (the triggered score-sites job ran). */
  const rescoredAfter = async (previous: string): Promise<Current> => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const res = await get(`/sites/${ids.site}/risk`);
      if (res.status === 200 && res.body.current?.id !== previous && (await pending()) === 0) return res.body.current as Current;
      if (Date.now() > deadline) throw new Error('the site was not re-scored');
      await new Promise((r) => setTimeout(r, 150));
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    const { WorkerModule } = await import('../../apps/worker/src/worker.module.js');
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    acme = await createTenant(t.dataSource, { kind: 'company', name: 'Findings Acme' });
    const key = acme.keys.admin;
    ids.supplier = (await created(t.baseUrl, key, '/suppliers', aSupplier({ country: 'MY', sector: 'Electronics' }))).id;
    ids.site = (await created(t.baseUrl, key, '/sites', aSite(ids.supplier, { country: 'MY', sector: 'Electronics' }))).id;
    ids.audit = (await created(t.baseUrl, key, '/audits', anAudit(ids.site, { conductedAt: daysAgo(20) }))).id;
    const clean = cleanInterviewFields({ documents_retained: 'no', documents_taken_at_recruitment: 'no' });
    // Twelve workers who all keep their own documents: the interviews alone say "low".
    for (let i = 0; i < 12; i++) await created(t.baseUrl, acme.keys.auditor, '/interviews', anInterview({ auditId: ids.audit, siteId: ids.site }, clean));
    const res = await request(t.baseUrl).post(`${API}/scoring/rescore`).set(bearer(acme.keys.compliance)).expect(202);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const job = await get(`/scoring/jobs/${res.body.jobId}`);
      if (job.body.state === 'completed' && (await pending()) === 0) break;
      if (job.body.state === 'failed') throw new Error(String(job.body.failedReason));
      if (Date.now() > deadline) throw new Error('scoring did not finish');
      await new Promise((r) => setTimeout(r, 150));
    }
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  }, 30_000);

  it('a critical open confiscation finding raises the site and its supplier; closing it takes the effect away', async () => {
    const before = await current('sites', ids.site);
    const supplierBefore = await current('suppliers', ids.supplier);
    expect(before.methodologyVersion).toBe('lantern-risk-1.1.0');
    expect(before.scores.documentConfiscation).toBeLessThan(40);
    expect(nodes(before.explanation, 'FIND-01')).toEqual([]);

    // The finding, through the API: its site is re-scored by the job the write queued (no manual re-score).
    const finding = await created(
      t.baseUrl,
      acme.keys.auditor,
      '/findings',
      aFinding(ids.audit, { indicatorCode: 'LAN-DOC', severity: 'critical', status: 'open', description: 'Passports held in the HR office safe; workers cannot get them on request' }),
    );
    const raised = await rescoredAfter(before.id);
    expect(raised.methodologyVersion).toBe('lantern-risk-1.1.0');
    expect(raised.scores.documentConfiscation).toBe(65);
    const doc = raised.explanation.children.find((c) => c.ruleId === 'SCORE-DOCUMENT-CONFISCATION')!;
    expect(doc.inputs).toMatchObject({ score: 65, band: 'high' });
    expect(raised.scores.overall).toBeGreaterThanOrEqual(65);
    expect(raised.band).toBe('high');
    expect(raised.scores.recruitmentFee).toBe(before.scores.recruitmentFee);
    expect(raised.scores.tiedVisa).toBe(before.scores.tiedVisa);
    // Which evidence, which rule, which methodology version.
    const [group] = nodes(doc, 'AUDIT-FINDINGS');
    expect(group!.inputs).toMatchObject({ rule: 'FIND-01', methodologyVersion: 'lantern-risk-1.1.0', floor: 65, before: before.scores.documentConfiscation, after: 65 });
    const [leaf] = nodes(raised.explanation, 'FIND-01');
    expect(leaf!.inputs).toMatchObject({
      findingId: finding.id,
      externalRef: finding.externalRef,
      auditId: ids.audit,
      indicatorCode: 'LAN-DOC',
      severity: 'critical',
      status: 'open',
      auditDate: daysAgo(20).slice(0, 10),
      counted: true,
      floor: 65,
    });
    expect(leaf!.evidenceIds).toEqual([finding.id]);
    expect(raised.explanation.evidenceIds[0]).toBe(finding.id);
    expect(raised.ruleIds).toEqual(expect.arrayContaining(['AUDIT-FINDINGS', 'FIND-01']));
    expect(raised.evidenceIds).toContain(finding.id);
    expect(raised.details.auditFindings).toEqual([expect.objectContaining({ findingId: finding.id, group: 'document_confiscation', counted: true, floor: 65 })]);
    // The supplier follows through the roll-up.
    const supplierRaised = await current('suppliers', ids.supplier);
    expect(supplierRaised.scores.documentConfiscation).toBe(65);
    expect(supplierRaised.scores.documentConfiscation).toBeGreaterThan(supplierBefore.scores.documentConfiscation);

    // Closing the finding re-scores the site back.
    await request(t.baseUrl).patch(`${API}/findings/${finding.id}`).set(bearer(acme.keys.auditor)).send({ status: 'closed' }).expect(200);
    const closed = await rescoredAfter(raised.id);
    expect(closed.scores).toEqual(before.scores);
    expect(closed.band).toBe(before.band);
    expect(closed.explanation.children.find((c) => c.ruleId === 'SCORE-DOCUMENT-CONFISCATION')!.inputs).toMatchObject({ score: before.scores.documentConfiscation, band: 'low' });
    const [closedLeaf] = nodes(closed.explanation, 'FIND-01');
    expect(closedLeaf!.inputs).toMatchObject({ findingId: finding.id, status: 'closed', counted: false, floor: 0 });
    expect(closed.explanation.evidenceIds).not.toContain(finding.id);
    expect((await current('suppliers', ids.supplier)).scores).toEqual(supplierBefore.scores);
  }, 180_000);
});
