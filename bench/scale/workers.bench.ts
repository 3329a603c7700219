/**
 * scale.workers: throughput of the import + scoring pipeline with one worker
 * process against two, in the same run, through the real processes: one API
 * (`dist/apps/api/src/main.js`) receives `jobs` interview files (one per
 * organisation) on POST /api/v1/imports, and 1 or 2 worker processes
 * (`dist/apps/worker/src/main.js`, LANTERN_WORKER_CONCURRENCY=1 each) import
 * them and run the re-scores the imports ask for; then a full re-score of
 * every organisation is queued (POST /api/v1/scoring/rescore) and timed.
 * Windows are read from the database (imports.started_at/finished_at,
 * scoring_runs.started_at/finished_at), so process start-up is not timed.
 * docs/benchmarks.md explains the set-up and the figures.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { generateApiKey } from '@lantern/platform';
import type { ChildService } from '../../apps/cli/src/demo/supervisor.js';
import type { Benchmark, BenchContext } from '../lib/benchmark.js';
import { eraseOrganizations } from '../lib/db.js';
import type { BenchResult } from '../lib/results.js';
import { writeInterviewCsv } from '../ingest/generate-interviews.js';
import { loadReferenceData } from '../scoring/scoring-data.js';
import { assertAlive, ROOT, rssMiB, startApi, startWorker, stopAll } from '../soak/services.js';

const ORG_PREFIX = 'Bench scale';
const SITES = 200;
const AUDITS = 1000;
const RECRUITERS = 100;

export interface ScaleResult extends BenchResult {
  one_worker_rows_per_s: number;
  two_workers_rows_per_s: number;
  one_worker_rescores_per_min: number;
  two_workers_rescores_per_min: number;
  rescore_ratio: number;
}

interface Config {
  label: string;
  workers: number;
  concurrency: number;
}

interface PhaseResult {
  config: string;
  workers: number;
  concurrency: number;
  rows: number;
  /** First import picked up -> last import committed. */
  importSeconds: number;
  /** First import picked up -> last import committed and the re-scores they triggered done. */
  pipelineSeconds: number;
  rowsPerSecond: number;
  importOnlyRowsPerSecond: number;
  /** Full re-scores of every organisation, first started -> last finished. */
  rescoreSeconds: number;
  rescoresPerMinute: number;
  uploadSeconds: number;
  workerRssMiB: number[];
  /** 1-minute load average at the start and the end of the phase (other jobs on the machine show here). */
  loadAverage: [number, number];
}

/** An organisation with the sites, audits and recruiters the generated interviews refer to, and an admin key. */
async function freshOrganization(pool: pg.Pool, name: string): Promise<{ id: string; key: string }> {
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO organizations (name, kind, jurisdiction) VALUES ($1, 'company', 'GB') RETURNING id`, [name]);
  const org = rows[0]!.id;
  await pool.query(`INSERT INTO suppliers (organization_id, external_ref, name, country, sector, tier) VALUES ($1, 'SUP-1', 'Bench Supplier', 'MY', 'Apparel', 1)`, [org]);
  await pool.query(
    `INSERT INTO sites (organization_id, supplier_id, external_ref, name, country)
     SELECT $1, s.id, 'SITE-' || g, 'Site ' || g, (ARRAY['MY','TH','QA','AE','BD'])[1 + g % 5] FROM suppliers s, generate_series(1, ${SITES}) g WHERE s.organization_id = $1`,
    [org],
  );
  await pool.query(
    `INSERT INTO audits (organization_id, site_id, external_ref, type, conducted_at)
     SELECT $1, (SELECT id FROM sites WHERE organization_id = $1 AND external_ref = 'SITE-' || (1 + g % ${SITES})), 'AUD-' || g, 'worker_voice', now() - interval '30 days'
       FROM generate_series(1, ${AUDITS}) g`,
    [org],
  );
  await pool.query(`INSERT INTO recruiters (organization_id, external_ref, name, country) SELECT $1, 'REC-' || g, 'Recruiter ' || g, 'NP' FROM generate_series(1, ${RECRUITERS}) g`, [org]);
  const key = generateApiKey();
  await pool.query(`INSERT INTO api_keys (organization_id, name, role, prefix, key_hash) VALUES ($1, 'bench scale', 'admin', $2, $3)`, [org, key.prefix, key.hash]);
  return { id: org, key: key.key };
}

async function post(url: string, key: string, body?: Buffer, contentType?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, ...(contentType ? { 'content-type': contentType } : {}) },
    body: body === undefined ? undefined : new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
    signal: AbortSignal.timeout(300_000),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** Wait until every organisation has a completed scoring run that started at or after `since` (SQL expression per org) and none running. */
async function waitForRuns(pool: pg.Pool, orgs: string[], sinceSql: string, params: unknown[], services: ChildService[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ done: string; running: string; failed: string }>(
      `SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM scoring_runs r WHERE r.organization_id = o.id AND r.status = 'completed' AND r.started_at >= ${sinceSql})) AS done,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM scoring_runs r WHERE r.organization_id = o.id AND r.status = 'running')) AS running,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM scoring_runs r WHERE r.organization_id = o.id AND r.status = 'failed')) AS failed
         FROM organizations o WHERE o.id = ANY($1::uuid[])`,
      [orgs, ...params],
    );
    const r = rows[0]!;
    if (Number(r.failed) > 0) throw new Error(`a scoring run failed (${JSON.stringify(r)})`);
    if (Number(r.done) === orgs.length && Number(r.running) === 0) return;
    assertAlive(services);
    if (Date.now() > deadline) throw new Error(`scoring not done after ${timeoutMs / 1000} s (${JSON.stringify(r)})`);
    await sleep(250);
  }
}

async function phase(
  ctx: BenchContext,
  pool: pg.Pool,
  opts: { databaseUrl: string; queuePrefix: string; logDir: string; apiBase: string; csv: Buffer; rows: number; jobs: number; config: Config; round: number },
): Promise<PhaseResult> {
  const { config } = opts;
  const tag = `${config.label} r${opts.round} ${Date.now()}`;
  const orgs: { id: string; key: string }[] = [];
  for (let j = 0; j < opts.jobs; j++) orgs.push(await freshOrganization(pool, `${ORG_PREFIX} ${tag} #${j + 1}`));
  await pool.query('CHECKPOINT').catch(() => undefined);
  const workers: ChildService[] = [];
  const loadAtStart = round2(loadavg()[0]!);
  try {
    for (let w = 0; w < config.workers; w++) {
      workers.push(
        await startWorker(
          { databaseUrl: opts.databaseUrl, queuePrefix: opts.queuePrefix, logDir: opts.logDir, env: { LANTERN_WORKER_CONCURRENCY: String(config.concurrency) } },
          `worker-${config.label}-r${opts.round}-${w + 1}`,
        ),
      );
    }
    // Uploads: the files are stored by the API and queued; the workers are already waiting for jobs.
    const u0 = performance.now();
    const ids: string[] = [];
    for (const o of orgs) {
      const res = await post(`${opts.apiBase}/imports?kind=interviews&filename=interviews.csv`, o.key, opts.csv, 'text/csv');
      if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`);
      ids.push(String(res.json.id));
    }
    const uploadSeconds = (performance.now() - u0) / 1000;
    // Imports done, then the re-scores they asked for.
    const deadline = Date.now() + 900_000;
    for (;;) {
      const { rows } = await pool.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM imports WHERE id = ANY($1::uuid[]) GROUP BY status`, [ids]);
      const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      if ((by.failed ?? 0) > 0) throw new Error(`an import failed: ${JSON.stringify(by)}`);
      if ((by.completed ?? 0) === ids.length) break;
      assertAlive(workers);
      if (Date.now() > deadline) throw new Error(`imports not done: ${JSON.stringify(by)}`);
      await sleep(250);
    }
    await waitForRuns(pool, orgs.map((o) => o.id), `(SELECT max(finished_at) FROM imports i WHERE i.organization_id = o.id)`, [], workers, 900_000);
    const accepted = Number((await pool.query(`SELECT sum(accepted_rows) AS n FROM imports WHERE id = ANY($1::uuid[])`, [ids])).rows[0].n);
    if (accepted !== opts.rows * opts.jobs) throw new Error(`imports accepted ${accepted} rows, expected ${opts.rows * opts.jobs}`);
    const w = (
      await pool.query<{ first: Date; last_import: Date; last_score: Date }>(
        `SELECT min(i.started_at) AS first, max(i.finished_at) AS last_import,
                (SELECT max(r.finished_at) FROM scoring_runs r WHERE r.organization_id = ANY($2::uuid[])) AS last_score
           FROM imports i WHERE i.id = ANY($1::uuid[])`,
        [ids, orgs.map((o) => o.id)],
      )
    ).rows[0]!;
    const importSeconds = (w.last_import.getTime() - w.first.getTime()) / 1000;
    const pipelineSeconds = (Math.max(w.last_import.getTime(), w.last_score.getTime()) - w.first.getTime()) / 1000;
    const totalRows = opts.rows * opts.jobs;

    // A full re-score of every organisation (one job each), queued together.
    const { rows: nowRows } = await pool.query<{ now: Date }>('SELECT now() AS now');
    const since = nowRows[0]!.now;
    for (const o of orgs) {
      const res = await post(`${opts.apiBase}/scoring/rescore`, o.key);
      if (res.status !== 202) throw new Error(`rescore answered ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`);
    }
    await waitForRuns(pool, orgs.map((o) => o.id), '$2', [since], workers, 900_000);
    const rw = (
      await pool.query<{ first: Date; last: Date; n: string }>(
        `SELECT min(started_at) AS first, max(finished_at) AS last, count(*) AS n FROM scoring_runs WHERE organization_id = ANY($1::uuid[]) AND started_at >= $2 AND status = 'completed'`,
        [orgs.map((o) => o.id), since],
      )
    ).rows[0]!;
    const rescoreSeconds = (rw.last.getTime() - rw.first.getTime()) / 1000;
    const workerRssMiB = await Promise.all(workers.map((s) => rssMiB(s.pid)));

    const result: PhaseResult = {
      config: config.label,
      workers: config.workers,
      concurrency: config.concurrency,
      rows: totalRows,
      importSeconds: round2(importSeconds),
      pipelineSeconds: round2(pipelineSeconds),
      rowsPerSecond: Math.round(totalRows / pipelineSeconds),
      importOnlyRowsPerSecond: Math.round(totalRows / importSeconds),
      rescoreSeconds: round2(rescoreSeconds),
      rescoresPerMinute: round2((Number(rw.n) / rescoreSeconds) * 60),
      uploadSeconds: round2(uploadSeconds),
      workerRssMiB,
      loadAverage: [loadAtStart, round2(loadavg()[0]!)],
    };
    ctx.log(
      `${config.label} round ${opts.round}: ${totalRows.toLocaleString('en')} rows imported + scored in ${result.pipelineSeconds} s (${result.rowsPerSecond.toLocaleString('en')} rows/s; ` +
        `imports alone ${result.importSeconds} s), ${rw.n} full re-scores in ${result.rescoreSeconds} s (${result.rescoresPerMinute}/min); uploads ${result.uploadSeconds} s; ` +
        `load average ${result.loadAverage[0]} -> ${result.loadAverage[1]}`,
    );
    return result;
  } finally {
    await stopAll(workers);
    await eraseOrganizations(
      pool,
      'id = ANY($1::uuid[])',
      [orgs.map((o) => o.id)],
    ).catch((e: unknown) => ctx.log(`could not erase the phase's organisations: ${String(e)}`));
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

async function run(ctx: BenchContext): Promise<ScaleResult> {
  const rows = Number(process.env.BENCH_SCALE_ROWS ?? 100_000);
  const jobs = Number(process.env.BENCH_SCALE_JOBS ?? 4);
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(jobs) || jobs < 2) throw new Error('BENCH_SCALE_ROWS must be >= 1 and BENCH_SCALE_JOBS >= 2');
  // Alternating order (ABBAAB, and the one-process, two-job configuration once) so that drift on a shared machine
  // cancels out; each configuration's figure is the median of its rounds.
  const configs: Record<string, Config> = {
    '1x1': { label: '1x1', workers: 1, concurrency: 1 },
    '2x1': { label: '2x1', workers: 2, concurrency: 1 },
    '1x2': { label: '1x2', workers: 1, concurrency: 2 },
  };
  const sequence = (process.env.BENCH_SCALE_SEQUENCE ?? '1x1,2x1,2x1,1x1,1x2,1x1,2x1').split(',').map((s) => {
    const c = configs[s.trim()];
    if (!c) throw new Error(`BENCH_SCALE_SEQUENCE: unknown configuration ${s} (known: ${Object.keys(configs).join(', ')})`);
    return c;
  });

  const databaseUrl = await ctx.ownDatabase('scale');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3, application_name: 'lantern-bench-scale' });
  const dir = await mkdtemp(join(tmpdir(), 'lantern-scale-'));
  const logDir = join(ROOT, 'out', 'bench', 'scale');
  const queuePrefix = `bench-scale-${Date.now()}`;
  let api: ChildService | undefined;
  try {
    const [{ server_version: pgVersion }] = (await pool.query<{ server_version: string }>('SHOW server_version')).rows;
    await eraseOrganizations(pool, 'name LIKE $1', [`${ORG_PREFIX}%`]);
    await loadReferenceData(databaseUrl);
    ctx.log(`generating an interview file of ${rows.toLocaleString('en')} rows`);
    const file = await writeInterviewCsv(join(dir, 'interviews.csv'), {
      rows,
      auditRefs: Array.from({ length: AUDITS }, (_, i) => `AUD-${i + 1}`),
      recruiterRefs: Array.from({ length: RECRUITERS }, (_, i) => `REC-${i + 1}`),
    });
    const csv = await readFile(file.path);
    const started = await startApi({ databaseUrl, queuePrefix, logDir, env: { LANTERN_MAX_UPLOAD_BYTES: String(Math.max(csv.length * 2, 1 << 20)) } });
    api = started.service;
    const apiBase = `${started.baseUrl}/api/v1`;

    const phases: PhaseResult[] = [];
    for (let i = 0; i < sequence.length; i++) {
      phases.push(await phase(ctx, pool, { databaseUrl, queuePrefix, logDir, apiBase, csv, rows, jobs, config: sequence[i]!, round: i + 1 }));
      assertAlive([api]);
    }
    /** Median over the rounds of one configuration (mean of the middle two for an even count). */
    const median = (label: string, f: (p: PhaseResult) => number): number => {
      const xs = phases.filter((p) => p.config === label).map(f).sort((a, b) => a - b);
      if (xs.length === 0) return 0;
      const m = Math.floor(xs.length / 2);
      return xs.length % 2 === 1 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
    };
    const one = Math.round(median('1x1', (p) => p.rowsPerSecond));
    const two = Math.round(median('2x1', (p) => p.rowsPerSecond));
    const oneRescore = round2(median('1x1', (p) => p.rescoresPerMinute));
    const twoRescore = round2(median('2x1', (p) => p.rescoresPerMinute));
    if (one === 0 || two === 0) throw new Error('BENCH_SCALE_SEQUENCE must contain 1x1 and 2x1');
    const ratio = Math.round((two / one) * 1000) / 1000;
    const rescoreRatio = Math.round((twoRescore / oneRescore) * 1000) / 1000;
    ctx.log(`pipeline: 1 worker ${one.toLocaleString('en')} rows/s, 2 workers ${two.toLocaleString('en')} rows/s, ratio ${ratio}; full re-scores: ${oneRescore} vs ${twoRescore} per minute, ratio ${rescoreRatio}`);
    return {
      value: two,
      unit: 'rows/s',
      baseline: one,
      ratio,
      one_worker_rows_per_s: one,
      two_workers_rows_per_s: two,
      one_worker_rescores_per_min: oneRescore,
      two_workers_rescores_per_min: twoRescore,
      rescore_ratio: rescoreRatio,
      params: {
        note: 'value/baseline: interview rows per second through import + the re-scores it triggers, 2 worker processes / 1 (LANTERN_WORKER_CONCURRENCY=1 each), median of the rounds. 1x2 = one process with concurrency 2.',
        jobs,
        rowsPerJob: rows,
        csvBytes: (await stat(file.path)).size,
        sequence: sequence.map((c) => c.label),
        oneProcessTwoJobsRowsPerSecond: Math.round(median('1x2', (p) => p.rowsPerSecond)) || null,
        oneProcessTwoJobsRescoresPerMinute: round2(median('1x2', (p) => p.rescoresPerMinute)) || null,
        importOnly: {
          oneWorkerRowsPerSecond: Math.round(median('1x1', (p) => p.importOnlyRowsPerSecond)),
          twoWorkersRowsPerSecond: Math.round(median('2x1', (p) => p.importOnlyRowsPerSecond)),
        },
        phases,
        node: process.version,
        postgres: pgVersion,
        cpus: cpus().length,
        measuredAt: new Date().toISOString(),
      },
    };
  } finally {
    await stopAll([api]);
    await pool.end();
    await rm(dir, { recursive: true, force: true });
  }
}

export const benchmarks: Benchmark[] = [{ name: 'scale.workers', run }];
