import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ListQuery } from '../../common/list.query.js';
import { IsCountry } from '../../common/validators.js';
import { MAX_SUPPLIER_TIER } from './create-supplier.dto.js';

export class ListSuppliersQuery extends ListQuery {
  @ApiPropertyOptional({ example: 'BD' })
  @IsOptional()
  @IsCountry()
  country?: string;

  @ApiPropertyOptional({ example: 'apparel' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sector?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SUPPLIER_TIER })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SUPPLIER_TIER)
  tier?: number;

  @ApiPropertyOptional({ description: 'Name contains (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Corporate parent' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}
