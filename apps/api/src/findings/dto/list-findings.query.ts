import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FINDING_SEVERITIES, FINDING_STATUSES, INDICATOR_CODES, type FindingSeverity, type FindingStatus } from '@lantern/domain';
import { ListQuery } from '../../common/list.query.js';

export class ListFindingsQuery extends ListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  auditId?: string;

  @ApiPropertyOptional({ enum: INDICATOR_CODES })
  @IsOptional()
  @IsIn(INDICATOR_CODES)
  indicatorCode?: string;

  @ApiPropertyOptional({ enum: FINDING_SEVERITIES })
  @IsOptional()
  @IsIn(FINDING_SEVERITIES)
  severity?: FindingSeverity;

  @ApiPropertyOptional({ enum: FINDING_STATUSES })
  @IsOptional()
  @IsIn(FINDING_STATUSES)
  status?: FindingStatus;
}
