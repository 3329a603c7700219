import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOBS, QUEUES, type RenderReportJob } from '@lantern/domain';
import { AuditTrail, workerOptions, type AuditSql } from '@lantern/platform';
import { buildReportModel, GENERATOR_VERSION, modelHash, REPORT_TYPES, renderReportPdf, type PaperSize, type ReportOptions, type ReportType } from '@lantern/reports';
import { readReportInput } from './report-data.reader.js';
import { PdfRendererService } from './pdf-renderer.service.js';

export interface RenderReportResult {
  reportId: string;
  pages: number;
  sha256: string;
  modelSha256: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `render-report` jobs: gather the data in one snapshot -> typed model
 * (pure) -> HTML -> PDF in the warm Chromium pool -> stored in `reports` with
 * its SHA-256, page count, versions and the model hash. Progress goes to the
 * row (read by the API) and to the job.
 */
@Processor(QUEUES.reports, workerOptions())
export class ReportProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renderer: PdfRendererService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.renderer.pool.maxPages;
  }

  private async progress(job: Job, reportId: string, progress: number): Promise<void> {
    await this.dataSource.query(`UPDATE reports SET progress = $2 WHERE id = $1 AND status = 'running'`, [reportId, progress]);
    await job.updateProgress(progress).catch(() => undefined);
  }

  async process(job: Job<RenderReportJob>): Promise<RenderReportResult> {
    if (job.name !== JOBS.renderReport) throw new UnrecoverableError(`unknown job name ${JSON.stringify(job.name)} on the reports queue`);
    const data = job.data;
    if (data?.schemaVersion !== 1 || !UUID.test(String(data.reportId)) || !UUID.test(String(data.organizationId))) {
      throw new UnrecoverableError(`malformed render-report payload (schemaVersion ${String(data?.schemaVersion)})`);
    }
    // UPDATE ... RETURNING answers [rows, affected] through TypeORM.
    const claimed = await this.dataSource.query(
      `UPDATE reports SET status = 'running', progress = 5, started_at = now(), error = NULL
        WHERE id = $1 AND organization_id = $2 AND status <> 'completed'
        RETURNING id, type, created_by_key_id, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end, paper, supplier_id, options`,
      [data.reportId, data.organizationId],
    );
    const row = (Array.isArray(claimed[0]) ? claimed[0][0] : claimed[0]) as Record<string, any> | undefined;
    if (!row) {
      const [done] = await this.dataSource.query(`SELECT page_count, pdf_sha256, model_sha256 FROM reports WHERE id = $1 AND organization_id = $2`, [data.reportId, data.organizationId]);
      if (done?.pdf_sha256) return { reportId: data.reportId, pages: done.page_count, sha256: done.pdf_sha256, modelSha256: done.model_sha256 };
      throw new UnrecoverableError(`report ${data.reportId} not found`);
    }
    try {
      const type = row.type as ReportType;
      if (!REPORT_TYPES.includes(type)) throw new UnrecoverableError(`unknown report type ${type}`);
      const options = row.options as ReportOptions;
      const input = await this.dataSource.transaction('REPEATABLE READ', (em) =>
        readReportInput(em, { type, organizationId: data.organizationId, periodStart: row.period_start, periodEnd: row.period_end, supplierId: row.supplier_id, options }),
      );
      await this.progress(job, data.reportId, 40);
      const model = buildReportModel(input);
      const hash = modelHash(model);
      await this.progress(job, data.reportId, 50);
      const started = Date.now();
      const rendered = await renderReportPdf(this.renderer.pool, model, { paper: row.paper as PaperSize, generatedAt: new Date().toISOString(), reportId: data.reportId }, { tagged: options.accessible === true });
      await this.progress(job, data.reportId, 90);
      await this.dataSource.transaction(async (em) => {
        await em.query(
          `UPDATE reports SET status = 'completed', progress = 100, pdf = $2, pdf_sha256 = $3, size_bytes = $4, page_count = $5, generator_version = $6,
                  methodology_version = $7, data_as_of = $8, model_sha256 = $9, title = $10, finished_at = now(), error = NULL
            WHERE id = $1`,
          [data.reportId, rendered.pdf, rendered.sha256, rendered.pdf.length, rendered.pages, GENERATOR_VERSION, model.methodologyVersion, model.dataAsOf, hash, model.title],
        );
        await AuditTrail.recordSystem(em as unknown as AuditSql, data.organizationId, {
          action: 'report.rendered',
          subjectType: 'report',
          subjectId: data.reportId,
          after: { type, sha256: rendered.sha256, pages: rendered.pages, modelSha256: hash, generatorVersion: GENERATOR_VERSION, methodologyVersion: model.methodologyVersion, dataAsOf: model.dataAsOf },
        }, (row.created_by_key_id as string | null) ?? null);
      });
      await job.updateProgress(100).catch(() => undefined);
      this.logger.log(`report ${data.reportId} (${type}) rendered: ${rendered.pages} pages, ${rendered.pdf.length} bytes in ${Date.now() - started} ms`);
      return { reportId: data.reportId, pages: rendered.pages, sha256: rendered.sha256, modelSha256: hash };
    } catch (err) {
      const final = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = err instanceof Error ? err.message : String(err);
      await this.dataSource.query(`UPDATE reports SET status = $2, error = $3, finished_at = CASE WHEN $2 = 'failed' THEN now() END WHERE id = $1`, [data.reportId, final ? 'failed' : 'queued', message.slice(0, 2000)]);
      throw err;
    }
  }
}
