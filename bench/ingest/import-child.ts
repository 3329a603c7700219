/**
 * The importing process of the ingest benchmark: stores the file and runs the
 * import exactly as the API + worker do (storeAndEnqueueImport, then the
 * processor's runImport), in a process of its own so that its peak RSS is the
 * import's alone. Started by interviews.bench.ts with fork(); reports on IPC.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import pg from 'pg';
import { ingestSecretsFrom, runImport, storeAndEnqueueImport, type ImportQueue } from '@lantern/ingest';

export interface ChildRequest {
  databaseUrl: string;
  organizationId: string;
  file: string;
  fileBytes: number;
  secretKey: string;
}

export interface ChildReport {
  storeMs: number;
  runMs: number;
  totalMs: number;
  status: string;
  totalRows: number | null;
  acceptedRows: number;
  rejectedRows: number;
  error: string | null;
  peakRssBytes: number;
  jobsEnqueued: number;
  loadMs: number;
  mergeMs: number;
}

async function main(req: ChildRequest): Promise<ChildReport> {
  const pool = new pg.Pool({ connectionString: req.databaseUrl, max: 4, application_name: 'lantern-bench-import' });
  const secrets = ingestSecretsFrom(req.secretKey);
  let jobsEnqueued = 0;
  // The job is run right here instead of through Redis (enqueueing is ~1 ms and not what is measured).
  const queue: ImportQueue = { add: async () => void jobsEnqueued++ };
  try {
    const t0 = performance.now();
    const stored = await storeAndEnqueueImport(
      { pool, queue, cipher: secrets.cipher },
      {
        organizationId: req.organizationId,
        kind: 'interviews',
        format: 'csv',
        filename: basename(req.file),
        content: createReadStream(req.file, { highWaterMark: 4 * 1024 * 1024 }),
        maxBytes: req.fileBytes + 1,
        declaredBytes: req.fileBytes,
      },
    );
    const t1 = performance.now();
    const outcome = await runImport({ pool, secrets }, { importId: stored.import.id, organizationId: req.organizationId });
    const t2 = performance.now();
    return {
      storeMs: t1 - t0,
      runMs: t2 - t1,
      totalMs: t2 - t0,
      status: outcome.status,
      totalRows: outcome.import.totalRows,
      acceptedRows: outcome.import.acceptedRows,
      rejectedRows: outcome.import.rejectedRows,
      error: outcome.import.error,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      jobsEnqueued,
      loadMs: outcome.timings?.loadMs ?? 0,
      mergeMs: outcome.timings?.mergeMs ?? 0,
    };
  } finally {
    await pool.end();
  }
}

process.once('message', (req: ChildRequest) => {
  main(req).then(
    (report) => process.send!({ ok: true, report }, () => process.exit(0)),
    (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, () => process.exit(1)),
  );
});
