/**
 * What the scoring pipeline reads from PostgreSQL, shared by the worker (the
 * scoring runs) and the API (worker-level assessments on demand, settings):
 * the organisation's scoring configuration, its exchange-rate table, and the
 * mapping of an interview row plus its verified remediation to WorkerFacts.
 *
 * The set-based scoring path (apps/worker/src/scoring/group-facts.sql.ts)
 * reproduces `interviewToFacts` + `assessWorker` in SQL; the parity
 * integration test (test/integration/scoring-parity.int-spec.ts) holds both to
 * the same answers.
 */
import type { Fee, TriAnswer } from '@lantern/domain';
import { DomainError, isIsoDate } from '@lantern/domain';
import { resolveConfig, type DeepPartial, type ExchangeRateTable, type FeeRepayment, type FindingFacts, type ScoringConfig, type VerifiedRemediation, type WorkerFacts } from '@lantern/scoring';

/** Runs one SQL statement and returns its rows (TypeORM's DataSource/EntityManager.query has this shape). */
export type QueryFn = <T = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

/** A QueryFn over anything with TypeORM's `query(sql, params)` or node-pg's `query(...) -> { rows }`. */
export function queryFnOf(executor: { query: (sql: string, params?: unknown[]) => Promise<unknown> }): QueryFn {
  return async <T>(sql: string, params: readonly unknown[] = []) => {
    const result = await executor.query(sql, [...params]);
    return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
  };
}

export interface ScoringSettings {
  /** Overrides as stored (validated when written, and again here). */
  overrides: DeepPartial<ScoringConfig>;
  /** Sector scores 1-4 by sector, as written on sites and suppliers (case-insensitive). */
  sectorScores: Record<string, number>;
  version: number;
  config: ScoringConfig;
}

export async function loadScoringSettings(query: QueryFn, organizationId: string): Promise<ScoringSettings> {
  const [row] = await query<{ config_overrides: DeepPartial<ScoringConfig>; sector_scores: Record<string, number>; version: number }>(
    `SELECT config_overrides, sector_scores, version FROM scoring_settings WHERE organization_id = $1`,
    [organizationId],
  );
  const overrides = row?.config_overrides ?? {};
  return { overrides, sectorScores: row?.sector_scores ?? {}, version: row?.version ?? 0, config: resolveConfig(overrides) };
}

/**
 * The exchange-rate table of an organisation: its own imported rates, plus
 * the rates shipped with Lantern (illustrative in the demo) for the currency
 * pairs the organisation has no rate for, in either direction. So a pair the
 * organisation rates is converted with its rates only, never with a newer
 * shipped row. Deterministic order.
 */
export async function loadExchangeRateTable(query: QueryFn, organizationId: string): Promise<ExchangeRateTable> {
  const rows = await query<{ base: string; quote: string; rate: string; valid_from: string }>(
    `SELECT r.base, r.quote, r.rate::text AS rate, r.valid_from::text AS valid_from
       FROM exchange_rates r
      WHERE r.organization_id = $1
         OR (r.organization_id IS NULL AND NOT EXISTS (
               SELECT 1 FROM exchange_rates o
                WHERE o.organization_id = $1
                  AND ((o.base = r.base AND o.quote = r.quote) OR (o.base = r.quote AND o.quote = r.base))))
      ORDER BY (r.organization_id IS NULL), r.base, r.quote, r.valid_from`,
    [organizationId],
  );
  return rows.map((r) => ({ base: r.base.trim(), quote: r.quote.trim(), rate: Number(r.rate), validFrom: r.valid_from }));
}

/** An interviews row as selected by INTERVIEW_FACT_COLUMNS (snake_case, as node-pg returns it). */
export interface InterviewFactRow {
  id: string;
  site_id: string;
  recruiter_id: string | null;
  worker_pseudonym: string;
  age_at_recruitment: number | null;
  monthly_wage_minor: string | number | null;
  wage_currency: string | null;
  passport_holder: string;
  id_card_holder: string;
  work_permit_holder: string;
  documents_accessible_on_request: TriAnswer;
  document_return_days: number | null;
  documents_held_with_consent: TriAnswer;
  documents_withheld_until_debt_repaid: TriAnswer;
  visa_type: string;
  visa_tied_to_employer: TriAnswer;
  can_change_employer_without_permission: TriAnswer;
  permit_renewal_controlled_by: string;
  exit_permit_required: TriAnswer;
  security_bond_required: TriAnswer;
  contract_written: TriAnswer;
  contract_in_own_language: TriAnswer;
  contract_signed_before_departure: TriAnswer;
  contract_terms_changed_on_arrival: TriAnswer;
  fees: Fee[];
  answers: Record<string, TriAnswer>;
}

export const INTERVIEW_FACT_COLUMNS = `i.id, i.site_id, i.recruiter_id, i.worker_pseudonym, i.age_at_recruitment, i.monthly_wage_minor::text AS monthly_wage_minor,
  i.wage_currency, i.passport_holder, i.id_card_holder, i.work_permit_holder, i.documents_accessible_on_request, i.document_return_days,
  i.documents_held_with_consent, i.documents_withheld_until_debt_repaid, i.visa_type, i.visa_tied_to_employer,
  i.can_change_employer_without_permission, i.permit_renewal_controlled_by, i.exit_permit_required, i.security_bond_required,
  i.contract_written, i.contract_in_own_language, i.contract_signed_before_departure, i.contract_terms_changed_on_arrival, i.fees, i.answers`;

/** A verified remediation record, as the pipeline reads it. */
export interface VerifiedRecordRow {
  id: string;
  interview_id: string;
  kind: 'fee_repayment' | 'document_return' | 'sponsorship_transfer';
  amount_minor: string | number | null;
  currency: string | null;
  occurred_on: string;
}

export const VERIFIED_RECORD_COLUMNS = `r.id, r.interview_id, r.kind, r.amount_minor::text AS amount_minor, r.currency, r.occurred_on::text AS occurred_on`;

const byDateThenId = (a: VerifiedRecordRow, b: VerifiedRecordRow): number =>
  a.occurred_on < b.occurred_on ? -1 : a.occurred_on > b.occurred_on ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Verified remediation of one interview: every fee repayment (by date, then
 * id), and the earliest document return and sponsorship transfer (by date,
 * then id). The engine ignores events dated after the as-of date.
 */
export function verifiedRemediation(records: readonly VerifiedRecordRow[]): VerifiedRemediation | undefined {
  if (records.length === 0) return undefined;
  const sorted = [...records].sort(byDateThenId);
  const feeRepayments: FeeRepayment[] = sorted
    .filter((r) => r.kind === 'fee_repayment' && r.amount_minor !== null && r.currency !== null)
    .map((r) => ({ amountMinor: Number(r.amount_minor), currency: r.currency!.trim(), paidOn: r.occurred_on, evidenceId: r.id }));
  const first = (kind: VerifiedRecordRow['kind']) => {
    const r = sorted.find((x) => x.kind === kind);
    return r === undefined ? undefined : { on: r.occurred_on, evidenceId: r.id };
  };
  const documentsReturned = first('document_return');
  const sponsorshipTransferred = first('sponsorship_transfer');
  return {
    ...(feeRepayments.length > 0 ? { feeRepayments } : {}),
    ...(documentsReturned ? { documentsReturned } : {}),
    ...(sponsorshipTransferred ? { sponsorshipTransferred } : {}),
  };
}

/** One interview row (and its verified remediation records) as the engine's WorkerFacts. */
export function interviewToFacts(row: InterviewFactRow, records: readonly VerifiedRecordRow[] = []): WorkerFacts {
  const remediation = verifiedRemediation(records);
  return {
    interviewId: row.id,
    workerPseudonym: row.worker_pseudonym,
    siteId: row.site_id,
    recruiterId: row.recruiter_id,
    ageAtRecruitment: row.age_at_recruitment,
    monthlyWageMinor: row.monthly_wage_minor === null ? null : Number(row.monthly_wage_minor),
    wageCurrency: row.wage_currency === null ? null : row.wage_currency.trim(),
    passportHolder: row.passport_holder as WorkerFacts['passportHolder'],
    idCardHolder: row.id_card_holder as WorkerFacts['idCardHolder'],
    workPermitHolder: row.work_permit_holder as WorkerFacts['workPermitHolder'],
    documentsAccessibleOnRequest: row.documents_accessible_on_request,
    documentReturnDays: row.document_return_days,
    documentsHeldWithConsent: row.documents_held_with_consent,
    documentsWithheldUntilDebtRepaid: row.documents_withheld_until_debt_repaid,
    visaType: row.visa_type as WorkerFacts['visaType'],
    visaTiedToEmployer: row.visa_tied_to_employer,
    canChangeEmployerWithoutPermission: row.can_change_employer_without_permission,
    permitRenewalControlledBy: row.permit_renewal_controlled_by as WorkerFacts['permitRenewalControlledBy'],
    exitPermitRequired: row.exit_permit_required,
    securityBondRequired: row.security_bond_required,
    contractWritten: row.contract_written,
    contractInOwnLanguage: row.contract_in_own_language,
    contractSignedBeforeDeparture: row.contract_signed_before_departure,
    contractTermsChangedOnArrival: row.contract_terms_changed_on_arrival,
    fees: row.fees,
    answers: row.answers,
    ...(remediation ? { remediation } : {}),
  };
}

/** The facts of one interview of the organisation, or null when it has no such interview. */
export async function loadInterviewFacts(query: QueryFn, organizationId: string, interviewId: string): Promise<WorkerFacts | null> {
  const [row] = await query<InterviewFactRow>(`SELECT ${INTERVIEW_FACT_COLUMNS} FROM interviews i WHERE i.id = $1 AND i.organization_id = $2`, [
    interviewId,
    organizationId,
  ]);
  if (row === undefined) return null;
  const records = await query<VerifiedRecordRow>(
    `SELECT ${VERIFIED_RECORD_COLUMNS} FROM remediation_records r WHERE r.interview_id = $1 AND r.organization_id = $2 AND r.verified`,
    [interviewId, organizationId],
  );
  return interviewToFacts(row, records);
}

/** A findings row joined to its audit, as selected by FINDING_FACT_COLUMNS (`FROM findings f JOIN audits a ON a.id = f.audit_id`). */
export interface FindingFactRow {
  id: string;
  external_ref: string;
  audit_id: string;
  site_id: string;
  indicator_code: string;
  severity: FindingFacts['severity'];
  status: FindingFacts['status'];
  /** YYYY-MM-DD, the UTC date of audits.conducted_at. */
  audit_date: string;
}

export const FINDING_FACT_COLUMNS = `f.id, f.external_ref, f.audit_id, a.site_id, f.indicator_code, f.severity, f.status,
  to_char(a.conducted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS audit_date`;

/** One finding row as the engine's FindingFacts (rule FIND-01). */
export function findingToFacts(row: FindingFactRow): FindingFacts {
  return {
    findingId: row.id,
    externalRef: row.external_ref,
    auditId: row.audit_id,
    siteId: row.site_id,
    indicatorCode: row.indicator_code,
    severity: row.severity,
    status: row.status,
    auditDate: row.audit_date,
  };
}

/** Today's date (UTC) as YYYY-MM-DD, or the given as-of date validated. */
export function asOfDate(asOf?: string, now: Date = new Date()): string {
  if (asOf === undefined) return now.toISOString().slice(0, 10);
  if (!isIsoDate(asOf)) throw DomainError.validation([{ field: 'asOf', reason: 'must be a calendar date YYYY-MM-DD' }]);
  return asOf;
}
