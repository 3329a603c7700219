import {
  DOCUMENT_HOLDERS,
  GENDERS,
  PERMIT_CONTROLLERS,
  VISA_TYPES,
  parseFeesCell,
  screenFreeTextForIdentifiers,
  isInterviewQuestionKey,
  tryParseMoneyToMinor,
  validateAnswers,
  validateFees,
  workerPseudonym,
  type Fee,
  type TriAnswer,
} from '@lantern/domain';
import type { RawRow } from '../parse/rows.js';
import { COPY_NULL, copyBytea, copyText } from '../load/copy-text.js';
import { columnIndex } from './columns.js';
import {
  LONG_TEXT_MAX,
  readCountry,
  readEnum,
  readInt,
  readRef,
  readText,
  readTimestamp,
  readTri,
  show,
  toTri,
  type Issues,
} from './fields.js';
import { unresolved, upsertSql, type KindHandler, type KindSpec, type Queryable, type StagingColumn, type ValidationContext } from './kind-spec.js';

const C = columnIndex('interviews');

/** The yes/no/unknown columns, in table order. */
export const INTERVIEW_TRI_COLUMNS = [
  'documents_accessible_on_request',
  'documents_held_with_consent',
  'documents_withheld_until_debt_repaid',
  'visa_tied_to_employer',
  'can_change_employer_without_permission',
  'exit_permit_required',
  'security_bond_required',
  'contract_written',
  'contract_in_own_language',
  'contract_signed_before_departure',
  'contract_terms_changed_on_arrival',
] as const;

/** Staging (and target) columns, in COPY order. */
export const INTERVIEW_COLUMNS: readonly StagingColumn[] = [
  ['external_ref', 'text'],
  ['audit_id', 'uuid'],
  ['site_id', 'uuid'],
  ['recruiter_id', 'uuid'],
  ['worker_pseudonym', 'text'],
  ['interviewed_at', 'timestamptz'],
  ['gender', 'text'],
  ['origin_country', 'text'],
  ['age_at_recruitment', 'smallint'],
  ['monthly_wage_minor', 'bigint'],
  ['wage_currency', 'text'],
  ['passport_holder', 'text'],
  ['id_card_holder', 'text'],
  ['work_permit_holder', 'text'],
  ['documents_accessible_on_request', 'tri_answer'],
  ['document_return_days', 'smallint'],
  ['documents_held_with_consent', 'tri_answer'],
  ['documents_withheld_until_debt_repaid', 'tri_answer'],
  ['visa_type', 'text'],
  ['visa_tied_to_employer', 'tri_answer'],
  ['can_change_employer_without_permission', 'tri_answer'],
  ['permit_renewal_controlled_by', 'text'],
  ['exit_permit_required', 'tri_answer'],
  ['security_bond_required', 'tri_answer'],
  ['contract_written', 'tri_answer'],
  ['contract_in_own_language', 'tri_answer'],
  ['contract_signed_before_departure', 'tri_answer'],
  ['contract_terms_changed_on_arrival', 'tri_answer'],
  ['fees', 'jsonb'],
  ['answers', 'jsonb'],
  ['testimony_ciphertext', 'bytea'],
  ['testimony_key_id', 'text'],
];

const N = COPY_NULL;

/**
 * The `answers` CSV cell as stored JSON text, on the fast path: every entry
 * `key=value` with a catalogue key given once and a yes/no/unknown value (in
 * any of the accepted spellings). Returns undefined when anything is off, for
 * readAnswers to report it in detail.
 */
export function answersCellToJson(cell: string): string | undefined {
  let json = '{';
  let seen = '';
  let start = 0;
  const len = cell.length;
  while (start <= len) {
    let end = cell.indexOf(';', start);
    if (end < 0) end = len;
    const eq = cell.indexOf('=', start);
    if (eq < 0 || eq > end) {
      if (cell.slice(start, end).trim().length === 0) {
        start = end + 1;
        continue;
      }
      return undefined;
    }
    const key = cell.slice(start, eq).trim();
    const value = toTri(cell.slice(eq + 1, end).trim() || undefined);
    if (value === undefined || !isInterviewQuestionKey(key)) return undefined;
    const marker = `;${key};`;
    if (seen.includes(marker)) return undefined;
    seen += marker;
    json += (json.length > 1 ? ',"' : '"') + key + '":"' + value + '"';
    start = end + 1;
  }
  return json + '}';
}

/** Parse the `answers` value: CSV `key=yes;key2=no`, or a JSON object. Values are normalised to yes/no/unknown. */
export function readAnswers(v: unknown, issues: Issues): Record<string, TriAnswer> | undefined {
  if (v === undefined) return {};
  const out: Record<string, unknown> = {};
  const start = issues.length;
  if (typeof v === 'string') {
    const entries = v.split(';');
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i].trim();
      if (entry.length === 0) continue;
      const eq = entry.indexOf('=');
      if (eq <= 0) {
        issues.push({ field: 'answers', reason: `entry ${show(entry)} must be key=value (for example excessive_hours=yes)` });
        continue;
      }
      const key = entry.slice(0, eq).trim();
      const raw = entry.slice(eq + 1).trim();
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        issues.push({ field: `answers.${key}`, reason: 'is given twice' });
        continue;
      }
      out[key] = toTri(raw.length === 0 ? undefined : raw) ?? raw;
    }
  } else if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    for (const key of Object.keys(v)) {
      const raw = (v as Record<string, unknown>)[key];
      out[key] = raw === null ? 'unknown' : (toTri(typeof raw === 'string' ? raw.trim() : raw) ?? raw);
    }
  } else {
    issues.push({ field: 'answers', reason: `must be key=value pairs separated by ";" (CSV) or a JSON object; got ${show(v)}` });
    return undefined;
  }
  const problems = validateAnswers(out);
  for (const p of problems) issues.push(p);
  return issues.length > start ? undefined : (out as Record<string, TriAnswer>);
}

/** Parse the `fees` value: the CSV cell grammar (parseFeesCell) or a JSON array of fee objects. */
export function readFees(v: unknown, issues: Issues): Fee[] | undefined {
  if (v === undefined) return [];
  const r = typeof v === 'string' ? parseFeesCell(v) : validateFees(v);
  if (r.errors.length > 0) {
    for (const e of r.errors) issues.push(e);
    return undefined;
  }
  return r.value ?? [];
}

interface AuditRef {
  auditId: string;
  siteId: string;
}

export class InterviewsHandler implements KindHandler {
  readonly staging = INTERVIEW_COLUMNS;

  constructor(
    private readonly ctx: ValidationContext,
    private readonly audits: ReadonlyMap<string, AuditRef>,
    private readonly recruiters: ReadonlyMap<string, string>,
  ) {}

  validate(row: RawRow, issues: Issues): string | undefined {
    const start = issues.length;
    const ref = readRef(row, C.ref, 'ref', issues, true);

    let audit: AuditRef | undefined;
    const auditRef = readRef(row, C.audit_ref, 'audit_ref', issues, true);
    if (auditRef !== undefined) {
      audit = this.audits.get(auditRef);
      if (audit === undefined) issues.push({ field: 'audit_ref', reason: unresolved('audit', auditRef, 'import the audits first') });
    }

    // The worker ref is personal data: never echoed in a reason, never stored.
    const workerRef = readRef(row, C.worker_ref, 'worker_ref', issues, true);

    let recruiterId: string | undefined;
    const recruiterRef = readRef(row, C.recruiter_ref, 'recruiter_ref', issues, false);
    if (recruiterRef !== undefined) {
      recruiterId = this.recruiters.get(recruiterRef);
      if (recruiterId === undefined) issues.push({ field: 'recruiter_ref', reason: unresolved('recruiter', recruiterRef, 'import the recruiters first') });
    }

    const interviewedAt = readTimestamp(row, C.interviewed_at, 'interviewed_at', issues, true, this.ctx.now);
    const gender = readEnum(row, C.gender, 'gender', issues, GENDERS, 'undisclosed');
    const origin = readCountry(row, C.origin_country, 'origin_country', issues, false);
    const age = readInt(row, C.age_at_recruitment, 'age_at_recruitment', issues, 5, 99);

    let wageMinor: number | undefined;
    let wageCurrency: string | undefined;
    const wage = row.get(C.monthly_wage);
    const currency = row.get(C.wage_currency);
    if (wage !== undefined || currency !== undefined) {
      if (currency === undefined) issues.push({ field: 'wage_currency', reason: 'is required when monthly_wage is given (ISO 4217 code such as MYR)' });
      else if (typeof currency !== 'string') issues.push({ field: 'wage_currency', reason: `must be an ISO 4217 code; got ${show(currency)}` });
      else if (wage === undefined) issues.push({ field: 'monthly_wage', reason: 'is required when wage_currency is given' });
      else if (typeof wage !== 'string' && typeof wage !== 'number') issues.push({ field: 'monthly_wage', reason: `must be a decimal amount in major units; got ${show(wage)}` });
      else {
        const code = currency.toUpperCase();
        const r = tryParseMoneyToMinor(wage, code);
        if (r.ok) {
          wageMinor = r.value;
          wageCurrency = code;
        } else issues.push({ field: r.on === 'currency' ? 'wage_currency' : 'monthly_wage', reason: r.reason });
      }
    }

    const passportHolder = readEnum(row, C.passport_holder, 'passport_holder', issues, DOCUMENT_HOLDERS, 'unknown');
    const idCardHolder = readEnum(row, C.id_card_holder, 'id_card_holder', issues, DOCUMENT_HOLDERS, 'unknown');
    const permitHolder = readEnum(row, C.work_permit_holder, 'work_permit_holder', issues, DOCUMENT_HOLDERS, 'unknown');
    const accessible = readTri(row, C.documents_accessible_on_request, 'documents_accessible_on_request', issues);
    const returnDays = readInt(row, C.document_return_days, 'document_return_days', issues, 0, 3650);
    const withConsent = readTri(row, C.documents_held_with_consent, 'documents_held_with_consent', issues);
    const untilDebt = readTri(row, C.documents_withheld_until_debt_repaid, 'documents_withheld_until_debt_repaid', issues);
    const visaType = readEnum(row, C.visa_type, 'visa_type', issues, VISA_TYPES, 'unknown');
    const visaTied = readTri(row, C.visa_tied_to_employer, 'visa_tied_to_employer', issues);
    const canChange = readTri(row, C.can_change_employer_without_permission, 'can_change_employer_without_permission', issues);
    const renewal = readEnum(row, C.permit_renewal_controlled_by, 'permit_renewal_controlled_by', issues, PERMIT_CONTROLLERS, 'unknown');
    const exitPermit = readTri(row, C.exit_permit_required, 'exit_permit_required', issues);
    const bond = readTri(row, C.security_bond_required, 'security_bond_required', issues);
    const written = readTri(row, C.contract_written, 'contract_written', issues);
    const ownLanguage = readTri(row, C.contract_in_own_language, 'contract_in_own_language', issues);
    const beforeDeparture = readTri(row, C.contract_signed_before_departure, 'contract_signed_before_departure', issues);
    const changed = readTri(row, C.contract_terms_changed_on_arrival, 'contract_terms_changed_on_arrival', issues);

    const fees = readFees(row.get(C.fees), issues);
    const rawAnswers = row.get(C.answers);
    let answersJson = typeof rawAnswers === 'string' ? answersCellToJson(rawAnswers) : undefined;
    if (answersJson === undefined) {
      const answers = readAnswers(rawAnswers, issues);
      if (answers !== undefined) answersJson = JSON.stringify(answers);
    }

    const testimony = readText(row, C.testimony, 'testimony', issues, false, LONG_TEXT_MAX);
    if (testimony !== undefined) {
      const found = screenFreeTextForIdentifiers(testimony);
      if (found.length > 0) {
        const kinds = [...new Set(found.map((f) => f.kind.replace(/_/g, ' ')))].join(', ');
        issues.push({
          field: 'testimony',
          reason: `contains what looks like a personal identifier (${kinds}) at character ${found[0].index + 1}: remove names, document, ID and phone numbers and e-mail addresses before importing`,
        });
      }
    }

    if (issues.length > start) return undefined;

    const pseudonym = workerPseudonym(this.ctx.secrets.pseudonymKey, this.ctx.organizationId, workerRef!);
    let ciphertext = N;
    let keyId = N;
    if (testimony !== undefined) {
      const enc = this.ctx.secrets.cipher.encrypt(testimony);
      ciphertext = copyBytea(enc.ciphertext);
      keyId = copyText(enc.keyId);
    }

    return (
      copyText(ref!) + '\t' +
      audit!.auditId + '\t' +
      audit!.siteId + '\t' +
      (recruiterId ?? N) + '\t' +
      pseudonym + '\t' +
      interviewedAt + '\t' +
      gender + '\t' +
      (origin ?? N) + '\t' +
      (age === undefined ? N : age) + '\t' +
      (wageMinor === undefined ? N : wageMinor) + '\t' +
      (wageCurrency ?? N) + '\t' +
      passportHolder + '\t' +
      idCardHolder + '\t' +
      permitHolder + '\t' +
      accessible + '\t' +
      (returnDays === undefined ? N : returnDays) + '\t' +
      withConsent + '\t' +
      untilDebt + '\t' +
      visaType + '\t' +
      visaTied + '\t' +
      canChange + '\t' +
      renewal + '\t' +
      exitPermit + '\t' +
      bond + '\t' +
      written + '\t' +
      ownLanguage + '\t' +
      beforeDeparture + '\t' +
      changed + '\t' +
      (fees!.length === 0 ? '[]' : copyText(JSON.stringify(fees))) + '\t' +
      answersJson + '\t' +
      ciphertext + '\t' +
      keyId
    );
  }

  async merge(db: Queryable, staging: string): Promise<void> {
    await db.query(upsertSql('interviews', staging, INTERVIEW_COLUMNS.map(([c]) => c)), [this.ctx.organizationId]);
  }
}

export const interviewsKind: KindSpec = {
  kind: 'interviews',
  table: 'interviews',
  async prepare(db, ctx) {
    const audits = new Map<string, AuditRef>();
    const a = await db.query(`SELECT external_ref, id, site_id FROM audits WHERE organization_id = $1`, [ctx.organizationId]);
    for (const r of a.rows as { external_ref: string; id: string; site_id: string }[]) audits.set(r.external_ref, { auditId: r.id, siteId: r.site_id });
    const recruiters = new Map<string, string>();
    const rc = await db.query(`SELECT external_ref, id FROM recruiters WHERE organization_id = $1`, [ctx.organizationId]);
    for (const r of rc.rows as { external_ref: string; id: string }[]) recruiters.set(r.external_ref, r.id);
    return new InterviewsHandler(ctx, audits, recruiters);
  },
};
