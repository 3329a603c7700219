import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient, ImportStatusView } from '../api-client.js';
import { formatInt, formatMs } from '../console.js';
import { apiFor, DemoError, type DemoContext, type DemoImportResult, type DemoStage } from '../context.js';
import type { DemoFile } from '../files.js';
import { describeExit, indent } from '../supervisor.js';

const POLL_MS = 250;

function workerDiagnostics(ctx: DemoContext): string {
  const worker = ctx.services?.all.find((c) => c.name === 'worker');
  return worker ? `\nLast lines of ${worker.logPath}:\n${indent(worker.lastLines(25))}` : '';
}

function assertServicesAlive(ctx: DemoContext): void {
  for (const c of ctx.services?.all ?? []) {
    if (!c.running) throw new DemoError(`the ${c.name} exited (${describeExit(c.exitInfo!)}) during the imports.\nLast lines of ${c.logPath}:\n${indent(c.lastLines())}`);
  }
}

/** Upload one file, then poll its import until it completes, showing a progress line. */
export async function importFile(ctx: DemoContext, client: ApiClient, file: DemoFile): Promise<DemoImportResult> {
  const content = await readFile(join(ctx.paths.root, file.file));
  const filename = basename(file.file);
  const label = `${file.kind} <- ${filename}`;
  const started = Date.now();
  const upload = await client.uploadImport(file.kind, filename, content, file.contentType);
  if (upload.body.duplicate) ctx.console.warn(`${filename}: the API reports this content as already imported (import ${upload.body.id})`);

  let view: ImportStatusView = upload.body;
  let lastChange = Date.now();
  let lastKey = '';
  for (;;) {
    const total = view.totalRows ?? file.rows;
    const detail = `${formatInt(view.processedRows ?? 0)}/${formatInt(total)} rows  accepted ${formatInt(view.acceptedRows ?? 0)}  rejected ${formatInt(view.rejectedRows ?? 0)}  ${view.status}`;
    const done = view.status === 'completed' || view.status === 'failed';
    ctx.console.progress(file.file, label, done ? 1 : (view.progress ?? 0), detail, done);
    if (view.status === 'failed') {
      throw new DemoError(`the import of ${file.file} failed: ${view.error ?? 'no error message'} (import ${view.id})${workerDiagnostics(ctx)}`);
    }
    if (view.status === 'completed') break;
    const key = `${view.status}:${view.processedRows}`;
    if (key !== lastKey) {
      lastKey = key;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > ctx.options.importStallTimeoutS * 1000) {
      throw new DemoError(
        `the import of ${file.file} made no progress for ${ctx.options.importStallTimeoutS} s (status ${view.status}, ${view.processedRows} rows processed). ` +
          `Is the worker consuming the import queue?${workerDiagnostics(ctx)}`,
      );
    }
    assertServicesAlive(ctx);
    await sleep(POLL_MS);
    view = await client.getImport(upload.body.id);
  }

  const result: DemoImportResult = {
    kind: file.kind,
    file: file.file,
    format: file.format,
    importId: view.id,
    rows: view.totalRows ?? file.rows,
    accepted: view.acceptedRows,
    rejected: view.rejectedRows,
    expectedRejected: file.expectedRejected,
    durationMs: Date.now() - started,
  };
  if (view.rejectedRows > 0) {
    const page = await client.listRejections(view.id, 20);
    result.rejections = page.data.map((r) => ({ line: r.line, field: r.field ?? null, reason: r.reason }));
    for (const r of result.rejections.slice(0, 4)) ctx.console.info(`    rejected line ${r.line}${r.field ? ` ${r.field}` : ''}: ${r.reason.length > 110 ? `${r.reason.slice(0, 110)}…` : r.reason}`);
    if (result.rejections.length > 4) ctx.console.info(`    … ${view.rejectedRows - 4} more (GET /api/v1/imports/${view.id}/rejections)`);
  }
  return result;
}

/**
 * Upload every generated file through POST /api/v1/imports with the company's
 * admin key, in dependency order, and wait for each import to complete.
 */
export const importStage: DemoStage = {
  name: 'import',
  title: 'Import the files through the API (POST /api/v1/imports)',
  async run(ctx) {
    if (!ctx.files) throw new DemoError('no generated files (the generate stage must run first)');
    const client = apiFor(ctx, 'company', 'admin');
    ctx.summary.imports = [];
    for (const file of ctx.files) {
      const result = await importFile(ctx, client, file);
      ctx.summary.imports.push(result);
      const ok = result.rejected === result.expectedRejected && result.accepted + result.rejected === file.rows;
      ctx.summary.checks.push({
        name: `import ${file.file}`,
        ok,
        detail: `${result.accepted} accepted, ${result.rejected} rejected (expected ${file.rows - file.expectedRejected} and ${file.expectedRejected}) in ${formatMs(result.durationMs)}`,
      });
      if (!ok) {
        ctx.console.warn(
          `${file.file}: expected ${file.rows - file.expectedRejected} accepted and ${file.expectedRejected} rejected rows, ` +
            `the import reports ${result.accepted} and ${result.rejected}`,
        );
      }
    }
    ctx.summary.counts.rejectedRows = ctx.summary.imports.reduce((s, i) => s + i.rejected, 0);
  },
};
