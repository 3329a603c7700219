import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import type { ExclusionListEntity, ExclusionListSnapshotEntity } from '@lantern/database';
import { LIST_EFFECTS, LIST_FORMATS, type ListEffect, type ListFormat } from '@lantern/screening';
import { PageResponseBase } from '@lantern/platform';
import { ListQuery } from '../../common/list.query.js';
import { IsCalendarDate, IsTimestamp } from '../../common/validators.js';

export class CreateExclusionListDto {
  @ApiProperty({ example: 'SAM.gov exclusions' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: LIST_FORMATS })
  @IsIn(LIST_FORMATS)
  format: ListFormat;

  @ApiPropertyOptional({ enum: LIST_EFFECTS, description: 'exclude: a strong match blocks the bid; review: a match sends it to an officer. Default per format (docs/screening.md)' })
  @IsOptional()
  @IsIn(LIST_EFFECTS)
  effect?: ListEffect;

  @ApiProperty({ example: 'U.S. General Services Administration, SAM.gov' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  source: string;

  @ApiPropertyOptional({ example: 'https://sam.gov/data-services/Exclusions/Public%20V2' })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(2000)
  sourceUrl?: string;

  @ApiProperty({ example: 'US government work, public domain' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  licence: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class UploadSnapshotQuery {
  @ApiPropertyOptional({ description: 'Publication date of this edition as the source states it' })
  @IsOptional()
  @IsCalendarDate()
  sourceDate?: string;

  @ApiPropertyOptional({ description: 'When the file was downloaded from the source' })
  @IsOptional()
  @IsTimestamp()
  retrievedAt?: Date;

  @ApiPropertyOptional({ example: 'SAM_Exclusions_Public_Extract_V2_25321.CSV' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  filename?: string;
}

export class ListEntriesQuery extends ListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only entries in force today (from their dates and source status)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  inForce?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Name contains (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class SnapshotResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) listId: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['loading', 'current', 'superseded', 'failed'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) sourceDate: string | null;
  @ApiProperty({ type: Date, nullable: true }) retrievedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) filename: string | null;
  @ApiProperty() contentSha256: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() entryCount: number;
  @ApiProperty() nameCount: number;
  @ApiProperty() issueCount: number;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Rows skipped or kept with a caveat (first 200)' }) issues: unknown[];
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'added / removed / changed / unchanged entries against the previous snapshot' })
  diff: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) activatedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) supersededAt: Date | null;

  static fromEntity(e: ExclusionListSnapshotEntity): SnapshotResponse {
    return Object.assign(new SnapshotResponse(), {
      id: e.id,
      listId: e.listId,
      version: e.version,
      status: e.status,
      sourceDate: e.sourceDate,
      retrievedAt: e.retrievedAt,
      filename: e.filename,
      contentSha256: e.contentSha256,
      sizeBytes: Number(e.sizeBytes),
      entryCount: e.entryCount,
      nameCount: e.nameCount,
      issueCount: e.issueCount,
      issues: e.issues,
      diff: e.diff,
      error: e.error,
      createdAt: e.createdAt,
      activatedAt: e.activatedAt,
      supersededAt: e.supersededAt,
    });
  }
}

export class UploadSnapshotResponse extends SnapshotResponse {
  @ApiProperty({ description: 'True when the content equals the current snapshot: nothing was loaded' }) duplicate: boolean;
}

export class ExclusionListResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['organization', 'platform'], description: 'platform: loaded by the operator, used by every organisation' }) scope: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LIST_FORMATS }) format: string;
  @ApiProperty({ enum: LIST_EFFECTS }) effect: string;
  @ApiProperty() source: string;
  @ApiProperty({ type: String, nullable: true }) sourceUrl: string | null;
  @ApiProperty() licence: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: SnapshotResponse, nullable: true }) currentSnapshot: SnapshotResponse | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static fromEntity(e: ExclusionListEntity, current: ExclusionListSnapshotEntity | null): ExclusionListResponse {
    return Object.assign(new ExclusionListResponse(), {
      id: e.id,
      scope: e.organizationId === null ? 'platform' : 'organization',
      name: e.name,
      format: e.format,
      effect: e.effect,
      source: e.source,
      sourceUrl: e.sourceUrl,
      licence: e.licence,
      description: e.description,
      currentSnapshot: current === null ? null : SnapshotResponse.fromEntity(current),
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

export class ExclusionListPageResponse extends PageResponseBase {
  @ApiProperty({ type: [ExclusionListResponse] }) data: ExclusionListResponse[];
}

export class SnapshotPageResponse extends PageResponseBase {
  @ApiProperty({ type: [SnapshotResponse] }) data: SnapshotResponse[];
}

export class EntryResponse {
  @ApiProperty() id: string;
  @ApiProperty() sourceId: string;
  @ApiProperty() schema: string;
  @ApiProperty() caption: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) names: unknown[];
  @ApiProperty({ type: [String] }) countries: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) identifiers: unknown[];
  @ApiProperty({ type: String, nullable: true }) program: string | null;
  @ApiProperty({ type: String, nullable: true }) authority: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) startsOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null: no end date ("Indefinite")' }) endsOn: string | null;
  @ApiProperty({ type: String, nullable: true }) sourceStatus: string | null;
  @ApiProperty({ description: 'Computed from the dates and status today' }) inForce: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty() contentHash: string;
}

export class EntryPageResponse extends PageResponseBase {
  @ApiProperty({ type: [EntryResponse] }) data: EntryResponse[];
}
