/**
 * HTTP load generator of the screening benchmark, in a process of its own
 * (started with fork(); reports on IPC): `concurrency` keep-alive connections,
 * each sending its next request as soon as the previous answer arrived, for
 * `durationMs` after `warmupMs`. Latency is measured per request (send to last
 * byte of the answer).
 */
import http from 'node:http';

export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Bodies sent in turn (POST); empty for GET. */
  bodies: string[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadReport {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  decisions: Record<string, number>;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function run(req: LoadRequest): Promise<LoadReport> {
  const url = new URL(req.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: req.concurrency });
  const bodies = req.bodies.map((b) => Buffer.from(b, 'utf8'));
  let next = 0;
  let measuring = false;
  let stop = false;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const decisions: Record<string, number> = {};
  let errors = 0;

  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const body = bodies.length > 0 ? bodies[next++ % bodies.length]! : undefined;
      const t0 = performance.now();
      const r = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: req.method,
          headers: { ...req.headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            if (measuring) {
              latencies.push(performance.now() - t0);
              statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
              if (body) {
                const text = Buffer.concat(chunks).toString('utf8', 0, 200);
                const m = /"decision":"(\w+)"/.exec(text);
                if (m) decisions[m[1]!] = (decisions[m[1]!] ?? 0) + 1;
              }
            }
            resolve();
          });
        },
      );
      r.on('error', () => {
        if (measuring) errors++;
        resolve();
      });
      if (body) r.end(body);
      else r.end();
    });

  const loop = async (): Promise<void> => {
    while (!stop) await one();
  };
  const loops = Array.from({ length: req.concurrency }, loop);
  await new Promise((r) => setTimeout(r, req.warmupMs));
  measuring = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, req.durationMs));
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(loops);
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    errors,
    statuses,
    decisions,
    rps: latencies.length / elapsed,
    p50Ms: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.length > 0 ? sorted[sorted.length - 1]! : 0,
    meanMs: latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length),
  };
}

process.once('message', (req: LoadRequest) => {
  run(req).then(
    (report) => process.send!({ ok: true, report }, () => process.exit(0)),
    (err: unknown) => process.send!({ ok: false, error: String(err) }, () => process.exit(1)),
  );
});
