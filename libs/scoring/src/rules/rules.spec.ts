/**
 * Table-driven: every rule of the catalogue fires on at least one worker and
 * stays silent on at least one close neighbour.
 */
import { describe, expect, it } from '@jest/globals';
import type { Fee } from '@lantern/domain';
import { assessWorker } from '../engine/worker.js';
import type { WorkerFacts } from '../facts.js';
import { AS_OF, RATES, aCleanWorker, withYes } from '../testing.js';
import { RULES } from './definitions.js';

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

const held = (over: Partial<WorkerFacts> = {}): WorkerFacts =>
  aCleanWorker({ passportHolder: 'employer', documentsHeldWithConsent: 'yes', documentsAccessibleOnRequest: 'yes', documentReturnDays: 1, ...over });

interface Case {
  readonly ruleId: string;
  readonly fires: readonly [string, WorkerFacts][];
  readonly silent: readonly [string, WorkerFacts][];
}

const TOPIC_CASES: readonly Case[] = [
  {
    ruleId: 'FEE-01',
    fires: [['a cash recruitment fee', aCleanWorker({ fees: [fee()] })]],
    silent: [
      ['no fees', aCleanWorker()],
      ['a zero amount', aCleanWorker({ fees: [fee({ amountMinor: 0 })] })],
    ],
  },
  {
    ruleId: 'FEE-02',
    fires: [
      ['a deposit or bond', aCleanWorker({ fees: [fee({ category: 'deposit_bond' })] })],
      ['a bribe', aCleanWorker({ fees: [fee({ category: 'bribe_kickback' })] })],
    ],
    silent: [['a medical cost', aCleanWorker({ fees: [fee({ category: 'medical' })] })]],
  },
  {
    ruleId: 'FEE-03',
    fires: [
      ['a loan-financed fee', aCleanWorker({ fees: [fee({ financedByLoan: 'yes' })] })],
      ['a fee paid by wage deduction', aCleanWorker({ fees: [fee({ paymentForm: 'wage_deduction' })] })],
      ['a fee above one month of wage', aCleanWorker({ fees: [fee({ amountMinor: 200_000 })] })],
      ['a debt taken to get the job', withYes(['debt_bondage_at_recruitment'])],
    ],
    silent: [
      ['a small cash fee', aCleanWorker({ fees: [fee()] })],
      ['a fee of exactly one month of wage', aCleanWorker({ fees: [fee({ amountMinor: 180_000 })] })],
      ['a loan of unknown status', aCleanWorker({ fees: [fee({ financedByLoan: 'unknown' })] })],
    ],
  },
  {
    ruleId: 'FEE-04',
    fires: [
      ['a debt the worker must work off', withYes(['debt_bondage'])],
      ['documents held until a debt is repaid', held({ documentsWithheldUntilDebtRepaid: 'yes' })],
    ],
    silent: [['a loan-financed fee alone', aCleanWorker({ fees: [fee({ financedByLoan: 'yes' })] })]],
  },
  {
    ruleId: 'FEE-05',
    fires: [['deceived about fees', withYes(['deceived_about_fees'])]],
    silent: [['not deceived', aCleanWorker({ fees: [fee()] })]],
  },
  {
    ruleId: 'DOC-01',
    fires: [
      ['held, not accessible on request', held({ documentsAccessibleOnRequest: 'no' })],
      ['held, returned after the grace period', held({ documentReturnDays: 7 })],
      ['the worker reports documents retained', withYes(['documents_retained'])],
    ],
    silent: [
      ['held with consent, returned within the grace period', held()],
      ['held by a government office', aCleanWorker({ workPermitHolder: 'government', documentsAccessibleOnRequest: 'no' })],
      ['held by the worker', aCleanWorker({ documentsAccessibleOnRequest: 'no' })],
    ],
  },
  {
    ruleId: 'DOC-02',
    fires: [['withheld until a debt is repaid', held({ documentsWithheldUntilDebtRepaid: 'yes' })]],
    silent: [['held with consent', held()]],
  },
  {
    ruleId: 'DOC-03',
    fires: [
      ['held without consent', held({ documentsHeldWithConsent: 'no' })],
      ['held, consent not established', held({ documentsHeldWithConsent: 'unknown' })],
      ['held by a dormitory operator, no access', aCleanWorker({ idCardHolder: 'dormitory_operator', documentsAccessibleOnRequest: 'no' })],
    ],
    silent: [['held with consent and free access', held()]],
  },
  {
    ruleId: 'DOC-04',
    fires: [['documents taken during recruitment', withYes(['documents_taken_at_recruitment'])]],
    silent: [['documents never taken', aCleanWorker()]],
  },
  {
    ruleId: 'VISA-01',
    fires: [
      ['tied to the employer', aCleanWorker({ visaTiedToEmployer: 'yes' })],
      ['employer-sponsored, tie not asked', aCleanWorker({ visaType: 'employer_sponsored', visaTiedToEmployer: 'unknown' })],
    ],
    silent: [['employer-sponsored but stated not tied', aCleanWorker({ visaType: 'employer_sponsored', visaTiedToEmployer: 'no' })]],
  },
  {
    ruleId: 'VISA-02',
    fires: [['permission needed to change employer', aCleanWorker({ canChangeEmployerWithoutPermission: 'no' })]],
    silent: [['free to change employer', aCleanWorker()]],
  },
  {
    ruleId: 'VISA-03',
    fires: [
      ['employer controls renewal', aCleanWorker({ permitRenewalControlledBy: 'employer' })],
      ['recruiter controls renewal', aCleanWorker({ permitRenewalControlledBy: 'recruiter' })],
    ],
    silent: [['government controls renewal', aCleanWorker({ permitRenewalControlledBy: 'government' })]],
  },
  {
    ruleId: 'VISA-04',
    fires: [['exit permit required', aCleanWorker({ exitPermitRequired: 'yes' })]],
    silent: [['no exit permit', aCleanWorker()]],
  },
  {
    ruleId: 'VISA-05',
    fires: [['security bond required', aCleanWorker({ securityBondRequired: 'yes' })]],
    silent: [['no bond', aCleanWorker()]],
  },
  {
    ruleId: 'VISA-06',
    fires: [
      ['forced to stay with the employer', withYes(['forced_to_stay_with_employer'])],
      ['tied and threatened with denunciation', withYes(['threat_of_denunciation'], { visaTiedToEmployer: 'yes' })],
    ],
    silent: [
      ['tied, no abuse', aCleanWorker({ visaTiedToEmployer: 'yes' })],
      ['threatened but not tied', withYes(['threat_of_denunciation'])],
    ],
  },
  {
    ruleId: 'CON-01',
    fires: [['no written contract', aCleanWorker({ contractWritten: 'no' })]],
    silent: [['written contract', aCleanWorker()]],
  },
  {
    ruleId: 'CON-02',
    fires: [['contract in a foreign language', aCleanWorker({ contractInOwnLanguage: 'no' })]],
    silent: [['contract in own language', aCleanWorker()]],
  },
  {
    ruleId: 'CON-03',
    fires: [['migrant without contract before departure', aCleanWorker({ contractSignedBeforeDeparture: 'no' })]],
    silent: [['a citizen (no departure)', aCleanWorker({ visaType: 'citizen_or_resident', contractSignedBeforeDeparture: 'no' })]],
  },
  {
    ruleId: 'CON-04',
    fires: [['terms changed on arrival', aCleanWorker({ contractTermsChangedOnArrival: 'yes' })]],
    silent: [['terms unchanged', aCleanWorker()]],
  },
  {
    ruleId: 'CHILD-01',
    fires: [['recruited at 16', aCleanWorker({ ageAtRecruitment: 16 })]],
    silent: [
      ['recruited at 18', aCleanWorker({ ageAtRecruitment: 18 })],
      ['age unknown', aCleanWorker({ ageAtRecruitment: null })],
    ],
  },
];

/** Generic answer rules: a 'yes' to each of their questions fires them. */
const GENERIC_CASES: readonly Case[] = RULES.filter((r) => r.group === 'other' && r.answerKeys !== undefined).map((r) => ({
  ruleId: r.id,
  fires: (r.answerKeys ?? []).map((key): [string, WorkerFacts] => [`answers.${key} = yes`, withYes([key])]),
  silent: [['every answer no', aCleanWorker()]],
}));

const CASES = [...TOPIC_CASES, ...GENERIC_CASES];

const fired = (facts: WorkerFacts): string[] => assessWorker(facts, { rates: RATES, asOf: AS_OF }).indicators.map((i) => i.ruleId);

describe('rule catalogue', () => {
  it('has a firing and a silent case for every rule', () => {
    expect(CASES.map((c) => c.ruleId).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const c of CASES) {
      expect(c.fires.length).toBeGreaterThan(0);
      expect(c.silent.length).toBeGreaterThan(0);
    }
  });

  it('has unique ids and a citation for every rule', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) expect(r.sources.length).toBeGreaterThan(0);
  });

  it('reads every interview question in exactly one rule', () => {
    const keys = RULES.flatMap((r) => r.answerKeys ?? []);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fires nothing for a clean, fully answered interview', () => {
    expect(fired(aCleanWorker())).toEqual([]);
  });
});

describe.each(CASES)('$ruleId', ({ ruleId, fires, silent }) => {
  it.each(fires)('fires: %s', (_name, facts) => {
    expect(fired(facts)).toContain(ruleId);
  });
  it.each(silent)('stays silent: %s', (_name, facts) => {
    expect(fired(facts)).not.toContain(ruleId);
  });
});
