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
 * How long the first record of a batch waits for company (ms). Each INSERT
 * costs two system calls and a WAL flush whatever its size; under load one
 * millisecond gathers the screenings of several concurrent requests.
 */
const GATHER_MS = 1;

export interface RecorderOptions {
  /**
   * Runs in the transaction that inserts a batch, after the rows (the API and
   * the worker append the screenings' audit events here): the records and
   * their audit events commit together or not at all.
   */
  onBatch?: (client: PgClient, records: readonly ScreeningRecord[]) => Promise<void>;
}

/**
 * Group commit for screening records. Every screening is durable before its
 * answer is sent, but concurrent screenings share one transaction (one INSERT,
 * the audit events of the batch, one WAL flush): a record waits at most for the
 * flush in progress, and the batch grows with the load. The rows travel as one
 * JSON parameter expanded by `json_populate_recordset`.
 */
export class ScreeningRecorder {
  private queue: Waiter[] = [];
  private flushing = false;

  constructor(
    private readonly pool: PgPool,
    private readonly options: RecorderOptions = {},
  ) {}

  /** Resolves once the record is committed. */
  record(record: ScreeningRecord): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setTimeout(() => void this.drain(), GATHER_MS);
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.insert(batch.map((w) => w.record));
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err as Error);
      }
    }
    this.flushing = false;
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
