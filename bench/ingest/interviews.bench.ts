import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import {
  CsvParser,
  CsvRowView,
  ingestSecretsFrom,
  INTERVIEW_COLUMNS,
  KIND_SPECS,
  mapCsvHeader,
  StrictUtf8Decoder,
  type RowIssue,
} from '@lantern/ingest';
import type { Benchmark } from '../lib/benchmark.js';
import type { BenchResult } from '../lib/results.js';
import { writeInterviewCsv } from './generate-interviews.js';
import type { ChildReport, ChildRequest } from './import-child.js';
import { eraseOrganizations } from '../lib/db.js';

export interface IngestBenchOptions {
  databaseUrl: string;
  secretKey: string;
  rows: number;
  log: (line: string) => void;
}

const SITES = 200;
const AUDITS = 1000;
const RECRUITERS = 100;

/** An organisation with the sites, audits and recruiters the generated interviews refer to. */
async function freshOrganization(pool: pg.Pool, name: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO organizations (name, kind, jurisdiction) VALUES ($1, 'company', 'GB') RETURNING id`,
    [`${name} ${Date.now()}`],
  );
  const org = rows[0].id;
  await pool.query(`INSERT INTO suppliers (organization_id, external_ref, name, country) VALUES ($1, 'SUP-1', 'Bench Supplier', 'MY')`, [org]);
  await pool.query(
    `INSERT INTO sites (organization_id, supplier_id, external_ref, name, country)
     SELECT $1, s.id, 'SITE-' || g, 'Site ' || g, 'MY' FROM suppliers s, generate_series(1, ${SITES}) g WHERE s.organization_id = $1`,
    [org],
  );
  await pool.query(
    `INSERT INTO audits (organization_id, site_id, external_ref, type, conducted_at)
     SELECT $1, (SELECT id FROM sites WHERE organization_id = $1 AND external_ref = 'SITE-' || (1 + g % ${SITES})),
            'AUD-' || g, 'worker_voice', now() - interval '30 days'
       FROM generate_series(1, ${AUDITS}) g`,
    [org],
  );
  await pool.query(
    `INSERT INTO recruiters (organization_id, external_ref, name, country) SELECT $1, 'REC-' || g, 'Recruiter ' || g, 'NP' FROM generate_series(1, ${RECRUITERS}) g`,
    [org],
  );
  return org;
}

/**
 * The baseline's input: the same rows already in the table's final column form
 * (resolved ids, pseudonyms, minor units, JSON, ciphertext), as COPY text.
 * Produced, untimed, by running the validators once over the CSV.
 */
async function writeFinalFormCopy(pool: pg.Pool, secretKey: string, organizationId: string, csv: string, out: string): Promise<number> {
  const client = await pool.connect();
  const handler = await KIND_SPECS.interviews.prepare(client, { organizationId, now: Date.now(), secrets: ingestSecretsFrom(secretKey) });
  client.release();
  const sink = createWriteStream(out, { highWaterMark: 1 << 20 });
  let row: CsvRowView | undefined;
  let buf = '';
  let n = 0;
  const issues: RowIssue[] = [];
  const parser = new CsvParser((fields, line) => {
    if (row === undefined) {
      row = new CsvRowView(mapCsvHeader('interviews', fields));
      return;
    }
    const text = handler.validate(row.reset(fields, line), issues);
    if (text === undefined) throw new Error(`generated row on line ${line} is invalid: ${JSON.stringify(issues)}`);
    buf += organizationId + '\t' + text + '\n';
    n++;
  });
  const decoder = new StrictUtf8Decoder();
  for await (const chunk of createReadStream(csv, { highWaterMark: 1 << 20 })) {
    parser.push(decoder.decode(chunk as Buffer, () => parser.currentLine()));
    if (buf.length > 1 << 20) {
      if (!sink.write(buf)) await once(sink, 'drain');
      buf = '';
    }
  }
  parser.end();
  sink.write(buf);
  sink.end();
  await once(sink, 'finish');
  return n;
}

async function resetInterviews(pool: pg.Pool): Promise<void> {
  await pool.query('TRUNCATE interviews CASCADE');
  // Start both measurements from the same state: no dirty buffers from the previous phase.
  await pool.query('CHECKPOINT').catch(() => undefined);
}

function runChild(req: ChildRequest): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./import-child.js', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m: { ok: boolean; report?: ChildReport; error?: string }) =>
      m.ok ? resolve(m.report!) : reject(new Error(`import process failed: ${m.error}`)),
    );
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`import process exited with ${code}`))));
    child.send(req);
  });
}

/**
 * ingest.interviews: worker-interview rows per second through the real import
 * path (store the upload, then parse, validate, pseudonymise, encrypt, stage
 * with COPY and merge with INSERT ... ON CONFLICT), against a raw COPY of the
 * same rows in final form into the same table, in the same run.
 */
export async function benchIngestInterviews(opts: IngestBenchOptions): Promise<BenchResult> {
  const { log } = opts;
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 4, application_name: 'lantern-bench' });
  const dir = await mkdtemp(join(tmpdir(), 'lantern-bench-'));
  try {
    const [{ server_version: pgVersion }] = (await pool.query<{ server_version: string }>('SHOW server_version')).rows;
    await eraseOrganizations(pool, 'true');
    const baselineOrg = await freshOrganization(pool, 'Bench baseline');
    const oursOrg = await freshOrganization(pool, 'Bench import');

    log(`generating ${opts.rows.toLocaleString('en')} interview rows`);
    const auditRefs = Array.from({ length: AUDITS }, (_, i) => `AUD-${i + 1}`);
    const recruiterRefs = Array.from({ length: RECRUITERS }, (_, i) => `REC-${i + 1}`);
    const csv = await writeInterviewCsv(join(dir, 'interviews.csv'), { rows: opts.rows, auditRefs, recruiterRefs });
    const finalForm = join(dir, 'interviews.copy');
    const prepared = await writeFinalFormCopy(pool, opts.secretKey, baselineOrg, csv.path, finalForm);
    if (prepared !== opts.rows) throw new Error(`baseline has ${prepared} rows, expected ${opts.rows}`);
    const finalBytes = (await stat(finalForm)).size;
    log(`CSV ${(csv.bytes / 2 ** 20).toFixed(0)} MiB; final-form COPY ${(finalBytes / 2 ** 20).toFixed(0)} MiB`);

    // (a) baseline: raw COPY of the final-form rows into interviews.
    await resetInterviews(pool);
    log('baseline: COPY interviews FROM STDIN');
    const client = await pool.connect();
    const b0 = performance.now();
    try {
      const columns = ['organization_id', ...INTERVIEW_COLUMNS.map(([c]) => c)].join(', ');
      await pipeline(createReadStream(finalForm, { highWaterMark: 1 << 20 }), client.query(copyStreams.from(`COPY interviews (${columns}) FROM STDIN`)));
    } finally {
      client.release();
    }
    const baselineSeconds = (performance.now() - b0) / 1000;
    const baselineCount = Number((await pool.query('SELECT count(*) AS n FROM interviews WHERE organization_id = $1', [baselineOrg])).rows[0].n);
    if (baselineCount !== opts.rows) throw new Error(`baseline loaded ${baselineCount} rows`);
    const baseline = opts.rows / baselineSeconds;
    log(`baseline: ${baselineSeconds.toFixed(1)} s, ${Math.round(baseline).toLocaleString('en')} rows/s`);

    // (b) ours: the import path, in its own process.
    await resetInterviews(pool);
    log('ours: store upload + import job (parse, validate, stage, merge)');
    const report = await runChild({ databaseUrl: opts.databaseUrl, organizationId: oursOrg, file: csv.path, fileBytes: csv.bytes, secretKey: opts.secretKey });
    if (report.status !== 'completed' || report.acceptedRows !== opts.rows) {
      throw new Error(`import ${report.status}: ${report.acceptedRows} accepted, ${report.rejectedRows} rejected, ${report.error ?? ''}`);
    }
    const oursCount = Number((await pool.query('SELECT count(*) AS n FROM interviews WHERE organization_id = $1', [oursOrg])).rows[0].n);
    if (oursCount !== opts.rows) throw new Error(`import loaded ${oursCount} rows`);
    const oursSeconds = report.totalMs / 1000;
    const ours = opts.rows / oursSeconds;
    log(`ours: ${oursSeconds.toFixed(1)} s (store ${(report.storeMs / 1000).toFixed(1)} s + import ${(report.runMs / 1000).toFixed(1)} s: parse/validate/stage ${(report.loadMs / 1000).toFixed(1)} s, merge ${(report.mergeMs / 1000).toFixed(1)} s), ${Math.round(ours).toLocaleString('en')} rows/s, peak RSS ${(report.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);

    return {
      value: Math.round(ours),
      unit: 'rows/s',
      baseline: Math.round(baseline),
      ratio: Math.round((ours / baseline) * 1000) / 1000,
      params: {
        rows: opts.rows,
        csvBytes: csv.bytes,
        finalFormBytes: finalBytes,
        baselineSeconds: round(baselineSeconds),
        oursSeconds: round(oursSeconds),
        oursStoreSeconds: round(report.storeMs / 1000),
        oursImportSeconds: round(report.runMs / 1000),
        oursParseValidateStageSeconds: round(report.loadMs / 1000),
        oursMergeCommitSeconds: round(report.mergeMs / 1000),
        peakRssMiB: Math.round(report.peakRssBytes / 2 ** 20),
        targetRatio: 0.5,
        node: process.version,
        postgres: pgVersion,
        cpus: cpus().length,
        measuredAt: new Date().toISOString(),
      },
    };
  } finally {
    await eraseOrganizations(pool, 'true').catch(() => undefined);
    await pool.end();
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;

export const benchmarks: Benchmark[] = [
  {
    name: 'ingest.interviews',
    async run(ctx) {
      const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
      if (!Number.isInteger(rows) || rows < 1) throw new Error('BENCH_ROWS must be a positive integer');
      // Its own database: the interviews table is truncated between the two phases.
      const databaseUrl = await ctx.ownDatabase('ingest');
      return benchIngestInterviews({ databaseUrl, secretKey: ctx.config.LANTERN_SECRET_KEY, rows, log: ctx.log });
    },
  },
];
