import { randomUUID } from 'node:crypto';

/** Unique external reference, so builders can be called any number of times per tenant. */
export const uniqueRef = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 12)}`;

/** Request bodies for the API, with sensible defaults; override any field. */
export const aSupplier = (overrides: Record<string, unknown> = {}) => ({
  externalRef: uniqueRef('SUP'),
  name: 'Harbour Textiles Ltd',
  country: 'BD',
  sector: 'apparel',
  tier: 1,
  ...overrides,
});

export const aSite = (supplierId: string, overrides: Record<string, unknown> = {}) => ({
  supplierId,
  externalRef: uniqueRef('SITE'),
  name: 'Chattogram Plant 2',
  address: '12 Port Road, Chattogram',
  country: 'BD',
  sector: 'apparel',
  headcount: 850,
  migrantWorkerShare: 0.35,
  ...overrides,
});

export const aRecruiter = (overrides: Record<string, unknown> = {}) => ({
  externalRef: uniqueRef('REC'),
  name: 'Kathmandu Manpower Services',
  country: 'NP',
  licenceNumber: 'DoFE-1234',
  licenceStatus: 'valid',
  countriesOfOperation: ['NP', 'MY'],
  certifications: ['iom_iris'],
  ...overrides,
});

export const anEngagement = (recruiterId: string, siteId: string, overrides: Record<string, unknown> = {}) => ({
  externalRef: uniqueRef('ENG'),
  recruiterId,
  siteId,
  originCountry: 'NP',
  destinationCountry: 'MY',
  startsOn: '2025-01-01',
  workersPlaced: 40,
  ...overrides,
});

export const anAudit = (siteId: string, overrides: Record<string, unknown> = {}) => ({
  externalRef: uniqueRef('AUD'),
  siteId,
  type: 'unannounced',
  conductedAt: '2025-03-14T09:00:00.000Z',
  auditFirm: 'Northgate Assurance',
  standard: 'SMETA 7.0',
  ...overrides,
});

export const aFinding = (auditId: string, overrides: Record<string, unknown> = {}) => ({
  externalRef: uniqueRef('FND'),
  auditId,
  indicatorCode: 'ILO-FL-07',
  severity: 'high',
  description: 'Passports held in the HR office safe',
  evidence: [{ kind: 'observation', reference: 'photo-12' }],
  ...overrides,
});

/**
 * Interview fields of a worker who keeps their documents, holds an open permit,
 * has a written contract in their language and paid nothing: spread into
 * anInterview() to start from "no indicator" (`answers` as given).
 */
export const cleanInterviewFields = (answers: Record<string, string>) => ({
  passportHolder: 'worker',
  idCardHolder: 'worker',
  workPermitHolder: 'worker',
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
  fees: [],
  answers,
});

export const anInterview = (ids: { auditId: string; siteId: string; recruiterId?: string }, overrides: Record<string, unknown> = {}) => ({
  externalRef: uniqueRef('INT'),
  ...ids,
  workerRef: uniqueRef('worker'),
  interviewedAt: '2025-03-14T10:30:00.000Z',
  gender: 'female',
  originCountry: 'NP',
  ageAtRecruitment: 24,
  monthlyWageMinor: 150000,
  wageCurrency: 'MYR',
  passportHolder: 'employer',
  visaTiedToEmployer: 'yes',
  fees: [{ category: 'recruitment_fee', amount: '1200.00', currency: 'USD', paidTo: 'recruiter', paymentForm: 'loan', financedByLoan: 'yes' }],
  ...overrides,
});
