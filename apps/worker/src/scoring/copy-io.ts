/**
 * COPY in and out of PostgreSQL in the text format: the fastest way to move
 * a million rows between the database and the scoring code.
 */
import { once } from 'node:events';
import type { PoolClient } from 'pg';
import copyStreams from 'pg-copy-streams';

/**
 * Stream `COPY (query) TO STDOUT` and hand each network chunk (whole rows or
 * not) to `onChunk`. `onBatch` runs after each chunk (for progress) and may be async.
 */
export async function copyOut(client: PoolClient, query: string, onChunk: (chunk: Buffer) => void, onBatch?: () => void | Promise<void>): Promise<void> {
  const stream = client.query(copyStreams.to(`COPY (${query}) TO STDOUT`));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onChunk(chunk);
    if (onBatch) await onBatch();
  }
}

export type CopyValue = string | number | boolean | null | readonly string[] | Record<string, unknown> | readonly unknown[];

/** One value in COPY text format. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`COPY: not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'string') return escapeText(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return escapeText(pgTextArray(value as string[]));
  // JSON.stringify escapes every control character, so only backslashes need doubling.
  const json = JSON.stringify(value);
  return json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
}

function escapeText(s: string): string {
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** A PostgreSQL text[] literal. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/** `COPY table (columns) FROM STDIN` the rows, in chunks of about 1 MiB. */
export async function copyIn(client: PoolClient, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number> {
  const stream = client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let buffer = '';
  let count = 0;
  for (const row of rows) {
    buffer += `${row.map(copyField).join('\t')}\n`;
    count += 1;
    if (buffer.length >= 1 << 20) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  if (buffer.length > 0) stream.write(buffer);
  stream.end();
  await done;
  return count;
}

/**
 * A `COPY table FROM STDIN` written row by row while the caller produces
 * rows (PostgreSQL parses and stores them meanwhile). Rows are sent in
 * batches of about 1 MiB; `end()` waits for PostgreSQL to accept the lot and
 * rejects if any row was refused.
 */
export class CopyWriter {
  private readonly stream: NodeJS.WritableStream & { on(event: string, fn: (...args: unknown[]) => void): unknown };
  private buffer = '';
  private failure: Error | undefined;
  private readonly finished: Promise<void>;
  rows = 0;

  constructor(client: PoolClient, table: string, columns: readonly string[]) {
    this.stream = client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)) as unknown as CopyWriter['stream'];
    this.finished = new Promise<void>((resolve, reject) => {
      this.stream.on('finish', () => resolve());
      this.stream.on('error', (err) => {
        this.failure = err as Error;
        reject(err as Error);
      });
    });
    this.finished.catch(() => undefined); // surfaced by write() / end()
  }

  async write(row: readonly CopyValue[]): Promise<void> {
    if (this.failure) throw this.failure;
    this.buffer += `${row.map(copyField).join('\t')}\n`;
    this.rows += 1;
    if (this.buffer.length >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) {
      await Promise.race([once(this.stream as unknown as NodeJS.EventEmitter, 'drain'), this.finished]);
    }
    if (this.failure) throw this.failure;
  }

  async end(): Promise<number> {
    if (this.buffer.length > 0) await this.flush();
    this.stream.end();
    await this.finished;
    return this.rows;
  }
}
