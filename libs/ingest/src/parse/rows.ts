import type { ImportKind } from '@lantern/domain';
import { ImportFileError } from '../errors.js';
import { KIND_COLUMNS } from '../kinds/columns.js';

/** One problem with one row: `field` is the column (or a path inside it: `fees[1].currency`), null for the row as a whole. */
export interface RowIssue {
  field: string | null;
  reason: string;
}

/**
 * A row of an import file, read by column index (the position of the column
 * in KIND_COLUMNS). `get` returns undefined for an absent value: a missing
 * column, an empty or blank cell, a JSON null. CSV cells come back as trimmed
 * strings; NDJSON values as parsed JSON (strings trimmed).
 */
export interface RawRow {
  readonly line: number;
  readonly format: 'csv' | 'ndjson';
  get(col: number): unknown;
}

/** Reused for every CSV record of a file (no per-row allocation). */
export class CsvRowView implements RawRow {
  readonly format = 'csv' as const;
  line = 0;
  private fields: string[] = [];

  /** @param map for each column of the kind, its position in the file's header, or -1. */
  constructor(private readonly map: Int32Array) {}

  reset(fields: string[], line: number): this {
    this.fields = fields;
    this.line = line;
    return this;
  }

  get(col: number): string | undefined {
    const j = this.map[col];
    if (j < 0) return undefined;
    const v = this.fields[j];
    if (v === undefined || v.length === 0) return undefined;
    const c0 = v.charCodeAt(0);
    const cN = v.charCodeAt(v.length - 1);
    if (c0 > 32 && cN > 32) return v;
    const t = v.trim();
    return t.length === 0 ? undefined : t;
  }
}

/** Reused for every NDJSON line of a file. */
export class JsonRowView implements RawRow {
  readonly format = 'ndjson' as const;
  line = 0;
  private obj: Record<string, unknown> = {};

  constructor(private readonly names: readonly string[]) {}

  reset(obj: Record<string, unknown>, line: number): this {
    this.obj = obj;
    this.line = line;
    return this;
  }

  get(col: number): unknown {
    const v = this.obj[this.names[col]];
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'string') {
      const t = v.trim();
      return t.length === 0 ? undefined : t;
    }
    return v;
  }
}

const normalizeHeader = (h: string): string => h.trim().toLowerCase();

/**
 * Check a CSV header against the kind's columns and map it. Unknown, empty,
 * duplicate and missing required columns are file-level errors naming them.
 */
export function mapCsvHeader(kind: ImportKind, header: readonly string[]): Int32Array {
  const columns = KIND_COLUMNS[kind];
  const known = new Map(columns.map((c, i) => [c.name, i]));
  const map = new Int32Array(columns.length).fill(-1);
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const empty: number[] = [];
  header.forEach((raw, pos) => {
    const name = normalizeHeader(raw);
    if (name === '') {
      empty.push(pos + 1);
      return;
    }
    const idx = known.get(name);
    if (idx === undefined) unknown.push(name);
    else if (map[idx] >= 0) duplicate.push(name);
    else map[idx] = pos;
  });
  const problems: string[] = [];
  if (unknown.length > 0) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(', ')}`);
  if (duplicate.length > 0) problems.push(`duplicate column${duplicate.length > 1 ? 's' : ''} ${[...new Set(duplicate)].map(quote).join(', ')}`);
  if (empty.length > 0) problems.push(`empty column name at position${empty.length > 1 ? 's' : ''} ${empty.join(', ')}`);
  const missing = columns.filter((c, i) => c.required && map[i] < 0).map((c) => c.name);
  if (missing.length > 0) problems.push(`missing required column${missing.length > 1 ? 's' : ''} ${missing.map(quote).join(', ')}`);
  if (problems.length > 0) {
    throw new ImportFileError(
      `header (line 1): ${problems.join('; ')}. The ${kind} columns are: ${columns.map((c) => c.name + (c.required ? '*' : '')).join(', ')} (* required)`,
      1,
    );
  }
  return map;
}

/** NDJSON: a field that is not a column of the kind fails the file, as an unknown CSV column does. */
export function assertKnownJsonFields(kind: ImportKind, known: ReadonlySet<string>, obj: Record<string, unknown>, line: number): void {
  let unknown: string[] | undefined;
  for (const key in obj) {
    if (!known.has(key)) (unknown ??= []).push(key);
  }
  if (unknown !== undefined) {
    throw new ImportFileError(
      `line ${line}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(', ')}. The ${kind} fields are: ${KIND_COLUMNS[kind].map((c) => c.name).join(', ')}`,
      line,
    );
  }
}

function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}
