/**
 * Scoring test data, inserted straight into PostgreSQL (fast, and free to
 * write the edge cases the API would refuse, e.g. a non-ISO wage currency).
 *
 * - seedDiverseInterviews: random interviews that hit every rule, every
 *   unknown, every remediation path and several currencies (parity test).
 * - referenceGroupFacts: the JavaScript reference path, assessWorker over each
 *   interview and summarizeWorkers per site and per recruiter.
 */
import pg from 'pg';
import {
  DOCUMENT_HOLDERS,
  FEE_CATEGORIES,
  FEE_PAYEES,
  FEE_PAYMENT_FORMS,
  INTERVIEW_QUESTION_KEYS,
  PERMIT_CONTROLLERS,
  VISA_TYPES,
  type Fee,
} from '@lantern/domain';
import {
  INTERVIEW_FACT_COLUMNS,
  VERIFIED_RECORD_COLUMNS,
  interviewToFacts,
  loadExchangeRateTable,
  queryFnOf,
  type InterviewFactRow,
  type VerifiedRecordRow,
} from '@lantern/platform';
import { assessWorker, summarizeWorkers, type FindingFacts, type GroupFacts, type ScoringConfig, type WorkerAssessment } from '@lantern/scoring';

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

export interface SeededOrg {
  organizationId: string;
  supplierIds: string[];
  siteIds: string[];
  recruiterIds: string[];
  interviewIds: string[];
}

/** A supplier chain (3 suppliers, 2 links) with `sites` sites, `recruiters` recruiters and one audit per site. */
export async function seedSupplyChain(pool: pg.Pool, organizationId: string, opts: { sites: number; recruiters: number; country?: string; sector?: string }): Promise<Omit<SeededOrg, 'interviewIds'>> {
  const tag = Math.random().toString(36).slice(2, 8);
  const supplierIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO suppliers (organization_id, external_ref, name, country, sector, tier) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [organizationId, `SUP-${tag}-${i}`, `Supplier ${i}`, opts.country ?? 'MY', opts.sector ?? 'Apparel', i + 1],
    );
    supplierIds.push(rows[0]!.id);
  }
  // tier 3 sells to tier 2 sells to tier 1
  await pool.query(`INSERT INTO supply_links (organization_id, supplier_id, buyer_id) VALUES ($1, $3, $2), ($1, $4, $3)`, [organizationId, ...supplierIds]);
  const siteIds: string[] = [];
  for (let i = 0; i < opts.sites; i++) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO sites (organization_id, supplier_id, external_ref, name, country, sector) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [organizationId, supplierIds[i % 3], `SITE-${tag}-${i}`, `Site ${i}`, opts.country ?? 'MY', opts.sector ?? 'Apparel'],
    );
    siteIds.push(rows[0]!.id);
    await pool.query(
      `INSERT INTO audits (organization_id, external_ref, site_id, type, conducted_at) VALUES ($1, $2, $3, 'worker_voice', '2025-03-01T00:00:00Z')`,
      [organizationId, `AUD-${tag}-${i}`, rows[0]!.id],
    );
  }
  const recruiterIds: string[] = [];
  for (let i = 0; i < opts.recruiters; i++) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO recruiters (organization_id, external_ref, name, country) VALUES ($1, $2, $3, 'NP') RETURNING id`,
      [organizationId, `REC-${tag}-${i}`, `Recruiter ${i}`],
    );
    recruiterIds.push(rows[0]!.id);
  }
  return { organizationId, supplierIds, siteIds, recruiterIds };
}

/** Dated rates for the parity data: direct, inverse-only, pivot through USD, a second vintage, a rate dated after the as-of date, none for ISK. */
export const PARITY_RATES = [
  ['USD', 'QAR', '3.64', '2024-01-01'],
  ['USD', 'NPR', '130', '2024-01-01'],
  ['USD', 'NPR', '135', '2025-01-01'],
  ['MYR', 'USD', '0.214', '2024-01-01'],
  ['BDT', 'USD', '0.0091', '2024-06-01'],
  ['USD', 'JPY', '150', '2024-01-01'],
  ['KWD', 'USD', '3.25', '2024-01-01'],
  ['USD', 'EUR', '0.92', '2025-07-15'],
] as const;

export async function insertRates(pool: pg.Pool, organizationId: string, rates: readonly (readonly [string, string, string, string])[]): Promise<void> {
  for (const [base, quote, rate, validFrom] of rates) {
    await pool.query(
      `INSERT INTO exchange_rates (organization_id, base, quote, rate, valid_from, source, illustrative) VALUES ($1, $2, $3, $4, $5, 'test', true)`,
      [organizationId, base, quote, rate, validFrom],
    );
  }
}

const TRI = ['yes', 'no', 'unknown'] as const;
const WAGE_CURRENCIES = ['QAR', 'MYR', 'NPR', 'USD', 'JPY', 'KWD', 'ZZZ'] as const;
const FEE_CURRENCIES = ['USD', 'NPR', 'QAR', 'MYR', 'BDT', 'JPY', 'KWD', 'ISK', 'EUR'] as const;
const DATES = [null, '2023-06-01', '2024-03-15', '2024-12-31', '2025-01-01', '2025-05-20', '2025-06-30', '2026-02-01'] as const;

/**
 * `count` random interviews over the org's sites and recruiters, with
 * remediation records (verified or not, before or after the as-of date).
 */
export async function seedDiverseInterviews(pool: pg.Pool, org: Omit<SeededOrg, 'interviewIds'>, count: number, seed: number): Promise<string[]> {
  const rnd = prng(seed);
  const audits = new Map(
    (await pool.query<{ id: string; site_id: string }>(`SELECT id, site_id FROM audits WHERE organization_id = $1`, [org.organizationId])).rows.map((r) => [r.site_id, r.id]),
  );
  const rows: unknown[][] = [];
  const tag = Math.random().toString(36).slice(2, 8);
  for (let n = 0; n < count; n++) {
    const siteId = rnd.pick(org.siteIds);
    const wageCurrency = rnd.chance(0.2) ? null : rnd.pick(WAGE_CURRENCIES);
    const wage = wageCurrency === null ? null : rnd.chance(0.05) ? 0 : rnd.int(10_000, 600_000);
    const fees: Fee[] = [];
    const nFees = rnd.chance(0.4) ? 0 : rnd.int(1, 3);
    for (let f = 0; f < nFees; f++) {
      fees.push({
        category: rnd.pick(FEE_CATEGORIES),
        amountMinor: rnd.pick([0, 1, 55, rnd.int(10_000, 2_500_000), rnd.int(100_000, 900_000)]),
        currency: rnd.chance(0.4) && wageCurrency !== null && wageCurrency !== 'ZZZ' ? wageCurrency : rnd.pick(FEE_CURRENCIES),
        paidTo: rnd.pick(FEE_PAYEES),
        paidOn: rnd.pick(DATES),
        paymentForm: rnd.pick(FEE_PAYMENT_FORMS),
        financedByLoan: rnd.pick(TRI),
      });
    }
    const answers: Record<string, string> = {};
    const yesRate = rnd.pick([0.02, 0.1, 0.3]);
    for (const k of INTERVIEW_QUESTION_KEYS) {
      if (rnd.chance(0.35)) continue;
      answers[k] = rnd.chance(yesRate) ? 'yes' : rnd.chance(0.8) ? 'no' : 'unknown';
    }
    rows.push([
      `INT-${tag}-${n}`,
      audits.get(siteId),
      siteId,
      rnd.chance(0.3) ? null : rnd.pick(org.recruiterIds),
      `wp-${n}`,
      rnd.pick([null, 14, 16, 17, 18, 25, 40]),
      wage,
      wageCurrency,
      rnd.pick(DOCUMENT_HOLDERS),
      rnd.pick(DOCUMENT_HOLDERS),
      rnd.pick(DOCUMENT_HOLDERS),
      rnd.pick(TRI),
      rnd.pick([null, 0, 1, 2, 5, 30]),
      rnd.pick(TRI),
      rnd.pick(TRI),
      rnd.pick(VISA_TYPES),
      rnd.pick(TRI),
      rnd.pick(TRI),
      rnd.pick(PERMIT_CONTROLLERS),
      rnd.pick(TRI),
      rnd.pick(TRI),
      rnd.pick(TRI),
      rnd.pick(TRI),
      rnd.pick(TRI),
      rnd.pick(TRI),
      JSON.stringify(fees),
      JSON.stringify(answers),
    ]);
  }
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const cols = chunk[0]!.length;
    const values = chunk.map((_, r) => `(${org.organizationId ? `'${org.organizationId}'` : 'NULL'}, ${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}`).join(', ')}, now())`).join(', ');
    const { rows: inserted } = await pool.query<{ id: string }>(
      `INSERT INTO interviews (organization_id, external_ref, audit_id, site_id, recruiter_id, worker_pseudonym, age_at_recruitment, monthly_wage_minor, wage_currency,
         passport_holder, id_card_holder, work_permit_holder, documents_accessible_on_request, document_return_days, documents_held_with_consent,
         documents_withheld_until_debt_repaid, visa_type, visa_tied_to_employer, can_change_employer_without_permission, permit_renewal_controlled_by,
         exit_permit_required, security_bond_required, contract_written, contract_in_own_language, contract_signed_before_departure,
         contract_terms_changed_on_arrival, fees, answers, interviewed_at)
       VALUES ${values} RETURNING id`,
      chunk.flat(),
    );
    ids.push(...inserted.map((r) => r.id));
  }
  await seedRemediation(pool, org.organizationId, ids, rnd);
  return ids;
}

async function seedRemediation(pool: pg.Pool, organizationId: string, interviewIds: string[], rnd: ReturnType<typeof prng>): Promise<void> {
  const { rows } = await pool.query<{ id: string; fees: Fee[]; wage_currency: string | null }>(
    `SELECT id, fees, wage_currency::text FROM interviews WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [interviewIds],
  );
  const records: unknown[][] = [];
  for (const r of rows) {
    if (!rnd.chance(0.35)) continue;
    const positive = r.fees.filter((f) => f.amountMinor > 0);
    const settle = r.wage_currency ?? positive[0]?.currency ?? 'USD';
    const verified = rnd.chance(0.8);
    const on = rnd.pick(['2024-02-01', '2025-03-01', '2025-06-30', '2025-09-01']);
    const kind = rnd.pick(['fee_repayment', 'fee_repayment', 'document_return', 'sponsorship_transfer'] as const);
    if (kind === 'fee_repayment') {
      // Often exactly what was paid in the settlement currency (full repayment), sometimes partial or in another currency.
      const sameCurrency = positive.filter((f) => f.currency === settle).reduce((s, f) => s + f.amountMinor, 0);
      const amount = rnd.chance(0.5) && sameCurrency > 0 && positive.every((f) => f.currency === settle) ? sameCurrency : rnd.int(1, 500_000);
      const currency = rnd.chance(0.8) ? settle : rnd.pick(FEE_CURRENCIES);
      records.push([r.id, kind, amount, currency === 'ZZZ' ? 'USD' : currency, on, verified]);
      if (rnd.chance(0.3)) records.push([r.id, kind, rnd.int(1, 100_000), settle === 'ZZZ' ? 'USD' : settle, rnd.pick(['2024-02-01', '2025-09-01']), true]);
    } else {
      records.push([r.id, kind, null, null, on, verified]);
      if (rnd.chance(0.3)) records.push([r.id, kind, null, null, rnd.pick(['2024-01-15', '2025-12-01']), true]);
    }
  }
  for (const [interviewId, kind, amount, currency, on, verified] of records) {
    await pool.query(
      `INSERT INTO remediation_records (organization_id, interview_id, kind, amount_minor, currency, occurred_on, verified, verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7 THEN now() END)`,
      [organizationId, interviewId, kind, amount, currency, on, verified],
    );
  }
}

export interface ReferenceFacts {
  workers: WorkerAssessment[];
  sites: Map<string, GroupFacts>;
  recruiters: Map<string, GroupFacts>;
}

/** The JavaScript reference: assessWorker over every interview of the org, summarizeWorkers per site and per recruiter. */
export async function referenceGroupFacts(pool: pg.Pool, organizationId: string, asOf: string, config: ScoringConfig): Promise<ReferenceFacts> {
  const query = queryFnOf(pool);
  const rates = await loadExchangeRateTable(query, organizationId);
  const rows = await query<InterviewFactRow>(`SELECT ${INTERVIEW_FACT_COLUMNS} FROM interviews i WHERE i.organization_id = $1 ORDER BY i.id`, [organizationId]);
  const records = await query<VerifiedRecordRow>(`SELECT ${VERIFIED_RECORD_COLUMNS} FROM remediation_records r WHERE r.organization_id = $1 AND r.verified`, [organizationId]);
  const byInterview = new Map<string, VerifiedRecordRow[]>();
  for (const r of records) byInterview.set(r.interview_id, [...(byInterview.get(r.interview_id) ?? []), r]);
  const workers = rows.map((row) => assessWorker(interviewToFacts(row, byInterview.get(row.id) ?? []), { rates, asOf, config }));
  const group = (keyOf: (w: WorkerAssessment) => string | null) => {
    const groups = new Map<string, WorkerAssessment[]>();
    for (const w of workers) {
      const k = keyOf(w);
      if (k !== null) groups.set(k, [...(groups.get(k) ?? []), w]);
    }
    return new Map([...groups].map(([k, ws]) => [k, summarizeWorkers(ws, config)]));
  };
  return { workers, sites: group((w) => w.siteId), recruiters: group((w) => w.recruiterId) };
}

const FINDING_CODES_ALL = [
  'ILO-FL-01', 'ILO-FL-02', 'ILO-FL-03', 'ILO-FL-04', 'ILO-FL-05', 'ILO-FL-06', 'ILO-FL-07', 'ILO-FL-08', 'ILO-FL-09', 'ILO-FL-10', 'ILO-FL-11',
  'LAN-FEE', 'LAN-VISA', 'LAN-DOC',
] as const;
/** Audit times around an as-of date of 2025-06-30: same day, after it (also through a time zone), a year, in the decay window, at and beyond two years. */
const AUDIT_TIMES = [
  '2025-06-30T23:59:59Z',
  '2025-06-30T23:30:00-05:00', // 2025-07-01 UTC: after
  '2025-07-01T00:00:00Z',
  '2025-06-30T00:30:00+02:00', // 2025-06-29 UTC
  '2025-03-01T00:00:00Z',
  '2024-06-30T12:00:00Z',
  '2024-03-15T08:00:00Z',
  '2024-01-15T00:00:00Z',
  '2023-07-02T00:00:00Z',
  '2023-07-01T00:00:00Z',
  '2022-01-01T00:00:00Z',
] as const;

/** `count` random findings on extra audits at random sites (every code, severity and status; audit dates of AUDIT_TIMES). */
export async function seedDiverseFindings(pool: pg.Pool, org: Omit<SeededOrg, 'interviewIds'>, count: number, seed: number): Promise<void> {
  const rnd = prng(seed);
  const tag = Math.random().toString(36).slice(2, 8);
  const audits: string[] = [];
  for (let i = 0; i < 25; i++) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO audits (organization_id, external_ref, site_id, type, conducted_at) VALUES ($1, $2, $3, 'announced', $4) RETURNING id`,
      [org.organizationId, `AUD-F-${tag}-${i}`, rnd.pick(org.siteIds), AUDIT_TIMES[i % AUDIT_TIMES.length]],
    );
    audits.push(rows[0]!.id);
  }
  for (let n = 0; n < count; n++) {
    await pool.query(
      `INSERT INTO findings (organization_id, external_ref, audit_id, indicator_code, severity, status, description) VALUES ($1, $2, $3, $4, $5, $6, 'seeded')`,
      [
        org.organizationId,
        `FND-${tag}-${n}`,
        rnd.pick(audits),
        rnd.chance(0.03) ? 'RBA-A1' : rnd.pick(FINDING_CODES_ALL),
        rnd.pick(['low', 'medium', 'high', 'critical']),
        rnd.pick(['open', 'remediating', 'closed']),
      ],
    );
  }
}

/**
 * The JavaScript reference for audit findings: every finding of the
 * organisation, the audit date taken in JavaScript from the timestamp, grouped
 * by site (the engine's scoreFindings does the selecting).
 */
export async function referenceSiteFindings(pool: pg.Pool, organizationId: string): Promise<Map<string, FindingFacts[]>> {
  const { rows } = await pool.query<{ id: string; external_ref: string; audit_id: string; site_id: string; indicator_code: string; severity: string; status: string; conducted_at: Date }>(
    `SELECT f.id, f.external_ref, f.audit_id, a.site_id, f.indicator_code, f.severity, f.status, a.conducted_at
       FROM findings f JOIN audits a ON a.id = f.audit_id WHERE f.organization_id = $1 ORDER BY f.id`,
    [organizationId],
  );
  const out = new Map<string, FindingFacts[]>();
  for (const r of rows) {
    const facts: FindingFacts = {
      findingId: r.id,
      externalRef: r.external_ref,
      auditId: r.audit_id,
      siteId: r.site_id,
      indicatorCode: r.indicator_code,
      severity: r.severity as FindingFacts['severity'],
      status: r.status as FindingFacts['status'],
      auditDate: r.conducted_at.toISOString().slice(0, 10),
    };
    out.set(r.site_id, [...(out.get(r.site_id) ?? []), facts]);
  }
  return out;
}
