import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/validators.js';

/** PUT /scoring/settings: replaces the organisation's overrides and/or sector scores (at least one; validated against the methodology's configuration). */
export class UpdateScoringSettingsDto {
  @ApiPropertyOptional({
    description: 'Overrides of the scoring configuration (docs/methodology.md §9), merged over the defaults: objects key by key, arrays and numbers replace.',
    example: { thresholds: { blockAtScore: { overall: 80 } }, prevalence: { saturation: 0.25 } },
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  overrides?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Sector scores 1-4 for the inherent-risk prior, by sector as written on sites and suppliers', example: { Apparel: 3, Warehousing: 2 } })
  @IsOptional()
  @IsObject()
  sectorScores?: Record<string, unknown>;
}

export class ScoringSettingsResponse {
  @ApiProperty({ type: 'object', additionalProperties: true }) overrides: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) sectorScores: Record<string, number>;
  @ApiProperty({ description: '0 = never changed (the defaults)' }) version: number;
  @ApiProperty({ description: 'The configuration in force: defaults with the overrides merged in', type: 'object', additionalProperties: true }) config: Record<string, unknown>;
  @ApiProperty() methodologyVersion: string;
  @ApiProperty({ type: Date, nullable: true }) updatedAt: Date | null;
  @ApiPropertyOptional({ description: 'The re-score queued by the change', type: 'object', additionalProperties: true }) rescore?: Record<string, unknown> | null;
}

/** `POST /scoring/rescore?asOf=`: the request has no body. */
export class RescoreDto {
  @ApiPropertyOptional({ description: 'As-of date of the assessments (YYYY-MM-DD); default: the day the job runs', example: '2025-06-30' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class RescoreResponse {
  @ApiProperty() jobId: string;
  @ApiProperty({ example: 'score-organization' }) name: string;
  @ApiProperty({ enum: ['queued', 'merged', 'after-active'], description: 'merged: a waiting job of your organisation covers it; after-active: it starts when the running one ends' })
  disposition: string;
  @ApiProperty({ example: '/api/v1/scoring/jobs/score-organization-…' }) statusUrl: string;
}

export class ScoringJobResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'waiting, active, completed, failed, delayed, scheduled (after the running job), …' }) state: string;
  @ApiProperty({ description: '0..1' }) progress: number;
  @ApiProperty({ type: String, nullable: true }) phase: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The run summary once completed' }) result: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) failedReason: string | null;
  @ApiProperty() attemptsMade: number;
  @ApiProperty({ type: String, nullable: true }) createdAt: string | null;
  @ApiProperty({ type: String, nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) finishedAt: string | null;
}
