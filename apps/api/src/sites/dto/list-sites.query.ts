import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ListQuery } from '../../common/list.query.js';
import { IsCountry } from '../../common/validators.js';

export class ListSitesQuery extends ListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supplierId?: string;

  @ApiPropertyOptional({ example: 'BD' })
  @IsOptional()
  @IsCountry()
  country?: string;

  @ApiPropertyOptional({ example: 'apparel' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sector?: string;
}
