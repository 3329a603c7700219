import { ApiProperty } from '@nestjs/swagger';
import type { FindingEntity } from '@lantern/database';
import { FINDING_SEVERITIES, FINDING_STATUSES, type FindingSeverity, type FindingStatus } from '@lantern/domain';
import { PageResponseBase } from '@lantern/platform';
import { FindingEvidenceDto } from './finding-evidence.dto.js';

export class FindingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() externalRef: string;
  @ApiProperty({ format: 'uuid' }) auditId: string;
  @ApiProperty({ example: 'ILO-FL-07' }) indicatorCode: string;
  @ApiProperty({ enum: FINDING_SEVERITIES }) severity: FindingSeverity;
  @ApiProperty({ enum: FINDING_STATUSES }) status: FindingStatus;
  @ApiProperty() description: string;
  @ApiProperty({ type: [FindingEvidenceDto] }) evidence: FindingEvidenceDto[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static fromEntity(e: FindingEntity): FindingResponse {
    return Object.assign(new FindingResponse(), {
      id: e.id,
      externalRef: e.externalRef,
      auditId: e.auditId,
      indicatorCode: e.indicatorCode,
      severity: e.severity,
      status: e.status,
      description: e.description,
      evidence: e.evidence,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

export const FINDING_CSV_COLUMNS = [
  'id', 'externalRef', 'auditId', 'indicatorCode', 'severity', 'status', 'description', 'evidence', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof FindingResponse)[];

export class FindingPageResponse extends PageResponseBase {
  @ApiProperty({ type: [FindingResponse] }) data: FindingResponse[];
}
