import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@lantern/domain';
import type { OrganizationEntity } from '@lantern/database';

export class OrganizationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: OrganizationKind;
  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' }) jurisdiction: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static fromEntity(entity: OrganizationEntity): OrganizationResponse {
    return Object.assign(new OrganizationResponse(), {
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      jurisdiction: entity.jurisdiction,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}
