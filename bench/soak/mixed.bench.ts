/**
 * soak.mixed: the real API and worker processes under a mixed load for
 * SOAK_SECONDS (default 300) on loopback: list reads with filters and
 * pagination, single records and risk, screenings against an exclusion list,
 * and a multipart import every 10 s polled to completion (each one re-scores
 * the organisation in the worker). Reports the errors (target 0), the p99 of
 * every request, per-kind figures, and the API's and the worker's RSS at the
 * start of the recorded window (after the warm-up) and at its end.
 * docs/benchmarks.md explains the set-up and the figures.
 */
import { fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { ChildService } from '../../apps/cli/src/demo/supervisor.js';
import type { Benchmark, BenchContext } from '../lib/benchmark.js';
import type { BenchResult } from '../lib/results.js';
import { writeInterviewCsv } from '../ingest/generate-interviews.js';
import { loadReferenceData } from '../scoring/scoring-data.js';
import { generateBids } from '../screening/bench-data.js';
import type { DriverReport, DriverRequest, ImportFile } from './driver-child.js';
import { assertAlive, ROOT, rssMiB, startApi, startWorker, stopAll } from './services.js';
import { createOrganizations, ensureExclusionList, importSupplyChain, waitForScoringIdle, writeSupplyChainFiles } from './setup.js';

const DRIVER = fileURLToPath(new URL('./driver-child.js', import.meta.url));

export interface SoakResult extends BenchResult {
  errors: number;
  p99_ms: number;
  /** API + worker RSS (MiB) when the recorded window opened (after set-up and warm-up). */
  rss_start_mb: number;
  /** API + worker RSS (MiB) when it closed. */
  rss_end_mb: number;
  api_rss_start_mb: number;
  api_rss_end_mb: number;
  worker_rss_start_mb: number;
  worker_rss_end_mb: number;
  rps: number;
  list_p99_ms: number;
  get_p99_ms: number;
  screening_p99_ms: number;
  import_upload_p99_ms: number;
}

function envNumber(names: string[], fallback: number): number {
  for (const n of names) {
    const v = process.env[n];
    if (v !== undefined && v !== '') {
      const x = Number(v);
      if (!Number.isFinite(x) || x <= 0) throw new Error(`${n} must be a positive number`);
      return x;
    }
  }
  return fallback;
}

/** A small supplier file: `rows` new suppliers (refs unique to the file). */
async function writeSupplierCsv(path: string, tag: string, rows: number, countries: readonly string[]): Promise<void> {
  const out = createWriteStream(path);
  out.write('ref,name,country,sector,tier\n');
  for (let i = 1; i <= rows; i++) out.write(`SOAK-${tag}-${i},Soak Supplier ${tag} ${i} Ltd,${countries[i % countries.length]},Apparel,${1 + (i % 3)}\n`);
  out.end();
  await once(out, 'finish');
}

async function logErrorLines(service: ChildService | undefined): Promise<string[]> {
  if (service === undefined) return [];
  const text = await readFile(service.logPath, 'utf8').catch(() => '');
  return text.split('\n').filter((l) => /\bERROR\b|Unhandled|uncaught/i.test(l));
}

async function run(ctx: BenchContext): Promise<SoakResult> {
  const seconds = envNumber(['SOAK_SECONDS', 'BENCH_SOAK_SECONDS'], 300);
  const warmupSeconds = envNumber(['BENCH_SOAK_WARMUP_SECONDS'], 20);
  const concurrency = envNumber(['BENCH_SOAK_CONCURRENCY'], 8);
  const listEntries = envNumber(['BENCH_SOAK_LIST_ENTRIES'], 100_000);
  const chainInterviews = envNumber(['BENCH_SOAK_INTERVIEWS'], 20_000);
  const importIntervalSeconds = envNumber(['BENCH_SOAK_IMPORT_INTERVAL_SECONDS'], 10);
  const importRows = envNumber(['BENCH_SOAK_IMPORT_ROWS'], 5_000);
  const mix = { list: 0.35, get: 0.3, screening: 0.35 };
  const tag = String(Date.now());

  const databaseUrl = await ctx.ownDatabase('soak');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3, application_name: 'lantern-bench-soak' });
  const dir = await mkdtemp(join(tmpdir(), 'lantern-soak-'));
  const logDir = join(ROOT, 'out', 'bench', 'soak');
  let api: ChildService | undefined;
  let worker: ChildService | undefined;
  try {
    const [{ server_version: pgVersion }] = (await pool.query<{ server_version: string }>('SHOW server_version')).rows;
    const keys = await createOrganizations(databaseUrl, pool, tag);
    const { list, loadSeconds } = await ensureExclusionList(pool, listEntries, ctx.log);
    await loadReferenceData(databaseUrl);
    const files = await writeSupplyChainFiles(dir, chainInterviews);

    const services = { databaseUrl, queuePrefix: `bench-soak-${tag}`, logDir };
    worker = await startWorker(services);
    const started = await startApi(services);
    api = started.service;
    const apiBase = `${started.baseUrl}/api/v1`;
    ctx.log(`API ${started.baseUrl} (pid ${api.pid}), worker pid ${worker.pid}; logs in ${logDir}`);

    ctx.log(`set-up: importing the sample supply chain (${chainInterviews.toLocaleString('en')} interviews) through POST /imports`);
    const t0 = performance.now();
    await importSupplyChain(apiBase, keys.admin, dir, files, ctx.log);
    await waitForScoringIdle(pool, keys.companyId, 300_000);
    ctx.log(`set-up imports and scoring done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const ids = async (table: string): Promise<string[]> =>
      (await pool.query<{ id: string }>(`SELECT id FROM ${table} WHERE organization_id = $1 ORDER BY id LIMIT 1000`, [keys.companyId])).rows.map((r) => r.id);
    const refs = async (table: string): Promise<string[]> =>
      (await pool.query<{ external_ref: string }>(`SELECT external_ref FROM ${table} WHERE organization_id = $1 ORDER BY external_ref`, [keys.companyId])).rows.map((r) => r.external_ref);
    const countries = (await pool.query<{ country: string }>(`SELECT DISTINCT country FROM sites WHERE organization_id = $1 ORDER BY 1`, [keys.companyId])).rows.map((r) => r.country);
    const idSets = { suppliers: await ids('suppliers'), sites: await ids('sites'), recruiters: await ids('recruiters'), audits: await ids('audits'), interviews: await ids('interviews') };

    // The files the import loop uploads: a medium interview file (re-uploaded corrections of the same refs, fresh content each
    // time) and a small supplier file (new suppliers), alternately, one every importIntervalSeconds.
    const auditRefs = await refs('audits');
    const recruiterRefs = await refs('recruiters');
    const importFiles: ImportFile[] = [];
    const count = Math.ceil(seconds / importIntervalSeconds) + 2;
    for (let i = 0; i < count; i++) {
      if (i % 2 === 0) {
        const path = join(dir, `soak-interviews-${i}.csv`);
        await writeInterviewCsv(path, { rows: importRows, auditRefs, recruiterRefs, seed: 0x50a4 + i });
        importFiles.push({ kind: 'interviews', path, contentType: 'text/csv', rows: importRows });
      } else {
        const path = join(dir, `soak-suppliers-${i}.csv`);
        await writeSupplierCsv(path, `${tag}-${i}`, 100, countries);
        importFiles.push({ kind: 'suppliers', path, contentType: 'text/csv', rows: 100 });
      }
    }
    const bids = generateBids(list, 5000, 11);

    ctx.log(`soak: ${concurrency} connections (list ${mix.list}, get ${mix.get}, screening ${mix.screening}) + an import every ${importIntervalSeconds} s; ${warmupSeconds} s warm-up, ${seconds} s recorded`);
    const rss: { t: number; api: number; worker: number }[] = [];
    let windowStart = 0;
    let rssStart = { api: 0, worker: 0 };
    let rssEnd = { api: 0, worker: 0 };
    const sample = async (): Promise<{ api: number; worker: number }> => ({ api: await rssMiB(api!.pid), worker: await rssMiB(worker!.pid) });
    let sampler: NodeJS.Timeout | undefined;
    const req: DriverRequest = {
      apiBase,
      keys,
      ids: idSets,
      countries,
      bids,
      concurrency,
      warmupMs: warmupSeconds * 1000,
      durationMs: seconds * 1000,
      mix,
      importFiles,
      importIntervalMs: importIntervalSeconds * 1000,
      importTimeoutMs: 300_000,
      requestTimeoutMs: 30_000,
    };
    const report = await new Promise<DriverReport>((resolve, reject) => {
      const child = fork(DRIVER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child.on('message', (m: { phase?: string; ok?: boolean; report?: DriverReport; error?: string }) => {
        if (m.phase === 'measuring') {
          windowStart = performance.now();
          void sample().then((s) => {
            rssStart = s;
            rss.push({ t: 0, ...s });
            ctx.log(`recorded window opens: RSS api ${s.api} MiB, worker ${s.worker} MiB`);
          });
          sampler = setInterval(() => {
            void sample().then((s) => {
              rss.push({ t: Math.round((performance.now() - windowStart) / 1000), ...s });
              try {
                assertAlive([api!, worker!]);
              } catch (err) {
                child.kill('SIGTERM');
                reject(err as Error);
              }
            });
          }, 15_000);
        } else if (m.phase === 'end') {
          clearInterval(sampler);
          void sample().then((s) => {
            rssEnd = s;
            rss.push({ t: Math.round((performance.now() - windowStart) / 1000), ...s });
            ctx.log(`recorded window closes: RSS api ${s.api} MiB, worker ${s.worker} MiB`);
          });
        } else if (m.ok === true) resolve(m.report!);
        else if (m.ok === false) reject(new Error(`load driver failed: ${m.error}`));
      });
      child.once('exit', (code) => {
        clearInterval(sampler);
        if (code !== 0) reject(new Error(`load driver exited with ${code}`));
      });
      child.send(req);
    });
    assertAlive([api, worker]);
    // Give the last sample a moment if the report raced it.
    if (rssEnd.api === 0) rssEnd = await sample();

    const apiErrors = await logErrorLines(api);
    const workerErrors = await logErrorLines(worker);
    const stored = Number((await pool.query('SELECT count(*) AS n FROM screenings WHERE organization_id = $1', [keys.authorityId])).rows[0].n);
    const stuck = Number((await pool.query(`SELECT count(*) AS n FROM imports WHERE organization_id = $1 AND status NOT IN ('completed')`, [keys.companyId])).rows[0].n);
    const scoringRuns = (await pool.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM scoring_runs WHERE organization_id = $1 GROUP BY status`, [keys.companyId])).rows;

    const o = report.overall;
    const k = report.byKind;
    ctx.log(
      `soak: ${report.requests.toLocaleString('en')} requests in ${report.seconds} s (${o.rps} req/s), errors ${report.errors}, p99 ${o.p99Ms} ms; ` +
        `list p99 ${k.list.p99Ms} ms, get p99 ${k.get.p99Ms} ms, screening p99 ${k.screening.p99Ms} ms, upload p99 ${k.import_upload.p99Ms} ms; ` +
        `imports ${report.imports.completed}/${report.imports.started} (${report.imports.rows.toLocaleString('en')} rows, p50 ${report.imports.secondsP50} s)`,
    );
    if (report.errors > 0) ctx.log(`errors: ${JSON.stringify(report.errorsByKind)}\n  ${report.errorSamples.slice(0, 10).join('\n  ')}`);
    if (apiErrors.length + workerErrors.length > 0) ctx.log(`ERROR lines in the logs: api ${apiErrors.length}, worker ${workerErrors.length}`);

    const first = report.perMinute[0]?.p99Ms ?? o.p99Ms;
    const round1 = (x: number): number => Math.round(x * 10) / 10;
    const startSum = round1(rssStart.api + rssStart.worker);
    const endSum = round1(rssEnd.api + rssEnd.worker);
    return {
      value: o.p99Ms,
      unit: 'ms',
      baseline: first,
      ratio: o.p99Ms > 0 ? Math.round((first / o.p99Ms) * 1000) / 1000 : 0,
      errors: report.errors,
      p99_ms: o.p99Ms,
      rss_start_mb: startSum,
      rss_end_mb: endSum,
      api_rss_start_mb: rssStart.api,
      api_rss_end_mb: rssEnd.api,
      worker_rss_start_mb: rssStart.worker,
      worker_rss_end_mb: rssEnd.worker,
      rps: o.rps,
      list_p99_ms: k.list.p99Ms,
      get_p99_ms: k.get.p99Ms,
      screening_p99_ms: k.screening.p99Ms,
      import_upload_p99_ms: k.import_upload.p99Ms,
      params: {
        note: 'value = p99 of every request over the soak; baseline = p99 of the first recorded minute; ratio = baseline / value (1 = no drift). rss_*_mb = API + worker.',
        seconds: report.seconds,
        warmupSeconds,
        concurrency,
        mix,
        importEverySeconds: importIntervalSeconds,
        importFiles: `interviews ${importRows} rows / suppliers 100 rows, alternately, multipart`,
        listEntries,
        listLoadSeconds: loadSeconds === null ? 'reused' : round1(loadSeconds),
        supplyChain: { interviews: chainInterviews, suppliers: idSets.suppliers.length, sites: idSets.sites.length },
        requests: report.requests,
        statuses: report.statuses,
        errorsByKind: report.errorsByKind,
        errorSamples: report.errorSamples,
        overall: o,
        byKind: report.byKind,
        byEndpoint: report.byEndpoint,
        perMinute: report.perMinute,
        imports: report.imports,
        importsNotCompletedAfter: stuck,
        scoringRuns: Object.fromEntries(scoringRuns.map((r) => [r.status, Number(r.n)])),
        screeningDecisions: report.decisions,
        screeningsStored: stored,
        rssSeriesMiB: rss,
        rssGrowth: { api: round1(rssEnd.api - rssStart.api), worker: round1(rssEnd.worker - rssStart.worker) },
        logErrorLines: { api: apiErrors.length, worker: workerErrors.length, samples: [...apiErrors, ...workerErrors].slice(0, 5).map((l) => l.slice(0, 300)) },
        node: process.version,
        postgres: pgVersion,
        cpus: cpus().length,
        measuredAt: new Date().toISOString(),
      },
    };
  } finally {
    await stopAll([api, worker]);
    await pool.end();
    await rm(dir, { recursive: true, force: true });
  }
}

export const benchmarks: Benchmark[] = [{ name: 'soak.mixed', run }];
