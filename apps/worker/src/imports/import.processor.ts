import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOBS, QUEUES, type ImportKind, type RunImportJob } from '@lantern/domain';
import {
  INFRASTRUCTURE_FAILURE_PREFIX,
  ImportBusyError,
  ImportNotFoundError,
  ingestSecretsFrom,
  isUuid,
  pgPoolFromDataSource,
  runImport,
  type IngestSecrets,
  type ImportProgress,
} from '@lantern/ingest';
import { AppConfig, AuditTrail, pgAuditSql, ScoringProducer, workerOptions } from '@lantern/platform';

/** What a finished import job returns (kept on the BullMQ job). */
export interface ImportJobResult {
  importId: string;
  status: 'completed' | 'skipped';
  totalRows: number | null;
  acceptedRows: number;
  rejectedRows: number;
}

/** Kinds whose rows the scoring methodology reads: a completed import of one re-scores the organisation. */
const SCORED_KINDS: ReadonlySet<ImportKind> = new Set(['suppliers', 'sites', 'recruiters', 'interviews']);

/**
 * Runs `run-import` jobs: the whole import (stream, validate, bulk-load) is
 * @lantern/ingest's runImport; this adapter reports progress on the job and
 * maps outcomes to BullMQ: a bad file fails the job without retries
 * (UnrecoverableError), an infrastructure error is retried with backoff, and
 * the import is marked failed when the last attempt fails.
 */
@Processor(QUEUES.import, workerOptions())
export class ImportProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportProcessor.name);
  private readonly secrets: IngestSecrets;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scoring: ScoringProducer,
  ) {
    super();
    this.secrets = ingestSecretsFrom(config.LANTERN_SECRET_KEY);
  }

  onApplicationBootstrap(): void {
    // @Processor options are static; the configured concurrency is applied once the worker exists.
    this.worker.concurrency = this.config.LANTERN_WORKER_CONCURRENCY;
  }

  async process(job: Job<RunImportJob>): Promise<ImportJobResult> {
    if (job.name !== JOBS.runImport) throw new UnrecoverableError(`unknown job name ${JSON.stringify(job.name)} on the import queue`);
    const data = job.data;
    if (data?.schemaVersion !== 1 || !isUuid(String(data.importId)) || !isUuid(String(data.organizationId))) {
      throw new UnrecoverableError(`malformed run-import payload (schemaVersion ${String(data?.schemaVersion)})`);
    }
    const pool = pgPoolFromDataSource(this.dataSource);
    const started = Date.now();
    try {
      const outcome = await runImport(
        { pool, secrets: this.secrets },
        {
          importId: data.importId,
          organizationId: data.organizationId,
          // Best effort: a Redis hiccup must not abort an import (imports.processed_rows carries the progress too).
          onProgress: (p: ImportProgress) =>
            job
              .updateProgress({ processedRows: p.processedRows, totalRows: p.totalRows, progress: p.progress })
              .catch((e: unknown) => this.logger.warn(`import ${data.importId}: could not report progress: ${String(e)}`)),
          // The completion and its audit event commit together (or not at all).
          beforeCommit: async (client, completed) => {
            await AuditTrail.recordSystem(
              pgAuditSql(client),
              completed.organizationId,
              {
                action: 'import.completed',
                subjectType: 'import',
                subjectId: completed.id,
                after: { kind: completed.kind, totalRows: completed.totalRows, acceptedRows: completed.acceptedRows, rejectedRows: completed.rejectedRows },
              },
              completed.createdByKeyId,
            );
          },
        },
      );
      const imp = outcome.import;
      if (outcome.status === 'failed') {
        this.logger.warn(`import ${imp.id} (${imp.kind}) failed: ${imp.error}`);
        throw new UnrecoverableError(imp.error ?? 'the file could not be imported');
      }
      if (outcome.status === 'completed') {
        const seconds = (Date.now() - started) / 1000;
        this.logger.log(
          `import ${imp.id} (${imp.kind}, ${imp.format}) completed: ${imp.acceptedRows} accepted, ${imp.rejectedRows} rejected in ${seconds.toFixed(1)} s`,
        );
        if (SCORED_KINDS.has(imp.kind) && imp.acceptedRows > 0) await this.requestRescore(imp.organizationId, imp.id);
      }
      return { importId: imp.id, status: outcome.status, totalRows: imp.totalRows, acceptedRows: imp.acceptedRows, rejectedRows: imp.rejectedRows };
    } catch (err) {
      if (err instanceof UnrecoverableError) throw err;
      if (err instanceof ImportNotFoundError) throw new UnrecoverableError(err.message);
      if (err instanceof ImportBusyError) {
        // The other worker owns the status; retry later (also seen right after a crash, until PostgreSQL has ended the dead worker's session).
        this.logger.warn(`import ${data.importId} attempt ${job.attemptsMade + 1}: ${err.message}; retrying`);
        throw err;
      }
      await this.recordAttemptFailure(job, pool, err);
      throw err;
    }
  }

  /** Queue a full re-score after the import committed; a queueing failure never fails the import. */
  private async requestRescore(organizationId: string, importId: string): Promise<void> {
    await this.scoring
      .requestFullRescore(organizationId, { reason: 'import' })
      .catch((e: unknown) => this.logger.warn(`import ${importId} completed but scoring could not be queued: ${String(e)}`));
  }

  /** Infrastructure failure: the status says whether it will be retried. The cause is logged, not shown to users. */
  private async recordAttemptFailure(job: Job<RunImportJob>, pool: ReturnType<typeof pgPoolFromDataSource>, err: unknown): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    const attempt = job.attemptsMade + 1;
    const last = attempt >= attempts;
    this.logger.error(`import ${job.data.importId} attempt ${attempt}/${attempts} failed`, err instanceof Error ? err.stack : String(err));
    const message = last
      ? `${INFRASTRUCTURE_FAILURE_PREFIX}: the import failed ${attempts} time${attempts === 1 ? '' : 's'}; nothing was written. Retry it (POST /api/v1/imports/${job.data.importId}/retry) once the service is healthy, or contact support`
      : `${INFRASTRUCTURE_FAILURE_PREFIX} on attempt ${attempt} of ${attempts}; nothing was written; retrying`;
    await pool
      .query(
        `UPDATE imports SET status = $2, error = $3, finished_at = CASE WHEN $2 = 'failed' THEN now() END
          WHERE id = $1 AND status NOT IN ('completed', 'failed')`,
        [job.data.importId, last ? 'failed' : 'queued', message],
      )
      .catch((e: unknown) => this.logger.warn(`could not record the failure of import ${job.data.importId}: ${String(e)}`));
  }
}
