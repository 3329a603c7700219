import type { ImportKind } from '@lantern/domain';

/**
 * The import file contract: the columns (CSV header names, NDJSON field
 * names) of each kind, in template order. Other engineers generate files
 * against these names: never rename one. docs/import-templates.md documents
 * each column.
 */
export interface ColumnSpec {
  readonly name: string;
  /** A required column must be in the CSV header, and every row must give it a value. */
  readonly required: boolean;
}

const col = (name: string, required = false): ColumnSpec => ({ name, required });

export const KIND_COLUMNS: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  suppliers: [
    col('ref', true),
    col('name', true),
    col('country', true),
    col('sector'),
    col('tier'),
    col('parent_ref'),
    col('supplies_to'),
    col('lei'),
    col('tax_id'),
    col('duns'),
    col('os_id'),
  ],
  sites: [
    col('ref', true),
    col('supplier_ref', true),
    col('name', true),
    col('address'),
    col('country', true),
    col('sector'),
    col('headcount'),
    col('migrant_worker_share'),
    col('os_id'),
  ],
  recruiters: [
    col('ref', true),
    col('name', true),
    col('country', true),
    col('licence_number'),
    col('licence_status'),
    col('licence_authority'),
    col('countries_of_operation'),
    col('certifications'),
  ],
  engagements: [
    col('ref', true),
    col('recruiter_ref', true),
    col('site_ref', true),
    col('origin_country', true),
    col('destination_country', true),
    col('starts_on'),
    col('ends_on'),
    col('workers_placed'),
  ],
  audits: [
    col('ref', true),
    col('site_ref', true),
    col('type', true),
    col('conducted_at', true),
    col('audit_firm'),
    col('standard'),
    col('summary'),
  ],
  findings: [
    col('ref', true),
    col('audit_ref', true),
    col('indicator_code', true),
    col('severity', true),
    col('status'),
    col('description', true),
  ],
  interviews: [
    col('ref', true),
    col('audit_ref', true),
    col('worker_ref', true),
    col('recruiter_ref'),
    col('interviewed_at', true),
    col('gender'),
    col('origin_country'),
    col('age_at_recruitment'),
    col('monthly_wage'),
    col('wage_currency'),
    col('passport_holder'),
    col('id_card_holder'),
    col('work_permit_holder'),
    col('documents_accessible_on_request'),
    col('document_return_days'),
    col('documents_held_with_consent'),
    col('documents_withheld_until_debt_repaid'),
    col('visa_type'),
    col('visa_tied_to_employer'),
    col('can_change_employer_without_permission'),
    col('permit_renewal_controlled_by'),
    col('exit_permit_required'),
    col('security_bond_required'),
    col('contract_written'),
    col('contract_in_own_language'),
    col('contract_signed_before_departure'),
    col('contract_terms_changed_on_arrival'),
    col('fees'),
    col('answers'),
    col('testimony'),
  ],
};

/** Index of each column of a kind, by name (for validators: `C.ref`, `C.name`...). */
export function columnIndex<K extends ImportKind>(kind: K): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  KIND_COLUMNS[kind].forEach((c, i) => (out[c.name] = i));
  return out;
}
