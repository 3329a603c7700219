/**
 * A large organisation for the scoring benchmark, generated inside PostgreSQL
 * (generate_series, no client round trips): suppliers over three tiers with
 * supply links, sites, recruiters, one audit per site, and interviews with
 * realistic distributions.
 *
 * Sites have a conduct profile (good 40 %, average 40 %, poor 15 %, hotspot
 * 5 %) that sets the share of exploited workers (0.05 % to 15 %; +0.5 % for
 * migrants placed by an exploitative recruiter), how often
 * migrants' documents are held and how often the worker cannot get them
 * back. Exploited workers answer "yes" to an indicator question one time in
 * three, the others almost never (0.6 %). In destination countries (MY, TH,
 * QA, AE, SA) 85 % of workers are migrants with an employer-sponsored visa
 * and a recruiter, whose profile sets the fees: ethical (2 in 5, the employer
 * pays), typical (2 in 5, about 0.5-2 months of wage, some loans),
 * exploitative (1 in 5, 3-8 months, mostly loan-financed); a second cost in
 * USD (sometimes a deposit) one time in three. Elsewhere most workers are
 * citizens. Every interview answers a core set of 27 questions (each left
 * unanswered 10 % of the time, "unknown" 5 %). The data is deterministic
 * (setseed) and is reused by later runs when an organisation with the same
 * parameters and generator version exists.
 */
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lantern/database';
import { INTERVIEW_QUESTION_KEYS } from '@lantern/domain';
import { loadShippedReferenceData } from '@lantern/reference';
import { eraseOrganizations } from '../lib/db.js';

export const GENERATOR_VERSION = 6;

export interface ScoringDatasetOptions {
  interviews: number;
  sites: number;
  recruiters: number;
  log: (line: string) => void;
}

export interface ScoringDataset {
  organizationId: string;
  reused: boolean;
  interviews: number;
  sites: number;
  suppliers: number;
  recruiters: number;
  supplyLinks: number;
  generateSeconds: number;
}

const CORE_KEYS = [
  'deceived_conditions', 'deceived_contract', 'deceived_wages', 'deceived_about_fees', 'economic_hardship_exploited', 'excessive_hours',
  'forced_overtime', 'no_rest_days', 'bad_living_conditions', 'hazardous_work', 'low_or_no_salary', 'labour_law_or_contract_not_respected',
  'no_social_protection', 'wage_manipulation', 'documents_retained', 'debt_bondage', 'debt_bondage_at_recruitment', 'confined_or_surveilled',
  'restricted_movement', 'threat_of_denunciation', 'threat_of_dismissal_or_worse_conditions', 'threats_of_violence', 'forced_to_stay_with_employer',
  'wages_withheld', 'dependency_on_employer_for_housing_or_job', 'isolated_from_family_or_help', 'violence_at_destination',
] as const;

const COUNTRIES = `ARRAY['MY','TH','QA','AE','SA','BD','VN','IN','CN','ID']`;
/** Where suppliers are: source countries 9 in 14, destinations of labour migration 5 in 14. */
const SUPPLIER_COUNTRIES = `ARRAY['BD','VN','CN','IN','ID','BD','VN','CN','IN','MY','TH','QA','AE','SA']`;
const WAGE = `ARRAY['MYR','THB','QAR','AED','SAR','BDT','VND','INR','CNY','IDR']`;
const WAGE_MINOR = `ARRAY[180000, 1100000, 160000, 180000, 170000, 1400000, 600000000, 1400000, 500000, 450000000]::bigint[]`;
const SECTORS = `ARRAY['Apparel','Electronic Product Manufacturing','Textile Mills','Agriculture','Fishing','Mining','Warehousing','Footwear']`;
const ORIGIN_CURRENCY = `ARRAY['NPR','BDT','INR','PHP','IDR','MMK']`;
const ORIGIN_COUNTRY = `ARRAY['NP','BD','IN','PH','ID','MM']`;
/** Typical recruitment fee in minor units of the origin currency (about 900-1500 USD). */
const ORIGIN_FEE = `ARRAY[15000000, 12000000, 9000000, 5000000, 1600000000, 250000000]::bigint[]`;

export function datasetName(o: Pick<ScoringDatasetOptions, 'interviews' | 'sites' | 'recruiters'>): string {
  return `Bench scoring v${GENERATOR_VERSION} ${o.interviews}i ${o.sites}s ${o.recruiters}r`;
}

/**
 * The reference data a real deployment loads (TIP tiers, USDOL goods lists) and the illustrative
 * exchange rates, so that priors and fee conversions work as in production. Idempotent.
 */
export async function loadReferenceData(databaseUrl: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions({ url: databaseUrl, poolSize: 2, applicationName: 'lantern-bench' }));
  await ds.initialize();
  try {
    await loadShippedReferenceData(ds, fileURLToPath(new URL('../../../data/reference', import.meta.url)));
  } finally {
    await ds.destroy();
  }
}

export async function ensureScoringDataset(pool: pg.Pool, o: ScoringDatasetOptions & { databaseUrl: string }): Promise<ScoringDataset> {
  for (const k of CORE_KEYS) if (!(INTERVIEW_QUESTION_KEYS as readonly string[]).includes(k)) throw new Error(`unknown question ${k}`);
  await loadReferenceData(o.databaseUrl);
  const name = datasetName(o);
  const suppliers = Math.max(3, Math.round(o.sites / 4));
  const existing = await pool.query<{ id: string; n: string }>(
    `SELECT o.id, (SELECT count(*) FROM interviews i WHERE i.organization_id = o.id) AS n FROM organizations o WHERE o.name = $1`,
    [name],
  );
  if (existing.rows[0] && Number(existing.rows[0].n) === o.interviews) {
    return { ...(await describe(pool, existing.rows[0].id)), reused: true, generateSeconds: 0 };
  }
  // Earlier generations (other parameters or versions) only take space.
  const stale = await pool.query<{ id: string }>(`SELECT id FROM organizations WHERE name LIKE 'Bench scoring %'`);
  for (const r of stale.rows) {
    o.log(`removing an earlier benchmark organisation ${r.id}`);
    await eraseOrganizations(pool, 'id = $1', [r.id]);
  }
  const started = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT setseed(0.3141)`);
    const { rows } = await client.query<{ id: string }>(`INSERT INTO organizations (name, kind, jurisdiction) VALUES ($1, 'company', 'GB') RETURNING id`, [name]);
    const org = rows[0]!.id;
    const t1 = Math.round(suppliers * 0.2);
    const t2 = Math.round(suppliers * 0.4);
    o.log(`generating ${suppliers} suppliers, ${o.sites} sites, ${o.recruiters} recruiters`);
    await client.query(
      `INSERT INTO suppliers (organization_id, external_ref, name, country, sector, tier)
       SELECT $1, 'BSUP-' || g, 'Bench Supplier ' || g, (${SUPPLIER_COUNTRIES})[1 + g % 14], (${SECTORS})[1 + g % 8],
              CASE WHEN g <= $3 THEN 1 WHEN g <= $3 + $4 THEN 2 ELSE 3 END
         FROM generate_series(1, $2) g`,
      [org, suppliers, t1, t2],
    );
    // Tier 2 sells to one or two tier-1 suppliers, tier 3 to one or two tier-2 suppliers.
    await client.query(
      `INSERT INTO supply_links (organization_id, supplier_id, buyer_id)
       SELECT DISTINCT $1, s.id, b.id
         FROM suppliers s
         CROSS JOIN LATERAL (VALUES (0), (1)) AS k(j)
         JOIN suppliers b ON b.organization_id = $1 AND b.external_ref = 'BSUP-' ||
              CASE WHEN s.tier = 2 THEN 1 + (substr(s.external_ref, 6)::int * 7 + k.j * 13) % $2
                   ELSE 1 + $2 + (substr(s.external_ref, 6)::int * 11 + k.j * 17) % $3 END
        WHERE s.organization_id = $1 AND s.tier > 1 AND (k.j = 0 OR substr(s.external_ref, 6)::int % 3 = 0)`,
      [org, t1, t2],
    );
    await client.query(
      `INSERT INTO sites (organization_id, supplier_id, external_ref, name, country, sector, headcount)
       SELECT $1, s.id, 'BSITE-' || g, 'Bench Site ' || g, s.country, s.sector, 100 + (g * 37) % 2000
         FROM generate_series(1, $2) g
         JOIN suppliers s ON s.organization_id = $1 AND s.external_ref = 'BSUP-' || (1 + (g - 1) % $3)`,
      [org, o.sites, suppliers],
    );
    await client.query(
      `INSERT INTO audits (organization_id, external_ref, site_id, type, conducted_at)
       SELECT $1, 'BAUD-' || substr(s.external_ref, 7), s.id, 'worker_voice', '2025-04-01T00:00:00Z' FROM sites s WHERE s.organization_id = $1`,
      [org],
    );
    await client.query(
      `INSERT INTO recruiters (organization_id, external_ref, name, country)
       SELECT $1, 'BREC-' || g, 'Bench Recruiter ' || g, (${ORIGIN_COUNTRY})[1 + g % 6] FROM generate_series(1, $2) g`,
      [org, o.recruiters],
    );
    // Per-site parameters, indexed 0..sites-1.
    await client.query(`DROP TABLE IF EXISTS bench_scoring_sites`);
    await client.query(
      `CREATE TEMP TABLE bench_scoring_sites ON COMMIT DROP AS
       SELECT (substr(s.external_ref, 7)::int - 1) AS n, s.id AS site_id, a.id AS audit_id, s.country,
              (SELECT array_position(${COUNTRIES}, s.country::text)) AS ci,
              p.profile,
              CASE p.profile WHEN 'good' THEN 0.0005 WHEN 'average' THEN 0.002 WHEN 'poor' THEN 0.01 ELSE 0.15 END AS p_exploited,
              CASE p.profile WHEN 'good' THEN 0.05 WHEN 'average' THEN 0.25 WHEN 'poor' THEN 0.60 ELSE 0.95 END AS p_held,
              CASE p.profile WHEN 'good' THEN 0.02 WHEN 'average' THEN 0.10 WHEN 'poor' THEN 0.40 ELSE 0.80 END AS p_no_access,
              CASE WHEN s.country IN ('MY','TH','QA','AE','SA') THEN 0.85 ELSE 0.03 END AS p_migrant
         FROM sites s
         JOIN audits a ON a.site_id = s.id
         CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.05 THEN 'hotspot' WHEN r < 0.20 THEN 'poor' WHEN r < 0.60 THEN 'average' ELSE 'good' END AS profile
                               FROM (SELECT random() AS r, s.id) x) p
        WHERE s.organization_id = $1`,
      [org],
    );
    await client.query(`CREATE INDEX ON bench_scoring_sites (n)`);
    // Recruiters: every fifth exploitative (large loan-financed fees), two in five typical, two in five ethical (employer pays).
    await client.query(`DROP TABLE IF EXISTS bench_scoring_recruiters`);
    await client.query(
      `CREATE TEMP TABLE bench_scoring_recruiters ON COMMIT DROP AS
       SELECT substr(r.external_ref, 6)::int AS k, r.id,
              CASE WHEN substr(r.external_ref, 6)::int % 5 = 0 THEN 'exploitative' WHEN substr(r.external_ref, 6)::int % 5 IN (1, 2) THEN 'typical' ELSE 'ethical' END AS profile
         FROM recruiters r WHERE r.organization_id = $1`,
      [org],
    );
    await client.query(`CREATE INDEX ON bench_scoring_recruiters (k)`);
    // Exploited workers answer "yes" to an indicator question one time in three; the others almost never.
    const answer = (k: string) => {
      const rare = k === 'violence_at_destination' || k === 'debt_bondage';
      return `'${k}', CASE WHEN random() < 0.10 THEN NULL WHEN random() < 0.05 THEN 'unknown'
                 WHEN random() < CASE WHEN x.exploited THEN ${rare ? '0.10' : '0.35'} ELSE ${rare ? '0.0005' : '0.006'} END THEN 'yes' ELSE 'no' END`;
    };
    const batch = 200_000;
    for (let from = 1; from <= o.interviews; from += batch) {
      const to = Math.min(o.interviews, from + batch - 1);
      o.log(`interviews ${from.toLocaleString('en')}-${to.toLocaleString('en')}`);
      await client.query(
        `INSERT INTO interviews (organization_id, external_ref, audit_id, site_id, recruiter_id, worker_pseudonym, interviewed_at, gender, origin_country,
            age_at_recruitment, monthly_wage_minor, wage_currency, passport_holder, id_card_holder, work_permit_holder, documents_accessible_on_request,
            document_return_days, documents_held_with_consent, documents_withheld_until_debt_repaid, visa_type, visa_tied_to_employer,
            can_change_employer_without_permission, permit_renewal_controlled_by, exit_permit_required, security_bond_required, contract_written,
            contract_in_own_language, contract_signed_before_departure, contract_terms_changed_on_arrival, fees, answers)
         SELECT $1, 'BINT-' || x.g, x.audit_id, x.site_id, CASE WHEN x.migrant THEN x.recruiter_id END,
                'bwp-' || x.g, '2025-04-01T08:00:00Z'::timestamptz + (x.g % 480) * interval '1 minute',
                CASE WHEN x.r1 < 0.5 THEN 'female' ELSE 'male' END,
                CASE WHEN x.migrant THEN (${ORIGIN_COUNTRY})[x.oi] ELSE x.country END,
                CASE WHEN x.r2 < 0.05 THEN NULL WHEN x.r2 < 0.055 THEN 16 ELSE 19 + (x.g % 30) END,
                CASE WHEN x.r3 < 0.08 THEN NULL ELSE (${WAGE_MINOR})[x.ci] * (80 + x.g % 40) / 100 END,
                CASE WHEN x.r3 < 0.08 THEN NULL ELSE (${WAGE})[x.ci] END,
                CASE WHEN x.r4 < 0.04 THEN 'unknown' WHEN x.held THEN 'employer' ELSE 'worker' END,
                CASE WHEN x.r4 < 0.04 THEN 'unknown' ELSE 'worker' END,
                CASE WHEN x.held THEN 'employer' ELSE 'worker' END,
                (CASE WHEN NOT x.held THEN 'unknown' WHEN x.r5 < x.p_no_access THEN 'no' WHEN x.r5 < 0.95 THEN 'yes' ELSE 'unknown' END)::tri_answer,
                CASE WHEN x.held AND x.r5 >= x.p_no_access AND x.r5 < 0.95 THEN (x.g % 3) END,
                (CASE WHEN NOT x.held THEN 'unknown' WHEN x.r6 < 0.7 THEN 'yes' WHEN x.r6 < 0.95 THEN 'no' ELSE 'unknown' END)::tri_answer,
                (CASE WHEN x.held AND x.exploited AND x.r6 < 0.3 THEN 'yes' WHEN x.r6 < 0.98 THEN 'no' ELSE 'unknown' END)::tri_answer,
                CASE WHEN x.migrant THEN 'employer_sponsored' ELSE 'citizen_or_resident' END,
                (CASE WHEN NOT x.migrant THEN 'no' WHEN x.r7 < 0.9 THEN 'yes' ELSE 'unknown' END)::tri_answer,
                (CASE WHEN NOT x.migrant THEN 'yes' WHEN x.country IN ('QA', 'AE') AND x.r7 < 0.6 THEN 'yes' WHEN x.r7 < 0.95 THEN 'no' ELSE 'unknown' END)::tri_answer,
                CASE WHEN NOT x.migrant THEN 'worker' WHEN x.r8 < 0.7 THEN 'employer' ELSE 'government' END,
                (CASE WHEN x.migrant AND x.country = 'SA' AND x.r8 < 0.7 THEN 'yes' ELSE 'no' END)::tri_answer,
                (CASE WHEN x.migrant AND x.exploited AND x.r9 < 0.3 THEN 'yes' ELSE 'no' END)::tri_answer,
                (CASE WHEN x.r10 < 0.02 + (x.exploited)::int * 0.3 THEN 'no' WHEN x.r10 < 0.97 THEN 'yes' ELSE 'unknown' END)::tri_answer,
                (CASE WHEN x.r10 < 0.04 + (x.exploited)::int * 0.3 THEN 'no' ELSE 'yes' END)::tri_answer,
                (CASE WHEN NOT x.migrant THEN 'unknown' WHEN x.r11 < 0.1 + (x.exploited)::int * 0.4 THEN 'no' ELSE 'yes' END)::tri_answer,
                (CASE WHEN x.exploited AND x.r11 < 0.4 THEN 'yes' ELSE 'no' END)::tri_answer,
                CASE WHEN NOT x.migrant OR x.fee_factor = 0 THEN '[]'::jsonb ELSE
                  jsonb_build_array(jsonb_build_object(
                    'category', 'recruitment_fee', 'amountMinor', ((${ORIGIN_FEE})[x.oi] * x.fee_factor)::bigint,
                    'currency', (${ORIGIN_CURRENCY})[x.oi], 'paidTo', 'recruiter',
                    'paidOn', CASE WHEN x.r12 < 0.5 THEN '2024-06-15' ELSE '2025-02-10' END,
                    'paymentForm', CASE WHEN x.r12 < x.p_loan THEN 'loan' WHEN x.r12 < x.p_loan + 0.1 THEN 'wage_deduction' ELSE 'cash' END,
                    'financedByLoan', CASE WHEN x.r12 < x.p_loan THEN 'yes' ELSE 'no' END))
                  || CASE WHEN x.r13 < 0.3 THEN jsonb_build_array(jsonb_build_object(
                    'category', CASE WHEN x.r13 < 0.03 THEN 'deposit_bond' ELSE 'medical' END, 'amountMinor', 5000 + (x.g % 20000),
                    'currency', 'USD', 'paidTo', 'sub_agent', 'paidOn', NULL, 'paymentForm', 'cash', 'financedByLoan', 'unknown'))
                    ELSE '[]'::jsonb END
                END,
                jsonb_strip_nulls(jsonb_build_object(${CORE_KEYS.map(answer).join(', ')}))
           FROM (
             SELECT y.*,
                    (random() < y.p_exploited + CASE WHEN y.rprofile = 'exploitative' AND y.migrant THEN 0.005 ELSE 0 END) AS exploited,
                    (y.migrant AND random() < y.p_held) AS held,
                    CASE y.rprofile WHEN 'exploitative' THEN 0.7 WHEN 'typical' THEN 0.15 ELSE 0 END AS p_loan,
                    CASE y.rprofile WHEN 'exploitative' THEN 1.0 + random() WHEN 'typical' THEN 0.15 + 0.45 * random()
                         ELSE CASE WHEN random() < 0.15 THEN 0.05 ELSE 0 END END AS fee_factor
               FROM (
                 SELECT g, s.*, rc.id AS recruiter_id, rc.profile AS rprofile,
                        random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7,
                        random() AS r8, random() AS r9, random() AS r10, random() AS r11, random() AS r12, random() AS r13,
                        (random() < s.p_migrant) AS migrant, 1 + (g % 6) AS oi
                   FROM generate_series($2::int, $3::int) g
                   JOIN bench_scoring_sites s ON s.n = g % $5
                   JOIN bench_scoring_recruiters rc ON rc.k = 1 + (s.n * 7 + g % 3) % $4
               ) y
           ) x`,
        [org, from, to, o.recruiters, o.sites],
      );
    }
    await client.query('COMMIT');
    await client.query('ANALYZE interviews');
    const d = await describe(pool, org);
    return { ...d, reused: false, generateSeconds: Math.round((performance.now() - started) / 100) / 10 };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function describe(pool: pg.Pool, org: string): Promise<Omit<ScoringDataset, 'reused' | 'generateSeconds'>> {
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM interviews WHERE organization_id = $1) AS interviews,
            (SELECT count(*) FROM sites WHERE organization_id = $1) AS sites,
            (SELECT count(*) FROM suppliers WHERE organization_id = $1) AS suppliers,
            (SELECT count(*) FROM recruiters WHERE organization_id = $1) AS recruiters,
            (SELECT count(*) FROM supply_links WHERE organization_id = $1) AS links`,
    [org],
  );
  const r = rows[0]!;
  return {
    organizationId: org,
    interviews: Number(r.interviews),
    sites: Number(r.sites),
    suppliers: Number(r.suppliers),
    recruiters: Number(r.recruiters),
    supplyLinks: Number(r.links),
  };
}
