import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PAPER_SIZES, REPORT_TYPES, type PaperSize, type ReportType } from '@lantern/reports';
import { IsCalendarDate } from '../../common/validators.js';

export class ReportProductDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) hsCode?: string;
}

/** Narrative and sign-off fields supplied by the organisation; everything else in a report comes from its data. */
export class ReportOptionsDto {
  @ApiPropertyOptional({ description: 'Tagged (accessible) PDF: about 15x larger and slower; default false' }) @IsOptional() @IsBoolean() accessible?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) signatoryName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) signatoryTitle?: string;
  @ApiPropertyOptional({ example: '2026-03-01' }) @IsOptional() @IsCalendarDate() approvalDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) policies?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) training?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() trainingMandatory?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) consultation?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) otherInformation?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) lossOfIncomeRemediation?: string;
  @ApiPropertyOptional({ type: [ReportProductDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ReportProductDto) products?: ReportProductDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contractNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) contractingAgency?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) hotline?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() revisedReport?: boolean;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(300, { each: true }) jointReportEntities?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(50, { each: true }) businessNumbers?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(100, { each: true }) otherJurisdictions?: string[];
}

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_TYPES }) @IsIn(REPORT_TYPES) type: ReportType;
  @ApiProperty({ example: '2025-01-01' }) @IsCalendarDate() periodStart: string;
  @ApiProperty({ example: '2025-12-31' }) @IsCalendarDate() periodEnd: string;
  @ApiPropertyOptional({ enum: PAPER_SIZES, default: 'A4' }) @IsOptional() @IsIn(PAPER_SIZES) paper?: PaperSize;
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for supplier_dossier: the supplier (of your organisation)' }) @IsOptional() @IsUUID() supplierId?: string;
  @ApiPropertyOptional({ type: ReportOptionsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ReportOptionsDto) options?: ReportOptionsDto;
}

export class CreateReportShareDto {
  @ApiProperty({ format: 'uuid', description: 'The organisation (e.g. a regulator) that may read this report' }) @IsUUID() organizationId: string;
}
