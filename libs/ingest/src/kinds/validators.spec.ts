import { beforeAll, describe, expect, it } from '@jest/globals';
import { TestimonyCipher, workerPseudonym, type ImportKind } from '@lantern/domain';
import { CsvRowView, JsonRowView, mapCsvHeader, type RowIssue } from '../parse/rows.js';
import { ingestSecretsFrom } from '../secrets.js';
import { KIND_COLUMNS } from './columns.js';
import { KIND_SPECS } from './index.js';
import type { KindHandler, Queryable, ValidationContext } from './kind-spec.js';

const ORG = '0b7c53d4-1111-4c55-9a4e-000000000001';
const SUPPLIER = '0b7c53d4-2222-4c55-9a4e-000000000001';
const SITE = '0b7c53d4-3333-4c55-9a4e-000000000001';
const RECRUITER = '0b7c53d4-4444-4c55-9a4e-000000000001';
const AUDIT = '0b7c53d4-5555-4c55-9a4e-000000000001';
const SECRET = 'unit-test-secret-key-0123456789';
const NOW = Date.parse('2025-06-01T12:00:00Z');

/** The organisation's existing rows, as the reference-map queries see them (no database). */
const fakeDb: Queryable = {
  async query(text: string) {
    const rows = /FROM suppliers/.test(text)
      ? [{ external_ref: 'SUP-1', id: SUPPLIER }]
      : /FROM sites/.test(text)
        ? [{ external_ref: 'SITE-1', id: SITE }]
        : /FROM recruiters/.test(text)
          ? [{ external_ref: 'REC-1', id: RECRUITER }]
          : /FROM audits/.test(text)
            ? [{ external_ref: 'AUD-1', id: AUDIT, site_id: SITE }]
            : [];
    return { rows, rowCount: rows.length };
  },
};

const ctx: ValidationContext = { organizationId: ORG, now: NOW, secrets: ingestSecretsFrom(SECRET) };

async function handler(kind: ImportKind): Promise<KindHandler> {
  return KIND_SPECS[kind].prepare(fakeDb, ctx);
}

/** Validate one CSV row given as column -> cell (the header is every column of the kind). */
function validateCsv(h: KindHandler, kind: ImportKind, cells: Record<string, string>, line = 2): { text?: string; issues: RowIssue[] } {
  const names = KIND_COLUMNS[kind].map((c) => c.name);
  const row = new CsvRowView(mapCsvHeader(kind, names)).reset(
    names.map((n) => cells[n] ?? ''),
    line,
  );
  const issues: RowIssue[] = [];
  const text = h.validate(row, issues);
  return { text, issues };
}

function validateJson(h: KindHandler, kind: ImportKind, obj: Record<string, unknown>): { text?: string; issues: RowIssue[] } {
  const row = new JsonRowView(KIND_COLUMNS[kind].map((c) => c.name)).reset(obj, 1);
  const issues: RowIssue[] = [];
  const text = h.validate(row, issues);
  return { text, issues };
}

const VALID: Record<ImportKind, Record<string, string>> = {
  suppliers: {
    ref: 'SUP-9', name: 'Acme Garments Ltd', country: 'Bangladesh', sector: 'apparel', tier: '2', parent_ref: 'SUP-1',
    supplies_to: 'SUP-1', lei: '529900T8BM49AURSDO55', tax_id: 'BD-123', duns: '15-048-3782', os_id: 'BD2019085Q5K6WF',
  },
  sites: { ref: 'SITE-9', supplier_ref: 'SUP-1', name: 'Plant 2', address: 'Plot 4, Gazipur', country: 'BD', sector: 'apparel', headcount: '1200', migrant_worker_share: '0.35', os_id: '' },
  recruiters: {
    ref: 'REC-9', name: 'Kathmandu Manpower', country: 'NP', licence_number: 'L-1', licence_status: 'valid', licence_authority: 'DoFE',
    countries_of_operation: 'NP;Malaysia', certifications: 'iom_iris',
  },
  engagements: {
    ref: 'ENG-9', recruiter_ref: 'REC-1', site_ref: 'SITE-1', origin_country: 'Nepal', destination_country: 'MY', starts_on: '2024-01-01',
    ends_on: '2024-12-31', workers_placed: '40',
  },
  audits: { ref: 'AUD-9', site_ref: 'SITE-1', type: 'unannounced', conducted_at: '2025-03-01', audit_firm: 'Verité', standard: 'SA8000', summary: 'ok' },
  findings: { ref: 'F-9', audit_ref: 'AUD-1', indicator_code: 'ILO-FL-07', severity: 'high', status: 'open', description: 'Passports held by the employer' },
  interviews: {
    ref: 'INT-9', audit_ref: 'AUD-1', worker_ref: 'W-0001', recruiter_ref: 'REC-1', interviewed_at: '2025-03-01T10:00:00+08:00',
    gender: 'female', origin_country: 'NPL', age_at_recruitment: '24', monthly_wage: '1500.50', wage_currency: 'myr',
    passport_holder: 'employer', id_card_holder: 'worker', work_permit_holder: 'employer', documents_accessible_on_request: 'no',
    document_return_days: '14', documents_held_with_consent: 'no', documents_withheld_until_debt_repaid: 'yes', visa_type: 'employer_sponsored',
    visa_tied_to_employer: 'yes', can_change_employer_without_permission: 'no', permit_renewal_controlled_by: 'employer', exit_permit_required: 'unknown',
    security_bond_required: '', contract_written: 'y', contract_in_own_language: 'n', contract_signed_before_departure: 'true',
    contract_terms_changed_on_arrival: 'false', fees: 'recruitment_fee|1500|USD|recruiter|2024-03-01|loan|yes; medical|85.50|NPR',
    answers: 'excessive_hours=yes;debt_bondage=no', testimony: 'I paid the agent before I left and the employer keeps my passport.',
  },
};

describe('row validators', () => {
  const handlers = {} as Record<ImportKind, KindHandler>;
  beforeAll(async () => {
    for (const kind of Object.keys(KIND_SPECS) as ImportKind[]) handlers[kind] = await handler(kind);
  });

  it.each(Object.keys(VALID) as ImportKind[])('accepts a valid %s row', async (kind) => {
    const { text, issues } = validateCsv(await handler(kind), kind, VALID[kind], 2);
    expect(issues).toEqual([]);
    expect(text).toBeDefined();
    expect(text!.split('\t')).toHaveLength(handlers[kind].staging.length);
  });

  it('writes interview rows in stored form (pseudonym, minor units, tri-state, JSON, ciphertext)', () => {
    const { text } = validateCsv(handlers.interviews, 'interviews', VALID.interviews);
    const cols = Object.fromEntries(handlers.interviews.staging.map(([c], i) => [c, text!.split('\t')[i]]));
    expect(cols.audit_id).toBe(AUDIT);
    expect(cols.site_id).toBe(SITE);
    expect(cols.recruiter_id).toBe(RECRUITER);
    expect(cols.worker_pseudonym).toBe(workerPseudonym(ctx.secrets.pseudonymKey, ORG, 'W-0001'));
    expect(text).not.toContain('W-0001');
    expect(new Date(cols.interviewed_at).toISOString()).toBe('2025-03-01T02:00:00.000Z');
    expect(cols.origin_country).toBe('NP');
    expect(cols.monthly_wage_minor).toBe('150050');
    expect(cols.wage_currency).toBe('MYR');
    expect(cols.security_bond_required).toBe('unknown');
    expect(cols.contract_written).toBe('yes');
    expect(cols.contract_terms_changed_on_arrival).toBe('no');
    expect(JSON.parse(cols.fees)).toEqual([
      { category: 'recruitment_fee', amountMinor: 150000, currency: 'USD', paidTo: 'recruiter', paidOn: '2024-03-01', paymentForm: 'loan', financedByLoan: 'yes' },
      { category: 'medical', amountMinor: 8550, currency: 'NPR', paidTo: 'unknown', paidOn: null, paymentForm: 'unknown', financedByLoan: 'unknown' },
    ]);
    expect(JSON.parse(cols.answers)).toEqual({ excessive_hours: 'yes', debt_bondage: 'no' });
    expect(cols.testimony_key_id).toBe('k1');
    const cipher = TestimonyCipher.fromSecret(SECRET);
    expect(cipher.decrypt('k1', Buffer.from(cols.testimony_ciphertext.slice(3), 'hex'))).toBe(VALID.interviews.testimony);
  });

  it('keeps absent tri-state answers unknown, never no', () => {
    const cells = { ...VALID.interviews };
    for (const k of Object.keys(cells)) if (!['ref', 'audit_ref', 'worker_ref', 'interviewed_at'].includes(k)) cells[k] = '';
    const { text, issues } = validateCsv(handlers.interviews, 'interviews', cells);
    expect(issues).toEqual([]);
    const cols = text!.split('\t');
    const triIdx = handlers.interviews.staging.map(([, t], i) => (t === 'tri_answer' ? i : -1)).filter((i) => i >= 0);
    expect(triIdx).toHaveLength(11);
    for (const i of triIdx) expect(cols[i]).toBe('unknown');
  });

  type Case = [kind: ImportKind, column: string, value: string, field: string, reason: RegExp];
  const BAD: Case[] = [
    // suppliers
    ['suppliers', 'ref', '', 'ref', /is required/],
    ['suppliers', 'ref', 'x'.repeat(201), 'ref', /too long/],
    ['suppliers', 'name', '', 'name', /is required/],
    ['suppliers', 'country', 'Atlantis', 'country', /unknown country "Atlantis"/],
    ['suppliers', 'country', '', 'country', /is required/],
    ['suppliers', 'tier', '0', 'tier', /between 1 and 10/],
    ['suppliers', 'tier', 'two', 'tier', /whole number/],
    ['suppliers', 'tier', '1.5', 'tier', /whole number/],
    ['suppliers', 'parent_ref', 'SUP-404', 'parent_ref', /unknown supplier "SUP-404"/],
    ['suppliers', 'parent_ref', 'SUP-9', 'parent_ref', /its own parent/],
    ['suppliers', 'supplies_to', 'SUP-1;SUP-405', 'supplies_to', /unknown supplier "SUP-405"/],
    ['suppliers', 'lei', '12345', 'lei', /20-character LEI/],
    ['suppliers', 'duns', '12345678', 'duns', /9-digit D-U-N-S/],
    ['suppliers', 'name', 'nul\u0000char', 'name', /NUL/],
    ['suppliers', 'name', 'n'.repeat(501), 'name', /too long \(501 characters; at most 500\)/],
    ['suppliers', 'sector', 's'.repeat(201), 'sector', /too long/],
    ['suppliers', 'tax_id', 't'.repeat(101), 'tax_id', /too long/],
    ['suppliers', 'os_id', 'o'.repeat(101), 'os_id', /too long/],
    ['suppliers', 'duns', 'abc', 'duns', /9-digit/],
    ['sites', 'ref', '', 'ref', /is required/],
    ['sites', 'address', 'a'.repeat(1001), 'address', /too long/],
    ['sites', 'sector', 's'.repeat(201), 'sector', /too long/],
    // sites
    ['sites', 'supplier_ref', 'SUP-404', 'supplier_ref', /unknown supplier "SUP-404".*import the suppliers first/],
    ['sites', 'supplier_ref', '', 'supplier_ref', /is required/],
    ['sites', 'country', 'XX', 'country', /unknown country/],
    ['sites', 'headcount', '-3', 'headcount', /between 0 and/],
    ['sites', 'headcount', 'many', 'headcount', /whole number/],
    ['sites', 'migrant_worker_share', '1.5', 'migrant_worker_share', /between 0 and 1/],
    ['sites', 'migrant_worker_share', '35%', 'migrant_worker_share', /decimal number between 0 and 1/],
    ['sites', 'migrant_worker_share', '-0.1', 'migrant_worker_share', /decimal number between 0 and 1/],
    ['sites', 'name', '', 'name', /is required/],
    // recruiters
    ['recruiters', 'country', 'Narnia', 'country', /unknown country/],
    ['recruiters', 'licence_status', 'pending', 'licence_status', /must be one of valid, expired/],
    ['recruiters', 'countries_of_operation', 'NP;Mordor', 'countries_of_operation[1]', /unknown country "Mordor"/],
    ['recruiters', 'certifications', 'iso9001', 'certifications[0]', /must be one of iom_iris/],
    ['recruiters', 'name', '', 'name', /is required/],
    ['recruiters', 'ref', '', 'ref', /is required/],
    ['recruiters', 'licence_number', 'l'.repeat(101), 'licence_number', /too long/],
    ['recruiters', 'licence_authority', 'l'.repeat(501), 'licence_authority', /too long/],
    // engagements
    ['engagements', 'recruiter_ref', 'REC-404', 'recruiter_ref', /unknown recruiter "REC-404"/],
    ['engagements', 'site_ref', 'SITE-404', 'site_ref', /unknown site "SITE-404"/],
    ['engagements', 'origin_country', '', 'origin_country', /is required/],
    ['engagements', 'destination_country', 'Utopia', 'destination_country', /unknown country/],
    ['engagements', 'starts_on', '2024-02-30', 'starts_on', /calendar date/],
    ['engagements', 'ends_on', '2023-12-31', 'ends_on', /must not be before starts_on/],
    ['engagements', 'ends_on', '31/12/2024', 'ends_on', /calendar date YYYY-MM-DD/],
    ['engagements', 'workers_placed', '-1', 'workers_placed', /between 0/],
    ['engagements', 'workers_placed', 'forty', 'workers_placed', /whole number/],
    ['engagements', 'ref', '', 'ref', /is required/],
    ['engagements', 'site_ref', '', 'site_ref', /is required/],
    // audits
    ['audits', 'site_ref', 'SITE-404', 'site_ref', /unknown site/],
    ['audits', 'type', 'surprise', 'type', /must be one of announced, unannounced, desk, worker_voice/],
    ['audits', 'type', '', 'type', /is required/],
    ['audits', 'conducted_at', '', 'conducted_at', /is required/],
    ['audits', 'conducted_at', '2025-13-01', 'conducted_at', /not a valid date/],
    ['audits', 'conducted_at', 'yesterday', 'conducted_at', /ISO 8601/],
    ['audits', 'conducted_at', '2030-01-01', 'conducted_at', /in the future/],
    ['audits', 'conducted_at', '1900-01-01', 'conducted_at', /before 1950/],
    ['audits', 'conducted_at', '2025-03-01T10:00+25:00', 'conducted_at', /invalid UTC offset|ISO 8601/],
    ['audits', 'audit_firm', 'f'.repeat(501), 'audit_firm', /too long/],
    ['audits', 'standard', 's'.repeat(201), 'standard', /too long/],
    ['audits', 'summary', 's'.repeat(20001), 'summary', /too long/],
    ['audits', 'site_ref', '', 'site_ref', /is required/],
    // findings
    ['findings', 'audit_ref', 'AUD-404', 'audit_ref', /unknown audit/],
    ['findings', 'indicator_code', 'ILO-FL-99', 'indicator_code', /must be one of ILO-FL-01/],
    ['findings', 'severity', 'extreme', 'severity', /must be one of low, medium, high, critical/],
    ['findings', 'status', 'done', 'status', /must be one of open, remediating, closed/],
    ['findings', 'description', '', 'description', /is required/],
    ['findings', 'indicator_code', '', 'indicator_code', /is required/],
    ['findings', 'severity', '', 'severity', /is required/],
    ['findings', 'audit_ref', '', 'audit_ref', /is required/],
    // interviews
    ['interviews', 'audit_ref', 'AUD-404', 'audit_ref', /unknown audit "AUD-404".*import the audits first/],
    ['interviews', 'worker_ref', '', 'worker_ref', /is required/],
    ['interviews', 'ref', '', 'ref', /is required/],
    ['interviews', 'audit_ref', '', 'audit_ref', /is required/],
    ['interviews', 'interviewed_at', '', 'interviewed_at', /is required/],
    ['interviews', 'interviewed_at', '2031-01-01', 'interviewed_at', /in the future/],
    ['interviews', 'monthly_wage', '', 'monthly_wage', /required when wage_currency is given/],
    ['interviews', 'recruiter_ref', 'REC-404', 'recruiter_ref', /unknown recruiter/],
    ['interviews', 'interviewed_at', '2025-02-29', 'interviewed_at', /not a valid date/],
    ['interviews', 'interviewed_at', '2025-03-01T25:00', 'interviewed_at', /not a valid date or time/],
    ['interviews', 'gender', 'unknown', 'gender', /must be one of female, male, other, undisclosed/],
    ['interviews', 'origin_country', 'Neverland', 'origin_country', /unknown country/],
    ['interviews', 'age_at_recruitment', '4', 'age_at_recruitment', /between 5 and 99/],
    ['interviews', 'age_at_recruitment', '100', 'age_at_recruitment', /between 5 and 99/],
    ['interviews', 'monthly_wage', '1,500', 'monthly_wage', /plain decimal number/],
    ['interviews', 'monthly_wage', '-5', 'monthly_wage', /negative/],
    ['interviews', 'monthly_wage', '1500.505', 'monthly_wage', /2 decimal places/],
    ['interviews', 'wage_currency', 'XYZ', 'wage_currency', /unknown ISO 4217 currency code "XYZ"/],
    ['interviews', 'wage_currency', '', 'wage_currency', /required when monthly_wage is given/],
    ['interviews', 'passport_holder', 'boss', 'passport_holder', /must be one of worker, employer, recruiter/],
    ['interviews', 'documents_accessible_on_request', 'maybe', 'documents_accessible_on_request', /must be one of yes, no, unknown; got "maybe"/],
    ['interviews', 'document_return_days', '-1', 'document_return_days', /between 0 and 3650/],
    ['interviews', 'visa_type', 'tourist', 'visa_type', /must be one of employer_sponsored/],
    ['interviews', 'visa_tied_to_employer', '2', 'visa_tied_to_employer', /yes, no, unknown/],
    ['interviews', 'permit_renewal_controlled_by', 'agent', 'permit_renewal_controlled_by', /must be one of worker, employer, recruiter, government, unknown/],
    ['interviews', 'exit_permit_required', 'si', 'exit_permit_required', /yes, no, unknown/],
    ['interviews', 'security_bond_required', 'nope', 'security_bond_required', /yes, no, unknown/],
    ['interviews', 'contract_written', 'x', 'contract_written', /yes, no, unknown/],
    ['interviews', 'contract_in_own_language', 'x', 'contract_in_own_language', /yes, no, unknown/],
    ['interviews', 'contract_signed_before_departure', 'x', 'contract_signed_before_departure', /yes, no, unknown/],
    ['interviews', 'contract_terms_changed_on_arrival', 'x', 'contract_terms_changed_on_arrival', /yes, no, unknown/],
    ['interviews', 'documents_held_with_consent', 'x', 'documents_held_with_consent', /yes, no, unknown/],
    ['interviews', 'documents_withheld_until_debt_repaid', 'x', 'documents_withheld_until_debt_repaid', /yes, no, unknown/],
    ['interviews', 'fees', 'recruitment_fee|1500|ABC', 'fees[0].currency', /unknown ISO 4217 currency code "ABC"/],
    ['interviews', 'fees', 'medical|85|USD;bribe|10|USD', 'fees[1].category', /must be one of recruitment_fee/],
    ['interviews', 'fees', 'travel||USD', 'fees[0].amount', /is required/],
    ['interviews', 'fees', 'travel|10|USD|recruiter|2024-13-01', 'fees[0].paidOn', /calendar date/],
    ['interviews', 'answers', 'excessive_hours=maybe', 'answers.excessive_hours', /must be one of yes, no, unknown/],
    ['interviews', 'answers', 'not_a_question=yes', 'answers.not_a_question', /unknown interview question key/],
    ['interviews', 'answers', 'excessive_hours', 'answers', /must be key=value/],
    ['interviews', 'answers', 'excessive_hours=yes;excessive_hours=no', 'answers.excessive_hours', /given twice/],
    ['interviews', 'testimony', 'My passport number is P1234567 and they keep it', 'testimony', /personal identifier \(passport number\)/],
    ['interviews', 'testimony', 'write to me at worker@example.com', 'testimony', /personal identifier \(email\)/],
  ];

  it.each(BAD)('%s.%s = %j is rejected on %s', async (kind, column, value, field, reason) => {
    // A fresh handler: the suppliers one remembers the refs of the file.
    const { text, issues } = validateCsv(await handler(kind), kind, { ...VALID[kind], [column]: value });
    expect(text).toBeUndefined();
    expect(issues).toEqual([{ field, reason: expect.stringMatching(reason) }]);
  });

  it('never echoes a worker ref or testimony in a reason', () => {
    const { issues } = validateCsv(handlers.interviews, 'interviews', {
      ...VALID.interviews,
      worker_ref: 'Secret Name '.repeat(20),
      testimony: 'call +977 984-123-4567',
    });
    expect(issues.map((i) => i.field).sort()).toEqual(['testimony', 'worker_ref']);
    for (const i of issues) {
      expect(i.reason).not.toContain('Secret');
      expect(i.reason).not.toContain('984');
    }
  });

  it('collects every problem of a row', () => {
    const { issues } = validateCsv(handlers.sites, 'sites', { ...VALID.sites, country: 'Atlantis', headcount: '-1', migrant_worker_share: '2' });
    expect(issues.map((i) => i.field)).toEqual(['country', 'headcount', 'migrant_worker_share']);
  });

  it('rejects a second row with the same supplier ref and resolves parents listed earlier in the file', async () => {
    const h = await handler('suppliers');
    expect(validateCsv(h, 'suppliers', { ref: 'P', name: 'Parent', country: 'CN' }, 2).issues).toEqual([]);
    expect(validateCsv(h, 'suppliers', { ref: 'C', name: 'Child', country: 'CN', parent_ref: 'P', supplies_to: 'P;SUP-1' }, 3).issues).toEqual([]);
    expect(validateCsv(h, 'suppliers', { ref: 'P', name: 'Again', country: 'CN' }, 4).issues).toEqual([
      { field: 'ref', reason: 'duplicate ref "P": line 2 of this file has the same ref' },
    ]);
    expect(validateCsv(h, 'suppliers', { ref: 'D', name: 'Later', country: 'CN', parent_ref: 'E' }, 5).issues[0]?.field).toBe('parent_ref');
  });

  describe('NDJSON values', () => {
    it('accepts typed values: numbers, booleans, arrays, fee objects, answer objects', () => {
      const { text, issues } = validateJson(handlers.interviews, 'interviews', {
        ref: 'INT-J', audit_ref: 'AUD-1', worker_ref: 'W-9', interviewed_at: '2025-01-05', age_at_recruitment: 30,
        monthly_wage: 1200, wage_currency: 'MYR', visa_tied_to_employer: true, contract_written: false, exit_permit_required: null,
        fees: [{ category: 'visa', amountMinor: 5000, currency: 'USD', paidTo: 'recruiter', financedByLoan: 'no' }, { category: 'travel', amount: '300.25', currency: 'USD' }],
        answers: { excessive_hours: 'yes', no_rest_days: false },
      });
      expect(issues).toEqual([]);
      const cols = Object.fromEntries(handlers.interviews.staging.map(([c], i) => [c, text!.split('\t')[i]]));
      expect(cols.monthly_wage_minor).toBe('120000');
      expect(cols.visa_tied_to_employer).toBe('yes');
      expect(cols.contract_written).toBe('no');
      expect(cols.exit_permit_required).toBe('unknown');
      expect(JSON.parse(cols.fees)[1]).toMatchObject({ category: 'travel', amountMinor: 30025 });
      expect(JSON.parse(cols.answers)).toEqual({ excessive_hours: 'yes', no_rest_days: 'no' });
    });

    it.each<[string, Record<string, unknown>, string, RegExp]>([
      ['a fee without currency', { fees: [{ category: 'visa', amount: 10 }] }, 'fees[0].currency', /is required/],
      ['a fee with an unknown field', { fees: [{ category: 'visa', amount: 10, currency: 'USD', payee: 'x' }] }, 'fees[0].payee', /unknown field/],
      ['fees not a list', { fees: { category: 'visa' } }, 'fees', /must be an array/],
      ['answers as a list', { answers: ['excessive_hours'] }, 'answers', /JSON object/],
      ['a number where text is expected', { age_at_recruitment: 'thirty' }, 'age_at_recruitment', /whole number/],
      ['an object as a country', { origin_country: { code: 'NP' } }, 'origin_country', /unknown country/],
      ['a fractional age', { age_at_recruitment: 30.5 }, 'age_at_recruitment', /whole number/],
    ])('rejects %s', (_name, patch, field, reason) => {
      const { text, issues } = validateJson(handlers.interviews, 'interviews', {
        ref: 'INT-J', audit_ref: 'AUD-1', worker_ref: 'W-9', interviewed_at: '2025-01-05', ...patch,
      });
      expect(text).toBeUndefined();
      expect(issues).toEqual([{ field, reason: expect.stringMatching(reason) }]);
    });

    it('accepts lists as arrays', () => {
      const { text, issues } = validateJson(handlers.recruiters, 'recruiters', {
        ref: 'R', name: 'Agency', country: 'NP', countries_of_operation: ['NP', 'Qatar', 'NP'], certifications: ['IOM IRIS'],
      });
      expect(issues).toEqual([]);
      expect(text).toContain('{"NP","QA"}');
      expect(text).toContain('{"iom_iris"}');
    });
  });
});
