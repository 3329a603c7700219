/**
 * The demo dataset: rows per import kind, with the field names of the import
 * contract (docs/ column templates). Arrays are `;`-joined and structured
 * cells (fees, answers) encoded by the writer; `null` is an empty cell.
 */
import type { Fee, TriAnswer } from '@lantern/domain';

/** Import kinds in dependency order (each refers only to kinds before it). */
export const DEMO_IMPORT_KINDS = ['suppliers', 'sites', 'recruiters', 'engagements', 'audits', 'findings', 'interviews'] as const;
export type DemoImportKind = (typeof DEMO_IMPORT_KINDS)[number];

/** CSV columns per kind, in the order of the import contract. */
export const COLUMNS: Record<DemoImportKind, readonly string[]> = {
  suppliers: ['ref', 'name', 'country', 'sector', 'tier', 'parent_ref', 'supplies_to', 'lei', 'tax_id', 'duns', 'os_id'],
  sites: ['ref', 'supplier_ref', 'name', 'address', 'country', 'sector', 'headcount', 'migrant_worker_share', 'os_id'],
  recruiters: ['ref', 'name', 'country', 'licence_number', 'licence_status', 'licence_authority', 'countries_of_operation', 'certifications'],
  engagements: ['ref', 'recruiter_ref', 'site_ref', 'origin_country', 'destination_country', 'starts_on', 'ends_on', 'workers_placed'],
  audits: ['ref', 'site_ref', 'type', 'conducted_at', 'audit_firm', 'standard', 'summary'],
  findings: ['ref', 'audit_ref', 'indicator_code', 'severity', 'status', 'description'],
  interviews: [
    'ref', 'audit_ref', 'worker_ref', 'recruiter_ref', 'interviewed_at', 'gender', 'origin_country', 'age_at_recruitment',
    'monthly_wage', 'wage_currency', 'passport_holder', 'id_card_holder', 'work_permit_holder', 'documents_accessible_on_request',
    'document_return_days', 'documents_held_with_consent', 'documents_withheld_until_debt_repaid', 'visa_type', 'visa_tied_to_employer',
    'can_change_employer_without_permission', 'permit_renewal_controlled_by', 'exit_permit_required', 'security_bond_required',
    'contract_written', 'contract_in_own_language', 'contract_signed_before_departure', 'contract_terms_changed_on_arrival',
    'fees', 'answers', 'testimony',
  ],
};

/** A yes/no/unknown cell: null is an empty cell, which the contract reads as unknown. */
export type TriCell = TriAnswer | null;

export interface SupplierRow {
  ref: string;
  name: string;
  country: string;
  sector: string;
  tier: number;
  parent_ref: string | null;
  supplies_to: string[];
  lei: string | null;
  tax_id: string | null;
  duns: string | null;
  os_id: string | null;
}

export interface SiteRow {
  ref: string;
  supplier_ref: string;
  name: string;
  address: string;
  country: string;
  sector: string;
  headcount: number;
  /** Decimal string, 0..1 with two places. */
  migrant_worker_share: string;
  os_id: string | null;
}

export interface RecruiterRow {
  ref: string;
  name: string;
  country: string;
  licence_number: string | null;
  licence_status: string;
  licence_authority: string | null;
  countries_of_operation: string[];
  certifications: string[];
}

export interface EngagementRow {
  ref: string;
  recruiter_ref: string;
  site_ref: string;
  origin_country: string;
  destination_country: string;
  starts_on: string;
  ends_on: string | null;
  workers_placed: number;
}

export interface AuditRow {
  ref: string;
  site_ref: string;
  type: string;
  conducted_at: string;
  audit_firm: string;
  standard: string;
  summary: string;
}

export interface FindingRow {
  ref: string;
  audit_ref: string;
  indicator_code: string;
  severity: string;
  status: string;
  description: string;
}

export interface InterviewRow {
  ref: string;
  audit_ref: string;
  worker_ref: string;
  recruiter_ref: string | null;
  interviewed_at: string;
  gender: string;
  origin_country: string | null;
  age_at_recruitment: number | null;
  /** Major units, exactly the currency's decimal places. */
  monthly_wage: string | null;
  wage_currency: string | null;
  passport_holder: string | null;
  id_card_holder: string | null;
  work_permit_holder: string | null;
  documents_accessible_on_request: TriCell;
  document_return_days: number | null;
  documents_held_with_consent: TriCell;
  documents_withheld_until_debt_repaid: TriCell;
  visa_type: string | null;
  visa_tied_to_employer: TriCell;
  can_change_employer_without_permission: TriCell;
  permit_renewal_controlled_by: string | null;
  exit_permit_required: TriCell;
  security_bond_required: TriCell;
  contract_written: TriCell;
  contract_in_own_language: TriCell;
  contract_signed_before_departure: TriCell;
  contract_terms_changed_on_arrival: TriCell;
  fees: Fee[];
  /** Catalogue key -> answer; a key left out was not asked (unknown). */
  answers: Record<string, TriAnswer>;
  testimony: string | null;
}

export interface RowsByKind {
  suppliers: SupplierRow[];
  sites: SiteRow[];
  recruiters: RecruiterRow[];
  engagements: EngagementRow[];
  audits: AuditRow[];
  findings: FindingRow[];
  interviews: InterviewRow[];
}

/**
 * A deliberately invalid row: written into the file of its kind so the import
 * reports a rejection. `cells` are raw strings (CSV) exactly as written.
 */
export interface BadRow {
  kind: DemoImportKind;
  /** Which file of the kind it goes into: the CSV or the NDJSON batch (interviews only). */
  format: 'csv' | 'ndjson';
  ref: string;
  field: string;
  reason: string;
  cells: Record<string, string>;
}

export type RecruiterProfile = 'ethical' | 'typical' | 'exploitative';
export type SupplierConduct = 'good' | 'average' | 'poor';

/**
 * What the generator planted, for checking later stages (scoring should rank
 * the planted hotspots high). Never imported.
 */
export interface DemoGroundTruth {
  recruiterProfiles: Record<string, RecruiterProfile>;
  supplierConduct: Record<string, SupplierConduct>;
  /** Sites with severe, planted forced-labour patterns (confinement, threats, retained documents, debt). */
  hotspotSites: string[];
  /** Sites that keep migrants' passports without access. */
  documentRetentionSites: string[];
}

export interface DemoDataset {
  seed: number;
  /** Reference date: all generated events happen before it. */
  asOf: string;
  rows: RowsByKind;
  /** The audit whose interviews are written as an NDJSON batch. */
  ndjsonAuditRef: string;
  badRows: BadRow[];
  truth: DemoGroundTruth;
}
