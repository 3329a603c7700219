/**
 * Parity of the two ways to get a site's GroupFacts:
 *
 *   JavaScript: summarizeWorkers(assessWorker(interviewToFacts(row)) for each interview)
 *   SQL:        the set-based pass of apps/worker/src/scoring (group-facts.sql.ts
 *               + accumulator), which the scoring runs and the benchmark use.
 *
 * Thousands of random interviews hit every rule (active and remediated),
 * every kind of unknown answer, fees in several currencies (direct, inverse and
 * pivot rates, two vintages, no rate, a rate dated after the as-of date,
 * currencies with 0 and 3 decimals, a non-ISO wage currency), fee repayments
 * (full, partial, unconvertible, after the as-of date, unverified), document
 * returns and sponsorship transfers. Both paths must agree exactly, per
 * worker and per site and recruiter, under the default configuration and a
 * changed one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { loadExchangeRateTable, queryFnOf } from '@lantern/platform';
import {
  CLASSIFICATIONS,
  DEFAULT_SCORING_CONFIG,
  INDICATOR_GROUPS,
  RULES,
  applyAuditFindings,
  assessGroupFromFacts,
  feesOwed,
  inherentRisk,
  resolveConfig,
  scoreFindings,
  type FindingFacts,
  type ScoringConfig,
  type WorkerAssessment,
} from '@lantern/scoring';
import { readSiteFindings } from '../../apps/worker/src/scoring/findings.reader.js';
import { readGroupFacts } from '../../apps/worker/src/scoring/group-facts.reader.js';
import type { WorkerRow } from '../../apps/worker/src/scoring/group-facts.accumulator.js';
import { MASK_BITS, MASK_WORDS, REMEDIATION_FAMILY, RULE_IDS } from '../../apps/worker/src/scoring/group-facts.sql.js';
import {
  PARITY_RATES,
  insertRates,
  referenceGroupFacts,
  referenceSiteFindings,
  seedDiverseFindings,
  seedDiverseInterviews,
  seedSupplyChain,
  type SeededOrg,
} from '../factories/scoring-data.js';

const AS_OF = '2025-06-30';
const INTERVIEWS = 6000;
const FINDINGS = 400;

interface WorkerProjection {
  active: string[];
  remediated: string[];
  remediationIds: Record<string, string[]>;
  unknown: number[];
  inputs: number[];
  feeMonths: number | null;
  owed: string | null;
  label: number;
}

/** What the SQL row says about one worker. */
function fromRow(row: WorkerRow): WorkerProjection {
  const bits = (mask: Int32Array) => RULE_IDS.filter((_, r) => (mask[Math.floor(r / MASK_BITS)]! & (1 << (r % MASK_BITS))) !== 0);
  const remediated = bits(row.remediated);
  const ids = (id: string) => {
    const family = REMEDIATION_FAMILY[id];
    const v = family === 'fees' ? row.repaymentIds : family === 'documents' ? row.documentReturnId : row.sponsorshipId;
    return v === null ? [] : v.split(',').sort();
  };
  return {
    active: bits(row.active),
    remediated,
    remediationIds: Object.fromEntries(remediated.map((id) => [id, ids(id)])),
    unknown: [...row.unknown],
    inputs: [...row.inputs],
    feeMonths: row.feeMonths,
    owed: row.owed,
    label: row.label,
  };
}

/** The same, from the engine's worker assessment. */
function fromAssessment(w: WorkerAssessment): WorkerProjection {
  const remediated = w.indicators.filter((i) => i.status === 'remediated');
  const active = w.indicators.filter((i) => i.status === 'active').map((i) => i.ruleId);
  return {
    active: RULE_IDS.filter((id) => active.includes(id)),
    remediated: RULE_IDS.filter((id) => remediated.some((i) => i.ruleId === id)),
    remediationIds: Object.fromEntries(remediated.map((i) => [i.ruleId, i.evidenceIds.filter((e) => e !== w.subject.id).sort()])),
    unknown: INDICATOR_GROUPS.map((g) => w.coverage.byGroup[g].unknown),
    inputs: INDICATOR_GROUPS.map((g) => w.coverage.byGroup[g].known + w.coverage.byGroup[g].unknown),
    feeMonths: w.fees.lines.length > 0 ? w.fees.monthsOfWage : null,
    owed: active.includes('FEE-01') ? feesOwed(w.fees).map((m) => `${m.currency} ${m.amountMinor}`).join(';') || null : null,
    label: CLASSIFICATIONS.indexOf(w.classification.current.label),
  };
}

describe('scoring parity: SQL GroupFacts equal summarizeWorkers(assessWorker(...))', () => {
  let pool: pg.Pool;
  let org: SeededOrg;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
    const { rows } = await pool.query<{ id: string }>(`INSERT INTO organizations (name, kind, jurisdiction) VALUES ($1, 'company', 'GB') RETURNING id`, [
      `Parity ${Date.now()} ${Math.random()}`,
    ]);
    const chain = await seedSupplyChain(pool, rows[0]!.id, { sites: 7, recruiters: 5 });
    await insertRates(pool, chain.organizationId, PARITY_RATES);
    const interviewIds = await seedDiverseInterviews(pool, chain, INTERVIEWS, 20251122);
    await seedDiverseFindings(pool, chain, FINDINGS, 20251123);
    org = { ...chain, interviewIds };
  }, 120_000);

  afterAll(async () => {
    await pool.end();
  });

  const configs: [string, ScoringConfig][] = [
    ['the default configuration', DEFAULT_SCORING_CONFIG],
    [
      'a changed configuration (strict Delphi, child age 16, no exempt holders, 3 grace days, 2 debt months, samples of 3, findings: every severity a floor, 90/400 days)',
      resolveConfig({
        findings: { floorBands: { low: 'medium', medium: 'high', high: 'high', critical: 'critical' }, fullWeightDays: 90, expiryDays: 400 },
        delphi: { strictMode: true, childAge: 16 },
        documents: { exemptHolders: [], returnGraceDays: 3 },
        fees: { debtMonths: 2, severityMonths: { high: 2, critical: 4 } },
        prevalence: { evidenceSampleSize: 3 },
      }),
    ],
    ['employer custody exempt, no samples', resolveConfig({ documents: { exemptHolders: ['government', 'employer'] }, prevalence: { evidenceSampleSize: 0 } })],
  ];

  it.each(configs)('agrees under %s', async (_name, config) => {
    const reference = await referenceGroupFacts(pool, org.organizationId, AS_OF, config);
    const client = await pool.connect();
    const rows = new Map<string, WorkerProjection>();
    let read;
    let sqlFindings: Map<string, FindingFacts[]>;
    try {
      await client.query('BEGIN');
      sqlFindings = await readSiteFindings(queryFnOf(client), { organizationId: org.organizationId, asOf: AS_OF, config, scope: { kind: 'organization' } });
      read = await readGroupFacts(client, {
        organizationId: org.organizationId,
        asOf: AS_OF,
        config,
        rates: await loadExchangeRateTable(queryFnOf(client), org.organizationId),
        scope: { kind: 'organization' },
        siteIds: org.siteIds,
        recruiterIds: org.recruiterIds,
        onRow: (row) => rows.set(row.id, fromRow(row)),
      });
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    // Per worker first: a mismatch names the interview and the field.
    expect(read.interviews).toBe(INTERVIEWS);
    const mismatches = reference.workers
      .map((w) => ({ id: w.subject.id, js: fromAssessment(w), sql: rows.get(w.subject.id) }))
      .filter((x) => JSON.stringify(x.js) !== JSON.stringify(x.sql));
    expect(mismatches.slice(0, 3)).toEqual([]);

    // Then the GroupFacts of every site and every recruiter.
    for (const siteId of org.siteIds) expect(read.sites.get(siteId)!.toGroupFacts()).toEqual(reference.sites.get(siteId));
    for (const recruiterId of org.recruiterIds) expect(read.recruiters.get(recruiterId)!.toGroupFacts()).toEqual(reference.recruiters.get(recruiterId));

    // The data really exercised everything the SQL reproduces.
    const fired = new Set(reference.workers.flatMap((w) => w.indicators.filter((i) => i.status === 'active').map((i) => i.ruleId)));
    const remediated = new Set(reference.workers.flatMap((w) => w.indicators.filter((i) => i.status === 'remediated').map((i) => i.ruleId)));
    expect(RULES.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
    expect(Object.keys(REMEDIATION_FAMILY).filter((id) => !remediated.has(id))).toEqual([]);
    const labels = new Set(reference.workers.map((w) => w.classification.current.label));
    expect(CLASSIFICATIONS.filter((c) => !labels.has(c))).toEqual([]);
    const notes = new Set(reference.workers.flatMap((w) => w.notes.map((n) => n.ruleId)));
    expect([...notes].sort()).toEqual(['DOC-N1', 'FEE-N1']);
    expect(reference.workers.some((w) => w.fees.lines.some((l) => l.rateSources.length === 2))).toBe(true); // a pivot conversion
    expect(reference.workers.some((w) => w.fees.repayments.some((r) => r.convertedMinor === null))).toBe(true);
    expect(reference.workers.some((w) => w.coverage.unknown > 0 && w.coverage.known > 0)).toBe(true);
    expect(MASK_WORDS).toBeGreaterThan(0);

    // Audit findings (FIND-01): the run's one query against every finding of the organisation, then the site assessments they give.
    const refFindings = await referenceSiteFindings(pool, org.organizationId);
    const prior = inherentRisk({ countryScore: 3, sectorScore: 2, goodsFlags: {} });
    const scored = org.siteIds.flatMap((siteId) => scoreFindings(refFindings.get(siteId) ?? [], AS_OF, config));
    for (const siteId of org.siteIds) {
      expect(scoreFindings(sqlFindings.get(siteId) ?? [], AS_OF, config)).toEqual(scoreFindings(refFindings.get(siteId) ?? [], AS_OF, config));
      const facts = read.sites.get(siteId)!.toGroupFacts();
      const site = { type: 'site', id: siteId } as const;
      expect(applyAuditFindings(assessGroupFromFacts(site, facts, prior, config), sqlFindings.get(siteId) ?? [], AS_OF, config)).toEqual(
        applyAuditFindings(assessGroupFromFacts(site, reference.sites.get(siteId)!, prior, config), refFindings.get(siteId) ?? [], AS_OF, config),
      );
    }
    // The findings exercised every case: every group with a floor, closed ones, partial decay, and some left out (date, age, unknown code).
    expect(INDICATOR_GROUPS.filter((g) => !scored.some((f) => f.group === g && f.floor > 0))).toEqual([]);
    expect(scored.some((f) => !f.counted)).toBe(true);
    expect(scored.some((f) => f.counted && f.recency > 0 && f.recency < 1)).toBe(true);
    expect(scored.length).toBeLessThan([...refFindings.values()].reduce((a, l) => a + l.length, 0));
    expect([...sqlFindings.values()].reduce((a, l) => a + l.length, 0)).toBeLessThan([...refFindings.values()].reduce((a, l) => a + l.length, 0));
  }, 120_000);
});
