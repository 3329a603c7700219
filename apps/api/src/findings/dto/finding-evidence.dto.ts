import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { FindingEvidence } from '@lantern/database';

export const FINDING_EVIDENCE_KINDS = ['document', 'photo', 'interview', 'observation', 'other'] as const satisfies readonly FindingEvidence['kind'][];

export class FindingEvidenceDto {
  @ApiProperty({ enum: FINDING_EVIDENCE_KINDS })
  @IsIn(FINDING_EVIDENCE_KINDS)
  kind: FindingEvidence['kind'];

  @ApiProperty({ example: 'photo-12', description: 'Where the evidence is kept (document id, interview ref, ...)' })
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
