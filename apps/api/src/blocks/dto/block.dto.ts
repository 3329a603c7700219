import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { LEGAL_GROUND_CODES, type LegalGround } from '@lantern/screening';
import { ListQuery } from '../../common/list.query.js';
import { IsCalendarDate } from '../../common/validators.js';
import { PartyDto } from '../../screening/dto/create-screening.dto.js';

export const EVIDENCE_KINDS = ['assessment', 'finding', 'audit', 'report', 'document', 'url'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export class EvidenceDto {
  @ApiProperty({ enum: EVIDENCE_KINDS, description: 'assessment, finding and audit ids must be your organisation\'s' })
  @IsIn(EVIDENCE_KINDS)
  kind: EvidenceKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((o: EvidenceDto) => o.kind === 'assessment' || o.kind === 'finding' || o.kind === 'audit' || o.id !== undefined)
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ example: 'https://example.org/judgment-2025-114.pdf' })
  @ValidateIf((o: EvidenceDto) => o.kind === 'url' || o.url !== undefined)
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

/** Every decision names who took it and why. */
export class DecisionDto {
  @ApiProperty({ example: 'A. Okafor, Suspending and Debarring Official' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  decisionMaker: string;

  @ApiProperty({ example: 'Credible evidence of passport retention at two sites (audit AUD-0042)' })
  @IsString()
  @MinLength(5)
  @MaxLength(4000)
  reason: string;
}

export class ProposeBlockDto extends DecisionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The block recommendation (from scoring) this block acts on: subject and evidence come from it' })
  @IsOptional()
  @IsUUID()
  recommendationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Your supplier the block is about (its name, country and identifiers are the subject)' })
  @IsOptional()
  @IsUUID()
  supplierId?: string;

  @ApiPropertyOptional({ type: PartyDto, description: 'The subject, when it is not (only) one of your suppliers' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartyDto)
  subject?: PartyDto;

  @ApiPropertyOptional({ enum: ['organization', 'jurisdiction'], default: 'organization' })
  @IsOptional()
  @IsIn(['organization', 'jurisdiction'])
  scope?: 'organization' | 'jurisdiction';

  @ApiProperty({ enum: LEGAL_GROUND_CODES })
  @IsIn(LEGAL_GROUND_CODES)
  legalGround: LegalGround;

  @ApiPropertyOptional({ description: 'Date of the conviction (Art. 57(1)) or of the relevant event (Art. 57(4)); required for those grounds' })
  @IsOptional()
  @IsCalendarDate()
  anchorDate?: string;

  @ApiPropertyOptional({ description: 'End of an exclusion period set by a final judgment (EU grounds): it replaces the statutory maximum and bars self-cleaning until then' })
  @IsOptional()
  @IsCalendarDate()
  judgmentPeriodEndsOn?: string;

  @ApiPropertyOptional({ description: 'Default: today' })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @ApiPropertyOptional({ description: "Last day (inclusive). Default: the ground's default duration; never beyond its maximum" })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;

  @ApiProperty({ type: [EvidenceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence: EvidenceDto[];
}

export class ActivateBlockDto extends DecisionDto {
  @ApiPropertyOptional({ description: 'Change the period on activation (checked against the ground again)' })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;
}

export class AmendPeriodDto extends DecisionDto {
  @ApiProperty()
  @IsCalendarDate()
  endsOn: string;
}

export class SelfCleaningDto {
  @ApiProperty({ example: '2026-03-02' })
  @IsCalendarDate()
  submittedOn: string;

  @ApiPropertyOptional({ description: 'Art. 57(6)(1): compensation paid or undertaken (e.g. recruitment fees repaid to workers)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  compensation?: string;

  @ApiPropertyOptional({ description: 'Art. 57(6)(2): facts clarified by active cooperation with the investigating authorities' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  cooperation?: string;

  @ApiProperty({ type: [String], description: 'Art. 57(6)(3): technical, organisational and personnel measures' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  measures: string[];

  @ApiPropertyOptional({ type: [EvidenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
}

export class ReviewSelfCleaningDto {
  @ApiProperty({ enum: ['accepted', 'rejected'] })
  @IsIn(['accepted', 'rejected'])
  decision: 'accepted' | 'rejected';

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  decisionMaker: string;

  @ApiProperty({ description: 'Statement of reasons (required either way; Art. 57(6) requires one when the measures are found insufficient)' })
  @IsString()
  @MinLength(5)
  @MaxLength(4000)
  statementOfReasons: string;

  @ApiPropertyOptional({ default: true, description: 'On acceptance, lift the block now' })
  @IsOptional()
  @IsBoolean()
  liftBlock?: boolean;
}

export class AppealDto {
  @ApiProperty()
  @IsCalendarDate()
  filedOn: string;

  @ApiProperty({ example: 'Korvelin Textiles Co., Ltd. (through counsel)' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  appellant: string;

  @ApiPropertyOptional({ example: 'Administrative Appeals Tribunal' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  forum?: string;

  @ApiProperty()
  @IsString()
  @MinLength(5)
  @MaxLength(4000)
  grounds: string;
}

export class AppealDecisionDto {
  @ApiProperty({ enum: ['upheld', 'dismissed', 'withdrawn'] })
  @IsIn(['upheld', 'dismissed', 'withdrawn'])
  status: 'upheld' | 'dismissed' | 'withdrawn';

  @ApiProperty()
  @IsCalendarDate()
  decidedOn: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  decisionMaker: string;

  @ApiProperty()
  @IsString()
  @MinLength(5)
  @MaxLength(4000)
  outcome: string;
}

export class ListBlocksQuery extends ListQuery {
  @ApiPropertyOptional({ enum: ['proposed', 'active', 'suspended', 'lifted', 'expired'] })
  @IsOptional()
  @IsIn(['proposed', 'active', 'suspended', 'lifted', 'expired'])
  status?: string;

  @ApiPropertyOptional({ enum: ['mine', 'published'], description: 'mine: blocks of your organisation; published: blocks other authorities published in your jurisdiction' })
  @IsOptional()
  @IsIn(['mine', 'published'])
  owner?: 'mine' | 'published';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supplierId?: string;
}
