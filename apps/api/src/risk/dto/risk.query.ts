import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { BANDS, type Band } from '@lantern/scoring';
import { ListQuery } from '../../common/list.query.js';
import { IsCalendarDate, IsCountry } from '../../common/validators.js';

export const GROUP_SUBJECT_TYPES = ['site', 'supplier', 'recruiter'] as const;
export type GroupSubjectType = (typeof GROUP_SUBJECT_TYPES)[number];

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

/** `?history=true&limit=` of the subject risk endpoints. */
export class SubjectRiskQuery {
  @ApiPropertyOptional({ description: 'Also return earlier assessments of the subject, newest first', default: false })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  history: boolean = false;

  @ApiPropertyOptional({ description: 'How many earlier assessments (with history=true)', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

/** `GET /risk`: current assessments sorted by overall score, highest first. */
export class ListRiskQuery extends ListQuery {
  @ApiPropertyOptional({ enum: GROUP_SUBJECT_TYPES, description: 'Default: every subject type' })
  @IsOptional()
  @IsIn(GROUP_SUBJECT_TYPES)
  subjectType?: GroupSubjectType;

  @ApiPropertyOptional({ example: 'MY' })
  @IsOptional()
  @IsCountry()
  country?: string;

  @ApiPropertyOptional({ example: 'Apparel' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sector?: string;

  @ApiPropertyOptional({ enum: BANDS })
  @IsOptional()
  @IsIn(BANDS)
  band?: Band;
}

/** `GET /interviews/:id/risk?asOf=` */
export class InterviewRiskQuery {
  @ApiPropertyOptional({ description: 'As-of date (YYYY-MM-DD); default today. Remediation and rates after it are ignored.', example: '2025-06-30' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

/** Lists of block recommendations and remediation items. */
export class ListThresholdOutputsQuery extends ListQuery {
  @ApiPropertyOptional({ enum: GROUP_SUBJECT_TYPES })
  @IsOptional()
  @IsIn(GROUP_SUBJECT_TYPES)
  subjectType?: GroupSubjectType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ description: 'Only those raised by current assessments (default); false: every one ever raised', default: true })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  current: boolean = true;
}

export class ListBlockRecommendationsQuery extends ListThresholdOutputsQuery {
  @ApiPropertyOptional({ enum: ['low', 'medium', 'high', 'critical'] })
  @IsOptional()
  @IsIn(['low', 'medium', 'high', 'critical'])
  severity?: string;
}

export class ListRemediationItemsQuery extends ListThresholdOutputsQuery {
  @ApiPropertyOptional({ enum: ['repay_fees', 'return_documents', 'fix_contract', 'transfer_sponsorship'] })
  @IsOptional()
  @IsIn(['repay_fees', 'return_documents', 'fix_contract', 'transfer_sponsorship'])
  kind?: string;
}
