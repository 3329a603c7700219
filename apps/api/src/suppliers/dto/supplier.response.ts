import { ApiProperty } from '@nestjs/swagger';
import type { SupplierEntity, SupplyLinkEntity } from '@lantern/database';
import { PageResponseBase } from '@lantern/platform';

export class SupplierResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() externalRef: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'BD' }) country: string;
  @ApiProperty({ type: String, nullable: true }) sector: string | null;
  @ApiProperty() tier: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: String, nullable: true }) lei: string | null;
  @ApiProperty({ type: String, nullable: true }) taxId: string | null;
  @ApiProperty({ type: String, nullable: true }) duns: string | null;
  @ApiProperty({ type: String, nullable: true }) osId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static fromEntity(e: SupplierEntity): SupplierResponse {
    return Object.assign(new SupplierResponse(), {
      id: e.id,
      externalRef: e.externalRef,
      name: e.name,
      country: e.country,
      sector: e.sector,
      tier: e.tier,
      parentId: e.parentId,
      lei: e.lei,
      taxId: e.taxId,
      duns: e.duns,
      osId: e.osId,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

export const SUPPLIER_CSV_COLUMNS = [
  'id', 'externalRef', 'name', 'country', 'sector', 'tier', 'parentId', 'lei', 'taxId', 'duns', 'osId', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof SupplierResponse)[];

export class SupplierPageResponse extends PageResponseBase {
  @ApiProperty({ type: [SupplierResponse] }) data: SupplierResponse[];
}

/** A trading edge: `supplierId` sells to `buyerId`. */
export class SupplyLinkResponse {
  @ApiProperty({ format: 'uuid' }) supplierId: string;
  @ApiProperty({ format: 'uuid' }) buyerId: string;
  @ApiProperty() createdAt: Date;

  static fromEntity(e: SupplyLinkEntity): SupplyLinkResponse {
    return Object.assign(new SupplyLinkResponse(), { supplierId: e.supplierId, buyerId: e.buyerId, createdAt: e.createdAt });
  }
}

/** A supplier one tier down: it sells to the supplier asked about. */
export class SubSupplierResponse {
  @ApiProperty({ type: SupplyLinkResponse }) link: SupplyLinkResponse;
  @ApiProperty({ type: SupplierResponse }) supplier: SupplierResponse;
}

export class SubSupplierListResponse {
  @ApiProperty({ type: [SubSupplierResponse] }) data: SubSupplierResponse[];
}
