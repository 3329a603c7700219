import { describe, expect, it } from '@jest/globals';
import { resolveConfig } from '../config.js';
import type { WorkerFacts } from '../facts.js';
import { AS_OF, RATES, aCleanWorker } from '../testing.js';
import { assessGroup, type GroupAssessment } from './group.js';
import { inherentRisk } from './inherent-risk.js';
import { assessSupplier, propagateRecruiterRisk } from './supply-chain.js';
import { assessWorker } from './worker.js';

const prior = inherentRisk({ countryScore: 1, sectorScore: 1, goodsFlags: {} });
const feePayer = (id: string): WorkerFacts =>
  aCleanWorker({
    interviewId: id,
    fees: [{ category: 'recruitment_fee', amountMinor: 540_000, currency: 'QAR', paidTo: 'recruiter', paidOn: '2024-01-01', paymentForm: 'loan', financedByLoan: 'yes' }],
  });
const confiscated = (id: string): WorkerFacts => aCleanWorker({ interviewId: id, passportHolder: 'employer', documentsAccessibleOnRequest: 'no' });

function group(type: 'site' | 'recruiter', id: string, make: (id: string) => WorkerFacts, adverse: number, total = 40): GroupAssessment {
  const workers = Array.from({ length: total }, (_, i) => `${id}-w${i}`).map((wid, i) =>
    assessWorker(i < adverse ? make(wid) : aCleanWorker({ interviewId: wid }), { rates: RATES, asOf: AS_OF }),
  );
  return assessGroup({ type, id }, workers, prior);
}

describe('assessSupplier', () => {
  const risky = group('site', 'site-a', confiscated, 30);
  const quiet = group('site', 'site-b', confiscated, 0);

  it('is the worst of its own sites', () => {
    const s = assessSupplier({ type: 'supplier', id: 'sup-1' }, { sites: [quiet, risky], subSuppliers: [] }, prior);
    expect(s.overall.score).toBe(risky.overall.score);
    expect(s.risks.document_confiscation.score).toBe(risky.risks.document_confiscation.score);
    expect(s.contributors.map((c) => [c.subject.id, c.relation, c.discount])).toEqual([
      ['site-b', 'site', 1],
      ['site-a', 'site', 1],
    ]);
  });

  it('discounts each tier below by the depth discount', () => {
    const tier3 = assessSupplier({ type: 'supplier', id: 'sup-3' }, { sites: [risky], subSuppliers: [] }, prior);
    const tier2 = assessSupplier({ type: 'supplier', id: 'sup-2' }, { sites: [], subSuppliers: [tier3] }, prior);
    const tier1 = assessSupplier({ type: 'supplier', id: 'sup-1' }, { sites: [quiet], subSuppliers: [tier2] }, prior);
    expect(tier2.overall.score).toBeCloseTo(0.8 * risky.overall.score, 1);
    expect(tier1.overall.score).toBeCloseTo(0.64 * risky.overall.score, 1);
    const flat = resolveConfig({ supplyChain: { depthDiscount: 1 } });
    const flatTier2 = assessSupplier({ type: 'supplier', id: 'sup-2' }, { sites: [], subSuppliers: [tier3] }, prior, flat);
    expect(assessSupplier({ type: 'supplier', id: 'sup-1' }, { sites: [quiet], subSuppliers: [flatTier2] }, prior, flat).overall.score).toBe(risky.overall.score);
  });

  it('falls back to its inherent-risk prior, with zero confidence, when nothing below it is assessed', () => {
    const s = assessSupplier({ type: 'supplier', id: 'sup-9' }, { sites: [], subSuppliers: [] }, inherentRisk({ countryScore: 6, sectorScore: 4, goodsFlags: {} }));
    expect(s.overall.score).toBe(70);
    expect(s.confidence.value).toBe(0);
    expect(s.explanation.children.map((c) => c.ruleId)).toEqual(['PRIOR-INHERENT']);
  });

  it('explains itself through its contributors and their evidence', () => {
    const s = assessSupplier({ type: 'supplier', id: 'sup-1' }, { sites: [risky], subSuppliers: [] }, prior);
    expect(s.explanation.children[0]).toMatchObject({ ruleId: 'SUPPLY-CHAIN', inputs: { subjectId: 'site-a', discount: 1 } });
    expect(s.explanation.evidenceIds.length).toBeGreaterThan(0);
  });
});

describe('propagateRecruiterRisk', () => {
  const site = group('site', 'site-a', feePayer, 0);
  const badRecruiter = group('recruiter', 'rec-1', feePayer, 35);
  const goodRecruiter = group('recruiter', 'rec-2', feePayer, 0);

  it('raises the site’s recruitment-fee risk by recruiter risk weighted by share of workers', () => {
    const s0 = site.risks.recruitment_fee.score;
    const r = badRecruiter.risks.recruitment_fee.score;
    const p = propagateRecruiterRisk(site, [{ assessment: badRecruiter, workerShare: 0.5 }]);
    expect(p.risks.recruitment_fee.score).toBeCloseTo(s0 + 0.5 * (r - s0), 1);
    expect(p.overall.score).toBeGreaterThanOrEqual(p.risks.recruitment_fee.score);
    const node = p.explanation.children.find((c) => c.ruleId === 'SCORE-RECRUITMENT-FEE');
    expect(node?.children.at(-1)).toMatchObject({ ruleId: 'RECRUITER-PROPAGATION', inputs: { before: s0 } });
    expect(node?.children.at(-1)?.children[0]).toMatchObject({ inputs: { recruiterId: 'rec-1', workerShare: 0.5 } });
  });

  it('never lowers the site’s score and never exceeds the worst recruiter', () => {
    const risky = group('site', 'site-b', feePayer, 30);
    expect(propagateRecruiterRisk(risky, [{ assessment: goodRecruiter, workerShare: 1 }]).risks.recruitment_fee).toEqual(risky.risks.recruitment_fee);
    const all = propagateRecruiterRisk(site, [{ assessment: badRecruiter, workerShare: 0.9 }, { assessment: badRecruiter, workerShare: 0.9 }]);
    expect(all.risks.recruitment_fee.score).toBeLessThanOrEqual(badRecruiter.risks.recruitment_fee.score);
  });

  it('leaves the other risks alone', () => {
    const p = propagateRecruiterRisk(site, [{ assessment: badRecruiter, workerShare: 1 }]);
    expect(p.risks.tied_visa).toEqual(site.risks.tied_visa);
    expect(p.risks.document_confiscation).toEqual(site.risks.document_confiscation);
  });
});
