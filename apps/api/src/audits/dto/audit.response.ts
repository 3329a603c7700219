import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntity } from '@lantern/database';
import { AUDIT_TYPES, type AuditType } from '@lantern/domain';
import { PageResponseBase } from '@lantern/platform';

export class AuditResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() externalRef: string;
  @ApiProperty({ format: 'uuid' }) siteId: string;
  @ApiProperty({ enum: AUDIT_TYPES }) type: AuditType;
  @ApiProperty() conductedAt: Date;
  @ApiProperty({ type: String, nullable: true }) auditFirm: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) auditFirmOrganizationId: string | null;
  @ApiProperty({ type: String, nullable: true }) standard: string | null;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static fromEntity(e: AuditEntity): AuditResponse {
    return Object.assign(new AuditResponse(), {
      id: e.id,
      externalRef: e.externalRef,
      siteId: e.siteId,
      type: e.type,
      conductedAt: e.conductedAt,
      auditFirm: e.auditFirm,
      auditFirmOrganizationId: e.auditFirmOrganizationId,
      standard: e.standard,
      summary: e.summary,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

export const AUDIT_CSV_COLUMNS = [
  'id', 'externalRef', 'siteId', 'type', 'conductedAt', 'auditFirm', 'auditFirmOrganizationId', 'standard', 'summary', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof AuditResponse)[];

export class AuditPageResponse extends PageResponseBase {
  @ApiProperty({ type: [AuditResponse] }) data: AuditResponse[];
}
