/**
 * The scoring run (ScoringRunner, what the `scoring` queue's processor runs)
 * against a real database:
 *
 * - planted patterns are found: hotspot sites (passports kept, loan-financed
 *   fees of several months' wage, forced-labour indicators) and the sites an
 *   exploitative recruiter supplies rank above clean sites, and the
 *   exploitative recruiter above the ethical one;
 * - an incremental `score-sites` run gives exactly what a full run gives for
 *   every subject it touches;
 * - the assessment history survives runs and is append-only, yet an
 *   organisation can still be deleted as a whole;
 * - scoring jobs are deduplicated per organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import pg from 'pg';
import { INTERVIEW_QUESTION_KEYS, QUEUES } from '@lantern/domain';
import { ScoringQueueClient, loadConfig, redisConnectionOptions } from '@lantern/platform';
import { ScoringRunner } from '../../apps/worker/src/scoring/scoring.runner.js';
import { insertRates, prng, seedSupplyChain } from '../factories/scoring-data.js';

const AS_OF = '2025-06-30';

interface Profile {
  exploited: number;
  held: number;
  feeMonths: number;
  loan: boolean;
}

async function newOrg(pool: pg.Pool, name: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO organizations (name, kind, jurisdiction) VALUES ($1, 'company', 'GB') RETURNING id`, [
    `${name} ${Date.now()} ${Math.random()}`,
  ]);
  return rows[0]!.id;
}

/** `n` interviews at a site: workers of a profile (share exploited, share with documents held, fee burden). */
async function interviewsAt(pool: pg.Pool, org: string, siteId: string, recruiterId: string | null, n: number, p: Profile, seed: number): Promise<void> {
  const rnd = prng(seed);
  const [{ id: auditId }] = (await pool.query<{ id: string }>(`SELECT id FROM audits WHERE site_id = $1 LIMIT 1`, [siteId])).rows;
  for (let i = 0; i < n; i++) {
    const exploited = rnd.chance(p.exploited);
    const held = rnd.chance(p.held);
    const answers = Object.fromEntries(INTERVIEW_QUESTION_KEYS.map((k) => [k, exploited && rnd.chance(0.45) ? 'yes' : 'no']));
    const fees = p.feeMonths > 0 ? [{ category: 'recruitment_fee', amountMinor: Math.round(180_000 * p.feeMonths), currency: 'MYR', paidTo: 'recruiter', paidOn: '2025-01-10', paymentForm: p.loan ? 'loan' : 'cash', financedByLoan: p.loan ? 'yes' : 'no' }] : [];
    await pool.query(
      `INSERT INTO interviews (organization_id, external_ref, audit_id, site_id, recruiter_id, worker_pseudonym, interviewed_at, age_at_recruitment,
         monthly_wage_minor, wage_currency, passport_holder, id_card_holder, work_permit_holder, documents_accessible_on_request, documents_held_with_consent,
         documents_withheld_until_debt_repaid, document_return_days, visa_type, visa_tied_to_employer, can_change_employer_without_permission,
         permit_renewal_controlled_by, exit_permit_required, security_bond_required, contract_written, contract_in_own_language,
         contract_signed_before_departure, contract_terms_changed_on_arrival, fees, answers)
       VALUES ($1, $2, $3, $4, $5, $6, '2025-03-01T10:00:00Z', 28, 180000, 'MYR', $7, 'worker', $7, $8, $9, 'no', $10, 'employer_sponsored', 'yes', $11,
               'employer', 'no', 'no', 'yes', 'yes', 'yes', 'no', $12, $13)`,
      [
        org,
        `INT-${seed}-${i}`,
        auditId,
        siteId,
        recruiterId,
        `wp-${seed}-${i}`,
        held ? 'employer' : 'worker',
        held ? (exploited ? 'no' : 'yes') : 'unknown',
        held ? (exploited ? 'no' : 'yes') : 'unknown',
        held && !exploited ? 0 : null,
        exploited ? 'no' : 'yes',
        JSON.stringify(fees),
        JSON.stringify(answers),
      ],
    );
  }
}

describe('scoring runs', () => {
  let pool: pg.Pool;
  let runner: ScoringRunner;

  beforeAll(() => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 6 });
    runner = new ScoringRunner(pool);
  });

  afterAll(async () => {
    await pool.end();
  });

  it('finds planted hotspots: they rank above clean sites, and the exploitative recruiter above the ethical one', async () => {
    const org = await newOrg(pool, 'Planted');
    const chain = await seedSupplyChain(pool, org, { sites: 8, recruiters: 2 });
    const [exploitative, ethical] = chain.recruiterIds as [string, string];
    const hotspots = chain.siteIds.slice(0, 3);
    const clean = chain.siteIds.slice(3);
    for (const [i, site] of hotspots.entries()) await interviewsAt(pool, org, site, exploitative, 30, { exploited: 0.3, held: 0.9, feeMonths: 4, loan: true }, 100 + i);
    for (const [i, site] of clean.entries()) await interviewsAt(pool, org, site, ethical, 30, { exploited: 0, held: 0.05, feeMonths: 0, loan: false }, 200 + i);

    const result = await runner.run({ organizationId: org, scope: 'organization', reason: 'test', asOf: AS_OF });
    expect(result).toMatchObject({ skipped: false, interviews: 240, sites: 8, recruiters: 2, suppliers: 3, assessments: 13 });
    const scores = new Map(
      (await pool.query<{ subject_id: string; overall: string }>(`SELECT subject_id, overall FROM current_assessments WHERE organization_id = $1`, [org])).rows.map((r) => [
        r.subject_id,
        Number(r.overall),
      ]),
    );
    const lowestHotspot = Math.min(...hotspots.map((s) => scores.get(s)!));
    const highestClean = Math.max(...clean.map((s) => scores.get(s)!));
    expect(lowestHotspot).toBeGreaterThan(highestClean);
    expect(scores.get(exploitative)!).toBeGreaterThan(scores.get(ethical)!);
    // The riskiest-first list starts with the hotspots.
    const ranked = (await pool.query<{ subject_id: string }>(`SELECT subject_id FROM current_assessments WHERE organization_id = $1 AND subject_type = 'site' ORDER BY overall DESC, subject_id`, [org])).rows;
    expect(new Set(ranked.slice(0, 3).map((r) => r.subject_id))).toEqual(new Set(hotspots));
    // Zero tolerance: documents kept from workers raise block recommendations at hotspots only.
    const blocked = (await pool.query<{ subject_id: string }>(
      `SELECT DISTINCT b.subject_id FROM block_recommendations b JOIN current_assessments c ON c.assessment_id = b.assessment_id
        WHERE b.organization_id = $1 AND b.subject_type = 'site' AND 'DOC-01' = ANY (b.rule_ids)`,
      [org],
    )).rows.map((r) => r.subject_id);
    expect(new Set(blocked)).toEqual(new Set(hotspots));
  }, 120_000);

  it('scores changed sites incrementally exactly as a full run does', async () => {
    const org = await newOrg(pool, 'Incremental');
    const chain = await seedSupplyChain(pool, org, { sites: 6, recruiters: 3 });
    await insertRates(pool, org, [['USD', 'MYR', '4.5', '2024-01-01']]);
    for (const [i, site] of chain.siteIds.entries()) {
      await interviewsAt(pool, org, site, chain.recruiterIds[i % 3]!, 12, { exploited: i % 2 === 0 ? 0.2 : 0, held: 0.5, feeMonths: i % 3, loan: i % 2 === 0 }, 300 + i);
    }
    await runner.run({ organizationId: org, scope: 'organization', reason: 'test', asOf: AS_OF });

    // A change at one site: a new exploited worker there, then the outbox row the API would write.
    const changed = chain.siteIds[1]!;
    await interviewsAt(pool, org, changed, chain.recruiterIds[1]!, 3, { exploited: 1, held: 1, feeMonths: 5, loan: true }, 399);
    const client = new ScoringQueueClient(null as unknown as Queue);
    await client.markSitesDirty(async (sql, params) => (await pool.query(sql, params as unknown[])).rows as never[], org, [changed], 'interview');
    const incremental = await runner.run({ organizationId: org, scope: 'sites', reason: 'test', asOf: AS_OF });
    expect(incremental).toMatchObject({ scope: 'sites', skipped: false });
    expect(incremental.sites).toBeLessThan(chain.siteIds.length + 1);
    expect(incremental.sites).toBeGreaterThanOrEqual(1);
    expect((await pool.query(`SELECT 1 FROM scoring_pending_sites WHERE organization_id = $1`, [org])).rowCount).toBe(0);
    const current = async () =>
      (
        await pool.query<{ subject_type: string; subject_id: string; overall: string; recruitment_fee: string; tied_visa: string; document_confiscation: string; inputs_hash: string }>(
          `SELECT c.subject_type, c.subject_id, c.overall, c.recruitment_fee, c.tied_visa, c.document_confiscation, a.inputs_hash
             FROM current_assessments c JOIN assessments a ON a.id = c.assessment_id WHERE c.organization_id = $1 ORDER BY 1, 2`,
          [org],
        )
      ).rows;
    const afterIncremental = await current();
    // Nothing pending: a sites job has nothing to do.
    expect((await runner.run({ organizationId: org, scope: 'sites', reason: 'test', asOf: AS_OF })).skipped).toBe(true);
    await runner.run({ organizationId: org, scope: 'organization', reason: 'test', asOf: AS_OF });
    expect(await current()).toEqual(afterIncremental);
  }, 120_000);

  it('applies audit findings (FIND-01) in incremental runs exactly as a full run does, and removes them when closed', async () => {
    const org = await newOrg(pool, 'Findings');
    const chain = await seedSupplyChain(pool, org, { sites: 4, recruiters: 2 });
    for (const [i, site] of chain.siteIds.entries()) await interviewsAt(pool, org, site, chain.recruiterIds[i % 2]!, 15, { exploited: 0, held: 0, feeMonths: 0, loan: false }, 600 + i);
    await runner.run({ organizationId: org, scope: 'organization', reason: 'test', asOf: AS_OF });
    const site = chain.siteIds[1]!;
    const doc = async (type: string, id: string) =>
      (await pool.query<{ document_confiscation: string; explanation: { evidenceIds: string[] } }>(
        `SELECT c.document_confiscation, a.explanation FROM current_assessments c JOIN assessments a ON a.id = c.assessment_id WHERE c.organization_id = $1 AND c.subject_type = $2 AND c.subject_id = $3`,
        [org, type, id],
      )).rows[0]!;
    const before = Number((await doc('site', site)).document_confiscation);
    expect(before).toBeLessThan(40);
    const [{ id: auditId }] = (await pool.query<{ id: string }>(`SELECT id FROM audits WHERE site_id = $1`, [site])).rows;
    const [{ id: findingId }] = (
      await pool.query<{ id: string }>(
        `INSERT INTO findings (organization_id, external_ref, audit_id, indicator_code, severity, status, description) VALUES ($1, 'FND-INT-1', $2, 'LAN-DOC', 'critical', 'open', 'passports in the safe') RETURNING id`,
        [org, auditId],
      )
    ).rows;
    const client = new ScoringQueueClient(null as unknown as Queue);
    const mark = () => client.markSitesDirty(async (sql, params) => (await pool.query(sql, params as unknown[])).rows as never[], org, [site], 'audit');
    await mark();
    await runner.run({ organizationId: org, scope: 'sites', reason: 'test', asOf: AS_OF });
    const raised = await doc('site', site);
    expect(Number(raised.document_confiscation)).toBe(65);
    expect(raised.explanation.evidenceIds[0]).toBe(findingId);
    const supplier = (await pool.query<{ supplier_id: string }>(`SELECT supplier_id FROM sites WHERE id = $1`, [site])).rows[0]!.supplier_id;
    expect(Number((await doc('supplier', supplier)).document_confiscation)).toBe(65);
    const snapshot = async () =>
      (await pool.query(`SELECT c.subject_type, c.subject_id, c.overall, c.band, c.document_confiscation, a.inputs_hash FROM current_assessments c JOIN assessments a ON a.id = c.assessment_id WHERE c.organization_id = $1 ORDER BY 1, 2`, [org])).rows;
    const incremental = await snapshot();
    await runner.run({ organizationId: org, scope: 'organization', reason: 'test', asOf: AS_OF });
    expect(await snapshot()).toEqual(incremental);
    await pool.query(`UPDATE findings SET status = 'closed' WHERE id = $1`, [findingId]);
    await mark();
    await runner.run({ organizationId: org, scope: 'sites', reason: 'test', asOf: AS_OF });
    expect(Number((await doc('site', site)).document_confiscation)).toBe(before);
  }, 120_000);

  it('keeps every run in the history, refuses changes to it, and still lets an organisation be deleted', async () => {
    const org = await newOrg(pool, 'History');
    const chain = await seedSupplyChain(pool, org, { sites: 2, recruiters: 1 });
    await interviewsAt(pool, org, chain.siteIds[0]!, chain.recruiterIds[0]!, 10, { exploited: 0.2, held: 0.5, feeMonths: 2, loan: true }, 500);
    const first = await runner.run({ organizationId: org, scope: 'organization', reason: 'test', asOf: AS_OF });
    const second = await runner.run({ organizationId: org, scope: 'organization', reason: 'test', asOf: AS_OF });
    const rows = await pool.query<{ run_id: string; inputs_hash: string }>(
      `SELECT run_id, inputs_hash FROM assessments WHERE organization_id = $1 AND subject_id = $2 ORDER BY created_at`,
      [org, chain.siteIds[0]],
    );
    expect(rows.rows.map((r) => r.run_id)).toEqual([first.runId, second.runId]);
    expect(rows.rows[0]!.inputs_hash).toBe(rows.rows[1]!.inputs_hash); // same inputs, same hash: reproducible
    await expect(pool.query(`UPDATE assessments SET band = 'low' WHERE organization_id = $1`, [org])).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM assessments WHERE organization_id = $1`, [org])).rejects.toThrow(/append-only/);
    // Erasing a tenant: the audit trail's owner-only exception (docs/security.md), then the cascade through assessments.
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('lantern.audit_erase_organizations', 'on', true)`);
      await c.query(`DELETE FROM organizations WHERE id = $1`, [org]);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    expect((await pool.query(`SELECT 1 FROM assessments WHERE organization_id = $1`, [org])).rowCount).toBe(0);
    const runs = await pool.query(`SELECT status FROM scoring_runs WHERE id = ANY($1::uuid[])`, [[first.runId, second.runId]]);
    expect(runs.rowCount).toBe(0);
  }, 120_000);

  it('deduplicates scoring jobs of one organisation', async () => {
    const config = loadConfig();
    const queue = new Queue(QUEUES.scoring, { connection: redisConnectionOptions(config.REDIS_URL), prefix: `${config.LANTERN_QUEUE_PREFIX}-dedup` });
    try {
      const client = new ScoringQueueClient(queue);
      const org = '00000000-0000-4000-8000-000000000001';
      const a = await client.requestFullRescore(org, { reason: 'manual' });
      const b = await client.requestFullRescore(org, { reason: 'manual' });
      expect(a.disposition).toBe('queued');
      expect(b).toEqual({ jobId: a.jobId, name: 'score-organization', disposition: 'merged' });
      expect(await queue.count()).toBe(1);
      const other = await client.requestFullRescore('00000000-0000-4000-8000-000000000002', { reason: 'manual' });
      expect(other.disposition).toBe('queued');
      expect((await client.getJob(org, a.jobId))?.state).toBe('waiting');
      expect(await client.getJob('00000000-0000-4000-8000-000000000002', a.jobId)).toBeNull();

      // A re-score as of another date is its own job (never folded into today's, which would lose the date);
      // the same date twice is merged.
      const dated = await client.requestFullRescore(org, { reason: 'manual', asOf: '2025-10-31' });
      expect(dated.disposition).toBe('queued');
      expect(dated.jobId).not.toBe(a.jobId);
      expect((await queue.getJob(dated.jobId))?.data).toMatchObject({ organizationId: org, asOf: '2025-10-31' });
      expect(await client.requestFullRescore(org, { reason: 'manual', asOf: '2025-10-31' })).toEqual({ jobId: dated.jobId, name: 'score-organization', disposition: 'merged' });
      expect((await client.getJob(org, dated.jobId))?.state).toBe('waiting');
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  });
});
