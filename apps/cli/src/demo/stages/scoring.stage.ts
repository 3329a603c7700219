import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadShippedReferenceData } from '@lantern/reference';
import { formatInt } from '../console.js';
import { apiFor, DemoError, type DemoContext, type DemoStage } from '../context.js';

interface JobView {
  state: string;
  progress: number;
  phase: string | null;
  failedReason: string | null;
  result: {
    methodologyVersion: string;
    asOf: string;
    interviews: number;
    assessments: number;
    blockRecommendations: number;
    remediationItems: number;
    bands: Record<'site' | 'supplier' | 'recruiter', Record<'low' | 'medium' | 'high' | 'critical', number>>;
    timingsMs: Record<string, number>;
  } | null;
}

interface RiskRow {
  subjectType: string;
  subjectId: string;
  name: string | null;
  overall: number;
  band: string;
  recruitmentFee: number;
  documentConfiscation: number;
}

export interface DemoScoringSummary {
  methodologyVersion: string;
  asOf: string;
  /** Assessments per band, every site, supplier and recruiter scored. */
  bands: Record<'low' | 'medium' | 'high' | 'critical', number>;
  bandsBySubjectType: Record<'site' | 'supplier' | 'recruiter', Record<'low' | 'medium' | 'high' | 'critical', number>>;
  /** The 10 riskiest suppliers. */
  topSuppliers: { id: string; name: string; overall: number; band: string }[];
  blockRecommendations: number;
  remediationItems: number;
  /** How the scores rank what the generator planted (out/demo-data/manifest.json `truth`). */
  plantedPatterns: Record<string, { planted: number; meanPlanted: number; meanOthers: number; detail: string }>;
  jobId: string;
  durationMs: number;
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);

/** Every current assessment of a subject type, riskiest first, through the API. */
async function allRisk(ctx: DemoContext, subjectType: string): Promise<RiskRow[]> {
  const api = apiFor(ctx, 'company', 'compliance');
  const rows: RiskRow[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: RiskRow[]; nextCursor: string | null } = await api.get(`/risk?subjectType=${subjectType}&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}

/**
 * Loads the reference data (TIP tiers, USDOL goods lists) and the illustrative
 * exchange rates, re-scores the company through the API and the scoring queue
 * (POST /scoring/rescore, followed to completion), then reads the riskiest
 * suppliers back and checks the scores find the planted patterns.
 */
export const scoringStage: DemoStage = {
  name: 'scoring',
  title: 'Score every site, recruiter and supplier (API -> scoring queue -> worker)',
  async run(ctx) {
    const company = ctx.organizations.get('company');
    if (!company) throw new DemoError('the company organisation was not created');
    const shipped = [join(ctx.paths.root, 'data', 'reference'), join(process.cwd(), 'data', 'reference')].find((dir) => existsSync(dir));
    if (shipped === undefined) throw new DemoError('data/reference is missing: run the demo from the repository');
    const reference = await loadShippedReferenceData(ctx.db, shipped);
    ctx.console.info(
      `reference data: ${reference.datasets.map((d) => `${d.name} ${formatInt(d.rowCount)} rows${d.unchanged ? ' (unchanged)' : ''}`).join(', ')}; ` +
        `illustrative exchange rates: ${reference.rates.inserted} new, ${reference.rates.updated} refreshed`,
    );

    const api = apiFor(ctx, 'company', 'compliance');
    const started = Date.now();
    const asOf = ctx.dataset?.asOf;
    const { status, body: job } = await api.request<{ jobId: string; disposition: string }>('POST', `/scoring/rescore${asOf ? `?asOf=${asOf}` : ''}`);
    if (status !== 202) throw new DemoError(`POST /scoring/rescore answered ${status}`);
    let view: JobView;
    let lastPhase = '';
    for (;;) {
      view = await api.get<JobView>(`/scoring/jobs/${job.jobId}`);
      const phase = `${view.state}${view.phase ? ` ${view.phase}` : ''}`;
      if (phase !== lastPhase) {
        ctx.console.info(`job ${job.jobId}: ${phase} (${Math.round(view.progress * 100)} %)`);
        lastPhase = phase;
      }
      if (view.state === 'completed') break;
      if (view.state === 'failed') throw new DemoError(`the scoring job failed: ${view.failedReason}`);
      if (Date.now() - started > ctx.options.readyTimeoutS * 10_000) throw new DemoError(`the scoring job did not finish (still ${view.state}); see out/logs/worker.log`);
      await sleep(250);
    }
    const result = view.result!;

    const suppliers = await allRisk(ctx, 'supplier');
    const sites = await allRisk(ctx, 'site');
    const recruiters = await allRisk(ctx, 'recruiter');
    const bands = { low: 0, medium: 0, high: 0, critical: 0 };
    for (const by of Object.values(result.bands)) for (const [band, n] of Object.entries(by)) bands[band as keyof typeof bands] += n;

    // What the generator planted, by external reference -> id.
    const plantedPatterns: DemoScoringSummary['plantedPatterns'] = {};
    const truth = ctx.dataset?.truth;
    if (truth) {
      const refs = async (table: 'sites' | 'recruiters', list: readonly string[]) =>
        new Set(
          ((await ctx.db.query(`SELECT id FROM ${table} WHERE organization_id = $1 AND external_ref = ANY($2::text[])`, [company.id, list])) as { id: string }[]).map((r) => r.id),
        );
      const pattern = (name: string, planted: Set<string>, rows: RiskRow[], score: (r: RiskRow) => number, what: string) => {
        const inside = rows.filter((r) => planted.has(r.subjectId)).map(score);
        const outside = rows.filter((r) => !planted.has(r.subjectId)).map(score);
        const p = { planted: inside.length, meanPlanted: mean(inside), meanOthers: mean(outside), detail: what };
        plantedPatterns[name] = p;
        const ok = inside.length > 0 && p.meanPlanted > p.meanOthers;
        ctx.summary.checks.push({ name: `scoring finds ${name}`, ok, detail: `${what}: mean ${p.meanPlanted} for ${p.planted} planted, ${p.meanOthers} for the others` });
        if (!ok) ctx.console.warn(`scoring does not rank ${name} above the rest (${p.meanPlanted} vs ${p.meanOthers})`);
      };
      pattern('hotspot sites', await refs('sites', truth.hotspotSites), sites, (r) => r.overall, 'overall score of sites');
      pattern('passport-keeping sites', await refs('sites', truth.documentRetentionSites), sites, (r) => r.documentConfiscation, 'document-confiscation score of sites');
      // Typical recruiters also charge workers months of wages (against employer-pays): the contrast that must show is with ethical ones.
      const byProfile = (profile: string) => Object.entries(truth.recruiterProfiles).filter(([, p]) => p === profile).map(([ref]) => ref);
      const exploitative = await refs('recruiters', byProfile('exploitative'));
      const ethical = await refs('recruiters', byProfile('ethical'));
      pattern(
        'exploitative recruiters',
        exploitative,
        recruiters.filter((r) => exploitative.has(r.subjectId) || ethical.has(r.subjectId)),
        (r) => r.recruitmentFee,
        'recruitment-fee score, exploitative vs ethical recruiters',
      );
      const hot = await refs('sites', truth.hotspotSites);
      const topDecile = sites.slice(0, Math.max(1, Math.ceil(sites.length / 10))).filter((s) => hot.has(s.subjectId)).length;
      ctx.console.info(`${topDecile} of the ${hot.size} planted hotspot sites are in the riskiest tenth of ${sites.length} sites`);
    }

    const summary: DemoScoringSummary = {
      methodologyVersion: result.methodologyVersion,
      asOf: result.asOf,
      bands,
      bandsBySubjectType: result.bands,
      topSuppliers: suppliers.slice(0, 10).map((s) => ({ id: s.subjectId, name: s.name ?? '', overall: s.overall, band: s.band })),
      blockRecommendations: result.blockRecommendations,
      remediationItems: result.remediationItems,
      plantedPatterns,
      jobId: job.jobId,
      durationMs: Date.now() - started,
    };
    ctx.summary.scoring = summary;
    ctx.shared.set('scoring', summary);
    ctx.console.info(
      `${formatInt(result.interviews)} interviews -> ${formatInt(result.assessments)} assessments (${result.methodologyVersion}, as of ${result.asOf}): ` +
        `low ${bands.low}, medium ${bands.medium}, high ${bands.high}, critical ${bands.critical}; ` +
        `${formatInt(result.blockRecommendations)} block recommendations, ${formatInt(result.remediationItems)} remediation items`,
    );
    ctx.console.table(
      ['riskiest suppliers', 'overall', 'band'],
      summary.topSuppliers.slice(0, 5).map((s) => [s.name, s.overall.toFixed(1), s.band]),
    );
  },
};
