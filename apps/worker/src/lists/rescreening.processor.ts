import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { pgPoolOf, rescreen, RESCREEN_JOB, RESCREENING_QUEUE, ScreeningEngine, ScreeningRecorder, type PgPool, type RescreenReport, type RescreenTrigger } from '@lantern/screening';

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
@Processor(RESCREENING_QUEUE, { concurrency: 1 })
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
    this.recorder = new ScreeningRecorder(this.pool);
  }

  async process(job: Job<RescreenJob>): Promise<RescreenReport> {
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
}
