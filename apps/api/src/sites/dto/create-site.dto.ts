import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCountry } from '../../common/validators.js';

export class CreateSiteDto {
  @ApiProperty({ format: 'uuid', description: 'The supplier operating the site (of your organisation)' })
  @IsUUID()
  supplierId: string;

  @ApiProperty({ example: 'SITE-0001' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalRef: string;

  @ApiProperty({ example: 'Chattogram Plant 2' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiProperty({ example: 'BD' })
  @IsCountry()
  country: string;

  @ApiPropertyOptional({ nullable: true, example: 'apparel' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sector?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  headcount?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 1, description: 'Share of migrant workers, 0..1' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  migrantWorkerShare?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'Open Supply Hub OS ID' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  osId?: string | null;
}
