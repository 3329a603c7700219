/**
 * Test data for the fault suites: a supply chain seeded in SQL, and large
 * interview imports generated in memory (with a known number of bad rows).
 */
import pg from 'pg';
import { seedSupplyChain } from '../../factories/scoring-data.js';

export interface SeededChain {
  organizationId: string;
  supplierIds: string[];
  siteIds: string[];
  auditRefs: string[];
  recruiterRefs: string[];
}

/** 3 suppliers in a chain, `sites` sites with one audit each, `recruiters` recruiters. */
export async function seedChain(pool: pg.Pool, organizationId: string, sites: number, recruiters: number): Promise<SeededChain> {
  const chain = await seedSupplyChain(pool, organizationId, { sites, recruiters });
  const audits = await pool.query<{ external_ref: string }>(`SELECT external_ref FROM audits WHERE organization_id = $1 ORDER BY external_ref`, [organizationId]);
  const recs = await pool.query<{ external_ref: string }>(`SELECT external_ref FROM recruiters WHERE organization_id = $1 ORDER BY external_ref`, [organizationId]);
  return { ...chain, auditRefs: audits.rows.map((r) => r.external_ref), recruiterRefs: recs.rows.map((r) => r.external_ref) };
}

const HEADER =
  'ref,audit_ref,worker_ref,recruiter_ref,interviewed_at,gender,origin_country,age_at_recruitment,monthly_wage,wage_currency,passport_holder,' +
  'id_card_holder,work_permit_holder,documents_accessible_on_request,document_return_days,documents_held_with_consent,' +
  'documents_withheld_until_debt_repaid,visa_type,visa_tied_to_employer,can_change_employer_without_permission,permit_renewal_controlled_by,' +
  'exit_permit_required,security_bond_required,contract_written,contract_in_own_language,contract_signed_before_departure,' +
  'contract_terms_changed_on_arrival,fees,answers,testimony';

export interface InterviewFile {
  csv: string;
  rows: number;
  /** Rows the importer must accept / reject (every `badEvery`-th row has an impossible age). */
  good: number;
  bad: number;
  /** The ref of every good row. */
  goodRefs: string[];
}

/** `rows` interviews over the chain's audits and recruiters; refs are `<prefix>-<n>`. */
export function interviewCsv(chain: SeededChain, rows: number, prefix: string, badEvery = 1000): InterviewFile {
  const lines = [HEADER];
  const goodRefs: string[] = [];
  let bad = 0;
  for (let i = 1; i <= rows; i++) {
    const isBad = i % badEvery === 0;
    const ref = `${prefix}-${i}`;
    const audit = chain.auditRefs[i % chain.auditRefs.length];
    const recruiter = chain.recruiterRefs.length > 0 && i % 3 !== 0 ? chain.recruiterRefs[i % chain.recruiterRefs.length] : '';
    const age = isBad ? '200' : String(18 + (i % 30));
    const tri = (k: number) => (['yes', 'no', 'unknown'] as const)[(i + k) % 3];
    lines.push(
      [
        ref, audit, `W-${prefix}-${i}`, recruiter, '2025-03-01T10:00:00+06:00', 'female', 'Nepal', age, String(1000 + (i % 500)), 'MYR',
        i % 4 === 0 ? 'employer' : 'worker', 'worker', 'employer', tri(0), String(i % 30), tri(1), tri(2), 'employer_sponsored', tri(3), tri(4),
        'employer', tri(5), tri(6), 'yes', tri(7), tri(8), tri(9), `recruitment_fee|${500 + (i % 1000)}|USD|recruiter|2024-01-10|cash|no`,
        `excessive_hours=${tri(10)};debt_bondage=${tri(11)}`, i % 5 === 0 ? '"I paid the agent before I left, and the employer keeps my passport."' : '',
      ].join(','),
    );
    if (isBad) bad++;
    else goodRefs.push(ref);
  }
  return { csv: lines.join('\n') + '\n', rows, good: rows - bad, bad, goodRefs };
}
