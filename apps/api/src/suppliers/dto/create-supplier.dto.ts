import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Omittable } from '../../common/omittable.decorator.js';
import { IsCountry } from '../../common/validators.js';

export const MAX_SUPPLIER_TIER = 10;
/** A supplier is a direct (tier-1) supplier unless declared otherwise. */
export const DEFAULT_SUPPLIER_TIER = 1;

export class CreateSupplierDto {
  @ApiProperty({ description: "Your own identifier for the supplier (unique in your organisation)", example: 'SUP-0001' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalRef: string;

  @ApiProperty({ example: 'Harbour Textiles Ltd' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: 'BD', description: 'ISO 3166-1 alpha-2' })
  @IsCountry()
  country: string;

  @ApiPropertyOptional({ example: 'apparel', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sector?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SUPPLIER_TIER, default: DEFAULT_SUPPLIER_TIER, description: '1 = direct supplier' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_SUPPLIER_TIER)
  tier?: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Corporate parent (ownership), a supplier of your organisation' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ example: '5493001KJTIIGC8Y1R12', nullable: true, description: 'ISO 17442 Legal Entity Identifier' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{18}[0-9]{2}$/, { message: 'must be a 20-character LEI' })
  lei?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'VAT or tax identifier' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  taxId?: string | null;

  @ApiPropertyOptional({ example: '123456789', nullable: true, description: 'D-U-N-S number' })
  @IsOptional()
  @Matches(/^[0-9]{9}$/, { message: 'must be a 9-digit D-U-N-S number' })
  duns?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Open Supply Hub OS ID' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  osId?: string | null;
}
