/**
 * Property tests: adding an adverse fact never lowers a score; the same input
 * gives the identical output; scores stay within 0..100.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  DOCUMENT_HOLDERS,
  FEE_CATEGORIES,
  FEE_PAYEES,
  FEE_PAYMENT_FORMS,
  INTERVIEW_QUESTION_KEYS,
  PERMIT_CONTROLLERS,
  TRI_ANSWERS,
  VISA_TYPES,
  type Fee,
} from '@lantern/domain';
import { assessGroupFromFacts } from './engine/group.js';
import { summarizeWorkers, type GroupFacts } from './engine/group-facts.js';
import { inherentRisk } from './engine/inherent-risk.js';
import { propagateRecruiterRisk } from './engine/supply-chain.js';
import { assessWorker, type WorkerAssessment } from './engine/worker.js';
import type { WorkerFacts } from './facts.js';
import { RULES } from './rules/definitions.js';
import { AS_OF, RATES, anUnknownWorker } from './testing.js';
import { CLASSIFICATIONS, RISKS, type Classification } from './types.js';

const tri = fc.constantFrom(...TRI_ANSWERS);
const date = fc.constantFrom('2023-06-01', '2024-02-15', '2024-12-31', '2025-03-01', '2025-12-01');

const feeArb: fc.Arbitrary<Fee> = fc.record({
  category: fc.constantFrom(...FEE_CATEGORIES),
  amountMinor: fc.integer({ min: 0, max: 2_000_000 }),
  currency: fc.constantFrom('QAR', 'NPR', 'USD', 'MYR', 'EUR'),
  paidTo: fc.constantFrom(...FEE_PAYEES),
  paidOn: fc.option(date, { nil: null }),
  paymentForm: fc.constantFrom(...FEE_PAYMENT_FORMS),
  financedByLoan: tri,
});

const answersArb = fc.array(fc.tuple(fc.constantFrom(...INTERVIEW_QUESTION_KEYS), tri), { maxLength: 40 }).map((pairs) => Object.fromEntries(pairs));

const workerArb: fc.Arbitrary<WorkerFacts> = fc
  .record({
    interviewId: fc.constantFrom('i-1', 'i-2', 'i-3', 'i-4', 'i-5'),
    recruiterId: fc.option(fc.constant('rec-1'), { nil: null }),
    ageAtRecruitment: fc.option(fc.integer({ min: 12, max: 60 }), { nil: null }),
    wage: fc.option(fc.tuple(fc.integer({ min: 0, max: 500_000 }), fc.constantFrom('QAR', 'MYR', 'NPR')), { nil: null }),
    passportHolder: fc.constantFrom(...DOCUMENT_HOLDERS),
    idCardHolder: fc.constantFrom(...DOCUMENT_HOLDERS),
    workPermitHolder: fc.constantFrom(...DOCUMENT_HOLDERS),
    documentsAccessibleOnRequest: tri,
    documentReturnDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    documentsHeldWithConsent: tri,
    documentsWithheldUntilDebtRepaid: tri,
    visaType: fc.constantFrom(...VISA_TYPES),
    visaTiedToEmployer: tri,
    canChangeEmployerWithoutPermission: tri,
    permitRenewalControlledBy: fc.constantFrom(...PERMIT_CONTROLLERS),
    exitPermitRequired: tri,
    securityBondRequired: tri,
    contractWritten: tri,
    contractInOwnLanguage: tri,
    contractSignedBeforeDeparture: tri,
    contractTermsChangedOnArrival: tri,
    fees: fc.array(feeArb, { maxLength: 4 }),
    answers: answersArb,
    repayment: fc.option(fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom('QAR', 'USD'), date), { nil: undefined }),
    documentsReturned: fc.option(date, { nil: undefined }),
    sponsorshipTransferred: fc.option(date, { nil: undefined }),
  })
  .map(({ wage, repayment, documentsReturned, sponsorshipTransferred, ...rest }) =>
    anUnknownWorker({
      ...rest,
      monthlyWageMinor: wage?.[0] ?? null,
      wageCurrency: wage?.[1] ?? null,
      remediation: {
        ...(repayment === undefined ? {} : { feeRepayments: [{ amountMinor: repayment[0], currency: repayment[1], paidOn: repayment[2], evidenceId: 'rem-fee' }] }),
        ...(documentsReturned === undefined ? {} : { documentsReturned: { on: documentsReturned, evidenceId: 'rem-doc' } }),
        ...(sponsorshipTransferred === undefined ? {} : { sponsorshipTransferred: { on: sponsorshipTransferred, evidenceId: 'rem-visa' } }),
      },
    }),
  );

/** Changes that only add adverse evidence. */
const adverseArb: fc.Arbitrary<(f: WorkerFacts) => WorkerFacts> = fc.oneof(
  fc.constantFrom(...INTERVIEW_QUESTION_KEYS).map((key) => (f: WorkerFacts) => ({ ...f, answers: { ...f.answers, [key]: 'yes' as const } })),
  feeArb.filter((fee) => fee.amountMinor > 0).map((fee) => (f: WorkerFacts) => ({ ...f, fees: [...f.fees, fee] })),
  fc.constantFrom<Partial<WorkerFacts>>(
    { documentsAccessibleOnRequest: 'no' },
    { documentsWithheldUntilDebtRepaid: 'yes' },
    { documentsHeldWithConsent: 'no' },
    { visaTiedToEmployer: 'yes' },
    { canChangeEmployerWithoutPermission: 'no' },
    { permitRenewalControlledBy: 'employer' },
    { exitPermitRequired: 'yes' },
    { securityBondRequired: 'yes' },
    { contractWritten: 'no' },
    { contractInOwnLanguage: 'no' },
    { contractSignedBeforeDeparture: 'no' },
    { contractTermsChangedOnArrival: 'yes' },
    { passportHolder: 'employer' },
    { workPermitHolder: 'recruiter' },
    { ageAtRecruitment: 15 },
  ).map((change) => (f: WorkerFacts) => ({ ...f, ...change })),
  fc.integer({ min: 1, max: 30 }).map((days) => (f: WorkerFacts) => ({ ...f, documentReturnDays: (f.documentReturnDays ?? 0) + days })),
);

const assess = (facts: WorkerFacts): WorkerAssessment => assessWorker(facts, { rates: RATES, asOf: AS_OF });
const scores = (a: { risks: Record<string, { score: number }>; overall: { score: number } }): number[] => [...RISKS.map((r) => a.risks[r]!.score), a.overall.score];

describe('worker properties', () => {
  it('adding an adverse fact never lowers any score', () => {
    fc.assert(
      fc.property(workerArb, adverseArb, (facts, addAdverse) => {
        const before = scores(assess(facts));
        const after = scores(assess(addAdverse(facts)));
        after.forEach((s, i) => expect(s).toBeGreaterThanOrEqual(before[i]!));
      }),
      { numRuns: 500 },
    );
  });

  it('adding an adverse fact never lowers the classification', () => {
    fc.assert(
      fc.property(workerArb, adverseArb, (facts, addAdverse) => {
        const rank = (a: WorkerAssessment): number => CLASSIFICATIONS.indexOf(a.classification.observed.label);
        expect(rank(assess(addAdverse(facts)))).toBeGreaterThanOrEqual(rank(assess(facts)));
      }),
      { numRuns: 300 },
    );
  });

  it('the same input gives the identical output, order included', () => {
    fc.assert(
      fc.property(workerArb, (facts) => {
        const a = assess(facts);
        const b = assess(structuredClone(facts));
        expect(b).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 200 },
    );
  });

  it('scores stay within 0..100 and confidence within 0..1', () => {
    fc.assert(
      fc.property(workerArb, (facts) => {
        const a = assess(facts);
        for (const s of scores(a)) expect(s >= 0 && s <= 100).toBe(true);
        expect(a.confidence.value >= 0 && a.confidence.value <= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

const prior = inherentRisk({ countryScore: 4, sectorScore: 2, goodsFlags: {} });
const site = { type: 'site', id: 'site-1' } as const;

const groupFactsArb: fc.Arbitrary<GroupFacts> = fc.integer({ min: 0, max: 300 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    indicatorCounts: fc.array(fc.tuple(fc.constantFrom(...RULES.map((r) => r.id)), fc.integer({ min: 0, max: n })), { maxLength: 10 }).map((p) => Object.fromEntries(p)),
    remediatedCounts: fc.constant({}),
    unknownCounts: fc.record({ recruitment_fee: fc.nat(100), tied_visa: fc.nat(100), document_confiscation: fc.nat(100), other: fc.nat(100) }),
    inputCounts: fc.constant({ recruitment_fee: 100, tied_visa: 100, document_confiscation: 100, other: 100 }),
    feeMonthsP50: fc.option(fc.double({ min: 0, max: 12, noNaN: true }), { nil: null }),
    feeMonthsMax: fc.constant(null),
    feesOutstanding: fc.constant([]),
    classificationCounts: fc.constant(Object.fromEntries(CLASSIFICATIONS.map((c) => [c, c === 'none' ? n : 0])) as Record<Classification, number>),
    evidenceSample: fc.constant({}),
    remediationSample: fc.constant({}),
    classificationSample: fc.constant(Object.fromEntries(CLASSIFICATIONS.map((c) => [c, []])) as unknown as Record<Classification, string[]>),
  }),
);

describe('group properties', () => {
  it('one more worker with an indicator, a worse classification or a larger median fee never lowers any score', () => {
    fc.assert(
      fc.property(groupFactsArb, fc.constantFrom(...RULES.map((r) => r.id)), fc.constantFrom(...CLASSIFICATIONS), fc.double({ min: 0, max: 5, noNaN: true }), (facts, ruleId, label, extraMonths) => {
        fc.pre(facts.n > 0);
        const count = facts.indicatorCounts[ruleId] ?? 0;
        const worse: GroupFacts = {
          ...facts,
          indicatorCounts: { ...facts.indicatorCounts, [ruleId]: Math.min(facts.n, count + 1) },
          classificationCounts: { ...facts.classificationCounts, none: facts.n - 1, [label]: label === 'none' ? facts.n : 1 },
          feeMonthsP50: (facts.feeMonthsP50 ?? 0) + extraMonths,
        };
        const before = scores(assessGroupFromFacts(site, { ...facts, feeMonthsP50: facts.feeMonthsP50 ?? 0 }, prior));
        const after = scores(assessGroupFromFacts(site, worse, prior));
        after.forEach((s, i) => expect(s).toBeGreaterThanOrEqual(before[i]!));
        for (const s of after) expect(s >= 0 && s <= 100).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a worker answering yes instead of no never lowers the group’s scores; worker order never matters', () => {
    fc.assert(
      fc.property(fc.array(workerArb, { minLength: 1, maxLength: 8 }), fc.constantFrom(...INTERVIEW_QUESTION_KEYS), fc.nat(), (facts, key, pick) => {
        const workers = facts.map((f, i) => ({ ...f, interviewId: `w-${i}` }));
        const i = pick % workers.length;
        const no = workers.map((w, j) => (j === i ? { ...w, answers: { ...w.answers, [key]: 'no' as const } } : w));
        const yes = workers.map((w, j) => (j === i ? { ...w, answers: { ...w.answers, [key]: 'yes' as const } } : w));
        const group = (ws: WorkerFacts[]) => assessGroupFromFacts(site, summarizeWorkers(ws.map(assess)), prior);
        const before = group(no);
        scores(group(yes)).forEach((s, j) => expect(s).toBeGreaterThanOrEqual(scores(before)[j]!));
        expect(group([...no].reverse())).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('recruiter propagation never lowers a score and never exceeds the worst of site and recruiters', () => {
    fc.assert(
      fc.property(groupFactsArb, groupFactsArb, fc.double({ min: 0, max: 1.5, noNaN: true }), (siteFacts, recruiterFacts, share) => {
        const s = assessGroupFromFacts(site, siteFacts, prior);
        const r = assessGroupFromFacts({ type: 'recruiter', id: 'rec' }, recruiterFacts, prior);
        const p = propagateRecruiterRisk(s, [{ assessment: r, workerShare: share }]);
        expect(p.risks.recruitment_fee.score).toBeGreaterThanOrEqual(s.risks.recruitment_fee.score);
        expect(p.risks.recruitment_fee.score).toBeLessThanOrEqual(Math.max(s.risks.recruitment_fee.score, r.risks.recruitment_fee.score));
        expect(p.overall.score).toBeGreaterThanOrEqual(s.overall.score);
      }),
      { numRuns: 200 },
    );
  });
});
