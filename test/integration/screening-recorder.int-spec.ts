import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { appendScreeningAuditEvents, verifyAuditChain, pgAuditSql } from '@lantern/platform';
import { ScreeningRecorder, type ScreeningRecord } from '@lantern/screening';

/** The group-commit recorder of screenings against real PostgreSQL: pipelined batches, audit chain, failures. */
describe('ScreeningRecorder (group commit, pipelined)', () => {
  let pool: pg.Pool;
  let org: string;

  const record = (overrides: Partial<ScreeningRecord> = {}): ScreeningRecord => ({
    id: randomUUID(),
    organizationId: org,
    apiKeyId: null,
    actorRole: 'system',
    trigger: 'request',
    rescreenOf: null,
    bidderName: `Bidder ${Math.random().toString(36).slice(2)}`,
    tenderReference: null,
    decision: 'clear',
    ruleId: 'no-exclusion-match',
    matchCount: 0,
    input: { bidder: { name: 'x' } },
    answer: { decision: 'clear', matches: [], reasons: ['none'] },
    partyKeys: ['x'],
    dataVersion: { lists: [] },
    durationMs: 1,
    createdAt: new Date(),
    ...overrides,
  });

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 6 });
    org = (await pool.query<{ id: string }>(`INSERT INTO organizations (name, kind, jurisdiction) VALUES ($1, 'procurement_authority', 'AU') RETURNING id`, [`Recorder ${randomUUID()}`])).rows[0]!.id;
  });
  afterAll(async () => {
    await pool.end();
  });

  it('commits every one of 300 concurrent screenings once, each with its audit event, in one valid chain', async () => {
    const recorder = new ScreeningRecorder(pool, { onBatch: appendScreeningAuditEvents, pipelineDepth: 2 });
    const records = Array.from({ length: 300 }, () => record());
    await Promise.all(records.map((r) => recorder.record(r)));
    const { rows } = await pool.query<{ n: number; distinct_ids: number }>(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct_ids FROM screenings WHERE organization_id = $1`, [org]);
    expect(rows[0]).toEqual({ n: 300, distinct_ids: 300 });
    const events = await pool.query<{ subject_id: string }>(`SELECT subject_id FROM audit_events WHERE organization_id = $1 AND action = 'screening.created'`, [org]);
    expect(new Set(events.rows.map((e) => e.subject_id))).toEqual(new Set(records.map((r) => r.id)));
    expect(await verifyAuditChain(pgAuditSql(pool), org)).toEqual({ valid: true, checked: 300 });
  });

  it('fails only the batch that cannot be written: its screenings are rejected and nothing of them is kept', async () => {
    const recorder = new ScreeningRecorder(pool, { onBatch: appendScreeningAuditEvents, pipelineDepth: 1 });
    const good = record();
    await recorder.record(good);
    // An organisation that does not exist: the foreign key refuses the batch.
    const orphan = record({ organizationId: randomUUID() });
    await expect(recorder.record(orphan)).rejects.toThrow(/foreign key/);
    const after = record();
    await recorder.record(after);
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM screenings WHERE id = ANY($1::uuid[])`, [[good.id, orphan.id, after.id]]);
    expect(rows.map((r) => r.id).sort()).toEqual([good.id, after.id].sort());
    expect(await verifyAuditChain(pgAuditSql(pool), org)).toMatchObject({ valid: true });
  });
});
