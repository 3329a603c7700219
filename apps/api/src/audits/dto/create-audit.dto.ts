import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { AUDIT_TYPES, type AuditType } from '@lantern/domain';
import { IsTimestamp } from '../../common/validators.js';

export class CreateAuditDto {
  @ApiProperty({ example: 'AUD-0001' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalRef: string;

  @ApiProperty({ format: 'uuid', description: 'The audited site (of your organisation)' })
  @IsUUID()
  siteId: string;

  @ApiProperty({ enum: AUDIT_TYPES })
  @IsIn(AUDIT_TYPES)
  type: AuditType;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-03-14T09:00:00Z' })
  @IsTimestamp()
  conductedAt: Date;

  @ApiPropertyOptional({ nullable: true, example: 'Northgate Assurance' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  auditFirm?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The audit firm, when it is a Lantern organisation (kind audit_firm)' })
  @IsOptional()
  @IsUUID()
  auditFirmOrganizationId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'SMETA 7.0' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  standard?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  summary?: string | null;
}
