import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ListQuery } from '../../common/list.query.js';
import { IsTimestamp } from '../../common/validators.js';

export class ListAuditLogQuery extends ListQuery {
  @ApiPropertyOptional({ description: 'Exact action, e.g. `supplier.updated`' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z0-9_.-]+$/, { message: 'action must be lower case letters, digits, ".", "_" or "-"' })
  action?: string;

  @ApiPropertyOptional({ description: 'e.g. `supplier`, `interview`, `api_key`' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z0-9_-]+$/, { message: 'subjectType must be lower case letters, digits, "_" or "-"' })
  subjectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Occurred at or after (inclusive)' })
  @IsOptional()
  @IsTimestamp()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Occurred before (exclusive)' })
  @IsOptional()
  @IsTimestamp()
  to?: Date;
}
