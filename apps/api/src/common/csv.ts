import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';

/** Spreadsheet formula triggers: such cells get a leading apostrophe (CSV injection, OWASP). */
const FORMULA_PREFIX = /^[=+\-@\t\r]/;
const NEEDS_QUOTING = /[",\r\n]/;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') return FORMULA_PREFIX.test(value) ? `'${value}` : value;
  return String(value);
}

/** One RFC 4180 cell. */
export function csvCell(value: unknown): string {
  const text = cellText(value);
  return NEEDS_QUOTING.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A header row then one line per row, streamed as rows arrive (never the whole export in memory). */
async function* csvLines<T>(columns: readonly (keyof T & string)[], rows: AsyncIterable<T>): AsyncGenerator<string> {
  yield csvLine(columns);
  for await (const row of rows) yield csvLine(columns.map((c) => row[c]));
}

/** A `text/csv` download of `rows`, named `<name>.csv`. */
export function csvFile<T>(name: string, columns: readonly (keyof T & string)[], rows: AsyncIterable<T>): StreamableFile {
  return new StreamableFile(Readable.from(csvLines(columns, rows)), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}.csv"`,
  });
}
