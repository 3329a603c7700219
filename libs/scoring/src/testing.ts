/**
 * Builders for the scoring specs (not exported from the package index).
 * `anUnknownWorker` is an interview where nothing was answered; `aCleanWorker`
 * one where every question was answered with the non-adverse value.
 */
import { INTERVIEW_FIELD_DEFAULTS, INTERVIEW_QUESTION_KEYS, type TriAnswer } from '@lantern/domain';
import type { ExchangeRateTable } from './engine/exchange-rates.js';
import type { WorkerFacts } from './facts.js';

export const AS_OF = '2025-06-30';

/** Illustrative rates for tests only (not market data). */
export const RATES: ExchangeRateTable = [
  { base: 'USD', quote: 'QAR', rate: 3.64, validFrom: '2024-01-01' },
  { base: 'USD', quote: 'NPR', rate: 130, validFrom: '2024-01-01' },
  { base: 'USD', quote: 'NPR', rate: 135, validFrom: '2025-01-01' },
  { base: 'USD', quote: 'MYR', rate: 4.5, validFrom: '2024-01-01' },
];

export function answersAll(value: TriAnswer): Record<string, TriAnswer> {
  return Object.fromEntries(INTERVIEW_QUESTION_KEYS.map((k) => [k, value]));
}

export function anUnknownWorker(overrides: Partial<WorkerFacts> = {}): WorkerFacts {
  return {
    interviewId: 'int-1',
    workerPseudonym: 'wp-1',
    siteId: 'site-1',
    recruiterId: null,
    ageAtRecruitment: null,
    monthlyWageMinor: null,
    wageCurrency: null,
    ...INTERVIEW_FIELD_DEFAULTS,
    documentReturnDays: null,
    fees: [],
    answers: {},
    ...overrides,
  };
}

export function aCleanWorker(overrides: Partial<WorkerFacts> = {}): WorkerFacts {
  return anUnknownWorker({
    ageAtRecruitment: 30,
    monthlyWageMinor: 180_000,
    wageCurrency: 'QAR',
    passportHolder: 'worker',
    idCardHolder: 'worker',
    workPermitHolder: 'worker',
    documentsAccessibleOnRequest: 'yes',
    documentReturnDays: 0,
    documentsHeldWithConsent: 'yes',
    documentsWithheldUntilDebtRepaid: 'no',
    visaType: 'open_permit',
    visaTiedToEmployer: 'no',
    canChangeEmployerWithoutPermission: 'yes',
    permitRenewalControlledBy: 'worker',
    exitPermitRequired: 'no',
    securityBondRequired: 'no',
    contractWritten: 'yes',
    contractInOwnLanguage: 'yes',
    contractSignedBeforeDeparture: 'yes',
    contractTermsChangedOnArrival: 'no',
    answers: answersAll('no'),
    ...overrides,
  });
}

/** The clean worker with some answers set to 'yes'. */
export function withYes(keys: readonly string[], overrides: Partial<WorkerFacts> = {}): WorkerFacts {
  return aCleanWorker({ answers: { ...answersAll('no'), ...Object.fromEntries(keys.map((k) => [k, 'yes'])) }, ...overrides });
}
