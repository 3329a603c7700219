/**
 * Writes the demo dataset as import files (CSV per kind, plus one audit's
 * interviews as an NDJSON batch) and a manifest describing them. The encoders
 * are exported for the unit tests.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatMinor, type Fee } from '@lantern/domain';
import { COLUMNS, DEMO_IMPORT_KINDS, type BadRow, type DemoDataset, type DemoImportKind, type InterviewRow } from './dataset.js';

export interface DemoFile {
  kind: DemoImportKind;
  format: 'csv' | 'ndjson';
  /** Path relative to the repository root (out/demo-data/...). */
  file: string;
  contentType: string;
  /** Data rows (header excluded), valid and invalid. */
  rows: number;
  /** Invalid rows planted in this file: the import must reject exactly these. */
  expectedRejected: number;
  bytes: number;
  sha256: string;
}

/** CSV cell quoting (RFC 4180): quote when the value has a comma, quote, CR/LF or edge spaces. */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The `fees` cell: entries joined by `;`, fields by `|` in the contract order
 * `category|amount|currency|paid_to|paid_on|payment_form|financed_by_loan`.
 * Trailing unknown/empty fields are left out, as the contract allows.
 */
export function encodeFeesCell(fees: readonly Fee[]): string {
  return fees
    .map((f) => {
      const parts = [f.category, formatMinor(f.amountMinor, f.currency), f.currency, f.paidTo, f.paidOn ?? '', f.paymentForm, f.financedByLoan];
      while (parts.length > 3 && (parts[parts.length - 1] === '' || parts[parts.length - 1] === 'unknown')) parts.pop();
      return parts.join('|');
    })
    .join(';');
}

/** The `answers` cell: `key=yes;key2=no` in catalogue order. */
export function encodeAnswersCell(answers: Readonly<Record<string, string>>): string {
  return Object.entries(answers)
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
}

function cellValue(kind: DemoImportKind, column: string, row: Record<string, unknown>): string {
  const v = row[column];
  if (v === null || v === undefined) return '';
  if (kind === 'interviews' && column === 'fees') return encodeFeesCell(v as Fee[]);
  if (kind === 'interviews' && column === 'answers') return encodeAnswersCell(v as Record<string, string>);
  if (Array.isArray(v)) return v.join(';');
  return String(v);
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/** One NDJSON record: same field names; fees and answers structured, empty cells as null. */
export function ndjsonRecord(row: InterviewRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of COLUMNS.interviews) {
    const v = (row as unknown as Record<string, unknown>)[column];
    if (column === 'fees') {
      out.fees = row.fees.map((f) => ({
        category: f.category,
        amount: formatMinor(f.amountMinor, f.currency),
        currency: f.currency,
        paidTo: f.paidTo,
        paidOn: f.paidOn,
        paymentForm: f.paymentForm,
        financedByLoan: f.financedByLoan,
      }));
    } else if (column === 'answers') {
      out.answers = { ...row.answers };
    } else {
      out[column] = v === undefined ? null : v;
    }
  }
  return out;
}

/** Bad rows as NDJSON: raw strings as given (empty cells as null). */
function ndjsonBadRecord(bad: BadRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of COLUMNS[bad.kind]) {
    const v = bad.cells[column] ?? '';
    out[column] = column === 'fees' ? [] : column === 'answers' ? {} : v === '' ? null : v;
  }
  return out;
}

/** Insert planted bad rows at deterministic positions spread through the file. */
function withBadRows<T>(good: T[], bad: T[]): T[] {
  const out = [...good];
  bad.forEach((b, i) => {
    const at = Math.min(out.length, Math.floor(((i + 1) * out.length) / (bad.length + 1)) + 1);
    out.splice(at, 0, b);
  });
  return out;
}

export interface WrittenDemoData {
  dir: string;
  files: DemoFile[];
  manifestPath: string;
}

/**
 * Write every file (replacing an earlier run's), in import order, and a
 * manifest.json (files, expected rejections, planted ground truth).
 */
export async function writeDemoFiles(dataset: DemoDataset, rootDir: string, relDir = 'out/demo-data'): Promise<WrittenDemoData> {
  const dir = join(rootDir, relDir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const files: DemoFile[] = [];

  const emit = async (kind: DemoImportKind, format: 'csv' | 'ndjson', name: string, content: string, rows: number, expectedRejected: number): Promise<void> => {
    const bytes = Buffer.from(content, 'utf8');
    await writeFile(join(dir, name), bytes);
    files.push({
      kind,
      format,
      file: `${relDir}/${name}`,
      contentType: format === 'csv' ? 'text/csv' : 'application/x-ndjson',
      rows,
      expectedRejected,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  };

  for (const kind of DEMO_IMPORT_KINDS) {
    const columns = COLUMNS[kind];
    let rows = dataset.rows[kind] as unknown as Record<string, unknown>[];
    if (kind === 'interviews') rows = rows.filter((r) => r.audit_ref !== dataset.ndjsonAuditRef);
    const good = rows.map((r) => csvLine(columns.map((c) => cellValue(kind, c, r))));
    const badRows = dataset.badRows.filter((b) => b.kind === kind && b.format === 'csv');
    const bad = badRows.map((b) => csvLine(columns.map((c) => b.cells[c] ?? '')));
    const lines = [csvLine(columns), ...withBadRows(good, bad)];
    await emit(kind, 'csv', `${kind}.csv`, `${lines.join('\n')}\n`, good.length + bad.length, bad.length);

    if (kind === 'interviews') {
      const batch = dataset.rows.interviews.filter((r) => r.audit_ref === dataset.ndjsonAuditRef).map((r) => JSON.stringify(ndjsonRecord(r)));
      const ndBad = dataset.badRows.filter((b) => b.kind === kind && b.format === 'ndjson').map((b) => JSON.stringify(ndjsonBadRecord(b)));
      const name = `interviews-${dataset.ndjsonAuditRef.toLowerCase()}.ndjson`;
      await emit(kind, 'ndjson', name, `${withBadRows(batch, ndBad).join('\n')}\n`, batch.length + ndBad.length, ndBad.length);
    }
  }

  const manifestPath = join(dir, 'manifest.json');
  const manifest = {
    seed: dataset.seed,
    asOf: dataset.asOf,
    note: 'Synthetic data generated by `lantern demo`: invented organisations, people and events. Not real.',
    files,
    badRows: dataset.badRows.map(({ kind, format, ref, field, reason }) => ({ kind, format, ref, field, reason })),
    truth: dataset.truth,
  };
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, files, manifestPath };
}
