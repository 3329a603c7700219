/**
 * Closed vocabularies shared by the database, the API, the import pipeline and
 * the scoring engine. The string values are persisted (database CHECK
 * constraints, import files, API payloads): treat them as a public contract.
 */

export const ORGANIZATION_KINDS = ['company', 'procurement_authority', 'regulator', 'audit_firm'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ROLES = ['admin', 'compliance', 'procurement', 'auditor', 'regulator'] as const;
export type Role = (typeof ROLES)[number];

/** yes / no / unknown. Unknown is an answer of its own and is never stored as "no". */
export const TRI_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type TriAnswer = (typeof TRI_ANSWERS)[number];

export const AUDIT_TYPES = ['announced', 'unannounced', 'desk', 'worker_voice'] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export const FINDING_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_STATUSES = ['open', 'remediating', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const LICENCE_STATUSES = ['valid', 'expired', 'suspended', 'revoked', 'none', 'unknown'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

/** Who physically holds a worker's passport / identity card / work permit. */
export const DOCUMENT_HOLDERS = ['worker', 'employer', 'recruiter', 'dormitory_operator', 'government', 'other', 'unknown'] as const;
export type DocumentHolder = (typeof DOCUMENT_HOLDERS)[number];

/** Who controls the renewal or cancellation of a work / residence permit. */
export const PERMIT_CONTROLLERS = ['worker', 'employer', 'recruiter', 'government', 'unknown'] as const;
export type PermitController = (typeof PERMIT_CONTROLLERS)[number];

export const VISA_TYPES = ['employer_sponsored', 'sector_permit', 'open_permit', 'citizen_or_resident', 'seasonal', 'undocumented', 'other', 'unknown'] as const;
export type VisaType = (typeof VISA_TYPES)[number];

/**
 * Fee and cost categories (ILO General Principles and Operational Guidelines for
 * Fair Recruitment and Definition of Recruitment Fees and Related Costs, 2019;
 * cross-walked to FAR 52.222-50(a) in docs/methodology.md). Any of these paid by a
 * worker is a finding under the employer-pays principle.
 */
export const FEE_CATEGORIES = [
  'recruitment_fee', // recruiter service / placement fee (ILO "recruitment fees"; FAR (a)(1)(i),(ii),(viii))
  'medical', // ILO related cost 1; FAR (a)(1)(vii)
  'insurance', // ILO related cost 2; FAR (a)(1)(x),(xii)
  'skills_test', // ILO related cost 3; FAR (a)(1)(vii)
  'training', // ILO related cost 4; FAR (a)(1)(i)
  'equipment', // ILO related cost 5; FAR (a)(1)(xiii)
  'travel', // ILO related cost 6 (incl. return); FAR (a)(1)(xi)
  'lodging', // ILO related cost 6 (lodging / subsistence during recruitment)
  'visa', // ILO related cost 7 administrative; FAR (a)(1)(v)
  'passport_documents', // ILO related cost 7; FAR (a)(1)(vi)
  'work_permit', // ILO related cost 7; FAR (a)(1)(iii),(iv)
  'government_levy', // FAR (a)(1)(x)
  'administrative', // other ILO related cost 7 items
  'deposit_bond', // ILO illegitimate cost (bonds, deposits, collateral); FAR (a)(1)(xii)
  'bribe_kickback', // ILO illegitimate cost (bribes, tributes, kickbacks)
  'other',
] as const;
export type FeeCategory = (typeof FEE_CATEGORIES)[number];

/** Categories the ILO 2019 definition calls illegitimate: never acceptable from anyone. */
export const ILLEGITIMATE_FEE_CATEGORIES: readonly FeeCategory[] = ['deposit_bond', 'bribe_kickback'];

export const FEE_PAYEES = ['recruiter', 'sub_agent', 'employer', 'official', 'other', 'unknown'] as const;
export type FeePayee = (typeof FEE_PAYEES)[number];

/** FAR 52.222-50(a)(2): a fee counts whatever the payment form. */
export const FEE_PAYMENT_FORMS = ['cash', 'wage_deduction', 'loan', 'in_kind', 'unknown'] as const;
export type FeePaymentForm = (typeof FEE_PAYMENT_FORMS)[number];

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

export const IMPORT_KINDS = ['suppliers', 'sites', 'recruiters', 'engagements', 'audits', 'findings', 'interviews'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const RECRUITER_CERTIFICATIONS = ['iom_iris', 'fair_hiring_initiative', 'other'] as const;
export type RecruiterCertification = (typeof RECRUITER_CERTIFICATIONS)[number];

/**
 * What an interview field holds when the interview leaves it out: every closed
 * question defaults to unknown, never to no (the database column defaults agree).
 */
export const INTERVIEW_FIELD_DEFAULTS = {
  passportHolder: 'unknown',
  idCardHolder: 'unknown',
  workPermitHolder: 'unknown',
  documentsAccessibleOnRequest: 'unknown',
  documentsHeldWithConsent: 'unknown',
  documentsWithheldUntilDebtRepaid: 'unknown',
  visaType: 'unknown',
  visaTiedToEmployer: 'unknown',
  canChangeEmployerWithoutPermission: 'unknown',
  permitRenewalControlledBy: 'unknown',
  exitPermitRequired: 'unknown',
  securityBondRequired: 'unknown',
  contractWritten: 'unknown',
  contractInOwnLanguage: 'unknown',
  contractSignedBeforeDeparture: 'unknown',
  contractTermsChangedOnArrival: 'unknown',
} as const satisfies {
  passportHolder: DocumentHolder;
  idCardHolder: DocumentHolder;
  workPermitHolder: DocumentHolder;
  visaType: VisaType;
  permitRenewalControlledBy: PermitController;
  [tri: string]: TriAnswer | DocumentHolder | VisaType | PermitController;
};
