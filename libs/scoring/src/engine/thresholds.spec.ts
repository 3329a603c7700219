import { describe, expect, it } from '@jest/globals';
import { resolveConfig } from '../config.js';
import type { WorkerFacts } from '../facts.js';
import { AS_OF, RATES, aCleanWorker, withYes } from '../testing.js';
import { assessGroup } from './group.js';
import { inherentRisk } from './inherent-risk.js';
import { assessSupplier } from './supply-chain.js';
import { evaluateThresholds } from './thresholds.js';
import { assessWorker } from './worker.js';

const assess = (facts: WorkerFacts) => assessWorker(facts, { rates: RATES, asOf: AS_OF });
const prior = inherentRisk({ countryScore: 2, sectorScore: 2, goodsFlags: {} });
const fee = { category: 'recruitment_fee', amountMinor: 130_000_00, currency: 'NPR', paidTo: 'recruiter', paidOn: '2024-05-01', paymentForm: 'cash', financedByLoan: 'no' } as const;

describe('evaluateThresholds for a worker', () => {
  it('a clean worker raises nothing', () => {
    expect(evaluateThresholds(assess(aCleanWorker()))).toEqual({ blocks: [], remediation: [] });
  });

  it('confiscated documents: a zero-tolerance block, a score block and a return-documents item', () => {
    const r = evaluateThresholds(assess(aCleanWorker({ passportHolder: 'recruiter', documentsAccessibleOnRequest: 'no' })));
    expect(r.blocks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleIds: ['DOC-01'], severity: 'critical', evidenceIds: ['int-1'] }),
        expect.objectContaining({ ruleIds: ['DOC-01', 'DOC-03'], reason: expect.stringMatching(/Document-confiscation risk score 89.5 \(critical\) reaches the block threshold 85/) }),
      ]),
    );
    expect(r.remediation).toEqual([expect.objectContaining({ kind: 'return_documents', ruleIds: ['DOC-01', 'DOC-03'], workers: 1, responsible: 'employer' })]);
  });

  it('fees: the amount to repay to the worker in the wage currency (employer pays), no block below the threshold', () => {
    const r = evaluateThresholds(assess(aCleanWorker({ fees: [fee] })));
    expect(r.blocks).toEqual([]);
    expect(r.remediation).toEqual([expect.objectContaining({ kind: 'repay_fees', ruleIds: ['FEE-01', 'FEE-03'], amounts: [{ amountMinor: 3_640_00, currency: 'QAR' }] })]);
  });

  it('fees repaid: nothing left to repay', () => {
    const repaid = aCleanWorker({ fees: [fee], remediation: { feeRepayments: [{ amountMinor: 3_640_00, currency: 'QAR', paidOn: '2025-01-01', evidenceId: 'rem-1' }] } });
    expect(evaluateThresholds(assess(repaid)).remediation).toEqual([]);
  });

  it('contracts and sponsorship', () => {
    const r = evaluateThresholds(assess(aCleanWorker({ contractInOwnLanguage: 'no', visaTiedToEmployer: 'yes' })));
    expect(r.remediation.map((i) => i.kind)).toEqual(['fix_contract', 'transfer_sponsorship']);
  });

  it('a trafficking classification recommends a block, worded as indicator-based', () => {
    const trafficked = withYes(['deceived_nature_of_job', 'deceived_wages', 'excessive_hours', 'hazardous_work', 'confined_or_surveilled', 'violence_at_destination']);
    const r = evaluateThresholds(assess(trafficked));
    expect(r.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ ruleIds: ['DELPHI-CLASSIFICATION'], reason: expect.stringMatching(/"trafficking" \(not a legal determination\)/) })]));
  });

  it('thresholds are configurable per organisation', () => {
    const worker = assess(aCleanWorker({ visaTiedToEmployer: 'yes', canChangeEmployerWithoutPermission: 'no' }));
    expect(evaluateThresholds(worker).blocks).toEqual([]);
    const strict = resolveConfig({ thresholds: { blockAtScore: { tied_visa: 50 } } }).thresholds;
    expect(evaluateThresholds(worker, strict).blocks).toEqual([expect.objectContaining({ ruleIds: ['VISA-01', 'VISA-02'], severity: 'high' })]);
  });
});

describe('evaluateThresholds for a group', () => {
  it('aggregates remediation over workers, with amounts owed and evidence ids', () => {
    const workers = ['a', 'b', 'c'].map((id) => assess(aCleanWorker({ interviewId: id, fees: [fee] })));
    const r = evaluateThresholds(assessGroup({ type: 'site', id: 's' }, workers, prior));
    expect(r.remediation).toEqual([
      expect.objectContaining({ kind: 'repay_fees', workers: 3, amounts: [{ amountMinor: 10_920_00, currency: 'QAR' }], evidenceIds: ['a', 'b', 'c'] }),
    ]);
  });

  it('zero tolerance: one confiscation among many workers recommends a block', () => {
    const workers = [assess(aCleanWorker({ interviewId: 'x', passportHolder: 'employer', documentsAccessibleOnRequest: 'no' })), ...Array.from({ length: 50 }, (_, i) => assess(aCleanWorker({ interviewId: `c${i}` })))];
    const r = evaluateThresholds(assessGroup({ type: 'site', id: 's' }, workers, prior));
    expect(r.blocks).toEqual([expect.objectContaining({ ruleIds: ['DOC-01'], evidenceIds: ['x'], reason: expect.stringMatching(/1 worker \(zero tolerance\)/) })]);
  });

  it('a supplier is judged on its scores only', () => {
    const s = assessSupplier({ type: 'supplier', id: 'sup' }, { sites: [], subSuppliers: [] }, inherentRisk({ countryScore: 6, sectorScore: 4, goodsFlags: { tvpraForcedLabour: true } }));
    expect(evaluateThresholds(s)).toEqual({ blocks: [], remediation: [] });
  });
});
