import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ROLES, type Role } from '@lantern/domain';
import { ListQuery } from '../../common/list.query.js';

export const API_KEY_STATES = ['active', 'revoked'] as const;
export type ApiKeyState = (typeof API_KEY_STATES)[number];

export class ListApiKeysQuery extends ListQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: API_KEY_STATES })
  @IsOptional()
  @IsIn(API_KEY_STATES)
  state?: ApiKeyState;
}
