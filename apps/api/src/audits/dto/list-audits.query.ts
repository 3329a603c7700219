import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AUDIT_TYPES, type AuditType } from '@lantern/domain';
import { ListQuery } from '../../common/list.query.js';
import { IsTimestamp } from '../../common/validators.js';

export class ListAuditsQuery extends ListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ enum: AUDIT_TYPES })
  @IsOptional()
  @IsIn(AUDIT_TYPES)
  type?: AuditType;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Conducted at or after (inclusive)' })
  @IsOptional()
  @IsTimestamp()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Conducted before (exclusive)' })
  @IsOptional()
  @IsTimestamp()
  to?: Date;
}
