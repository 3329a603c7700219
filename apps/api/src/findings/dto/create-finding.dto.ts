import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { FINDING_SEVERITIES, FINDING_STATUSES, INDICATOR_CODES, type FindingSeverity, type FindingStatus } from '@lantern/domain';
import { Omittable } from '../../common/omittable.decorator.js';
import { FindingEvidenceDto } from './finding-evidence.dto.js';

const MAX_EVIDENCE_ITEMS = 100;
/** A new finding is open until remediation starts. */
export const DEFAULT_FINDING_STATUS: FindingStatus = 'open';

export class CreateFindingDto {
  @ApiProperty({ example: 'FND-0001' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalRef: string;

  @ApiProperty({ format: 'uuid', description: 'The audit that found it (of your organisation)' })
  @IsUUID()
  auditId: string;

  @ApiProperty({ enum: INDICATOR_CODES, example: 'ILO-FL-07', description: 'ILO forced-labour indicator or platform code' })
  @IsIn(INDICATOR_CODES)
  indicatorCode: string;

  @ApiProperty({ enum: FINDING_SEVERITIES })
  @IsIn(FINDING_SEVERITIES)
  severity: FindingSeverity;

  @ApiPropertyOptional({ enum: FINDING_STATUSES, default: DEFAULT_FINDING_STATUS })
  @Omittable()
  @IsIn(FINDING_STATUSES)
  status?: FindingStatus;

  @ApiProperty({ example: 'Passports held in the HR office safe' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  description: string;

  @ApiPropertyOptional({ type: [FindingEvidenceDto], default: [] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => FindingEvidenceDto)
  evidence?: FindingEvidenceDto[];
}
