import { describe, expect, it } from '@jest/globals';
import { reportInput } from '../../../../test/fixtures/reports/report-input.js';
import { renderReportHtml } from '../html/template.js';
import { buildReportModel, canonicalJson, modelHash } from './build.js';
import { REPORT_TYPES, type ReportType } from './input.js';
import type { Block, ReportModel } from './model.js';

const texts = (m: ReportModel): string => JSON.stringify(m.sections);
const blocks = (m: ReportModel): Block[] => m.sections.flatMap((s) => s.blocks);

describe('report models (pure, from fixtures)', () => {
  it.each(REPORT_TYPES)('%s: same input gives the same model and model hash', (type) => {
    const a = buildReportModel(reportInput(type));
    const b = buildReportModel(reportInput(type));
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(modelHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(modelHash(a)).toBe(modelHash(b));
    expect(modelHash(buildReportModel(reportInput(type, { periodEnd: '2025-12-30' })))).not.toBe(modelHash(a));
  });

  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}');
  });

  it.each(REPORT_TYPES)('%s: shows period, organisation, methodology and data as-of', (type) => {
    const m = buildReportModel(reportInput(type));
    expect(m.period).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(m.organization.name).toBe('Acme Retail plc');
    expect(m.methodologyVersion).toBe('lantern-risk-1.0.0');
    expect(m.dataAsOf).toBe('2025-11-30T12:00:00.000Z');
    expect(texts(m)).toContain('indicator-based');
    expect(texts(m).toLowerCase()).not.toContain('legal determination');
  });

  it('key figures are the counts of the input', () => {
    const m = buildReportModel(reportInput('uk_msa_s54'));
    expect(m.figures).toEqual({
      suppliers: 5,
      sites: 2,
      recruiters: 1,
      audits: 2,
      findings: 3,
      findingsOpen: 2,
      findingsHighOrCritical: 2,
      workersInterviewed: 12,
      assessedSuppliers: 2,
      blocks: 0,
    });
  });

  it('worker data only as aggregates of 5 or more: the 3-worker site is suppressed', () => {
    const m = buildReportModel(reportInput('supplier_dossier'));
    const intervals = blocks(m).find((b) => b.kind === 'intervals');
    expect(intervals).toBeDefined();
    if (intervals?.kind !== 'intervals') throw new Error('no intervals');
    expect(intervals.data.every((d) => d.n === 12)).toBe(true);
    const fees = intervals.data.find((d) => d.label === 'Paid recruitment fees')!;
    expect(fees.k).toBe(9);
    expect(fees.lower).toBeLessThan(0.75);
    expect(fees.upper).toBeGreaterThan(0.75);
    expect(texts(m)).toContain('1 site(s) with fewer interviews are not shown');
    const html = renderReportHtml(m, { paper: 'A4', generatedAt: 'x' });
    expect(html).not.toContain('深圳工厂</td><td class="n">3');
  });

  it('fewer than 5 workers anywhere: no worker indicators at all', () => {
    const m = buildReportModel(reportInput('uk_msa_s54', { interviews: [{ siteId: 'x', workers: 4, paidRecruitmentFees: 4, passportHeldByOther: 4, visaTiedToEmployer: 4, contractNotInOwnLanguage: 4 }] }));
    expect(blocks(m).some((b) => b.kind === 'intervals')).toBe(false);
    expect(m.figures.workersInterviewed).toBe(0);
  });

  it('UK s.54 has the six areas and approval', () => {
    const ids = buildReportModel(reportInput('uk_msa_s54')).sections.map((s) => s.id);
    expect(ids).toEqual(['about', 'a', 'b', 'c', 'd', 'e', 'f', 'approval']);
  });

  it('Australia s.16 addresses the seven mandatory criteria, each visibly', () => {
    const m = buildReportModel(reportInput('au_msa_s16', { options: {} }));
    const titles = m.sections.map((s) => s.title);
    for (const c of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) expect(titles.some((t) => t.startsWith(`Criterion (${c})`))).toBe(true);
    for (const s of m.sections) expect(s.blocks.length).toBeGreaterThan(0);
  });

  it('Canada S-211: s.11 (a)-(g), attestation and every questionnaire question answered', () => {
    const m = buildReportModel(reportInput('ca_s211'));
    expect(m.sections.map((s) => s.id)).toEqual(['about', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'questionnaire', 'attestation']);
    const qa = blocks(m).find((b) => b.kind === 'qa');
    if (qa?.kind !== 'qa') throw new Error('no questionnaire');
    expect(qa.items).toHaveLength(18);
    expect(qa.items.every((i) => i.answer.length > 0)).toBe(true);
    expect(qa.items.find((i) => i.question.startsWith('What is the legal name'))?.answer).toBe('Acme Retail plc');
  });

  it('EU FLR maps actions to identify / prevent / mitigate / bring to an end / remediate', () => {
    const m = buildReportModel(reportInput('eu_flr', { options: { products: [{ name: 'Cotton T-shirt', hsCode: '6109.10' }] } }));
    const t = texts(m);
    for (const step of ['Identify', 'Prevent', 'Mitigate', 'Bring to an end', 'Remediate']) expect(t).toContain(`"${step}"`);
    expect(t).toContain('6109.10');
  });

  it('US FAR: conclusion B when high or critical findings exist, A otherwise', () => {
    expect(texts(buildReportModel(reportInput('us_far_52_222_50')))).toContain('B: 2 high or critical indicator findings');
    expect(texts(buildReportModel(reportInput('us_far_52_222_50', { findings: [] })))).toContain('A: no abuses');
  });

  it.each(REPORT_TYPES)('%s: a period with no data says so', (type: ReportType) => {
    const m = buildReportModel(reportInput(type, { audits: [], findings: [], interviews: [], dataAsOf: null }));
    expect(m.emptyPeriod).toBe(true);
    expect(texts(m)).toContain('No audits, findings or worker interviews were recorded for the reporting period');
  });

  it('no assessment tables: an explicit "No assessment available" statement', () => {
    const m = buildReportModel(reportInput('supplier_dossier', { assessments: { available: false, reason: 'the risk-scoring tables are not installed.' } }));
    expect(texts(m)).toContain('No assessment available');
    expect(m.figures.assessedSuppliers).toBeNull();
  });

  it('escapes every value in the HTML', () => {
    const m = buildReportModel(reportInput('uk_msa_s54', { organization: { id: 'o', name: '<script>alert(1)</script> & "Co"', jurisdiction: 'GB', kind: 'company' } }));
    const html = renderReportHtml(m, { paper: 'A4', generatedAt: '<b>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?https?:/i);
  });
});

describe('assessments resting on fewer than 5 workers', () => {
  it('are withheld from the dossier rows, explanations and charts', () => {
    const base = reportInput('supplier_dossier');
    if (!base.assessments.available) throw new Error('fixture');
    const rows = base.assessments.rows.map((a) => (a.name === 'Harbour Textiles Ltd' ? { ...a, sampleSize: 3 } : { ...a, sampleSize: 20 }));
    const m = buildReportModel({ ...base, assessments: { available: true, rows } });
    const t = JSON.stringify(m.sections);
    expect(t).toContain('"withheld","fewer than 5 workers"');
    expect(t).not.toContain('FEE-01 recruitment fee paid by 9 of 12 workers');
    const uk = buildReportModel({ ...reportInput('uk_msa_s54'), assessments: { available: true, rows } });
    expect(JSON.stringify(uk.sections)).toContain('1 supplier assessment(s) resting on fewer than 5 interviewed workers are withheld');
    expect(uk.figures.assessedSuppliers).toBe(2);
  });
});
