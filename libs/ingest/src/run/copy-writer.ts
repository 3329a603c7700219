import { once } from 'node:events';
import copyStreams from 'pg-copy-streams';
import type { PgClient } from '../db.js';

/**
 * A `COPY ... FROM STDIN` on one client, written in big text batches with
 * backpressure. It can be closed and reopened (to run other statements on the
 * same connection in between, e.g. to flush rejections).
 */
export class CopyWriter {
  private stream: ReturnType<typeof copyStreams.from> | undefined;
  private failure: Error | undefined;
  /** Rows sent by completed COPY commands. */
  rowCount = 0;

  constructor(
    private readonly client: PgClient,
    private readonly sql: string,
  ) {}

  get open(): boolean {
    return this.stream !== undefined;
  }

  private start(): ReturnType<typeof copyStreams.from> {
    const stream = this.client.query(copyStreams.from(this.sql));
    stream.on('error', (err: Error) => (this.failure ??= err));
    this.stream = stream;
    return stream;
  }

  /** Send COPY text (whole rows, each ending in a newline). */
  async write(text: string | Buffer): Promise<void> {
    if (text.length === 0) return;
    if (this.failure) throw this.failure;
    const stream = this.stream ?? this.start();
    if (!stream.write(text)) await once(stream, 'drain');
    if (this.failure) throw this.failure;
  }

  /** End the current COPY and wait until PostgreSQL has taken every row. */
  async close(): Promise<void> {
    const stream = this.stream;
    if (stream === undefined) return;
    this.stream = undefined;
    if (this.failure) throw this.failure;
    const finished = once(stream, 'finish');
    stream.end();
    await finished;
    this.rowCount += stream.rowCount;
  }
}
