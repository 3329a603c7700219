import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DECISIONS, type Decision } from '@lantern/screening';
import { ListQuery } from '../../common/list.query.js';

export class ListScreeningsQuery extends ListQuery {
  @ApiPropertyOptional({ enum: DECISIONS })
  @IsOptional()
  @IsIn(DECISIONS)
  decision?: Decision;

  @ApiPropertyOptional({ enum: ['request', 'rescreen'] })
  @IsOptional()
  @IsIn(['request', 'rescreen'])
  trigger?: 'request' | 'rescreen';

  @ApiPropertyOptional({ description: 'Bidder name contains (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  bidder?: string;
}

export class ListChangesQuery extends ListQuery {
  @ApiPropertyOptional({ description: 'true: only changes nobody acknowledged yet' })
  @IsOptional()
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';
}
