import { describe, expect, it } from '@jest/globals';
import type { Fee } from '@lantern/domain';
import { resolveConfig } from '../config.js';
import type { WorkerFacts } from '../facts.js';
import { AS_OF, RATES, aCleanWorker, anUnknownWorker, answersAll, withYes } from '../testing.js';
import { assessWorker, type WorkerAssessment } from './worker.js';

const assess = (facts: WorkerFacts, config = resolveConfig()): WorkerAssessment => assessWorker(facts, { rates: RATES, asOf: AS_OF, config });
const rule = (a: WorkerAssessment, id: string) => a.indicators.find((i) => i.ruleId === id);

const fee = (over: Partial<Fee> = {}): Fee => ({
  category: 'recruitment_fee',
  amountMinor: 50_000,
  currency: 'QAR',
  paidTo: 'recruiter',
  paidOn: '2024-05-01',
  paymentForm: 'cash',
  financedByLoan: 'no',
  ...over,
});

describe('unknown answers', () => {
  it('a worker with nothing answered gets low confidence, not a confident low score', () => {
    const a = assess(anUnknownWorker());
    expect(a.indicators).toEqual([]);
    expect(a.confidence.level).toBe('low');
    expect(a.confidence.value).toBe(0);
    expect(a.coverage.known).toBe(0);
    expect(a.coverage.unknownFields).toEqual(expect.arrayContaining(['passportHolder', 'visaTiedToEmployer', 'answers.excessive_hours', 'ageAtRecruitment']));
  });

  it('a fully answered clean interview gets high confidence', () => {
    const a = assess(aCleanWorker());
    expect(a.overall).toEqual({ score: 0, band: 'low' });
    expect(a.confidence).toEqual({ level: 'high', value: 1, nEffective: 1 });
    expect(a.coverage.unknownFields).toEqual([]);
  });

  it('unknown is never read as no: it neither raises nor lowers a score, only the confidence', () => {
    const adverse = { passportHolder: 'employer', documentsAccessibleOnRequest: 'no' } as const;
    const withNo = assess(aCleanWorker(adverse));
    const withUnknown = assess(aCleanWorker({ ...adverse, answers: answersAll('unknown') }));
    expect(withUnknown.risks).toEqual(withNo.risks);
    expect(withUnknown.overall).toEqual(withNo.overall);
    expect(withUnknown.confidence.value).toBeLessThan(withNo.confidence.value);
  });

  it('asks about document access only when a document is held by someone else', () => {
    expect(assess(aCleanWorker({ documentsAccessibleOnRequest: 'unknown' })).coverage.unknownFields).toEqual([]);
    expect(assess(aCleanWorker({ passportHolder: 'employer', documentsAccessibleOnRequest: 'unknown' })).coverage.unknownFields).toContain(
      'documentsAccessibleOnRequest',
    );
  });
});

describe('document confiscation', () => {
  const held = (over: Partial<WorkerFacts> = {}): WorkerFacts =>
    aCleanWorker({ passportHolder: 'employer', documentsHeldWithConsent: 'yes', documentsAccessibleOnRequest: 'yes', ...over });

  it('held with consent and returned on request within the grace period: a compliance note, not a confiscation', () => {
    const a = assess(held({ documentReturnDays: 1 }));
    expect(a.indicators).toEqual([]);
    expect(a.notes).toEqual([expect.objectContaining({ ruleId: 'DOC-N1' })]);
    expect(a.classification.current.dimensions.D5.indicators).toEqual([]);
  });

  it('held with consent but returned after the grace period: confiscation (ILO-FL-07, Delphi D5 S)', () => {
    const a = assess(held({ documentReturnDays: 5 }));
    const doc = rule(a, 'DOC-01');
    expect(doc).toMatchObject({ severity: 'critical', status: 'active' });
    expect(doc?.evidence).toEqual(expect.arrayContaining([{ field: 'passportHolder', value: 'employer' }, { field: 'documentReturnDays', value: 5 }]));
    expect(doc?.delphi).toEqual([expect.objectContaining({ dimension: 'D5', indicator: 'confiscation of documents', strength: 'S' })]);
    expect(a.notes).toEqual([]);
    expect(a.risks.document_confiscation.band).toBe('critical');
  });

  it('the grace period is configurable', () => {
    expect(rule(assess(held({ documentReturnDays: 5 }), resolveConfig({ documents: { returnGraceDays: 7 } })), 'DOC-01')).toBeUndefined();
  });

  it('documents withheld until a debt is repaid are confiscated and bind the worker (debt bondage at destination)', () => {
    const a = assess(held({ documentsWithheldUntilDebtRepaid: 'yes' }));
    expect(a.indicators.map((i) => i.ruleId)).toEqual(expect.arrayContaining(['DOC-02', 'FEE-04']));
    expect(a.debtBondage).toEqual({ present: true, atDestination: true, ruleIds: ['FEE-04'] });
  });

  it('verified return of documents remediates the document rules, citing the record', () => {
    const facts = held({ documentsAccessibleOnRequest: 'no', remediation: { documentsReturned: { on: '2025-03-01', evidenceId: 'rem-doc-1' } } });
    const a = assess(facts);
    expect(rule(a, 'DOC-01')).toMatchObject({ status: 'remediated', evidenceIds: ['int-1', 'rem-doc-1'] });
    expect(a.risks.document_confiscation.score).toBe(0);
  });

  it('ignores remediation dated after the as-of date', () => {
    const facts = held({ documentsAccessibleOnRequest: 'no', remediation: { documentsReturned: { on: '2025-12-01', evidenceId: 'rem-doc-1' } } });
    expect(rule(assess(facts), 'DOC-01')?.status).toBe('active');
  });
});

describe('recruitment fees', () => {
  it('totals fees in several currencies into the wage currency with dated rates, and in months of wage', () => {
    const facts = aCleanWorker({
      fees: [
        fee({ amountMinor: 130_000_00, currency: 'NPR', paidOn: '2024-05-01' }), // 1000 USD at 130 -> 3640 QAR
        fee({ category: 'medical', amountMinor: 135_00_00, currency: 'NPR', paidOn: '2025-02-01' }), // 100 USD at 135 -> 364 QAR
        fee({ category: 'visa', amountMinor: 100_00, currency: 'USD', paidOn: null }), // 364 QAR at the as-of rate
      ],
    });
    const a = assess(facts);
    expect(a.fees.currency).toBe('QAR');
    expect(a.fees.lines.map((l) => l.convertedMinor)).toEqual([3_640_00, 364_00, 364_00]);
    expect(a.fees.paidMinor).toBe(4_368_00);
    expect(a.fees.monthsOfWage).toBe(2.43);
    expect(rule(a, 'FEE-01')).toMatchObject({ severity: 'high', status: 'active' });
    expect(rule(a, 'FEE-01')?.evidence).toEqual(expect.arrayContaining([{ field: 'feeTotal', value: '4368.00 QAR' }, { field: 'feeMonthsOfWage', value: 2.43 }]));
    expect(rule(a, 'FEE-03')).toBeDefined();
  });

  it.each([
    [50_000, 'medium'],
    [180_000, 'high'],
    [540_000, 'critical'],
  ])('a fee of %i minor QAR on a 1800 QAR wage is %s', (amountMinor, severity) => {
    expect(rule(assess(aCleanWorker({ fees: [fee({ amountMinor })] })), 'FEE-01')?.severity).toBe(severity);
  });

  it('a fee without a rate still fires, with a note, outside the total, and lowers confidence', () => {
    const a = assess(aCleanWorker({ fees: [fee({ currency: 'EUR', amountMinor: 100_00 })] }));
    expect(rule(a, 'FEE-01')).toMatchObject({ severity: 'medium' });
    expect(a.fees.unconvertedFees).toEqual([{ amountMinor: 100_00, currency: 'EUR' }]);
    expect(a.notes).toEqual([expect.objectContaining({ ruleId: 'FEE-N1' })]);
    expect(a.coverage.unknownFields).toContain('fees[0].exchangeRate');
  });

  it('with an unknown wage the burden in months is unknown, never zero', () => {
    const a = assess(aCleanWorker({ monthlyWageMinor: null, wageCurrency: null, fees: [fee({ amountMinor: 900_000 })] }));
    expect(a.fees.monthsOfWage).toBeNull();
    expect(rule(a, 'FEE-01')?.severity).toBe('medium');
    expect(a.coverage.unknownFields).toContain('monthlyWageMinor');
  });

  it('fees repaid in full: the FEE rules become remediated, citing the repayment, and the score drops', () => {
    const facts = aCleanWorker({
      fees: [fee({ amountMinor: 130_000_00, currency: 'NPR', paidOn: '2024-05-01', financedByLoan: 'yes' })],
      remediation: { feeRepayments: [{ amountMinor: 1_000_00, currency: 'USD', paidOn: '2025-04-01', evidenceId: 'rem-fee-1' }] },
    });
    const a = assess(facts);
    for (const id of ['FEE-01', 'FEE-03']) {
      expect(rule(a, id)).toMatchObject({ status: 'remediated', evidenceIds: ['int-1', 'rem-fee-1'] });
      expect(rule(a, id)?.explanation).toMatch(/Remediated: verified by rem-fee-1/);
    }
    expect(rule(a, 'FEE-01')?.evidence).toEqual(expect.arrayContaining([{ field: 'remediation.feeRepayments[0]', value: '3640.00 QAR on 2025-04-01 (rem-fee-1)' }]));
    expect(a.risks.recruitment_fee.score).toBe(0);
    expect(a.debtBondage.present).toBe(false);
    expect(assess({ ...facts, remediation: {} }).risks.recruitment_fee.score).toBeGreaterThan(0);
  });

  it('a partial repayment keeps the rule active at the severity of what is still owed', () => {
    const a = assess(
      aCleanWorker({
        fees: [fee({ amountMinor: 540_000 })],
        remediation: { feeRepayments: [{ amountMinor: 300_000, currency: 'QAR', paidOn: '2025-04-01', evidenceId: 'rem-fee-2' }] },
      }),
    );
    expect(rule(a, 'FEE-01')).toMatchObject({ status: 'active', severity: 'high' });
    expect(a.fees.outstandingMinor).toBe(240_000);
    expect(a.fees.outstandingMonths).toBe(1.33);
  });
});

describe('tied visa', () => {
  const kafala = { visaType: 'employer_sponsored', visaTiedToEmployer: 'yes', canChangeEmployerWithoutPermission: 'no', permitRenewalControlledBy: 'employer' } as const;

  it('a tied permit without evidence of abuse is a risk driver, not a Delphi indicator', () => {
    const a = assess(aCleanWorker(kafala));
    expect(a.indicators.map((i) => i.ruleId)).toEqual(['VISA-01', 'VISA-02', 'VISA-03']);
    expect(a.indicators.flatMap((i) => i.delphi)).toEqual([]);
    expect(a.risks.tied_visa.band).toBe('high');
  });

  it('with a threat of denunciation it becomes D5 "under strong influence" and D6 "legal status"', () => {
    const a = assess(withYes(['threat_of_denunciation'], kafala));
    expect(rule(a, 'VISA-06')?.delphi.map((h) => `${h.dimension} ${h.indicator}`)).toEqual([
      'D5 under strong influence',
      'D6 relationship with authorities/legal status',
    ]);
  });

  it('a verified sponsorship transfer remediates the sponsorship rules but not the exit permit', () => {
    const a = assess(aCleanWorker({ ...kafala, exitPermitRequired: 'yes', remediation: { sponsorshipTransferred: { on: '2025-01-10', evidenceId: 'rem-visa-1' } } }));
    expect(a.indicators.map((i) => `${i.ruleId}:${i.status}`)).toEqual(['VISA-01:remediated', 'VISA-02:remediated', 'VISA-03:remediated', 'VISA-04:active']);
  });
});

describe('Delphi classification of a worker', () => {
  const trafficked = withYes(['deceived_nature_of_job', 'deceived_wages', 'excessive_hours', 'hazardous_work'], {
    passportHolder: 'employer',
    documentsAccessibleOnRequest: 'no',
    documentsWithheldUntilDebtRepaid: 'yes',
  });

  it('classifies deception + exploitation + coercion at destination as trafficking, labelled as indicator-based', () => {
    const a = assess(trafficked);
    const c = a.classification.current;
    expect(c.label).toBe('trafficking');
    expect(c.dimensions.D1.combination).toBe('b');
    expect(c.dimensions.D4.combination).toBe('b');
    expect(c.dimensions.D5).toMatchObject({ positive: true, combination: 'a' });
    expect(c.basis).toMatch(/indicator-based classification/i);
    expect(c.basis).toMatch(/not a legal determination/);
    expect(a.overall.score).toBeGreaterThanOrEqual(90);
    expect(a.overall.band).toBe('critical');
  });

  it('without the recruitment dimension an adult is in forced labour, not trafficked', () => {
    expect(assess(withYes(['excessive_hours', 'hazardous_work'], { passportHolder: 'employer', documentsAccessibleOnRequest: 'no', documentsWithheldUntilDebtRepaid: 'yes' })).classification.current.label).toBe(
      'forced_labour',
    );
  });

  it('child rule: a child recruited through a recruiter into exploitative work is trafficked without any means', () => {
    const exploited = withYes(['excessive_hours', 'hazardous_work'], { recruiterId: 'rec-1' });
    expect(assess(exploited).classification.current.label).toBe('exploited');
    expect(assess({ ...exploited, ageAtRecruitment: 15 }).classification.current).toMatchObject({ label: 'trafficking', child: true });
  });

  it('keeps the observed classification while the current one drops after verified remediation', () => {
    const a = assess({
      ...trafficked,
      remediation: { documentsReturned: { on: '2025-02-01', evidenceId: 'rem-doc-9' } },
    });
    expect(a.classification.observed.label).toBe('trafficking');
    expect(a.classification.current.label).toBe('deceived_and_exploited');
    expect(a.overall.score).toBeLessThan(assess(trafficked).overall.score);
    expect(a.risks.document_confiscation.score).toBe(0);
  });
});

describe('assessWorker', () => {
  it('rejects an as-of date that is not a date', () => {
    expect(() => assessWorker(aCleanWorker(), { rates: RATES, asOf: 'yesterday' })).toThrow(/asOf/);
  });

  it('carries the methodology version, and each indicator its rule id, citation, evidence and the interview id', () => {
    const a = assess(withYes(['excessive_hours', 'no_rest_days']));
    expect(a.methodologyVersion).toBe('lantern-risk-1.1.0');
    expect(a.indicators).toEqual([
      {
        ruleId: 'ILO-FL-11',
        citation: 'ILO Indicators of Forced Labour (2012) ILO-FL-11; ILO/EC Delphi indicators (2009) D4',
        risk: 'other',
        label: 'Excessive overtime',
        severity: 'medium',
        status: 'active',
        evidence: [
          { field: 'answers.excessive_hours', value: 'yes' },
          { field: 'answers.no_rest_days', value: 'yes' },
        ],
        explanation: 'The worker answered yes to: excessive_hours, no_rest_days.',
        delphi: [
          { dimension: 'D4', indicator: 'excessive working days or hours', strength: 'S', source: 'answers.excessive_hours' },
          { dimension: 'D4', indicator: 'excessive working days or hours', strength: 'S', source: 'answers.no_rest_days' },
        ],
        evidenceIds: ['int-1'],
      },
    ]);
    expect(a.overall).toEqual({ score: 30, band: 'low' });
  });
});
