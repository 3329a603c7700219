import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type { RemediationRecordEntity } from '@lantern/database';
import { PageResponseBase } from '@lantern/platform';
import { ListQuery } from '../../common/list.query.js';
import { IsCalendarDate, IsCurrency } from '../../common/validators.js';

export const REMEDIATION_RECORD_KINDS = ['fee_repayment', 'document_return', 'sponsorship_transfer'] as const;
export const REMEDIATION_EVIDENCE_KINDS = ['receipt', 'bank_transfer', 'document', 'photo', 'interview', 'other'] as const;

export class RemediationEvidenceDto {
  @ApiProperty({ enum: REMEDIATION_EVIDENCE_KINDS })
  @IsIn(REMEDIATION_EVIDENCE_KINDS)
  kind: (typeof REMEDIATION_EVIDENCE_KINDS)[number];

  @ApiProperty({ example: 'bank-transfer-2025-05-02-0042' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reference: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/**
 * A remediation record of one interviewed worker (employer pays): a fee
 * repayment (amount in major units as a decimal string, or amountMinor), the
 * documents handed back, or the sponsorship transferred. It changes later
 * assessments only once verified.
 */
export class CreateRemediationRecordDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  interviewId: string;

  @ApiProperty({ enum: REMEDIATION_RECORD_KINDS })
  @IsIn(REMEDIATION_RECORD_KINDS)
  kind: (typeof REMEDIATION_RECORD_KINDS)[number];

  @ApiPropertyOptional({ description: 'fee_repayment: amount in major units ("1500.00")', example: '1500.00' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  amount?: string;

  @ApiPropertyOptional({ description: 'fee_repayment: amount in minor units (instead of amount)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  amountMinor?: number;

  @ApiPropertyOptional({ description: 'fee_repayment: ISO 4217 currency', example: 'NPR' })
  @IsOptional()
  @IsCurrency()
  currency?: string;

  @ApiProperty({ description: 'When it happened (YYYY-MM-DD)', example: '2025-05-02' })
  @IsCalendarDate()
  occurredOn: string;

  @ApiPropertyOptional({ type: [RemediationEvidenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RemediationEvidenceDto)
  evidence?: RemediationEvidenceDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class VerifyRemediationRecordDto {
  @ApiPropertyOptional({ description: 'What the verifier checked' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ListRemediationRecordsQuery extends ListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  interviewId?: string;

  @ApiPropertyOptional({ enum: REMEDIATION_RECORD_KINDS })
  @IsOptional()
  @IsIn(REMEDIATION_RECORD_KINDS)
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  verified?: boolean;
}

export class RemediationRecordResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) interviewId: string;
  @ApiProperty({ enum: REMEDIATION_RECORD_KINDS }) kind: string;
  @ApiProperty({ type: Number, nullable: true }) amountMinor: number | null;
  @ApiProperty({ type: String, nullable: true }) currency: string | null;
  @ApiProperty() occurredOn: string;
  @ApiProperty({ type: [RemediationEvidenceDto] }) evidence: RemediationEvidenceDto[];
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'API key that recorded it' }) recordedByKeyId: string | null;
  @ApiProperty() verified: boolean;
  @ApiProperty({ type: Date, nullable: true }) verifiedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'API key that verified it (never the recorder)' }) verifiedByKeyId: string | null;
  @ApiProperty({ type: String, nullable: true }) verificationNote: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiPropertyOptional({ description: 'The re-score queued by a verification', type: 'object', additionalProperties: true }) rescore?: Record<string, unknown> | null;

  static fromEntity(e: RemediationRecordEntity): RemediationRecordResponse {
    return Object.assign(new RemediationRecordResponse(), {
      id: e.id,
      interviewId: e.interviewId,
      kind: e.kind,
      amountMinor: e.amountMinor,
      currency: e.currency,
      occurredOn: e.occurredOn,
      evidence: e.evidence,
      note: e.note,
      recordedByKeyId: e.recordedByKeyId,
      verified: e.verified,
      verifiedAt: e.verifiedAt,
      verifiedByKeyId: e.verifiedByKeyId,
      verificationNote: e.verificationNote,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

export const REMEDIATION_RECORD_CSV_COLUMNS = [
  'id', 'interviewId', 'kind', 'amountMinor', 'currency', 'occurredOn', 'note', 'verified', 'verifiedAt', 'recordedByKeyId', 'verifiedByKeyId', 'createdAt',
] as const satisfies readonly (keyof RemediationRecordResponse)[];

export class RemediationRecordPageResponse extends PageResponseBase {
  @ApiProperty({ type: [RemediationRecordResponse] }) data: RemediationRecordResponse[];
}
