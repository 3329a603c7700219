import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, type Repository } from 'typeorm';
import { OrganizationEntity, ReportEntity, ReportShareEntity, SupplierEntity } from '@lantern/database';
import { DomainError, JOBS, jobIds, QUEUES, type RenderReportJob } from '@lantern/domain';
import { AuditTrail, paginate, type Page, type Principal } from '@lantern/platform';
import type { CreateReportDto } from './dto/create-report.dto.js';

export interface ReportAccess {
  report: ReportEntity;
  /** The caller reads it through a share (not its own organisation's report). */
  shared: boolean;
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectRepository(ReportEntity) private readonly reports: Repository<ReportEntity>,
    @InjectRepository(ReportShareEntity) private readonly shares: Repository<ReportShareEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.reports) private readonly queue: Queue,
  ) {}

  async create(principal: Principal, dto: CreateReportDto): Promise<ReportEntity> {
    const issues: { field: string; reason: string }[] = [];
    if (dto.periodEnd < dto.periodStart) issues.push({ field: 'periodEnd', reason: 'must not be before periodStart' });
    if (dto.type === 'supplier_dossier' && dto.supplierId === undefined) issues.push({ field: 'supplierId', reason: 'is required for a supplier_dossier' });
    if (dto.type !== 'supplier_dossier' && dto.supplierId !== undefined) issues.push({ field: 'supplierId', reason: 'is only used by a supplier_dossier' });
    if (issues.length > 0) throw DomainError.validation(issues);
    if (dto.supplierId !== undefined) {
      const owned = await this.dataSource.getRepository(SupplierEntity).existsBy({ id: dto.supplierId, organizationId: principal.organizationId });
      if (!owned) throw DomainError.validation([{ field: 'supplierId', reason: 'no such supplier in your organisation' }]);
    }
    // The row and its audit event in one transaction; the job is enqueued after the commit.
    const report = await this.dataSource.transaction(async (em) => {
      const saved = await em.save(
        em.create(ReportEntity, {
          organizationId: principal.organizationId,
          type: dto.type,
          periodStart: dto.periodStart,
          periodEnd: dto.periodEnd,
          paper: dto.paper ?? 'A4',
          supplierId: dto.supplierId ?? null,
          options: JSON.parse(JSON.stringify(dto.options ?? {})) as Record<string, unknown>,
          status: 'queued',
          progress: 0,
          createdByKeyId: principal.apiKeyId,
        }),
      );
      await AuditTrail.record(em, principal, { action: 'report.requested', subjectType: 'report', subjectId: saved.id, after: saved });
      return saved;
    });
    const payload: RenderReportJob = { schemaVersion: 1, reportId: report.id, organizationId: principal.organizationId };
    try {
      await this.queue.add(JOBS.renderReport, payload, { jobId: jobIds.renderReport(report.id) });
    } catch (err) {
      // Redis unavailable: the request fails (503) and the row says so, instead of waiting as `queued` for a job that does not exist.
      await this.reports
        .update({ id: report.id }, { status: 'failed', error: 'the report could not be queued (queue unavailable); request it again', finishedAt: new Date() })
        .catch(() => undefined);
      throw err;
    }
    return report;
  }

  /** The caller's own report, or one shared with its organisation; anything else is 404. */
  async access(principal: Principal, id: string, withPdf = false): Promise<ReportAccess> {
    const qb = this.reports.createQueryBuilder('r').where('r.id = :id', { id });
    if (withPdf) qb.addSelect('r.pdf');
    const report = await qb.getOne();
    if (report === null) throw DomainError.notFound('report', id);
    if (report.organizationId === principal.organizationId) return { report, shared: false };
    const shared = await this.shares.existsBy({ reportId: id, organizationId: principal.organizationId });
    if (!shared) throw DomainError.notFound('report', id);
    return { report, shared: true };
  }

  async pdf(principal: Principal, id: string): Promise<ReportAccess & { pdf: Buffer }> {
    const access = await this.access(principal, id, true);
    if (access.report.status !== 'completed' || access.report.pdf === null) throw DomainError.conflict(`report ${id} is ${access.report.status}: the PDF is not ready`);
    return { ...access, pdf: access.report.pdf };
  }

  /** Reports of the caller's organisation and reports shared with it, oldest first. */
  list(principal: Principal, page: { limit: number; cursor?: string }): Promise<Page<ReportEntity>> {
    const qb = this.reports
      .createQueryBuilder('report')
      .where('(report.organizationId = :org OR report.id IN (SELECT s.report_id FROM report_shares s WHERE s.organization_id = :org))', { org: principal.organizationId });
    return paginate(qb, page);
  }

  async share(principal: Principal, id: string, organizationId: string): Promise<ReportShareEntity> {
    const { report, shared } = await this.access(principal, id);
    if (shared) throw DomainError.notFound('report', id);
    if (organizationId === principal.organizationId) throw DomainError.validation([{ field: 'organizationId', reason: 'is your own organisation' }]);
    const target = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id: organizationId });
    if (target === null) throw DomainError.validation([{ field: 'organizationId', reason: 'no such organisation' }]);
    return this.dataSource.transaction(async (em) => {
      const existing = await em.findOneBy(ReportShareEntity, { reportId: report.id, organizationId });
      if (existing !== null) return existing;
      await em.createQueryBuilder().insert().into(ReportShareEntity).values({ reportId: report.id, organizationId, sharedByKeyId: principal.apiKeyId }).orIgnore().execute();
      await AuditTrail.record(em, principal, { action: 'report.shared', subjectType: 'report', subjectId: report.id, after: { reportId: report.id, organizationId, sha256: report.pdfSha256 } });
      return (await em.findOneBy(ReportShareEntity, { reportId: report.id, organizationId }))!;
    });
  }

  async listShares(principal: Principal, id: string): Promise<ReportShareEntity[]> {
    const { report, shared } = await this.access(principal, id);
    if (shared) throw DomainError.notFound('report', id);
    return this.shares.find({ where: { reportId: report.id }, order: { createdAt: 'ASC' } });
  }
}
