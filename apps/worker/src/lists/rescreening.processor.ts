import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOBS } from '@lantern/domain';
import { appendScreeningAuditEvents, AuditTrail, pgAuditSql, workerOptions } from '@lantern/platform';
import { blockExpiredAuditChange, blockExpiredSummary, dayOf, expireDueBlocks, inTransaction, pgPoolOf, rescreen, RESCREEN_JOB, RESCREENING_QUEUE, ScreeningEngine, ScreeningRecorder, type PgPool, type RescreenReport, type RescreenTrigger } from '@lantern/screening';

export interface RescreenJob {
  schemaVersion: 1;
  trigger: RescreenTrigger;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Re-screening after a list snapshot became current or a block changed
 * (jobs queued by the API). Re-checks the latest screening of every distinct
 * bid the affected organisations screened in the last year and every
 * supplier, and records what changed (GET /screenings/changes). Safe to
 * re-run: a second run of the same trigger records nothing new.
 */
@Processor(RESCREENING_QUEUE, workerOptions({ concurrency: 1 }))
export class RescreeningProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RescreeningProcessor.name);
  private pool!: PgPool;
  private engine!: ScreeningEngine;
  private recorder!: ScreeningRecorder;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  onApplicationBootstrap(): void {
    this.pool = pgPoolOf(this.dataSource);
    // The worker's own engine: list indexes are built here on first use, like in the API.
    this.engine = new ScreeningEngine(this.pool, { contextTtlMs: 0, log: (m) => this.logger.log(m) });
    this.recorder = new ScreeningRecorder(this.pool, { onBatch: appendScreeningAuditEvents });
  }

  async process(job: Job<RescreenJob>): Promise<RescreenReport | BlockExpiryReport> {
    if (job.name === JOBS.expireBlocks) return this.expireBlocks();
    if (job.name !== RESCREEN_JOB) throw new UnrecoverableError(`unknown job name ${JSON.stringify(job.name)} on the ${RESCREENING_QUEUE} queue`);
    const t = job.data?.trigger;
    if (job.data?.schemaVersion !== 1 || t === undefined || (t.kind !== 'list_snapshot' && t.kind !== 'block') || !UUID.test(String(t.id))) {
      throw new UnrecoverableError('malformed rescreen payload');
    }
    const started = Date.now();
    const report = await rescreen(this.pool, this.engine, this.recorder, t);
    this.logger.log(
      `${t.kind} ${t.id}: ${report.organizations} organisation(s), ${report.screeningsChecked} screening(s) and ${report.suppliersChecked} supplier(s) re-checked, ${report.changes} change(s), ${Date.now() - started} ms`,
    );
    return report;
  }

  /**
   * Expire the blocks whose period has ended (every organisation), each with
   * its transition and audit event, then re-screen what each touched. The
   * expiry commits first: a failed re-screening is retried without expiring
   * twice (the job's retry finds nothing more to expire, so it re-screens the
   * blocks the API or an earlier run expired through their queued jobs).
   */
  private async expireBlocks(): Promise<BlockExpiryReport> {
    const today = dayOf(new Date());
    const expired = await inTransaction(this.pool, (client) => {
      const sql = pgAuditSql(client);
      return expireDueBlocks(sql, today, {}, (b) => AuditTrail.recordSystem(sql, b.organizationId, blockExpiredAuditChange(b)));
    });
    let changes = 0;
    for (const b of expired) {
      this.engine.invalidate();
      changes += (await rescreen(this.pool, this.engine, this.recorder, { kind: 'block', id: b.id, summary: blockExpiredSummary(b) })).changes;
    }
    if (expired.length > 0) this.logger.log(`${expired.length} block(s) expired on ${today}; re-screening recorded ${changes} change(s)`);
    return { expired: expired.map((b) => b.id), changes };
  }
}

export interface BlockExpiryReport {
  expired: string[];
  changes: number;
}
