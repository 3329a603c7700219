import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { ListQuery } from '../../common/list.query.js';
import { IsCountry } from '../../common/validators.js';

export class ListEngagementsQuery extends ListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  recruiterId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ example: 'NP' })
  @IsOptional()
  @IsCountry()
  originCountry?: string;

  @ApiPropertyOptional({ example: 'MY' })
  @IsOptional()
  @IsCountry()
  destinationCountry?: string;
}
