import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReportEntity } from '@lantern/database';

export class ReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() type: string;
  @ApiProperty({ nullable: true }) title: string | null;
  @ApiProperty() periodStart: string;
  @ApiProperty() periodEnd: string;
  @ApiProperty() paper: string;
  @ApiProperty({ nullable: true }) supplierId: string | null;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ nullable: true }) error: string | null;
  @ApiProperty({ nullable: true, description: 'SHA-256 (hex) of the PDF bytes' }) sha256: string | null;
  @ApiProperty({ nullable: true }) sizeBytes: number | null;
  @ApiProperty({ nullable: true }) pageCount: number | null;
  @ApiProperty({ nullable: true }) generatorVersion: string | null;
  @ApiProperty({ nullable: true }) methodologyVersion: string | null;
  @ApiProperty({ nullable: true, description: 'Latest change among the data the report shows' }) dataAsOf: string | null;
  @ApiProperty({ nullable: true, description: 'SHA-256 of the canonical JSON of the report model: same inputs, same hash' }) modelSha256: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true }) finishedAt: string | null;
  @ApiPropertyOptional({ description: 'True when the caller reads a report shared with its organisation' }) shared?: boolean;
  @ApiPropertyOptional() options?: Record<string, unknown>;

  static fromEntity(r: ReportEntity, shared = false): ReportResponse {
    const res: ReportResponse = {
      id: r.id,
      type: r.type,
      title: r.title,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      paper: r.paper,
      supplierId: shared ? null : r.supplierId,
      status: r.status,
      progress: r.progress,
      error: r.error,
      sha256: r.pdfSha256,
      sizeBytes: r.sizeBytes,
      pageCount: r.pageCount,
      generatorVersion: r.generatorVersion,
      methodologyVersion: r.methodologyVersion,
      dataAsOf: r.dataAsOf?.toISOString() ?? null,
      modelSha256: r.modelSha256,
      createdAt: r.createdAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    };
    if (shared) res.shared = true;
    else res.options = r.options;
    return res;
  }
}

export class ReportPageResponse {
  @ApiProperty({ type: [ReportResponse] }) data: ReportResponse[];
  @ApiProperty({ nullable: true }) nextCursor: string | null;
}

export class ReportShareResponse {
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() createdAt: string;
}
