import { ApiProperty } from '@nestjs/swagger';
import type { ApiKeyEntity } from '@lantern/database';
import { ROLES, type Role } from '@lantern/domain';
import { PageResponseBase } from '@lantern/platform';

/** An API key's metadata; the key itself is shown only once, at creation. */
export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ description: 'The public part of the key: lnt_<prefix>_…' }) prefix: string;
  @ApiProperty({ type: Date, nullable: true }) lastUsedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) revokedAt: Date | null;
  @ApiProperty() createdAt: Date;

  static fromEntity(e: ApiKeyEntity): ApiKeyResponse {
    return Object.assign(new ApiKeyResponse(), {
      id: e.id,
      name: e.name,
      role: e.role,
      prefix: e.prefix,
      lastUsedAt: e.lastUsedAt,
      revokedAt: e.revokedAt,
      createdAt: e.createdAt,
    });
  }
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The clear key. Store it now: it is never shown again.' }) key: string;

  static withKey(e: ApiKeyEntity, key: string): CreatedApiKeyResponse {
    return Object.assign(new CreatedApiKeyResponse(), ApiKeyResponse.fromEntity(e), { key });
  }
}

export const API_KEY_CSV_COLUMNS = ['id', 'name', 'role', 'prefix', 'lastUsedAt', 'revokedAt', 'createdAt'] as const satisfies readonly (keyof ApiKeyResponse)[];

export class ApiKeyPageResponse extends PageResponseBase {
  @ApiProperty({ type: [ApiKeyResponse] }) data: ApiKeyResponse[];
}
