/**
 * Load driver of the soak benchmark, in a process of its own (fork(), IPC):
 * `concurrency` keep-alive connections, each sending its next request as soon
 * as the previous answer arrived, mixing list reads (with filters and cursor
 * pagination), single-record reads and screenings; beside them one import
 * loop uploading a new CSV (multipart) every `importIntervalMs` and polling it
 * to completion. Runs `warmupMs` unrecorded, then `durationMs` recorded.
 *
 * Messages to the parent: { phase: 'measuring' } when the recorded window
 * opens, { phase: 'end' } when it closes (the parent samples RSS on both),
 * then { ok, report }.
 */
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '@lantern/screening';

export type RequestKind = 'list' | 'get' | 'screening' | 'import_upload' | 'import_poll';
export const REQUEST_KINDS: readonly RequestKind[] = ['list', 'get', 'screening', 'import_upload', 'import_poll'];

export interface ImportFile {
  kind: string;
  path: string;
  contentType: string;
  rows: number;
}

export interface DriverRequest {
  /** http://127.0.0.1:<port>/api/v1 */
  apiBase: string;
  keys: { admin: string; compliance: string; procurement: string };
  ids: { suppliers: string[]; sites: string[]; recruiters: string[]; audits: string[]; interviews: string[] };
  countries: string[];
  bids: string[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Share of list, get and screening requests in the mix (sums to 1). */
  mix: { list: number; get: number; screening: number };
  importFiles: ImportFile[];
  importIntervalMs: number;
  importTimeoutMs: number;
  requestTimeoutMs: number;
}

export interface KindStats {
  requests: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface DriverReport {
  seconds: number;
  requests: number;
  errors: number;
  errorsByKind: Record<string, number>;
  errorSamples: string[];
  statuses: Record<string, number>;
  overall: KindStats;
  byKind: Record<RequestKind, KindStats>;
  byEndpoint: Record<string, KindStats>;
  /** Per recorded minute: requests and p99 (to see a drift over the soak). */
  perMinute: { minute: number; requests: number; p99Ms: number; errors: number }[];
  imports: { started: number; completed: number; failed: number; rows: number; secondsP50: number; secondsMax: number; byKind: Record<string, number> };
  decisions: Record<string, number>;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function stats(latencies: number[], seconds: number): KindStats {
  const s = Float64Array.from(latencies).sort();
  const r = (x: number): number => Math.round(x * 100) / 100;
  return {
    requests: s.length,
    rps: r(s.length / seconds),
    p50Ms: r(percentile(s, 0.5)),
    p90Ms: r(percentile(s, 0.9)),
    p99Ms: r(percentile(s, 0.99)),
    maxMs: r(s.length > 0 ? s[s.length - 1]! : 0),
  };
}

/** The same mix in every run (mulberry32, shared with the list generator). */
const rng = seededRandom;

async function run(req: DriverRequest): Promise<DriverReport> {
  const base = new URL(req.apiBase);
  const agent = new http.Agent({ keepAlive: true, maxSockets: req.concurrency + 2 });
  const latencies: Record<RequestKind, number[]> = { list: [], get: [], screening: [], import_upload: [], import_poll: [] };
  const all: number[] = [];
  const errorsByKind: Record<string, number> = {};
  const errorSamples: string[] = [];
  const statuses: Record<string, number> = {};
  const decisions: Record<string, number> = {};
  const minutes = new Map<number, { lat: number[]; errors: number }>();
  let measuring = false;
  let measureStart = 0;
  let stop = false;

  const minuteOf = (): { lat: number[]; errors: number } => {
    const m = Math.floor((performance.now() - measureStart) / 60_000);
    let e = minutes.get(m);
    if (!e) minutes.set(m, (e = { lat: [], errors: 0 }));
    return e;
  };
  const error = (kind: string, what: string): void => {
    if (!measuring) return;
    errorsByKind[kind] = (errorsByKind[kind] ?? 0) + 1;
    minuteOf().errors++;
    if (errorSamples.length < 30) errorSamples.push(`${new Date().toISOString()} ${kind}: ${what}`);
  };
  const endpoints = new Map<string, number[]>();
  const record = (kind: RequestKind, ms: number, status: number, endpoint?: string): void => {
    if (!measuring) return;
    latencies[kind].push(ms);
    if (endpoint !== undefined) {
      const e = endpoints.get(endpoint);
      if (e) e.push(ms);
      else endpoints.set(endpoint, [ms]);
    }
    all.push(ms);
    minuteOf().lat.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  };

  /** One HTTP request on the keep-alive agent; resolves with status and body (never rejects). */
  const send = (method: 'GET' | 'POST', path: string, key: string, body?: Buffer): Promise<{ status: number; text: string; ms: number; err?: string }> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      let done = false;
      const finish = (status: number, text: string, err?: string): void => {
        if (done) return;
        done = true;
        resolve({ status, text, ms: performance.now() - t0, err });
      };
      const r = http.request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          path: base.pathname + path,
          method,
          timeout: req.requestTimeoutMs,
          headers: {
            authorization: `Bearer ${key}`,
            accept: 'application/json',
            ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
          res.on('error', (e) => finish(0, '', `response error: ${e.message}`));
        },
      );
      r.on('timeout', () => {
        r.destroy(new Error(`timeout after ${req.requestTimeoutMs} ms`));
      });
      r.on('error', (e) => finish(0, '', e.message));
      if (body) r.end(body);
      else r.end();
    });

  const bids = req.bids.map((b) => Buffer.from(b, 'utf8'));
  const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)]!;
  /** Cursors handed out by earlier list answers, per list path: followed one time in three (pagination). */
  const cursors = new Map<string, string[]>();

  const listPath = (r: () => number): string => {
    const country = pick(req.countries, r);
    const options = [
      () => `/suppliers?limit=50${r() < 0.4 ? `&country=${country}` : ''}${r() < 0.2 ? `&tier=${1 + Math.floor(r() * 3)}` : ''}`,
      () => `/sites?limit=50${r() < 0.5 ? `&country=${country}` : ''}`,
      () => `/risk?limit=50${r() < 0.5 ? `&subjectType=${pick(['site', 'supplier', 'recruiter'], r)}` : ''}${r() < 0.3 ? `&band=${pick(['high', 'critical', 'medium'], r)}` : ''}`,
      () => `/audit-log?limit=50`,
      () => `/recruiters?limit=50`,
      () => `/audits?limit=50`,
      () => `/interviews?limit=50`,
      () => `/screenings?limit=20`,
    ];
    const p = pick(options, r)();
    const known = cursors.get(p);
    if (known && known.length > 0 && r() < 0.33) return `${p}&cursor=${encodeURIComponent(known[Math.floor(r() * known.length)]!)}`;
    return p;
  };
  const getPath = (r: () => number): string => {
    const x = r();
    if (x < 0.2) return `/suppliers/${pick(req.ids.suppliers, r)}`;
    if (x < 0.35) return `/sites/${pick(req.ids.sites, r)}`;
    if (x < 0.45) return `/recruiters/${pick(req.ids.recruiters, r)}`;
    if (x < 0.55) return `/audits/${pick(req.ids.audits, r)}`;
    if (x < 0.65) return `/interviews/${pick(req.ids.interviews, r)}`;
    if (x < 0.8) return `/suppliers/${pick(req.ids.suppliers, r)}/risk`;
    if (x < 0.95) return `/sites/${pick(req.ids.sites, r)}/risk`;
    return `/recruiters/${pick(req.ids.recruiters, r)}/risk`;
  };

  /** `/suppliers/<uuid>/risk?x=y` -> `/suppliers/:id/risk` (per-endpoint figures). */
  const endpointOf = (path: string): string => path.replace(/\?.*$/, '').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');

  const loop = async (slot: number): Promise<void> => {
    const r = rng(0x50a1 + slot * 7919);
    let bidIndex = slot * 997;
    while (!stop) {
      const x = r();
      if (x < req.mix.screening) {
        const body = bids[bidIndex++ % bids.length]!;
        const res = await send('POST', '/screenings', req.keys.procurement, body);
        if (res.err) error('screening', res.err);
        else {
          record('screening', res.ms, res.status, 'POST /screenings');
          if (res.status !== 201) error('screening', `POST /screenings answered ${res.status}: ${res.text.slice(0, 200)}`);
          else if (measuring) {
            const m = /"decision":"(\w+)"/.exec(res.text.slice(0, 400));
            if (m) decisions[m[1]!] = (decisions[m[1]!] ?? 0) + 1;
          }
        }
      } else {
        const kind: RequestKind = x < req.mix.screening + req.mix.list ? 'list' : 'get';
        const path = kind === 'list' ? listPath(r) : getPath(r);
        // The authority's screenings are read with its own key; the company's records with its admin or compliance key.
        const key = path.startsWith('/screenings') ? req.keys.procurement : r() < 0.5 ? req.keys.admin : req.keys.compliance;
        const res = await send('GET', path, key);
        if (res.err) error(kind, `GET ${path}: ${res.err}`);
        else {
          record(kind, res.ms, res.status, `GET ${endpointOf(path)}`);
          if (res.status !== 200) error(kind, `GET ${path} answered ${res.status}: ${res.text.slice(0, 200)}`);
          else if (kind === 'list') {
            const m = /"nextCursor":"([^"]+)"/.exec(res.text.slice(-600));
            const stem = path.replace(/&cursor=.*$/, '');
            if (m) {
              const list = cursors.get(stem) ?? [];
              if (list.length < 20) list.push(m[1]!);
              else list[Math.floor(r() * list.length)] = m[1]!;
              cursors.set(stem, list);
            }
          }
        }
      }
    }
  };

  // Imports: one at a time, a new one every importIntervalMs (or as soon as the previous is done, if it took longer).
  const imports = { started: 0, completed: 0, failed: 0, rows: 0, seconds: [] as number[], byKind: {} as Record<string, number> };
  const importLoop = async (): Promise<void> => {
    let i = 0;
    while (!stop && i < req.importFiles.length) {
      const next = performance.now() + req.importIntervalMs;
      const f = req.importFiles[i++]!;
      const content = await readFile(f.path);
      const form = new FormData();
      form.append('kind', f.kind);
      form.append('file', new Blob([new Uint8Array(content.buffer, content.byteOffset, content.byteLength)], { type: f.contentType }), basename(f.path));
      imports.started++;
      imports.byKind[f.kind] = (imports.byKind[f.kind] ?? 0) + 1;
      const t0 = performance.now();
      let id: string | undefined;
      try {
        const res = await fetch(`${req.apiBase}/imports`, { method: 'POST', headers: { authorization: `Bearer ${req.keys.admin}` }, body: form, signal: AbortSignal.timeout(req.requestTimeoutMs) });
        const text = await res.text();
        record('import_upload', performance.now() - t0, res.status);
        if (res.status !== 202) error('import_upload', `POST /imports (${f.kind}) answered ${res.status}: ${text.slice(0, 200)}`);
        else id = (JSON.parse(text) as { id: string }).id;
      } catch (e) {
        error('import_upload', `POST /imports (${f.kind}): ${String(e)}`);
      }
      if (id !== undefined) {
        const deadline = t0 + req.importTimeoutMs;
        for (;;) {
          await sleep(250);
          const res = await send('GET', `/imports/${id}`, req.keys.admin);
          if (res.err) {
            error('import_poll', `GET /imports/${id}: ${res.err}`);
            continue;
          }
          record('import_poll', res.ms, res.status);
          if (res.status !== 200) {
            error('import_poll', `GET /imports/${id} answered ${res.status}`);
            continue;
          }
          const v = JSON.parse(res.text) as { status: string; acceptedRows: number; rejectedRows: number; error: string | null };
          if (v.status === 'completed') {
            imports.completed++;
            imports.rows += v.acceptedRows;
            imports.seconds.push((performance.now() - t0) / 1000);
            if (v.rejectedRows > 0 || v.acceptedRows !== f.rows) error('import', `import ${id} (${f.kind}): ${v.acceptedRows} accepted, ${v.rejectedRows} rejected, expected ${f.rows}`);
            break;
          }
          if (v.status === 'failed') {
            imports.failed++;
            error('import', `import ${id} (${f.kind}) failed: ${v.error}`);
            break;
          }
          if (performance.now() > deadline) {
            imports.failed++;
            error('import', `import ${id} (${f.kind}) still ${v.status} after ${req.importTimeoutMs / 1000} s`);
            break;
          }
        }
      }
      const wait = next - performance.now();
      if (wait > 0 && !stop) await sleep(wait);
    }
  };

  const loops = Array.from({ length: req.concurrency }, (_, i) => loop(i));
  await sleep(req.warmupMs);
  measuring = true;
  measureStart = performance.now();
  process.send!({ phase: 'measuring' });
  // The import loop runs in the recorded window only; an import still running when it closes is awaited and counted.
  const importsDone = importLoop();
  await sleep(req.durationMs);
  const seconds = (performance.now() - measureStart) / 1000;
  process.send!({ phase: 'end' });
  stop = true;
  // Requests in flight when the window closed, and the polls of the last import, are still recorded.
  await Promise.all(loops);
  await importsDone;
  measuring = false;
  agent.destroy();

  const byKind = Object.fromEntries(REQUEST_KINDS.map((k) => [k, stats(latencies[k], seconds)])) as Record<RequestKind, KindStats>;
  const importSeconds = Float64Array.from(imports.seconds).sort();
  const errors = Object.values(errorsByKind).reduce((s, n) => s + n, 0);
  return {
    seconds: Math.round(seconds * 10) / 10,
    requests: all.length,
    errors,
    errorsByKind,
    errorSamples,
    statuses,
    overall: stats(all, seconds),
    byKind,
    byEndpoint: Object.fromEntries([...endpoints.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([e, l]) => [e, stats(l, seconds)])),
    perMinute: [...minutes.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([minute, e]) => ({ minute, requests: e.lat.length, p99Ms: Math.round(percentile(Float64Array.from(e.lat).sort(), 0.99) * 10) / 10, errors: e.errors })),
    imports: {
      started: imports.started,
      completed: imports.completed,
      failed: imports.failed,
      rows: imports.rows,
      secondsP50: Math.round(percentile(importSeconds, 0.5) * 100) / 100,
      secondsMax: Math.round((importSeconds.length > 0 ? importSeconds[importSeconds.length - 1]! : 0) * 100) / 100,
      byKind: imports.byKind,
    },
    decisions,
  };
}

process.once('message', (req: DriverRequest) => {
  run(req).then(
    (report) => process.send!({ ok: true, report }, () => process.exit(0)),
    (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, () => process.exit(1)),
  );
});
