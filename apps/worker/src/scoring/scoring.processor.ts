import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { JOBS, QUEUES, isIsoDate, type ScoreOrganizationJob, type ScoreSitesJob } from '@lantern/domain';
import { AppConfig, asOfDate, workerOptions } from '@lantern/platform';
import { ScoringRunner, type RunScope, type ScoringRunResult } from './scoring.runner.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ScoringJob = Job<ScoreOrganizationJob | ScoreSitesJob>;

/**
 * The scoring queue's processor: dispatches on the job name through a typed
 * handler map, checks the payload, and runs ScoringRunner, reporting its
 * progress on the job. Bad payloads fail without retries (UnrecoverableError);
 * database trouble is retried with backoff. The work itself is idempotent: a
 * retried run writes a new assessment row per subject (history) and moves the
 * current pointers to it.
 */
@Processor(QUEUES.scoring, workerOptions())
export class ScoringProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScoringProcessor.name);
  private readonly runner: ScoringRunner;

  private readonly handlers: Record<string, (job: ScoringJob) => Promise<ScoringRunResult>> = {
    [JOBS.scoreOrganization]: (job) => this.score(job, 'organization'),
    [JOBS.scoreSites]: (job) => this.score(job, 'sites'),
  };

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
  ) {
    super();
    this.runner = new ScoringRunner(poolOf(dataSource), (m) => this.logger.log(m));
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.LANTERN_WORKER_CONCURRENCY;
  }

  async process(job: ScoringJob): Promise<ScoringRunResult> {
    const handler = this.handlers[job.name];
    if (handler === undefined) throw new UnrecoverableError(`unknown job name ${JSON.stringify(job.name)} on the scoring queue`);
    return handler(job);
  }

  private score(job: ScoringJob, scope: RunScope): Promise<ScoringRunResult> {
    const data = job.data;
    if (data?.schemaVersion !== 1 || !UUID.test(String(data.organizationId)) || (data.asOf !== undefined && !isIsoDate(data.asOf))) {
      throw new UnrecoverableError(`malformed ${job.name} payload`);
    }
    // The as-of date is fixed when the job first runs, so a retry reproduces the same assessment date.
    const asOf = data.asOf ?? asOfDate(undefined, new Date(job.timestamp));
    return this.runner.run({
      organizationId: data.organizationId,
      scope,
      reason: data.reason ?? 'manual',
      asOf,
      jobId: job.id,
      onProgress: (p) => job.updateProgress(p),
    });
  }
}

/** The pg Pool behind TypeORM's DataSource (the scoring run needs COPY and a session for its advisory lock). */
export function poolOf(dataSource: DataSource): Pool {
  const driver = dataSource.driver as unknown as { master?: Pool };
  if (driver.master === undefined) throw new Error('the DataSource is not an initialised PostgreSQL data source');
  return driver.master;
}
