/**
 * One scoring run of one organisation: the whole pipeline behind the
 * `score-organization` and `score-sites` jobs (and the benchmark).
 *
 *  1. plan      (REPEATABLE READ snapshot) settings, exchange rates, reference
 *               data, the subjects in scope; sites whose data changed are
 *               claimed from scoring_pending_sites.
 *  2. read      one set-based SQL pass computes each interview's worker-level
 *               facts (./group-facts.sql.ts) and streams them with COPY; they
 *               are folded into GroupFacts per site and per recruiter as they
 *               arrive.
 *  3. assess    @lantern/scoring: site and recruiter group assessments with
 *               their inherent-risk priors, recruiter risk propagated to the
 *               sites it placed workers at, supplier roll-up bottom-up over
 *               supply_links (depth discount, cycle-safe), thresholds ->
 *               block recommendations and remediation items.
 *  4. write     one READ COMMITTED transaction: assessments (append-only,
 *               COPY), current pointers (upsert), recommendations, items, the
 *               claimed pending sites removed, the run row completed.
 *
 * Runs of one organisation are serialised by a session advisory lock, so a
 * later run always starts from what the earlier one wrote. Worker-level
 * assessments are not stored: GET /interviews/:id/risk computes them on
 * demand with the same methodology version.
 */
import { createHash, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Pool, PoolClient } from 'pg';
import {
  BANDS,
  METHODOLOGY_VERSION,
  RISKS,
  applyAuditFindings,
  assessGroupFromFacts,
  assessSupplier,
  evaluateThresholds,
  propagateRecruiterRisk,
  type Band,
  type ConfidenceLevel,
  type ExplanationNode,
  type FindingFacts,
  type GroupAssessment,
  type GroupFacts,
  type RecruiterShare,
  type RiskKey,
  type ScoredAssessment,
  type ScoringConfig,
  type SupplierAssessment,
  type ThresholdResult,
} from '@lantern/scoring';
import { AuditTrail, loadExchangeRateTable, loadScoringSettings, pgAuditSql, queryFnOf, type QueryFn } from '@lantern/platform';
import { CopyWriter, copyIn, type CopyValue } from './copy-io.js';
import { GroupFactsAccumulator } from './group-facts.accumulator.js';
import { readSiteFindings } from './findings.reader.js';
import { readGroupFacts } from './group-facts.reader.js';
import type { ScoringScope } from './group-facts.sql.js';
import { InherentRiskReference, type PriorSources } from './inherent-risk.inputs.js';

export type RunScope = 'organization' | 'sites';

export interface ScoringProgress {
  /** 0..1 */
  progress: number;
  phase: 'planning' | 'reading' | 'assessing' | 'writing' | 'done';
  interviewsRead?: number;
  interviewsTotal?: number;
}

export interface ScoringRunOptions {
  organizationId: string;
  scope: RunScope;
  reason: string;
  /** YYYY-MM-DD */
  asOf: string;
  jobId?: string;
  onProgress?: (p: ScoringProgress) => void | Promise<void>;
}

export type BandCounts = Record<Band, number>;

export interface ScoringRunResult {
  runId: string | null;
  organizationId: string;
  /** What was actually scored: a `sites` job falls back to the whole organisation when it must. */
  scope: RunScope;
  skipped: boolean;
  asOf: string;
  methodologyVersion: string;
  interviews: number;
  sites: number;
  recruiters: number;
  suppliers: number;
  assessments: number;
  blockRecommendations: number;
  remediationItems: number;
  bands: { site: BandCounts; supplier: BandCounts; recruiter: BandCounts };
  timingsMs: Record<string, number>;
}

interface SiteMeta {
  id: string;
  supplierId: string;
  name: string;
  country: string;
  sector: string | null;
}
interface SupplierMeta {
  id: string;
  name: string;
  country: string;
  sector: string | null;
}
interface RecruiterMeta {
  id: string;
  name: string;
  country: string;
}

/** A stored current assessment, in the shape the roll-ups read. */
interface CurrentRow {
  subject_type: 'site' | 'supplier' | 'recruiter';
  subject_id: string;
  overall: string;
  band: Band;
  recruitment_fee: string;
  tied_visa: string;
  document_confiscation: string;
  confidence: ConfidenceLevel;
  n_effective: string;
  sample_size: number;
  evidence_ids: string[];
}

interface Plan {
  scope: RunScope;
  sites: SiteMeta[];
  recruiters: RecruiterMeta[];
  suppliers: SupplierMeta[];
  /** Sub-suppliers of each supplier (those that sell to it), sorted. */
  subSuppliers: Map<string, string[]>;
  /** Every site of each supplier in `suppliers` (ids). */
  supplierSites: Map<string, string[]>;
  /** Current assessments of subjects outside the scope that the roll-ups need. */
  current: Map<string, ScoredAssessment & { sampleSize: number }>;
  sqlScope: ScoringScope;
  claimed: { siteId: string; requestedAt: string }[];
}

interface SubjectOutput {
  id: string;
  subjectType: 'site' | 'supplier' | 'recruiter';
  subjectId: string;
  name: string;
  country: string | null;
  sector: string | null;
  risks: Record<RiskKey, { score: number; band: Band }>;
  overall: { score: number; band: Band };
  confidence: { level: ConfidenceLevel; value: number; nEffective: number };
  sampleSize: number;
  explanation: ExplanationNode;
  details: Record<string, unknown>;
  inputsHash: string;
  thresholds: ThresholdResult;
}

/** What the roll-ups keep of an assessment once it is written (the explanation's root, without its subtree). */
type Slim = ScoredAssessment & { sampleSize: number };

function slim(a: ScoredAssessment, sampleSize: number): Slim {
  const { children: _children, ...root } = a.explanation;
  void _children;
  return { subject: a.subject, risks: a.risks, overall: a.overall, confidence: a.confidence, explanation: { ...root, children: [] }, sampleSize };
}

interface RecruiterShareInput {
  recruiterId: string;
  workerShare: number;
  count: number;
  recruiterScore: number;
}

/** A current_assessments row to upsert. */
interface Pointer {
  id: string;
  subjectType: SubjectOutput['subjectType'];
  subjectId: string;
  name: string;
  country: string | null;
  sector: string | null;
  overall: { score: number; band: Band };
  risks: Record<RiskKey, { score: number; band: Band }>;
  confidence: ConfidenceLevel;
  nEffective: number;
  sampleSize: number;
}

const ASSESSMENT_COLUMNS = [
  'id', 'organization_id', 'run_id', 'subject_type', 'subject_id', 'methodology_version', 'as_of', 'overall', 'band', 'recruitment_fee',
  'tied_visa', 'document_confiscation', 'confidence', 'confidence_value', 'n_effective', 'sample_size', 'explanation', 'details', 'inputs_hash',
];
const BLOCK_COLUMNS = ['organization_id', 'assessment_id', 'run_id', 'subject_type', 'subject_id', 'reason', 'rule_ids', 'severity', 'evidence_ids'];
const ITEM_COLUMNS = ['organization_id', 'assessment_id', 'run_id', 'subject_type', 'subject_id', 'kind', 'rule_ids', 'workers', 'amounts', 'responsible', 'evidence_ids', 'explanation'];

const key = (type: string, id: string): string => `${type}:${id}`;
const emptyBands = (): BandCounts => Object.fromEntries(BANDS.map((b) => [b, 0])) as BandCounts;
const sha256 = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Below this many interviews one stream is fast enough. */
const PARALLEL_FROM_INTERVIEWS = 50_000;

export class ScoringRunner {
  /** Connections the SQL pass of a large organisation is split over (default: the CPU count, at most 4). */
  readonly streams: number;

  constructor(
    private readonly pool: Pool,
    private readonly log: (message: string) => void = () => undefined,
    options: { streams?: number } = {},
  ) {
    this.streams = Math.max(1, options.streams ?? Math.min(4, availableParallelism()));
  }

  async run(options: ScoringRunOptions): Promise<ScoringRunResult> {
    const client = await this.pool.connect();
    const lockKey = `lantern-scoring:${options.organizationId}`;
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lockKey]);
      try {
        return await this.runLocked(client, options);
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey]).catch((err: Error) => {
          broken = err;
        });
      }
    } catch (err) {
      if ((err as { code?: string }).code === undefined) broken ??= err as Error;
      throw err;
    } finally {
      client.release(broken);
    }
  }

  private async runLocked(client: PoolClient, options: ScoringRunOptions): Promise<ScoringRunResult> {
    const { organizationId, asOf } = options;
    const query = queryFnOf(client);
    const timings: Record<string, number> = {};
    const t0 = performance.now();
    let mark = t0;
    const lap = (name: string): void => {
      const now = performance.now();
      timings[name] = Math.round(now - mark);
      mark = now;
    };
    const progress = async (p: ScoringProgress): Promise<void> => {
      if (options.onProgress) await options.onProgress(p);
    };
    await progress({ progress: 0, phase: 'planning' });

    // ---------------------------------------------------------------- 1. plan + 2. read (one snapshot)
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    // The pass is one huge expression tree: LLVM would spend seconds compiling it for little gain.
    await client.query('SET LOCAL jit = off');
    let plan: Plan | null;
    let settingsConfig: ScoringConfig;
    let reference: InherentRiskReference;
    let siteAccs: Map<string, GroupFactsAccumulator>;
    let recruiterAccs: Map<string, GroupFactsAccumulator>;
    let siteRecruiters: Map<string, Map<string, number>>;
    let siteFindings: Map<string, FindingFacts[]>;
    let interviews = 0;
    let runId: string | null = null;
    try {
      const settings = await loadScoringSettings(query, organizationId);
      settingsConfig = settings.config;
      const rates = await loadExchangeRateTable(query, organizationId);
      reference = await InherentRiskReference.load(query, settings.sectorScores, settings.config);
      plan = await this.plan(query, organizationId, options.scope, settings.config);
      lap('plan');
      if (plan === null) {
        await client.query('COMMIT');
        await progress({ progress: 1, phase: 'done' });
        return this.skipped(options);
      }
      const [{ count: total }] = await query<{ count: number }>(
        plan.sqlScope.kind === 'organization'
          ? `SELECT count(*)::int AS count FROM interviews WHERE organization_id = $1`
          : `SELECT count(*)::int AS count FROM interviews WHERE organization_id = $1 AND (site_id = ANY($2::uuid[]) OR recruiter_id = ANY($3::uuid[]))`,
        plan.sqlScope.kind === 'organization' ? [organizationId] : [organizationId, plan.sqlScope.siteIds, plan.sqlScope.recruiterIds],
      );
      runId = await this.startRun(organizationId, options, plan.scope, settings.config);

      // 2. read: per-interview facts in SQL, folded into GroupFacts here while PostgreSQL computes.
      let lastReport = 0;
      const read = await readGroupFacts(client, {
        organizationId,
        asOf,
        config: settings.config,
        rates,
        scope: plan.sqlScope,
        siteIds: plan.sites.map((s) => s.id),
        recruiterIds: plan.recruiters.map((r) => r.id),
        // Large passes are split over several connections so that PostgreSQL computes on several cores.
        parallel: total >= PARALLEL_FROM_INTERVIEWS ? { pool: this.pool, streams: this.streams } : undefined,
        onRows: async (rows) => {
          if (rows - lastReport >= 50_000) {
            lastReport = rows;
            await progress({ progress: 0.7 * (total === 0 ? 1 : Math.min(1, rows / total)), phase: 'reading', interviewsRead: rows, interviewsTotal: total });
          }
        },
      });
      siteAccs = read.sites;
      recruiterAccs = read.recruiters;
      siteRecruiters = read.siteRecruiters;
      interviews = read.interviews;
      // Audit findings (FIND-01): one query, same snapshot.
      siteFindings = await readSiteFindings(query, { organizationId, asOf, config: settings.config, scope: plan.sqlScope });
      await client.query('COMMIT');
      lap('read');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (runId !== null) await this.failRun(runId, err);
      throw err;
    }

    // ---------------------------------------------------------------- 3. assess + 4. write, overlapped
    // Assessments stream into one COPY of the write transaction as they are made: PostgreSQL
    // parses and stores them on its core while this process assesses the next subjects.
    const config = settingsConfig;
    const configHash = sha256(config);
    const ctx = { configHash, asOf, config };
    const empty = new GroupFactsAccumulator(config.prevalence.evidenceSampleSize).toGroupFacts();
    const bands = { site: emptyBands(), supplier: emptyBands(), recruiter: emptyBands() };
    const pointers: Pointer[] = [];
    const blocks: CopyValue[][] = [];
    const items: CopyValue[][] = [];
    const subjectsTotal = plan.recruiters.length + plan.sites.length + plan.suppliers.length;
    let emitted = 0;
    await client.query('BEGIN');
    try {
      await progress({ progress: 0.7, phase: 'assessing', interviewsRead: interviews, interviewsTotal: interviews });
      const writer = new CopyWriter(client, 'assessments', ASSESSMENT_COLUMNS);
      const emit = async (o: SubjectOutput): Promise<void> => {
        await writer.write([
          o.id, organizationId, runId, o.subjectType, o.subjectId, METHODOLOGY_VERSION, asOf, o.overall.score, o.overall.band,
          o.risks.recruitment_fee.score, o.risks.tied_visa.score, o.risks.document_confiscation.score, o.confidence.level,
          o.confidence.value, o.confidence.nEffective, o.sampleSize, o.explanation as unknown as Record<string, unknown>, o.details, o.inputsHash,
        ]);
        pointers.push({
          id: o.id, subjectType: o.subjectType, subjectId: o.subjectId, name: o.name, country: o.country, sector: o.sector, overall: o.overall,
          risks: o.risks, confidence: o.confidence.level, nEffective: o.confidence.nEffective, sampleSize: o.sampleSize,
        });
        // evidence_ids are jsonb (cheaper for PostgreSQL to take in than text[] of this size).
        for (const b of o.thresholds.blocks) {
          blocks.push([organizationId, o.id, runId, o.subjectType, o.subjectId, b.reason, b.ruleIds, b.severity, JSON.stringify(b.evidenceIds)]);
        }
        for (const r of o.thresholds.remediation) {
          items.push([
            organizationId, o.id, runId, o.subjectType, o.subjectId, r.kind, r.ruleIds, r.workers, r.amounts as unknown as unknown[], r.responsible,
            JSON.stringify(r.evidenceIds), r.explanation,
          ]);
        }
        bands[o.subjectType][o.overall.band] += 1;
        if (++emitted % 500 === 0) {
          await yieldToEventLoop();
          await progress({ progress: 0.7 + 0.25 * (emitted / subjectsTotal), phase: 'assessing', interviewsRead: interviews, interviewsTotal: interviews });
        }
      };

      const recruiterAssessments = new Map<string, Slim>();
      for (const r of plan.recruiters) {
        const facts = recruiterAccs.get(r.id)!.toGroupFacts();
        const { prior, sources } = reference.prior({ country: r.country, sector: null }, { goods: false });
        const a = assessGroupFromFacts({ type: 'recruiter', id: r.id }, facts, prior, config);
        recruiterAssessments.set(r.id, slim(a, facts.n));
        await emit(this.groupOutput(a, r, null, sources, facts, ctx, [], []));
      }
      const recruiterFor = (id: string): ScoredAssessment | undefined => recruiterAssessments.get(id) ?? plan!.current.get(key('recruiter', id));

      const siteAssessments = new Map<string, Slim>();
      for (const s of plan.sites) {
        const facts: GroupFacts = siteAccs.get(s.id)?.toGroupFacts() ?? empty;
        const { prior, sources } = reference.prior({ country: s.country, sector: s.sector });
        const findings = siteFindings.get(s.id) ?? [];
        // The site's own evidence: interviews, then its audit findings as a floor per risk; recruiters' risk on top.
        let a: GroupAssessment = applyAuditFindings(assessGroupFromFacts({ type: 'site', id: s.id }, facts, prior, config), findings, asOf, config);
        const counts = siteRecruiters.get(s.id);
        const shares: RecruiterShareInput[] = [];
        if (counts !== undefined && facts.n > 0) {
          const list: RecruiterShare[] = [];
          for (const recruiterId of [...counts.keys()].sort()) {
            const assessment = recruiterFor(recruiterId);
            if (assessment === undefined) continue;
            const workerShare = counts.get(recruiterId)! / facts.n;
            list.push({ assessment, workerShare });
            shares.push({ recruiterId, workerShare, count: counts.get(recruiterId)!, recruiterScore: assessment.risks.recruitment_fee.score });
          }
          if (list.length > 0) a = propagateRecruiterRisk(a, list, config);
        }
        siteAssessments.set(s.id, slim(a, facts.n));
        await emit(this.groupOutput(a, s, s.sector, sources, facts, ctx, shares, findings));
      }

      // Suppliers, bottom-up over "sells to" edges; an edge back into the current path closes a cycle and is left out.
      const supplierAssessments = new Map<string, Slim>();
      const supplierById = new Map(plan.suppliers.map((s) => [s.id, s]));
      const state = new Map<string, 'open' | 'done'>();
      const brokenEdges = new Map<string, string[]>();
      const scoredFor = (type: 'site' | 'supplier', id: string) =>
        (type === 'site' ? siteAssessments.get(id) : supplierAssessments.get(id)) ?? plan!.current.get(key(type, id));
      for (const root of [...supplierById.keys()].sort()) {
        if (state.has(root)) continue;
        const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
        state.set(root, 'open');
        while (stack.length > 0) {
          const frame = stack[stack.length - 1]!;
          const children = plan.subSuppliers.get(frame.id) ?? [];
          if (frame.next < children.length) {
            const child = children[frame.next++]!;
            if (!supplierById.has(child)) continue; // outside the scope: its current assessment is used
            const st = state.get(child);
            if (st === 'open') brokenEdges.set(frame.id, [...(brokenEdges.get(frame.id) ?? []), child]);
            else if (st === undefined) {
              state.set(child, 'open');
              stack.push({ id: child, next: 0 });
            }
            continue;
          }
          stack.pop();
          state.set(frame.id, 'done');
          const meta = supplierById.get(frame.id)!;
          const broken = new Set(brokenEdges.get(frame.id) ?? []);
          const sites = (plan.supplierSites.get(frame.id) ?? []).map((id) => scoredFor('site', id)).filter((x) => x !== undefined);
          const subs = children.filter((c) => !broken.has(c)).map((id) => scoredFor('supplier', id)).filter((x) => x !== undefined);
          const { prior, sources } = reference.prior({ country: meta.country, sector: meta.sector });
          const a = assessSupplier({ type: 'supplier', id: meta.id }, { sites, subSuppliers: subs }, prior, config);
          const sampleSize = [...sites, ...subs].reduce((sum, x) => sum + x.sampleSize, 0);
          supplierAssessments.set(meta.id, slim(a, sampleSize));
          await emit(this.supplierOutput(a, meta, sources, sampleSize, [...broken], ctx));
        }
      }
      await writer.end();
      lap('assess');

      await progress({ progress: 0.95, phase: 'writing', interviewsRead: interviews, interviewsTotal: interviews });
      await this.writePointers(client, organizationId, asOf, pointers);
      lap('writePointers');
      await copyIn(client, 'block_recommendations', BLOCK_COLUMNS, blocks);
      await copyIn(client, 'remediation_items', ITEM_COLUMNS, items);
      lap('writeRecommendations');
      await progress({ progress: 0.99, phase: 'writing', interviewsRead: interviews, interviewsTotal: interviews });
      const result: ScoringRunResult = {
        runId,
        organizationId,
        scope: plan.scope,
        skipped: false,
        asOf,
        methodologyVersion: METHODOLOGY_VERSION,
        interviews,
        sites: plan.sites.length,
        recruiters: plan.recruiters.length,
        suppliers: plan.suppliers.length,
        assessments: pointers.length,
        blockRecommendations: blocks.length,
        remediationItems: items.length,
        bands,
        timingsMs: {},
      };
      result.timingsMs = { ...timings, total: Math.round(performance.now() - t0) };
      await client.query(`UPDATE scoring_runs SET status = 'completed', finished_at = now(), stats = $2 WHERE id = $1`, [runId, JSON.stringify(result)]);
      await AuditTrail.recordSystem(pgAuditSql(client), organizationId, { action: 'scoring_run.completed', subjectType: 'scoring_run', subjectId: runId!, after: result });
      // Lock order: the organisation's audit-chain lock (taken just above) before the outbox rows.
      // An API write takes them in that order too (its audit event, then it marks the site
      // dirty); deleting the claimed rows before the audit event could deadlock with it.
      if (plan.claimed.length > 0) {
        await client.query(
          `DELETE FROM scoring_pending_sites p USING unnest($2::uuid[], $3::timestamptz[]) AS c(site_id, requested_at)
            WHERE p.organization_id = $1 AND p.site_id = c.site_id AND p.requested_at = c.requested_at`,
          [organizationId, plan.claimed.map((c) => c.siteId), plan.claimed.map((c) => c.requestedAt)],
        );
      }
      await client.query('COMMIT');
      await progress({ progress: 1, phase: 'done', interviewsRead: interviews, interviewsTotal: interviews });
      this.log(
        `scored ${organizationId} (${plan.scope}): ${interviews} interviews, ${plan.sites.length} sites, ${plan.recruiters.length} recruiters, ` +
          `${plan.suppliers.length} suppliers in ${result.timingsMs.total} ms`,
      );
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      await this.failRun(runId!, err);
      throw err;
    }
  }

  // -------------------------------------------------------------------------- planning

  /** The subjects to score; null when a `sites` run finds nothing pending. */
  private async plan(query: QueryFn, organizationId: string, requested: RunScope, config: ScoringConfig): Promise<Plan | null> {
    const claimed = (
      await query<{ site_id: string; requested_at: string }>(
        `SELECT site_id, requested_at::text AS requested_at FROM scoring_pending_sites WHERE organization_id = $1 ORDER BY site_id`,
        [organizationId],
      )
    ).map((r) => ({ siteId: r.site_id, requestedAt: r.requested_at }));
    if (requested === 'sites') {
      if (claimed.length === 0) return null;
      const subset = await this.planSubset(query, organizationId, claimed, config);
      if (subset !== null) return subset;
    }
    return this.planOrganization(query, organizationId, claimed);
  }

  private async planOrganization(query: QueryFn, organizationId: string, claimed: Plan['claimed']): Promise<Plan> {
    const sites = await this.sites(query, `s.organization_id = $1`, [organizationId]);
    const recruiters = await this.recruiters(query, `r.organization_id = $1`, [organizationId]);
    const suppliers = await this.suppliers(query, `s.organization_id = $1`, [organizationId]);
    const links = await query<{ supplier_id: string; buyer_id: string }>(
      `SELECT supplier_id, buyer_id FROM supply_links WHERE organization_id = $1 ORDER BY buyer_id, supplier_id`,
      [organizationId],
    );
    return {
      scope: 'organization',
      sites,
      recruiters,
      suppliers,
      subSuppliers: groupBy(links, (l) => l.buyer_id, (l) => l.supplier_id),
      supplierSites: groupBy(sites, (s) => s.supplierId, (s) => s.id),
      current: new Map(),
      sqlScope: { kind: 'organization' },
      claimed,
    };
  }

  /**
   * A `sites` run: the changed sites, the recruiters that placed workers
   * there (their assessments span all sites), every site those recruiters
   * placed workers at (propagation changes), and the suppliers owning those
   * sites with all their buyers up the chain. Everything else the roll-ups
   * read comes from current assessments; when one is missing the run falls
   * back to the whole organisation (null).
   */
  private async planSubset(query: QueryFn, organizationId: string, claimed: Plan['claimed'], config: ScoringConfig): Promise<Plan | null> {
    const [{ scored }] = await query<{ scored: boolean }>(`SELECT EXISTS (SELECT 1 FROM current_assessments WHERE organization_id = $1) AS scored`, [organizationId]);
    if (!scored) return null;
    const dirty = claimed.map((c) => c.siteId);
    const recruiterIds = (
      await query<{ id: string }>(
        `SELECT DISTINCT recruiter_id AS id FROM interviews WHERE organization_id = $1 AND site_id = ANY($2::uuid[]) AND recruiter_id IS NOT NULL ORDER BY 1`,
        [organizationId, dirty],
      )
    ).map((r) => r.id);
    const siteIds = (
      await query<{ id: string }>(
        `SELECT id FROM sites WHERE organization_id = $1 AND (id = ANY($2::uuid[])
            OR id IN (SELECT site_id FROM interviews WHERE organization_id = $1 AND recruiter_id = ANY($3::uuid[]))) ORDER BY id`,
        [organizationId, dirty, recruiterIds],
      )
    ).map((r) => r.id);
    const sites = await this.sites(query, `s.organization_id = $1 AND s.id = ANY($2::uuid[])`, [organizationId, siteIds]);
    const recruiters = await this.recruiters(query, `r.organization_id = $1 AND r.id = ANY($2::uuid[])`, [organizationId, recruiterIds]);
    const supplierIds = (
      await query<{ id: string }>(
        `WITH RECURSIVE up(id) AS (
           SELECT supplier_id FROM sites WHERE organization_id = $1 AND id = ANY($2::uuid[])
           UNION
           SELECT l.buyer_id FROM supply_links l JOIN up ON l.supplier_id = up.id WHERE l.organization_id = $1
         ) SELECT id FROM up ORDER BY id`,
        [organizationId, siteIds],
      )
    ).map((r) => r.id);
    const suppliers = await this.suppliers(query, `s.organization_id = $1 AND s.id = ANY($2::uuid[])`, [organizationId, supplierIds]);
    const links = await query<{ supplier_id: string; buyer_id: string }>(
      `SELECT supplier_id, buyer_id FROM supply_links WHERE organization_id = $1 AND buyer_id = ANY($2::uuid[]) ORDER BY buyer_id, supplier_id`,
      [organizationId, supplierIds],
    );
    const supplierSiteRows = await query<{ id: string; supplier_id: string }>(
      `SELECT id, supplier_id FROM sites WHERE organization_id = $1 AND supplier_id = ANY($2::uuid[]) ORDER BY id`,
      [organizationId, supplierIds],
    );
    const otherRecruiters = (
      await query<{ id: string }>(
        `SELECT DISTINCT recruiter_id AS id FROM interviews
          WHERE organization_id = $1 AND site_id = ANY($2::uuid[]) AND recruiter_id IS NOT NULL AND NOT (recruiter_id = ANY($3::uuid[]))`,
        [organizationId, siteIds, recruiterIds],
      )
    ).map((r) => r.id);
    const inScope = new Set(siteIds);
    const inScopeSuppliers = new Set(supplierIds);
    const needed = [
      ...otherRecruiters.map((id) => ['recruiter', id] as const),
      ...supplierSiteRows.filter((s) => !inScope.has(s.id)).map((s) => ['site', s.id] as const),
      ...links.filter((l) => !inScopeSuppliers.has(l.supplier_id)).map((l) => ['supplier', l.supplier_id] as const),
    ];
    const current = await this.currentAssessments(query, organizationId, needed, config);
    if (needed.some(([type, id]) => !current.has(key(type, id)))) return null;
    return {
      scope: 'sites',
      sites,
      recruiters,
      suppliers,
      subSuppliers: groupBy(links, (l) => l.buyer_id, (l) => l.supplier_id),
      supplierSites: groupBy(supplierSiteRows, (s) => s.supplier_id, (s) => s.id),
      current,
      sqlScope: { kind: 'subset', siteIds, recruiterIds },
      claimed,
    };
  }

  private async sites(query: QueryFn, where: string, params: unknown[]): Promise<SiteMeta[]> {
    const rows = await query<{ id: string; supplier_id: string; name: string; country: string; sector: string | null }>(
      `SELECT s.id, s.supplier_id, s.name, s.country, s.sector FROM sites s WHERE ${where} ORDER BY s.id`,
      params,
    );
    return rows.map((r) => ({ id: r.id, supplierId: r.supplier_id, name: r.name, country: r.country.trim(), sector: r.sector }));
  }

  private async recruiters(query: QueryFn, where: string, params: unknown[]): Promise<RecruiterMeta[]> {
    const rows = await query<{ id: string; name: string; country: string }>(`SELECT r.id, r.name, r.country FROM recruiters r WHERE ${where} ORDER BY r.id`, params);
    return rows.map((r) => ({ id: r.id, name: r.name, country: r.country.trim() }));
  }

  private async suppliers(query: QueryFn, where: string, params: unknown[]): Promise<SupplierMeta[]> {
    const rows = await query<{ id: string; name: string; country: string; sector: string | null }>(
      `SELECT s.id, s.name, s.country, s.sector FROM suppliers s WHERE ${where} ORDER BY s.id`,
      params,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, country: r.country.trim(), sector: r.sector }));
  }

  private async currentAssessments(
    query: QueryFn,
    organizationId: string,
    subjects: readonly (readonly [string, string])[],
    config: ScoringConfig,
  ): Promise<Map<string, ScoredAssessment & { sampleSize: number }>> {
    if (subjects.length === 0) return new Map();
    const rows = await query<CurrentRow>(
      `SELECT c.subject_type, c.subject_id, c.overall::text, c.band, c.recruitment_fee::text, c.tied_visa::text, c.document_confiscation::text,
              c.confidence, c.n_effective::text, c.sample_size, a.explanation -> 'evidenceIds' AS evidence_ids
         FROM current_assessments c JOIN assessments a ON a.id = c.assessment_id
        WHERE c.organization_id = $1 AND (c.subject_type, c.subject_id) IN (SELECT * FROM unnest($2::text[], $3::uuid[]))`,
      [organizationId, subjects.map(([t]) => t), subjects.map(([, id]) => id)],
    );
    const bandOf = (score: number): Band =>
      score >= config.bands.critical ? 'critical' : score >= config.bands.high ? 'high' : score >= config.bands.medium ? 'medium' : 'low';
    return new Map(
      rows.map((r) => {
        const risk = (v: string) => ({ score: Number(v), band: bandOf(Number(v)) });
        const risks = { recruitment_fee: risk(r.recruitment_fee), tied_visa: risk(r.tied_visa), document_confiscation: risk(r.document_confiscation) };
        const scored: ScoredAssessment & { sampleSize: number } = {
          subject: { type: r.subject_type, id: r.subject_id },
          risks,
          overall: { score: Number(r.overall), band: r.band },
          confidence: { level: r.confidence, value: 0, nEffective: Number(r.n_effective) },
          explanation: { ruleId: 'SCORE-OVERALL', label: 'Current assessment', weight: 1, inputs: {}, evidenceIds: r.evidence_ids, children: [] },
          sampleSize: r.sample_size,
        };
        return [key(r.subject_type, r.subject_id), scored] as const;
      }),
    );
  }

  // -------------------------------------------------------------------------- outputs

  private groupOutput(
    a: GroupAssessment,
    meta: { id: string; name: string; country: string },
    sector: string | null,
    priorSources: PriorSources,
    facts: GroupFacts,
    ctx: { configHash: string; asOf: string; config: ScoringConfig },
    recruiters: RecruiterShareInput[],
    findings: readonly FindingFacts[],
  ): SubjectOutput {
    const subjectType = a.subject.type;
    return {
      id: randomUUID(),
      subjectType,
      subjectId: a.subject.id,
      name: meta.name,
      country: meta.country,
      sector,
      risks: pickRisks(a.risks),
      overall: { score: a.overall.score, band: a.overall.band },
      confidence: a.confidence,
      sampleSize: a.n,
      explanation: a.explanation,
      details: {
        kind: 'group',
        n: a.n,
        risks: a.risks,
        overall: a.overall,
        confidence: a.confidence,
        prevalence: a.prevalence.map((p) => ({ ruleId: p.ruleId, severity: p.severity, count: p.count, remediated: p.remediated, n: p.n, rate: p.rate, lower: p.lower, upper: p.upper, weight: p.weight })),
        severity: a.severity,
        classificationCounts: a.classificationCounts,
        classificationSample: a.classificationSample,
        prior: a.prior,
        priorSources,
        recruiters,
        auditFindings: a.auditFindings,
        disclaimer: a.disclaimer,
      },
      inputsHash: sha256([METHODOLOGY_VERSION, ctx.asOf, ctx.configHash, subjectType, a.subject.id, facts, a.prior, recruiters, findings]),
      thresholds: evaluateThresholds(a, ctx.config.thresholds),
    };
  }

  private supplierOutput(
    a: SupplierAssessment,
    meta: SupplierMeta,
    priorSources: PriorSources,
    sampleSize: number,
    brokenCycleEdges: string[],
    ctx: { configHash: string; asOf: string; config: ScoringConfig },
  ): SubjectOutput {
    return {
      id: randomUUID(),
      subjectType: 'supplier',
      subjectId: meta.id,
      name: meta.name,
      country: meta.country,
      sector: meta.sector,
      risks: pickRisks(a.risks),
      overall: { score: a.overall.score, band: a.overall.band },
      confidence: a.confidence,
      sampleSize,
      explanation: a.explanation,
      details: {
        kind: 'supplier',
        risks: a.risks,
        overall: a.overall,
        confidence: a.confidence,
        contributors: a.contributors,
        prior: a.prior,
        priorSources,
        sampleSize,
        brokenCycleEdges,
        disclaimer: a.disclaimer,
      },
      inputsHash: sha256([METHODOLOGY_VERSION, ctx.asOf, ctx.configHash, 'supplier', meta.id, a.prior, a.contributors, a.risks, a.overall]),
      thresholds: evaluateThresholds(a, ctx.config.thresholds),
    };
  }

  // -------------------------------------------------------------------------- writing

  private async writePointers(client: PoolClient, organizationId: string, asOf: string, pointers: Pointer[]): Promise<void> {
    await client.query(
      `INSERT INTO current_assessments (organization_id, subject_type, subject_id, assessment_id, name, country, sector, overall, band,
          recruitment_fee, tied_visa, document_confiscation, confidence, n_effective, sample_size, methodology_version, as_of, assessed_at)
       SELECT $1, t.subject_type, t.subject_id, t.assessment_id, t.name, t.country, t.sector, t.overall, t.band, t.recruitment_fee, t.tied_visa,
              t.document_confiscation, t.confidence, t.n_effective, t.sample_size, $2, $3::date, now()
         FROM unnest($4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::numeric[], $11::text[], $12::numeric[], $13::numeric[],
                     $14::numeric[], $15::text[], $16::numeric[], $17::int[])
           AS t(subject_type, subject_id, assessment_id, name, country, sector, overall, band, recruitment_fee, tied_visa, document_confiscation,
                confidence, n_effective, sample_size)
       ON CONFLICT (organization_id, subject_type, subject_id) DO UPDATE SET
         assessment_id = EXCLUDED.assessment_id, name = EXCLUDED.name, country = EXCLUDED.country, sector = EXCLUDED.sector,
         overall = EXCLUDED.overall, band = EXCLUDED.band, recruitment_fee = EXCLUDED.recruitment_fee, tied_visa = EXCLUDED.tied_visa,
         document_confiscation = EXCLUDED.document_confiscation, confidence = EXCLUDED.confidence, n_effective = EXCLUDED.n_effective,
         sample_size = EXCLUDED.sample_size, methodology_version = EXCLUDED.methodology_version,
         as_of = EXCLUDED.as_of, assessed_at = EXCLUDED.assessed_at`,
      [
        organizationId,
        METHODOLOGY_VERSION,
        asOf,
        pointers.map((o) => o.subjectType),
        pointers.map((o) => o.subjectId),
        pointers.map((o) => o.id),
        pointers.map((o) => o.name),
        pointers.map((o) => o.country),
        pointers.map((o) => o.sector),
        pointers.map((o) => o.overall.score),
        pointers.map((o) => o.overall.band),
        pointers.map((o) => o.risks.recruitment_fee.score),
        pointers.map((o) => o.risks.tied_visa.score),
        pointers.map((o) => o.risks.document_confiscation.score),
        pointers.map((o) => o.confidence),
        pointers.map((o) => o.nEffective),
        pointers.map((o) => o.sampleSize),
      ],
    );
  }

  /**
   * Record the run as `running`. Runs of one organisation hold its session
   * advisory lock (run()), which PostgreSQL releases when the holder's
   * connection dies: so a `running` run found here belongs to a worker that
   * died mid-run (its writes, one transaction, were rolled back). It is closed
   * as failed rather than left running forever.
   */
  private async startRun(organizationId: string, options: ScoringRunOptions, scope: RunScope, config: ScoringConfig): Promise<string> {
    const abandoned = await this.pool.query(
      `UPDATE scoring_runs SET status = 'failed', finished_at = now(), error = 'abandoned: the worker running it stopped before it finished; nothing it computed was kept'
        WHERE organization_id = $1 AND status = 'running'`,
      [organizationId],
    );
    if ((abandoned.rowCount ?? 0) > 0) this.log(`closed ${abandoned.rowCount} abandoned scoring run(s) of ${organizationId}`);
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO scoring_runs (organization_id, job_id, scope, reason, as_of, methodology_version, config)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [organizationId, options.jobId ?? null, scope === 'organization' ? 'organization' : 'sites', options.reason, options.asOf, METHODOLOGY_VERSION, JSON.stringify(config)],
    );
    return rows[0]!.id;
  }

  private async failRun(runId: string, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    await this.pool.query(`UPDATE scoring_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [runId, message.slice(0, 2000)]).catch(() => undefined);
  }

  private skipped(options: ScoringRunOptions): ScoringRunResult {
    return {
      runId: null,
      organizationId: options.organizationId,
      scope: options.scope,
      skipped: true,
      asOf: options.asOf,
      methodologyVersion: METHODOLOGY_VERSION,
      interviews: 0,
      sites: 0,
      recruiters: 0,
      suppliers: 0,
      assessments: 0,
      blockRecommendations: 0,
      remediationItems: 0,
      bands: { site: emptyBands(), supplier: emptyBands(), recruiter: emptyBands() },
      timingsMs: {},
    };
  }
}

function pickRisks(risks: Readonly<Record<RiskKey, { score: number; band: Band }>>): Record<RiskKey, { score: number; band: Band }> {
  return Object.fromEntries(RISKS.map((r) => [r, { score: risks[r].score, band: risks[r].band }])) as Record<RiskKey, { score: number; band: Band }>;
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string, valueOf: (row: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = out.get(k);
    if (list === undefined) out.set(k, [valueOf(row)]);
    else list.push(valueOf(row));
  }
  return out;
}

