import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IMPORT_FORMATS, IMPORT_KINDS, IMPORT_STATUSES, type ImportFormat, type ImportKind, type ImportStatus } from '@lantern/domain';
import type { ImportView, RejectionView } from '@lantern/ingest';
import { PageQuery, PageResponseBase } from '@lantern/platform';

export class UploadImportQuery {
  @ApiPropertyOptional({ enum: IMPORT_KINDS, description: 'What the file holds (required here or as a multipart field)' })
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;

  @ApiPropertyOptional({ enum: IMPORT_FORMATS, description: 'Only needed when the Content-Type does not say it (e.g. application/octet-stream)' })
  @IsOptional()
  @IsIn(IMPORT_FORMATS)
  format?: ImportFormat;

  @ApiPropertyOptional({ maxLength: 255, example: 'interviews-2025-q1.csv' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filename?: string;
}

export class ListImportsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: IMPORT_KINDS })
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;

  @ApiPropertyOptional({ enum: IMPORT_STATUSES })
  @IsOptional()
  @IsIn(IMPORT_STATUSES)
  status?: ImportStatus;
}

export class RejectionsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (`nextCursor`)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: '`csv` returns every rejection as a CSV download (line,field,reason)' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ImportResponse implements Omit<ImportView, 'organizationId'> {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty({ enum: IMPORT_FORMATS }) format: ImportFormat;
  @ApiProperty({ example: 'interviews.csv' }) filename: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: ImportStatus;
  @ApiProperty({ description: 'SHA-256 of the uploaded bytes (hex)' }) contentSha256: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Estimated from the upload while queued/running; exact once finished' })
  totalRows: number | null;
  @ApiProperty() processedRows: number;
  @ApiProperty() acceptedRows: number;
  @ApiProperty() rejectedRows: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) progress: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the file as a whole failed (status failed)' }) error: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) createdByKeyId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) startedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt: string | null;

  static from(view: ImportView): ImportResponse {
    const { organizationId: _organizationId, ...rest } = view;
    return Object.assign(new ImportResponse(), rest);
  }
}

export class UploadImportResponse extends ImportResponse {
  @ApiProperty({ description: 'true: this organisation already imported this exact file as this kind; nothing new was stored' })
  duplicate: boolean;
}

export class ImportPageResponse extends PageResponseBase {
  @ApiProperty({ type: [ImportResponse] }) data: ImportResponse[];
}

export class RejectionResponse implements RejectionView {
  @ApiProperty({ description: '1-based line of the file (the CSV header is line 1)' }) line: number;
  @ApiProperty({ type: String, nullable: true, example: 'fees[1].currency' }) field: string | null;
  @ApiProperty({ example: 'unknown ISO 4217 currency code "ABC"' }) reason: string;
}

export class RejectionPageResponse extends PageResponseBase {
  @ApiProperty({ type: [RejectionResponse] }) data: RejectionResponse[];
}
