import { describe, expect, it } from '@jest/globals';
import {
  FEE_CATEGORIES,
  FEE_PAYEES,
  FEE_PAYMENT_FORMS,
  DOCUMENT_HOLDERS,
  GENDERS,
  LICENCE_STATUSES,
  AUDIT_TYPES,
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  PERMIT_CONTROLLERS,
  VISA_TYPES,
  RECRUITER_CERTIFICATIONS,
  INTERVIEW_QUESTION_KEYS,
  isCountryCode,
  isCurrencyCode,
  isIndicatorCode,
  isIsoDate,
  parseFeesCell,
  screenFreeTextForIdentifiers,
  tryParseMoneyToMinor,
  validateAnswers,
} from '@lantern/domain';
import { COLUMNS, type DemoDataset } from './dataset.js';
import { csvCell, encodeAnswersCell, encodeFeesCell, ndjsonRecord } from './files.js';
import { DEMO_MINIMUMS, generateDemoDataset } from './generator.js';
import { Rng } from './prng.js';

const SEED = 20251122;
const dataset: DemoDataset = generateDemoDataset({ seed: SEED, auditFirmName: 'Test Audit Firm LLP' });
const { rows } = dataset;

const TRI = ['yes', 'no', 'unknown', null];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('Rng (mulberry32)', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const v of seqA) expect(v >= 0 && v < 1).toBe(true);
  });

  it('forks independent streams without shifting the parent', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    a.fork('x').next();
    expect(a.next()).toBe(b.next());
  });
});

describe('generateDemoDataset', () => {
  it('is deterministic for a seed', () => {
    const again = generateDemoDataset({ seed: SEED, auditFirmName: 'Test Audit Firm LLP' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
    const other = generateDemoDataset({ seed: SEED + 1, auditFirmName: 'Test Audit Firm LLP' });
    expect(other.rows.suppliers[0]!.name === rows.suppliers[0]!.name && other.rows.interviews[0]!.worker_ref === rows.interviews[0]!.worker_ref).toBe(false);
  });

  it('meets the minimum counts', () => {
    expect(rows.suppliers.length).toBeGreaterThanOrEqual(DEMO_MINIMUMS.suppliers);
    expect(rows.recruiters.length).toBeGreaterThanOrEqual(DEMO_MINIMUMS.recruiters);
    expect(rows.audits.length).toBeGreaterThanOrEqual(DEMO_MINIMUMS.audits);
    expect(rows.interviews.length).toBe(DEMO_MINIMUMS.interviews);
    expect(rows.sites.length).toBeGreaterThanOrEqual(350);
    expect(rows.engagements.length).toBeGreaterThan(100);
    expect(rows.findings.length).toBeGreaterThan(100);
  });

  it('spans three tiers and at least ten countries', () => {
    expect(new Set(rows.suppliers.map((s) => s.tier))).toEqual(new Set([1, 2, 3]));
    expect(new Set(rows.suppliers.map((s) => s.country)).size).toBeGreaterThanOrEqual(DEMO_MINIMUMS.countries);
  });

  it('uses unique refs and valid codes', () => {
    for (const kind of Object.keys(rows) as (keyof typeof rows)[]) {
      const refs = rows[kind].map((r) => r.ref);
      expect(new Set(refs).size).toBe(refs.length);
    }
    for (const s of rows.suppliers) {
      expect(isCountryCode(s.country)).toBe(true);
      if (s.lei) expect(s.lei).toMatch(/^[A-Z0-9]{18}[0-9]{2}$/);
      if (s.duns) expect(s.duns).toMatch(/^[0-9]{9}$/);
    }
    for (const s of rows.sites) {
      expect(isCountryCode(s.country)).toBe(true);
      const share = Number(s.migrant_worker_share);
      expect(share >= 0 && share <= 1).toBe(true);
      expect(Number.isInteger(s.headcount) && s.headcount > 0).toBe(true);
    }
    for (const r of rows.recruiters) {
      expect(isCountryCode(r.country)).toBe(true);
      expect(LICENCE_STATUSES).toContain(r.licence_status);
      for (const c of r.countries_of_operation) expect(isCountryCode(c)).toBe(true);
      for (const c of r.certifications) expect(RECRUITER_CERTIFICATIONS).toContain(c);
    }
    for (const a of rows.audits) {
      expect(AUDIT_TYPES).toContain(a.type);
      expect(a.conducted_at).toMatch(ISO_INSTANT);
    }
    for (const f of rows.findings) {
      expect(isIndicatorCode(f.indicator_code)).toBe(true);
      expect(FINDING_SEVERITIES).toContain(f.severity);
      expect(FINDING_STATUSES).toContain(f.status);
    }
  });

  it('resolves every reference to a row of an earlier kind (or an earlier supplier)', () => {
    const supplierIndex = new Map(rows.suppliers.map((s, i) => [s.ref, i]));
    rows.suppliers.forEach((s, i) => {
      if (s.parent_ref) expect(supplierIndex.get(s.parent_ref)!).toBeLessThan(i);
      for (const b of s.supplies_to) {
        expect(supplierIndex.get(b)!).toBeLessThan(i);
        expect(rows.suppliers[supplierIndex.get(b)!]!.tier).toBe(s.tier - 1);
      }
      if (s.tier > 1) expect(s.supplies_to.length).toBeGreaterThan(0);
    });
    const sites = new Set(rows.sites.map((s) => s.ref));
    const recruiters = new Set(rows.recruiters.map((r) => r.ref));
    const audits = new Set(rows.audits.map((a) => a.ref));
    for (const s of rows.sites) expect(supplierIndex.has(s.supplier_ref)).toBe(true);
    for (const e of rows.engagements) {
      expect(recruiters.has(e.recruiter_ref)).toBe(true);
      expect(sites.has(e.site_ref)).toBe(true);
    }
    for (const a of rows.audits) expect(sites.has(a.site_ref)).toBe(true);
    for (const f of rows.findings) expect(audits.has(f.audit_ref)).toBe(true);
    for (const i of rows.interviews) {
      expect(audits.has(i.audit_ref)).toBe(true);
      if (i.recruiter_ref) expect(recruiters.has(i.recruiter_ref)).toBe(true);
    }
  });

  it('places recruiters on corridors that lead to the site country', () => {
    const siteCountry = new Map(rows.sites.map((s) => [s.ref, s.country]));
    const ops = new Map(rows.recruiters.map((r) => [r.ref, r.countries_of_operation]));
    for (const e of rows.engagements) {
      expect(e.destination_country).toBe(siteCountry.get(e.site_ref));
      expect(ops.get(e.recruiter_ref)).toContain(e.destination_country);
      expect(ops.get(e.recruiter_ref)).toContain(e.origin_country);
      if (e.ends_on) expect(e.ends_on >= e.starts_on).toBe(true);
    }
  });

  it('writes fees and answers that the import contract parses', () => {
    const problems: string[] = [];
    for (const i of rows.interviews) {
      const parsed = parseFeesCell(encodeFeesCell(i.fees));
      if (parsed.errors.length > 0) problems.push(`${i.ref} fees: ${JSON.stringify(parsed.errors)}`);
      else if (JSON.stringify(parsed.value) !== JSON.stringify(i.fees)) problems.push(`${i.ref} fees do not round-trip`);
      for (const f of i.fees) {
        if (!FEE_CATEGORIES.includes(f.category)) problems.push(`${i.ref} fee category ${f.category}`);
        if (!FEE_PAYEES.includes(f.paidTo)) problems.push(`${i.ref} fee paidTo ${f.paidTo}`);
        if (!FEE_PAYMENT_FORMS.includes(f.paymentForm)) problems.push(`${i.ref} fee paymentForm ${f.paymentForm}`);
        if (f.paidOn !== null && !isIsoDate(f.paidOn)) problems.push(`${i.ref} fee paidOn ${f.paidOn}`);
        if (!(f.amountMinor > 0)) problems.push(`${i.ref} fee amount ${f.amountMinor}`);
      }
      const answerIssues = validateAnswers(i.answers);
      if (answerIssues.length > 0) problems.push(`${i.ref} answers: ${JSON.stringify(answerIssues)}`);
      const cell = encodeAnswersCell(i.answers);
      const back = Object.fromEntries(cell.split(';').filter(Boolean).map((kv) => kv.split('=') as [string, string]));
      if (JSON.stringify(back) !== JSON.stringify(i.answers)) problems.push(`${i.ref} answers do not round-trip`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('writes interview fields within their vocabularies', () => {
    const problems: string[] = [];
    const check = (ok: boolean, i: { ref: string }, what: string): void => {
      if (!ok) problems.push(`${i.ref}: ${what}`);
    };
    const triFields = [
      'documents_accessible_on_request', 'documents_held_with_consent', 'documents_withheld_until_debt_repaid', 'visa_tied_to_employer',
      'can_change_employer_without_permission', 'exit_permit_required', 'security_bond_required', 'contract_written',
      'contract_in_own_language', 'contract_signed_before_departure', 'contract_terms_changed_on_arrival',
    ] as const;
    for (const i of rows.interviews) {
      check((GENDERS as readonly string[]).includes(i.gender), i, `gender ${i.gender}`);
      check(ISO_INSTANT.test(i.interviewed_at), i, `interviewed_at ${i.interviewed_at}`);
      check(i.origin_country === null || isCountryCode(i.origin_country), i, `origin ${i.origin_country}`);
      check(i.age_at_recruitment === null || (i.age_at_recruitment >= 5 && i.age_at_recruitment <= 99), i, `age ${i.age_at_recruitment}`);
      check((i.monthly_wage === null) === (i.wage_currency === null), i, 'wage without currency');
      if (i.monthly_wage !== null) {
        check(isCurrencyCode(i.wage_currency), i, `currency ${i.wage_currency}`);
        check(tryParseMoneyToMinor(i.monthly_wage, i.wage_currency!).ok, i, `wage ${i.monthly_wage} ${i.wage_currency}`);
      }
      for (const h of [i.passport_holder, i.id_card_holder, i.work_permit_holder]) check(h === null || (DOCUMENT_HOLDERS as readonly string[]).includes(h), i, `holder ${h}`);
      check(i.visa_type === null || (VISA_TYPES as readonly string[]).includes(i.visa_type), i, `visa ${i.visa_type}`);
      check(i.permit_renewal_controlled_by === null || (PERMIT_CONTROLLERS as readonly string[]).includes(i.permit_renewal_controlled_by), i, 'renewal');
      for (const k of triFields) check(TRI.includes(i[k]), i, `${k} ${i[k]}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('keeps testimony free of digit runs, e-mail addresses and names', () => {
    const withText = rows.interviews.filter((i) => i.testimony !== null);
    expect(withText.length).toBeGreaterThan(1000);
    const bad = withText.filter(
      (i) => /\d{3,}/.test(i.testimony!) || /[^\s@]+@[^\s@]+/.test(i.testimony!) || i.testimony!.length >= 400 || screenFreeTextForIdentifiers(i.testimony!).length > 0,
    );
    expect(bad.map((i) => i.testimony)).toEqual([]);
  });

  it('plants varied, realistic risk and never turns unknown into no', () => {
    const migrants = rows.interviews.filter((i) => i.recruiter_ref !== null);
    const locals = rows.interviews.filter((i) => i.visa_type === 'citizen_or_resident');
    expect(migrants.length).toBeGreaterThan(5000);
    expect(locals.length).toBeGreaterThan(3000);
    const share = (xs: typeof rows.interviews, f: (i: (typeof xs)[number]) => boolean): number => xs.filter(f).length / xs.length;
    // Fees: common among migrants, financed by loans for some; absent for local hires.
    expect(share(migrants, (i) => i.fees.length > 0)).toBeGreaterThan(0.3);
    expect(share(migrants, (i) => i.fees.some((f) => f.financedByLoan === 'yes'))).toBeGreaterThan(0.05);
    expect(share(locals, (i) => i.fees.length > 0)).toBe(0);
    // Fees are paid in origin currencies as well as USD.
    const feeCurrencies = new Set(migrants.flatMap((i) => i.fees.map((f) => f.currency)));
    for (const c of ['USD', 'NPR', 'BDT', 'PHP', 'IDR', 'VND']) expect(feeCurrencies).toContain(c);
    // Tied permits for migrants, free mobility for citizens.
    expect(share(migrants, (i) => i.visa_tied_to_employer === 'yes')).toBeGreaterThan(0.6);
    expect(share(locals, (i) => i.visa_tied_to_employer === 'yes')).toBe(0);
    // Passport retention exists but is not the norm.
    const retained = share(migrants, (i) => i.answers.documents_retained === 'yes');
    expect(retained).toBeGreaterThan(0.05);
    expect(retained).toBeLessThan(0.6);
    // Most answers are "no"; a realistic share is "unknown" (explicitly, or as empty cells).
    const all = rows.interviews.flatMap((i) => Object.values(i.answers));
    const no = all.filter((a) => a === 'no').length / all.length;
    const unknown = all.filter((a) => a === 'unknown').length / all.length;
    expect(no).toBeGreaterThan(0.7);
    expect(unknown).toBeGreaterThan(0.03);
    expect(unknown).toBeLessThan(0.15);
    expect(share(rows.interviews, (i) => i.documents_accessible_on_request === null)).toBeGreaterThan(0.05);
    // Every answer key is in the catalogue, and each interview leaves some unasked (unknown).
    for (const i of rows.interviews.slice(0, 500)) expect(Object.keys(i.answers).length).toBeLessThan(INTERVIEW_QUESTION_KEYS.length);
    // Planted ground truth is there for later stages.
    expect(dataset.truth.hotspotSites.length).toBeGreaterThan(3);
    expect(Object.values(dataset.truth.recruiterProfiles)).toContain('exploitative');
  });

  it('differs in risk between exploitative and ethical recruiters', () => {
    const profile = dataset.truth.recruiterProfiles;
    const of = (p: string) => rows.interviews.filter((i) => i.recruiter_ref !== null && profile[i.recruiter_ref] === p);
    const feeRate = (xs: typeof rows.interviews) => xs.filter((i) => i.fees.some((f) => f.category === 'recruitment_fee')).length / xs.length;
    expect(feeRate(of('exploitative'))).toBeGreaterThan(0.8);
    expect(feeRate(of('ethical'))).toBeLessThan(0.05);
  });

  it('plants a handful of bad rows with fresh refs', () => {
    expect(dataset.badRows.length).toBeGreaterThanOrEqual(5);
    expect(dataset.badRows.length).toBeLessThanOrEqual(15);
    const refs = new Set(Object.values(rows).flatMap((xs) => xs.map((r: { ref: string }) => r.ref)));
    for (const b of dataset.badRows) {
      expect(refs.has(b.ref)).toBe(false);
      expect(COLUMNS[b.kind]).toContain(b.field);
    }
    expect(dataset.badRows.some((b) => b.format === 'ndjson')).toBe(true);
  });

  it('encodes an NDJSON record with the CSV field names', () => {
    const row = rows.interviews.find((i) => i.audit_ref === dataset.ndjsonAuditRef && i.fees.length > 0) ?? rows.interviews[0]!;
    const rec = ndjsonRecord(row);
    expect(Object.keys(rec)).toEqual([...COLUMNS.interviews]);
    expect(Array.isArray(rec.fees)).toBe(true);
    expect(typeof rec.answers).toBe('object');
  });
});

describe('csvCell', () => {
  it('quotes only when needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('x;y|z')).toBe('x;y|z');
  });
});
