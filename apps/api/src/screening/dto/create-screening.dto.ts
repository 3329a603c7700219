import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IDENTIFIER_SCHEMES, type IdentifierScheme } from '@lantern/screening';
import { IsCountry } from '../../common/validators.js';

export class IdentifierDto {
  @ApiProperty({ enum: IDENTIFIER_SCHEMES, example: 'lei' })
  @IsIn(IDENTIFIER_SCHEMES)
  scheme: IdentifierScheme;

  @ApiProperty({ example: '5493001KJTIIGC8Y1R12' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  value: string;

  @ApiPropertyOptional({ example: 'CN', description: 'Issuing country, for national schemes (registration, tax)' })
  @IsOptional()
  @IsCountry()
  country?: string;
}

export class PartyDto {
  @ApiProperty({ example: 'Korvelin Textiles Co., Ltd.' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ type: [String], description: 'Other names (trading names, former names, other scripts)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ type: [IdentifierDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IdentifierDto)
  identifiers?: IdentifierDto[];

  @ApiPropertyOptional({ example: 'CN' })
  @IsOptional()
  @IsCountry()
  country?: string;
}

export class ContractPortionDto {
  @ApiProperty({ enum: ['supplies', 'services'] })
  @IsIn(['supplies', 'services'])
  kind: 'supplies' | 'services';

  @ApiPropertyOptional({ description: 'Supplies only: commercially available off-the-shelf items' })
  @IsOptional()
  @IsBoolean()
  cots?: boolean;

  @ApiProperty({ description: 'Supplies acquired / services performed outside the United States' })
  @IsBoolean()
  outsideUs: boolean;

  @ApiProperty({ example: 1_200_000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  valueUsd: number;
}

export class TenderDto {
  @ApiPropertyOptional({ example: 'AU-NPA-2026-0142' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ description: 'Procedure or framework (free text), e.g. "open procedure", "FAR Part 15"' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  procedure?: string;

  @ApiPropertyOptional({ type: [ContractPortionDto], description: 'Contract portions, for the FAR 52.222-50(h) compliance-plan test' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ContractPortionDto)
  portions?: ContractPortionDto[];

  @ApiPropertyOptional({ description: 'FAR compliance-plan threshold in USD (default 550,000, the Nov 2021 clause text)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e12)
  farThresholdUsd?: number;
}

export class CreateScreeningDto {
  @ApiProperty({ type: PartyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PartyDto)
  bidder: PartyDto;

  @ApiPropertyOptional({ type: [PartyDto], description: 'Declared subcontractors (Directive 2014/24/EU Art. 71(6)(b); FAR 52.222-50(i))' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  subcontractors?: PartyDto[];

  @ApiPropertyOptional({ type: [PartyDto], description: 'Recruitment agencies the bidder will use (FAR 52.222-50(b)(5)(ii))' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  recruiters?: PartyDto[];

  @ApiPropertyOptional({ type: TenderDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenderDto)
  tender?: TenderDto;
}
