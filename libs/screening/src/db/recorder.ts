import { inTransaction, type PgClient, type PgPool } from './pg.js';

/** One screening as stored (the audit record: who, when, input, answer). */
export interface ScreeningRecord {
  id: string;
  organizationId: string;
  apiKeyId: string | null;
  actorRole: string;
  trigger: 'request' | 'rescreen';
  rescreenOf: string | null;
  bidderName: string;
  tenderReference: string | null;
  decision: string;
  ruleId: string;
  matchCount: number;
  input: unknown;
  answer: unknown;
  partyKeys: string[];
  dataVersion: unknown;
  durationMs: number;
  createdAt: Date;
}

interface Waiter {
  record: ScreeningRecord;
  resolve: () => void;
  reject: (err: Error) => void;
}

/** Rows per INSERT at most. */
const MAX_BATCH = 500;
/**
 * Batches committing at once. Two overlap one batch's INSERT (JSON parsing,
 * TOAST, WAL writes) with the previous batch's commit; the audit events of one
 * organisation still append one batch at a time (the chain's lock).
 */
const DEFAULT_PIPELINE_DEPTH = 2;

export interface RecorderOptions {
  /**
   * Runs in the transaction that inserts a batch, after the rows (the API and
   * the worker append the screenings' audit events here): the records and
   * their audit events commit together or not at all.
   */
  onBatch?: (client: PgClient, records: readonly ScreeningRecord[]) => Promise<void>;
  /** Batches committing at once (default 2). */
  pipelineDepth?: number;
}

/**
 * Group commit for screening records. Every screening is durable before its
 * answer is sent, but concurrent screenings share one transaction (one INSERT,
 * the audit events of the batch, one WAL flush): a record waits for a
 * committing batch to finish, and the batch grows with the load. The rows
 * travel as one JSON parameter expanded by `json_populate_recordset`.
 */
export class ScreeningRecorder {
  private queue: Waiter[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly depth: number;

  constructor(
    private readonly pool: PgPool,
    private readonly options: RecorderOptions = {},
  ) {
    this.depth = Math.max(1, options.pipelineDepth ?? DEFAULT_PIPELINE_DEPTH);
  }

  /** Resolves once the record is committed. */
  record(record: ScreeningRecord): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Start a batch after the records of this turn of the event loop have
   * arrived (setImmediate: no fixed wait when the load is light), unless
   * `depth` batches are committing already; the one that finishes next takes
   * whatever queued meanwhile.
   */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.depth || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flushOne();
    });
  }

  private async flushOne(): Promise<void> {
    if (this.inFlight >= this.depth || this.queue.length === 0) return;
    const batch = this.queue.splice(0, MAX_BATCH);
    this.inFlight++;
    try {
      await this.insert(batch.map((w) => w.record));
      for (const w of batch) w.resolve();
    } catch (err) {
      for (const w of batch) w.reject(err as Error);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }

  private async insert(records: ScreeningRecord[]): Promise<void> {
    const rows = records.map((r) => ({
      id: r.id,
      organization_id: r.organizationId,
      api_key_id: r.apiKeyId,
      actor_role: r.actorRole,
      trigger: r.trigger,
      rescreen_of: r.rescreenOf,
      bidder_name: r.bidderName,
      tender_reference: r.tenderReference,
      decision: r.decision,
      rule_id: r.ruleId,
      match_count: r.matchCount,
      input: r.input,
      answer: r.answer,
      party_keys: r.partyKeys,
      data_version: r.dataVersion,
      duration_ms: r.durationMs,
      created_at: r.createdAt.toISOString(),
    }));
    const sql = `INSERT INTO screenings (id, organization_id, api_key_id, actor_role, trigger, rescreen_of, bidder_name, tender_reference, decision, rule_id,
                               match_count, input, answer, party_keys, data_version, duration_ms, created_at)
       SELECT id, organization_id, api_key_id, actor_role, trigger, rescreen_of, bidder_name, tender_reference, decision, rule_id,
              match_count, input, answer, party_keys, data_version, duration_ms, created_at
         FROM json_populate_recordset(NULL::screenings, $1::json)`;
    const params = [JSON.stringify(rows)];
    const onBatch = this.options.onBatch;
    if (onBatch === undefined) {
      await this.pool.query(sql, params);
      return;
    }
    await inTransaction(this.pool, async (client) => {
      await client.query(sql, params);
      await onBatch(client, records);
    });
  }
}
