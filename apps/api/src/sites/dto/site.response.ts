import { ApiProperty } from '@nestjs/swagger';
import type { SiteEntity } from '@lantern/database';
import { PageResponseBase } from '@lantern/platform';

export class SiteResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) supplierId: string;
  @ApiProperty() externalRef: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ example: 'BD' }) country: string;
  @ApiProperty({ type: String, nullable: true }) sector: string | null;
  @ApiProperty({ type: Number, nullable: true }) headcount: number | null;
  @ApiProperty({ type: Number, nullable: true }) migrantWorkerShare: number | null;
  @ApiProperty({ type: String, nullable: true }) osId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static fromEntity(e: SiteEntity): SiteResponse {
    return Object.assign(new SiteResponse(), {
      id: e.id,
      supplierId: e.supplierId,
      externalRef: e.externalRef,
      name: e.name,
      address: e.address,
      country: e.country,
      sector: e.sector,
      headcount: e.headcount,
      migrantWorkerShare: e.migrantWorkerShare,
      osId: e.osId,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

export const SITE_CSV_COLUMNS = [
  'id', 'supplierId', 'externalRef', 'name', 'address', 'country', 'sector', 'headcount', 'migrantWorkerShare', 'osId', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof SiteResponse)[];

export class SitePageResponse extends PageResponseBase {
  @ApiProperty({ type: [SiteResponse] }) data: SiteResponse[];
}
