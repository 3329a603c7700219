import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { QUEUES, type Role } from '@lantern/domain';
import { ScoringQueueClient } from '@lantern/platform';
import { REPORT_TYPES, type ReportType } from '@lantern/reports';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aFinding, aRecruiter, aSite, aSupplier, anAudit, anEngagement, anInterview } from '../factories/builders.js';
import { created } from '../factories/supply-chain.js';

process.env.LANTERN_QUEUE_PREFIX = `e2e-reports-${randomUUID().slice(0, 8)}`;

/** Rendered PDFs and the PNG of one page are kept here for a human to look at. */
const OUT = resolve('out/test/reports');

const NAMES = {
  latin: 'Harbour Textiles Ltd',
  cyrillic: 'Ткацкая фабрика Восток',
  arabic: 'مصنع النسيج العربي',
  devanagari: 'भारत वस्त्र उद्योग',
  cjk: '华南纺织有限公司',
};

interface ReportBody {
  id: string;
  type: ReportType;
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: number;
  error: string | null;
  sha256: string | null;
  pageCount: number | null;
  sizeBytes: number | null;
  generatorVersion: string | null;
  methodologyVersion: string | null;
  dataAsOf: string | null;
  modelSha256: string | null;
  supplierId: string | null;
  shared?: boolean;
}

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

const pdftotext = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const figure = (text: string, label: string): number => {
  const m = new RegExp(`${label}\\s+([\\d,]+)`).exec(text);
  if (!m) throw new Error(`"${label}" not found in the PDF text`);
  return Number(m[1]!.replace(/,/g, ''));
};

describe('reports (API + real worker + Chromium through BullMQ)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let acme: Tenant<Role>;
  let rival: Tenant<Role>;
  let regulator: Tenant<Role>;
  let supplierId: string;
  const rendered = new Map<ReportType, { body: ReportBody; text: string; file: string }>();
  const url = `${API}/reports`;

  const waitDone = async (id: string): Promise<ReportBody> => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const body = (await request(t.baseUrl).get(`${url}/${id}`).set(bearer(acme.keys.auditor)).expect(200)).body as ReportBody;
      if (body.status === 'completed' || body.status === 'failed') return body;
      if (Date.now() > deadline) throw new Error(`report ${id} still ${body.status}`);
      await sleep(100);
    }
  };

  const requestReport = async (body: object, key = acme.keys.compliance): Promise<ReportBody> => {
    const res = await request(t.baseUrl).post(url).set(bearer(key)).send(body).expect(202);
    expect(res.body).toMatchObject({ status: 'queued', progress: 0 });
    return waitDone(res.body.id);
  };

  const download = async (id: string, key: string): Promise<Buffer> => {
    const res = await request(t.baseUrl).get(`${url}/${id}/pdf`).set(bearer(key)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.body as Buffer;
  };

  const listCount = async (path: string): Promise<number> => {
    const res = await request(t.baseUrl).get(`${API}${path}${path.includes('?') ? '&' : '?'}limit=200`).set(bearer(acme.keys.admin)).expect(200);
    return (res.body.data as unknown[]).length;
  };

  /** Wait until no scoring job is pending, so the data the reports read no longer changes underneath them. */
  const settle = async (): Promise<void> => {
    const scoring = t.app.get<Queue>(getQueueToken(QUEUES.scoring));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const c = await scoring.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(c).every((n) => n === 0)) return;
      if (Date.now() > deadline) throw new Error(`scoring queue still busy: ${JSON.stringify(c)}`);
      await sleep(200);
    }
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    t = await startTestApp();
    const { WorkerModule } = await import('../../apps/worker/src/worker.module.js');
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    acme = await createTenant(t.dataSource, { kind: 'company', name: 'Reports Acme' });
    rival = await createTenant(t.dataSource, { kind: 'company', name: 'Reports Rival' });
    regulator = await createTenant(t.dataSource, { kind: 'regulator', name: 'Reports Regulator' });

    const key = acme.keys.admin;
    const suppliers = [];
    for (const [i, name] of Object.values(NAMES).entries()) {
      suppliers.push(await created(t.baseUrl, key, '/suppliers', aSupplier({ name, country: ['BD', 'RU', 'EG', 'IN', 'CN'][i], sector: i % 2 === 0 ? 'apparel' : 'electronics' })));
    }
    supplierId = suppliers[0]!.id;
    const site1 = await created(t.baseUrl, key, '/sites', aSite(supplierId, { name: 'Chattogram Plant 2' }));
    const site2 = await created(t.baseUrl, key, '/sites', aSite(supplierId, { name: 'Gazipur Unit 7', headcount: 120 }));
    const site3 = await created(t.baseUrl, key, '/sites', aSite(suppliers[4]!.id, { name: '深圳工厂', country: 'CN', sector: 'electronics' }));
    const recruiter = await created(t.baseUrl, key, '/recruiters', aRecruiter());
    await created(t.baseUrl, key, '/engagements', anEngagement(recruiter.id, site1.id));
    const audit1 = await created(t.baseUrl, key, '/audits', anAudit(site1.id, { conductedAt: '2025-03-14T09:00:00.000Z' }));
    const audit2 = await created(t.baseUrl, key, '/audits', anAudit(site2.id, { conductedAt: '2025-05-02T09:00:00.000Z', type: 'announced' }));
    const audit3 = await created(t.baseUrl, key, '/audits', anAudit(site3.id, { conductedAt: '2025-07-20T09:00:00.000Z' }));
    await created(t.baseUrl, key, '/audits', anAudit(site1.id, { conductedAt: '2024-06-01T09:00:00.000Z' })); // outside the period
    await created(t.baseUrl, key, '/findings', aFinding(audit1.id, { severity: 'critical', description: 'Passports held in the HR office safe' }));
    await created(t.baseUrl, key, '/findings', aFinding(audit1.id, { severity: 'high', indicatorCode: 'ILO-FL-09', description: 'Recruitment fees deducted from wages' }));
    await created(t.baseUrl, key, '/findings', aFinding(audit3.id, { severity: 'low', indicatorCode: 'ILO-FL-11', description: 'Overtime records incomplete' }));
    // 6 workers at site 1 (shown as aggregates), 2 at site 2 (fewer than 5: suppressed).
    for (let i = 0; i < 6; i++) await created(t.baseUrl, key, '/interviews', anInterview({ auditId: audit1.id, siteId: site1.id, recruiterId: recruiter.id }));
    for (let i = 0; i < 2; i++) await created(t.baseUrl, key, '/interviews', anInterview({ auditId: audit2.id, siteId: site2.id }));
    await settle();
    // A full re-score, so the dossier has assessments (with explanations) to show.
    await new ScoringQueueClient(t.app.get<Queue>(getQueueToken(QUEUES.scoring))).requestFullRescore(acme.organizationId, { reason: 'manual', asOf: '2025-12-31' });
    await sleep(300);
    await settle();
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('validates requests: dossier needs an own supplier, the period must be ordered', async () => {
    await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send({ type: 'supplier_dossier', periodStart: '2025-01-01', periodEnd: '2025-12-31' }).expect(400);
    await request(t.baseUrl).post(url).set(bearer(rival.keys.admin)).send({ type: 'supplier_dossier', periodStart: '2025-01-01', periodEnd: '2025-12-31', supplierId }).expect(400);
    await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send({ type: 'uk_msa_s54', periodStart: '2025-12-31', periodEnd: '2025-01-01' }).expect(400);
    await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).send({ type: 'nope', periodStart: '2025-01-01', periodEnd: '2025-12-31' }).expect(400);
    await request(t.baseUrl).post(url).set(bearer(acme.keys.regulator)).send({ type: 'uk_msa_s54', periodStart: '2025-01-01', periodEnd: '2025-12-31' }).expect(403);
  });

  it.each(REPORT_TYPES)('renders %s through the queue into a stored PDF', async (type) => {
    const body = await requestReport({
      type,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      paper: type === 'us_far_52_222_50' ? 'Letter' : 'A4',
      ...(type === 'supplier_dossier' ? { supplierId } : {}),
      options: { policies: 'Supplier Code of Conduct 2024: no recruitment fees.', training: 'Annual e-learning for buyers.', signatoryName: 'Jane Director', products: [{ name: 'Cotton T-shirt', hsCode: '6109.10' }] },
    });
    expect(body).toMatchObject({ status: 'completed', progress: 100, error: null, generatorVersion: 'lantern-reports-1.0.0' });
    expect(body.methodologyVersion).toMatch(/^lantern-risk-/);
    expect(body.modelSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.dataAsOf).not.toBeNull();
    const pdf = await download(body.id, acme.keys.auditor);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(body.sha256);
    expect(pdf.length).toBe(body.sizeBytes);
    const file = resolve(OUT, `${type}.pdf`);
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(body.pageCount);
    expect(info).toMatch(type === 'us_far_52_222_50' ? /\(letter\)/ : /\(A4\)/);
    const text = pdftotext(file);
    rendered.set(type, { body, text, file });
    // Every report: period, organisation, methodology, data as-of, page numbers, indicator-based wording.
    expect(text).toContain('2025-01-01 to 2025-12-31');
    expect(text).toContain(acme.name);
    expect(text).toContain(body.methodologyVersion!);
    expect(text).toContain(body.dataAsOf!.slice(0, 10));
    expect(text).toMatch(new RegExp(`Page 1 of ${body.pageCount}`));
    expect(text).toContain('indicator-based');
    expect(text.toLowerCase()).not.toContain('legal determination');
  });

  it('the numbers match the API', async () => {
    const uk = rendered.get('uk_msa_s54')!.text;
    expect(figure(uk, 'Suppliers mapped')).toBe(await listCount('/suppliers'));
    expect(figure(uk, 'Sites mapped')).toBe(await listCount('/sites'));
    expect(figure(uk, 'Recruitment agencies')).toBe(await listCount('/recruiters'));
    expect(figure(uk, 'Audits in period')).toBe(await listCount('/audits?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'));
    expect(figure(uk, 'Audits in period')).toBe(3);
    expect(figure(uk, 'Findings in period')).toBe(3);
    expect(figure(uk, 'Findings of high or critical severity')).toBe(2);
    expect(figure(uk, 'Workers interviewed \\(sites with 5 or more interviews\\)')).toBe(6);
    const dossier = rendered.get('supplier_dossier')!.text;
    expect(figure(dossier, 'Sites mapped')).toBe(await listCount(`/sites?supplierId=${supplierId}`));
    expect(figure(dossier, 'Audits in period')).toBe(2);
  });

  it('each regime shows its required sections', () => {
    const text = (type: ReportType) => rendered.get(type)!.text.replace(/\s+/g, ' ');
    for (const s of ['(a) Structure, business and supply chains', '(b) Policies', '(c) Due diligence processes', '(d) Parts of the business', '(e) Effectiveness', '(f) Training', 'Approval and signature']) expect(text('uk_msa_s54')).toContain(s);
    for (const c of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) expect(text('au_msa_s16')).toContain(`Criterion (${c})`);
    for (const c of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) expect(text('ca_s211')).toContain(`s.11(3)(${c})`);
    expect(text('ca_s211')).toContain('Questionnaire responses');
    expect(text('ca_s211')).toContain('Q18.');
    expect(text('ca_s211')).toContain('Attestation');
    for (const s of ['Products concerned', 'Cotton T-shirt', 'Identify', 'Prevent', 'Mitigate', 'Bring to an', 'Remediate', 'Geographies of production']) expect(text('eu_flr')).toContain(s);
    for (const s of ['Compliance plan', 'Awareness program', 'Certification annex', 'B: 2 high or critical indicator findings']) expect(text('us_far_52_222_50')).toContain(s);
    for (const s of ['Supplier', 'Sites', 'Recruitment agencies', 'Audits', 'Findings', 'Worker interviews (aggregates)', 'Risk assessments', 'Remediation', 'Blocks', 'Evidence annex']) expect(text('supplier_dossier')).toContain(s);
  });

  it('the dossier shows the current assessment as the risk API gives it', async () => {
    const risk = await request(t.baseUrl).get(`${API}/suppliers/${supplierId}/risk`).set(bearer(acme.keys.admin));
    const dossier = rendered.get('supplier_dossier')!.text.replace(/\s+/g, ' ');
    if (risk.status !== 200) {
      expect(dossier).toContain('No assessment available');
      return;
    }
    const overall = Number(risk.body.current?.scores?.overall);
    const band = String(risk.body.current?.band);
    expect(Number.isFinite(overall)).toBe(true);
    expect(dossier).toContain('Risk assessments');
    // The name cell may wrap (pdftotext then puts its last word after the row).
    expect(dossier).toMatch(new RegExp(`supplier Harbour Textiles( Ltd)? ${overall.toFixed(1)} ${band} `));
    expect(dossier).toContain('Gazipur Unit 7 withheld fewer than 5');
    expect(dossier).toContain('Explanation: supplier');
    expect(figure(rendered.get('uk_msa_s54')!.text, 'Suppliers with a current risk assessment')).toBeGreaterThan(0);
  });

  it('worker data appears only as aggregates of 5 or more', () => {
    const d = rendered.get('supplier_dossier')!.text.replace(/\s+/g, ' ');
    expect(d).toContain('n = 6');
    expect(d).toContain('1 site(s) with fewer interviews are not shown');
    expect(d).not.toMatch(/Gazipur Unit 7 2 /);
  });

  it('names in Latin, Cyrillic, Arabic, Devanagari and CJK scripts are rendered with real fonts', () => {
    const { text, file } = rendered.get('eu_flr')!;
    for (const name of [NAMES.latin, NAMES.cyrillic, NAMES.devanagari, NAMES.cjk]) expect(text).toContain(name);
    expect(text).toContain('النسيج'); // Arabic is extracted right-to-left with direction marks around it
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansArabic/);
    expect(fonts).toMatch(/NotoSansDevanagari/);
  });

  it('keeps a PNG of the dossier\'s first page in the test output', () => {
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', '-singlefile', rendered.get('supplier_dossier')!.file, resolve(OUT, 'supplier_dossier-page1')]);
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '2', '-l', '2', '-singlefile', rendered.get('uk_msa_s54')!.file, resolve(OUT, 'uk_msa_s54-page2')]);
  });

  it('same inputs give the same model hash', async () => {
    await settle();
    const a = await requestReport({ type: 'au_msa_s16', periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    const b = await requestReport({ type: 'au_msa_s16', periodStart: '2025-01-01', periodEnd: '2025-12-31', paper: 'Letter' });
    expect(b.modelSha256).toBe(a.modelSha256);
    const c = await requestReport({ type: 'au_msa_s16', periodStart: '2025-01-01', periodEnd: '2025-06-30' });
    expect(c.modelSha256).not.toBe(a.modelSha256);
  });

  it('a period with no data renders a report that says so', async () => {
    const body = await requestReport({ type: 'uk_msa_s54', periodStart: '2010-01-01', periodEnd: '2010-12-31' });
    expect(body.status).toBe('completed');
    const file = resolve(OUT, 'uk_msa_s54-empty.pdf');
    writeFileSync(file, await download(body.id, acme.keys.admin));
    const text = pdftotext(file).replace(/\s+/g, ' ');
    expect(text).toContain('No audits, findings or worker interviews were recorded for the reporting period 2010-01-01 to 2010-12-31');
    expect(figure(text, 'Audits in period')).toBe(0);
  });

  it('sharing: a regulator reads the shared report and its PDF, nothing behind it; other tenants get 404', async () => {
    const dossier = rendered.get('supplier_dossier')!.body;
    await request(t.baseUrl).get(`${url}/${dossier.id}`).set(bearer(rival.keys.admin)).expect(404);
    await request(t.baseUrl).get(`${url}/${dossier.id}/pdf`).set(bearer(rival.keys.admin)).expect(404);
    await request(t.baseUrl).get(`${url}/${dossier.id}`).set(bearer(regulator.keys.regulator)).expect(404);
    await request(t.baseUrl).post(`${url}/${dossier.id}/shares`).set(bearer(rival.keys.admin)).send({ organizationId: rival.organizationId }).expect(404);
    await request(t.baseUrl).post(`${url}/${dossier.id}/shares`).set(bearer(acme.keys.auditor)).send({ organizationId: regulator.organizationId }).expect(403);
    await request(t.baseUrl).post(`${url}/${dossier.id}/shares`).set(bearer(acme.keys.compliance)).send({ organizationId: randomUUID() }).expect(400);

    const share = await request(t.baseUrl).post(`${url}/${dossier.id}/shares`).set(bearer(acme.keys.compliance)).send({ organizationId: regulator.organizationId }).expect(201);
    expect(share.body).toMatchObject({ reportId: dossier.id, organizationId: regulator.organizationId });
    await request(t.baseUrl).post(`${url}/${dossier.id}/shares`).set(bearer(acme.keys.compliance)).send({ organizationId: regulator.organizationId }).expect(201);
    const shares = await request(t.baseUrl).get(`${url}/${dossier.id}/shares`).set(bearer(acme.keys.admin)).expect(200);
    expect(shares.body).toHaveLength(1);

    const seen = await request(t.baseUrl).get(`${url}/${dossier.id}`).set(bearer(regulator.keys.regulator)).expect(200);
    expect(seen.body).toMatchObject({ id: dossier.id, shared: true, supplierId: null, sha256: dossier.sha256 });
    expect(seen.body.options).toBeUndefined();
    const pdf = await download(dossier.id, regulator.keys.regulator);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(dossier.sha256);
    const list = await request(t.baseUrl).get(url).set(bearer(regulator.keys.regulator)).expect(200);
    expect((list.body.data as ReportBody[]).map((r) => r.id)).toEqual([dossier.id]);

    // Nothing behind it: the supplier, its sites and the other reports stay invisible.
    await request(t.baseUrl).get(`${API}/suppliers/${supplierId}`).set(bearer(regulator.keys.regulator)).expect(404);
    await request(t.baseUrl).get(`${url}/${rendered.get('uk_msa_s54')!.body.id}`).set(bearer(regulator.keys.regulator)).expect(404);
    await request(t.baseUrl).get(`${url}/${dossier.id}/shares`).set(bearer(regulator.keys.regulator)).expect(403);
    // Still invisible to everyone else.
    await request(t.baseUrl).get(`${url}/${dossier.id}`).set(bearer(rival.keys.admin)).expect(404);

    // Requested, rendered and shared: recorded in the owner's audit log.
    const events = (await t.dataSource.query(`SELECT action, actor_role FROM audit_events WHERE organization_id = $1 AND subject_type = 'report' AND subject_id = $2 ORDER BY sequence`, [acme.organizationId, dossier.id])) as { action: string; actor_role: string }[];
    expect(events.map((e) => e.action)).toEqual(['report.requested', 'report.rendered', 'report.shared']);
    expect(events[1]!.actor_role).toBe('system');
  });
});
