import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@lantern/platform';

export const LIST_FORMATS = ['json', 'csv'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** Pagination plus `?format=csv` (every matching row, streamed, instead of one JSON page). */
export class ListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LIST_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(LIST_FORMATS)
  format: ListFormat = 'json';
}
