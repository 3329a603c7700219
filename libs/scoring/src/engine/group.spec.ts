import { describe, expect, it } from '@jest/globals';
import { resolveConfig } from '../config.js';
import type { WorkerFacts } from '../facts.js';
import { AS_OF, RATES, aCleanWorker, anUnknownWorker, withYes } from '../testing.js';
import { CLASSIFICATIONS, INDICATOR_GROUPS, type Classification, type IndicatorGroup } from '../types.js';
import { assessGroup, assessGroupFromFacts } from './group.js';
import { summarizeWorkers, type GroupFacts } from './group-facts.js';
import { inherentRisk } from './inherent-risk.js';
import { assessWorker, type WorkerAssessment } from './worker.js';

const site = { type: 'site', id: 'site-1' } as const;
const prior = inherentRisk({ countryScore: 4, sectorScore: 3, goodsFlags: {} }); // 7 / 10
const confiscated = (id: string): WorkerFacts => aCleanWorker({ interviewId: id, passportHolder: 'employer', documentsAccessibleOnRequest: 'no' });
const clean = (id: string): WorkerFacts => aCleanWorker({ interviewId: id });
const assess = (facts: WorkerFacts): WorkerAssessment => assessWorker(facts, { rates: RATES, asOf: AS_OF });
const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

function workers(adverse: number, total: number, make = confiscated): WorkerAssessment[] {
  return ids('int', total).map((id, i) => assess(i < adverse ? make(id) : clean(id)));
}

const byGroup = (value: number): Record<IndicatorGroup, number> => Object.fromEntries(INDICATOR_GROUPS.map((g) => [g, value])) as Record<IndicatorGroup, number>;
const byClass = (over: Partial<Record<Classification, number>>): Record<Classification, number> =>
  Object.fromEntries(CLASSIFICATIONS.map((c) => [c, over[c] ?? 0])) as Record<Classification, number>;

function facts(over: Partial<GroupFacts> = {}): GroupFacts {
  return {
    n: 10,
    indicatorCounts: {},
    remediatedCounts: {},
    unknownCounts: byGroup(0),
    inputCounts: byGroup(100),
    feeMonthsP50: null,
    feeMonthsMax: null,
    feesOutstanding: [],
    classificationCounts: byClass({ none: 10 }),
    evidenceSample: {},
    remediationSample: {},
    classificationSample: Object.fromEntries(CLASSIFICATIONS.map((c) => [c, []])) as unknown as Record<Classification, string[]>,
    ...over,
  };
}

describe('prevalence', () => {
  it('reports each indicator’s prevalence among interviewed workers with its 95 % Wilson interval, n and evidence ids', () => {
    const g = assessGroup(site, workers(5, 10), prior);
    const doc = g.prevalence.find((p) => p.ruleId === 'DOC-01');
    expect(doc).toMatchObject({ count: 5, n: 10, rate: 0.5, lower: 0.2366, upper: 0.7634 });
    expect(doc?.evidenceIds).toEqual(['int-000', 'int-001', 'int-002', 'int-003', 'int-004']);
    expect(g.prevalence.find((p) => p.ruleId === 'VISA-01')).toMatchObject({ count: 0, n: 10, rate: 0, lower: 0, upper: 0.2775 });
  });

  it('lists every rule, in catalogue order', () => {
    const g = assessGroup(site, [], prior);
    expect(g.prevalence[0]?.ruleId).toBe('FEE-01');
    expect(g.prevalence.every((p) => p.n === 0 && p.upper === 1)).toBe(true);
  });

  it('reports fee severity as the median and maximum fee in months of wage', () => {
    const withFee = (id: string, amountMinor: number): WorkerFacts =>
      aCleanWorker({
        interviewId: id,
        fees: [{ category: 'recruitment_fee', amountMinor, currency: 'QAR', paidTo: 'recruiter', paidOn: '2024-01-01', paymentForm: 'cash', financedByLoan: 'no' }],
      });
    const g = assessGroup(site, [withFee('a', 90_000), withFee('b', 360_000), withFee('c', 540_000), assess(clean('d'))].map((w) => ('interviewId' in w ? assess(w) : w)), prior);
    expect(g.severity).toMatchObject({ feeMonthsP50: 2, feeMonthsMax: 3 });
    expect(g.severity.feesOutstanding).toEqual([{ amountMinor: 990_000, currency: 'QAR' }]);
    expect(g.prevalence.find((p) => p.ruleId === 'FEE-01')?.severity).toBe('high');
  });
});

describe('inherent risk as a prior that audit evidence overrides', () => {
  it('with no interviews the score is the prior, with zero confidence', () => {
    const g = assessGroup(site, [], prior);
    expect(g.risks.tied_visa).toMatchObject({ score: 49, priorScore: 49, evidenceWeight: 0 });
    expect(g.confidence).toMatchObject({ level: 'low', value: 0 });
  });

  it('the prior’s weight shrinks as n grows: k / (k + n)', () => {
    const scores = [10, 40, 160, 640].map((n) => assessGroupFromFacts(site, facts({ n, classificationCounts: byClass({ none: n }) }), prior));
    expect(scores.map((g) => g.risks.tied_visa.evidenceWeight)).toEqual([0.5, 0.8, 0.9412, 0.9846]);
    expect(scores.map((g) => g.risks.tied_visa.score)).toEqual([24.5, 9.8, 2.9, 0.8]);
    expect(scores.map((g) => g.confidence.level)).toEqual(['medium', 'high', 'high', 'high']);
  });

  it('unknown answers are not evidence: a site of unanswered interviews stays at its prior with low confidence', () => {
    const g = assessGroup(site, ids('u', 50).map((id) => assess(anUnknownWorker({ interviewId: id }))), prior);
    expect(g.overall.score).toBe(49);
    expect(g.confidence.level).toBe('low');
    expect(g.confidence.nEffective).toBe(0);
  });

  it('evidence of confiscation among most workers outweighs a low prior', () => {
    const low = inherentRisk({ countryScore: 1, sectorScore: 1, goodsFlags: {} });
    const g = assessGroup(site, workers(150, 200), low);
    expect(g.risks.document_confiscation.band).toBe('critical');
    expect(g.risks.document_confiscation.priorScore).toBe(14);
  });
});

describe('overall score', () => {
  it('a single worker classified as trafficked sets a critical floor', () => {
    const trafficked = withYes(['deceived_nature_of_job', 'deceived_wages', 'excessive_hours', 'hazardous_work'], {
      interviewId: 'int-t',
      passportHolder: 'employer',
      documentsAccessibleOnRequest: 'no',
      documentsWithheldUntilDebtRepaid: 'yes',
    });
    const g = assessGroup(site, [assess(trafficked), ...workers(0, 99)], prior);
    expect(g.classificationCounts.trafficking).toBe(1);
    expect(g.overall).toMatchObject({ score: 90, band: 'critical' });
    const floor = g.explanation.children.find((c) => c.ruleId === 'DELPHI-CLASSIFICATION');
    expect(floor?.evidenceIds).toEqual(['int-t']);
  });

  it('is never below a risk score', () => {
    const g = assessGroup(site, workers(3, 10), prior);
    expect(g.overall.score).toBeGreaterThanOrEqual(Math.max(g.risks.document_confiscation.score, g.risks.recruitment_fee.score, g.risks.tied_visa.score));
  });

  it('uses configurable bands', () => {
    const g = assessGroup(site, [], prior, resolveConfig({ bands: { medium: 20, high: 45, critical: 60 } }));
    expect(g.risks.tied_visa.band).toBe('high');
  });
});

describe('GroupFacts (pre-aggregated counts)', () => {
  it('gives the same assessment as the worker assessments they summarise', () => {
    const ws = workers(4, 12);
    expect(assessGroupFromFacts(site, summarizeWorkers(ws), prior)).toEqual(assessGroup(site, ws, prior));
  });

  it('accepts counts from a SQL pass', () => {
    const g = assessGroup(site, facts({ n: 10, indicatorCounts: { 'DOC-01': 5, 'DOC-03': 5 }, evidenceSample: { 'DOC-01': ['i1', 'i2'] } }), prior);
    expect(g.risks.document_confiscation.evidenceScore).toBeGreaterThan(85);
    const doc = g.explanation.children.find((c) => c.ruleId === 'SCORE-DOCUMENT-CONFISCATION');
    expect(doc?.children.map((c) => c.ruleId)).toEqual(['PRIOR-INHERENT', 'EVIDENCE']);
    expect(doc?.children[1]?.children.map((c) => [c.ruleId, c.evidenceIds])).toEqual([
      ['DOC-01', ['i1', 'i2']],
      ['DOC-03', []],
    ]);
  });

  it('does not depend on the order of the workers, and keeps the smallest evidence ids', () => {
    const ws = workers(30, 30);
    const config = resolveConfig({ prevalence: { evidenceSampleSize: 3 } });
    const forward = summarizeWorkers(ws, config);
    expect(summarizeWorkers([...ws].reverse(), config)).toEqual(forward);
    expect(forward.evidenceSample['DOC-01']).toEqual(['int-000', 'int-001', 'int-002']);
  });

  it('counts remediated indicators apart, so remediation lowers prevalence', () => {
    const remediated = (id: string): WorkerFacts => ({ ...confiscated(id), remediation: { documentsReturned: { on: '2025-01-01', evidenceId: `rem-${id}` } } });
    const before = assessGroup(site, workers(6, 10), prior);
    const after = assessGroup(site, workers(6, 10, remediated), prior);
    expect(after.prevalence.find((p) => p.ruleId === 'DOC-01')).toMatchObject({ count: 0, remediated: 6 });
    expect(after.risks.document_confiscation.score).toBeLessThan(before.risks.document_confiscation.score);
    const evidence = after.explanation.children.find((c) => c.ruleId === 'SCORE-DOCUMENT-CONFISCATION')?.children[1];
    expect(evidence?.children.find((c) => c.ruleId === 'DOC-01')).toMatchObject({ weight: 0, inputs: { count: 0, remediated: 6 }, evidenceIds: expect.arrayContaining(['rem-int-000']) });
  });

  it.each([
    [{ indicatorCounts: { 'NOPE-01': 1 } }, /unknown rule id/],
    [{ indicatorCounts: { 'DOC-01': 11 } }, /between 0 and n/],
    [{ n: -1 }, /non-negative/],
  ])('rejects bad facts %j', (over, message) => {
    expect(() => assessGroupFromFacts(site, facts(over as Partial<GroupFacts>), prior)).toThrow(message);
  });
});
