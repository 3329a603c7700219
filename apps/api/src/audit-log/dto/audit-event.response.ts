import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseBase, type AuditEvent } from '@lantern/platform';

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Position in the organisation\'s chain, from 1' }) sequence: number;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'API key that made the change (null: the system)' }) actorApiKeyId: string | null;
  @ApiProperty({ description: 'Role of that key, or `system`' }) actorRole: string;
  @ApiProperty() action: string;
  @ApiProperty() subjectType: string;
  @ApiProperty() subjectId: string;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the canonical JSON of the record before the change' }) beforeDigest: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the canonical JSON of the record after the change' }) afterDigest: string | null;
  @ApiProperty({ type: String, nullable: true }) previousHash: string | null;
  @ApiProperty() hash: string;

  static fromEvent(e: AuditEvent): AuditEventResponse {
    return Object.assign(new AuditEventResponse(), {
      id: e.id,
      sequence: e.sequence,
      occurredAt: e.occurredAt,
      actorApiKeyId: e.actorApiKeyId,
      actorRole: e.actorRole,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      beforeDigest: e.beforeDigest,
      afterDigest: e.afterDigest,
      previousHash: e.previousHash,
      hash: e.hash,
    });
  }
}

export const AUDIT_EVENT_CSV_COLUMNS = [
  'sequence', 'id', 'occurredAt', 'actorApiKeyId', 'actorRole', 'action', 'subjectType', 'subjectId', 'beforeDigest', 'afterDigest', 'previousHash', 'hash',
] as const satisfies readonly (keyof AuditEventResponse)[];

export class AuditEventPageResponse extends PageResponseBase {
  @ApiProperty({ type: [AuditEventResponse] }) data: AuditEventResponse[];
}

export class AuditChainBreakResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() sequence: number;
  @ApiProperty() reason: string;
}

export class AuditVerificationResponse {
  @ApiProperty() valid: boolean;
  @ApiProperty({ description: 'Events verified before the first break (all of them when valid)' }) checked: number;
  @ApiPropertyOptional({ type: AuditChainBreakResponse }) firstBroken?: AuditChainBreakResponse;
}
