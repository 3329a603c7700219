/**
 * The plain data a report is built from, as gathered by the worker in one
 * consistent snapshot. Everything is plain JSON (ISO strings, numbers): the
 * model builder is pure and the same input always gives the same model.
 */

export const REPORT_TYPES = ['supplier_dossier', 'uk_msa_s54', 'au_msa_s16', 'ca_s211', 'eu_flr', 'us_far_52_222_50'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Narrative and sign-off fields the organisation supplies with the request (nothing here is derived from data). */
export interface ReportOptions {
  /** Tagged (accessible) PDF: larger and slower; default false. */
  accessible?: boolean;
  signatoryName?: string;
  signatoryTitle?: string;
  /** YYYY-MM-DD date of board / governing body approval. */
  approvalDate?: string;
  policies?: string;
  training?: string;
  trainingMandatory?: boolean;
  consultation?: string;
  otherInformation?: string;
  lossOfIncomeRemediation?: string;
  /** EU FLR: products concerned (name, HS/CN code). */
  products?: { name: string; hsCode?: string }[];
  /** US FAR: contract number and contracting agency. */
  contractNumber?: string;
  contractingAgency?: string;
  hotline?: string;
  revisedReport?: boolean;
  jointReportEntities?: string[];
  businessNumbers?: string[];
  otherJurisdictions?: string[];
}

export interface OrganizationInput {
  id: string;
  name: string;
  jurisdiction: string;
  kind: string;
}

export interface SupplierInput {
  id: string;
  externalRef: string;
  name: string;
  country: string;
  sector: string | null;
  tier: number;
  parentId: string | null;
  /** Name of the parent (buyer) supplier, when known. */
  parentName?: string | null;
}

export interface SiteInput {
  id: string;
  supplierId: string;
  externalRef: string;
  name: string;
  country: string;
  sector: string | null;
  headcount: number | null;
  migrantWorkerShare: number | null;
}

export interface RecruiterInput {
  id: string;
  externalRef: string;
  name: string;
  country: string;
  licenceStatus: string;
  /** Sites (ids) the recruiter places workers at. */
  siteIds: string[];
  workersPlaced: number;
}

export interface AuditInput {
  id: string;
  externalRef: string;
  siteId: string;
  type: string;
  conductedAt: string;
  auditFirm: string | null;
  standard: string | null;
}

export interface FindingInput {
  id: string;
  externalRef: string;
  auditId: string;
  indicatorCode: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  status: 'open' | 'remediating' | 'closed';
  description: string;
  evidence: { kind?: string; reference?: string }[];
}

/** Per-site counts of interviewed workers (computed in SQL; no worker rows ever leave the database). */
export interface InterviewAggregateInput {
  siteId: string;
  workers: number;
  paidRecruitmentFees: number;
  passportHeldByOther: number;
  visaTiedToEmployer: number;
  contractNotInOwnLanguage: number;
}

export interface AssessmentInput {
  subjectType: 'site' | 'supplier' | 'recruiter';
  subjectId: string;
  name: string | null;
  country: string | null;
  sector: string | null;
  overall: number;
  band: 'low' | 'medium' | 'high' | 'critical';
  recruitmentFee: number;
  tiedVisa: number;
  documentConfiscation: number;
  confidence: string;
  sampleSize: number;
  methodologyVersion: string;
  asOf: string;
  assessedAt: string;
  /** Explanation lines (rule ids and reasons) as recorded by the scoring engine. */
  explanation: string[];
}

export interface RemediationInput {
  subjectType: string;
  subjectId: string;
  kind: string;
  workers: number;
  explanation: string;
  createdAt: string;
}

export interface RemediationRecordsInput {
  total: number;
  verified: number;
  byKind: Record<string, number>;
}

export interface BlockInput {
  id: string;
  supplierId: string | null;
  subjectName: string;
  status: string;
  legalGround: string;
  jurisdiction: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}

/** A section whose source table may not exist yet (built by another pipeline). */
export type Availability<T> = { available: true; rows: T } | { available: false; reason: string };

export interface ReportInput {
  type: ReportType;
  organization: OrganizationInput;
  periodStart: string;
  periodEnd: string;
  /** The dossier's subject (supplier_dossier only). */
  supplierId: string | null;
  options: ReportOptions;
  /** Latest change (ISO timestamp) among the rows read: what the report's data is "as of". Null when there are no rows. */
  dataAsOf: string | null;
  methodologyVersion: string;
  suppliers: SupplierInput[];
  sites: SiteInput[];
  recruiters: RecruiterInput[];
  audits: AuditInput[];
  findings: FindingInput[];
  interviews: InterviewAggregateInput[];
  assessments: Availability<AssessmentInput[]>;
  remediation: Availability<{ items: RemediationInput[]; records: RemediationRecordsInput }>;
  blocks: Availability<BlockInput[]>;
}
