import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BlockAppealEntity, BlockEntity, BlockSelfCleaningEntity, BlockTransitionEntity } from '@lantern/database';
import { LEGAL_GROUNDS, isLegalGround } from '@lantern/screening';
import { PageResponseBase } from '@lantern/platform';

export class BlockTransitionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'activate' }) action: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty({ type: String, nullable: true }) decisionMaker: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'API key that made the change (null: the system, e.g. expiry)' }) actorKeyId: string | null;
  @ApiProperty() at: Date;

  static fromEntity(e: BlockTransitionEntity): BlockTransitionResponse {
    return Object.assign(new BlockTransitionResponse(), {
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      decisionMaker: e.decisionMaker,
      reason: e.reason,
      details: e.details,
      actorKeyId: e.actorKeyId,
      at: e.createdAt,
    });
  }
}

export class SelfCleaningResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() submittedOn: string;
  @ApiProperty({ type: String, nullable: true }) compensation: string | null;
  @ApiProperty({ type: String, nullable: true }) cooperation: string | null;
  @ApiProperty({ type: [String] }) measures: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) evidence: unknown[];
  @ApiProperty({ enum: ['submitted', 'accepted', 'rejected'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) decisionMaker: string | null;
  @ApiProperty({ type: String, nullable: true }) statementOfReasons: string | null;
  @ApiProperty({ type: Date, nullable: true }) reviewedAt: Date | null;
  @ApiProperty() createdAt: Date;

  static fromEntity(e: BlockSelfCleaningEntity): SelfCleaningResponse {
    return Object.assign(new SelfCleaningResponse(), {
      id: e.id,
      submittedOn: e.submittedOn,
      compensation: e.compensation,
      cooperation: e.cooperation,
      measures: e.measures,
      evidence: e.evidence,
      status: e.status,
      decisionMaker: e.decisionMaker,
      statementOfReasons: e.statementOfReasons,
      reviewedAt: e.reviewedAt,
      createdAt: e.createdAt,
    });
  }
}

export class AppealResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() filedOn: string;
  @ApiProperty() appellant: string;
  @ApiProperty({ type: String, nullable: true }) forum: string | null;
  @ApiProperty() grounds: string;
  @ApiProperty({ enum: ['filed', 'upheld', 'dismissed', 'withdrawn'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) decidedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionMaker: string | null;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty() createdAt: Date;

  static fromEntity(e: BlockAppealEntity): AppealResponse {
    return Object.assign(new AppealResponse(), {
      id: e.id,
      filedOn: e.filedOn,
      appellant: e.appellant,
      forum: e.forum,
      grounds: e.grounds,
      status: e.status,
      decidedOn: e.decidedOn,
      decisionMaker: e.decisionMaker,
      outcome: e.outcome,
      createdAt: e.createdAt,
    });
  }
}

export class BlockSubjectResponse {
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) identifiers: unknown[];
  @ApiProperty({ type: String, nullable: true }) country: string | null;
}

export class BlockResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ description: 'False for a block another authority published in your jurisdiction (read-only to you)' }) ownedByYou: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) supplierId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) recommendationId: string | null;
  @ApiProperty({ type: BlockSubjectResponse }) subject: BlockSubjectResponse;
  @ApiProperty({ enum: ['organization', 'jurisdiction'] }) scope: string;
  @ApiProperty() jurisdiction: string;
  @ApiProperty() legalGround: string;
  @ApiProperty() legalGroundLabel: string;
  @ApiProperty() citation: string;
  @ApiProperty({ enum: ['proposed', 'active', 'suspended', 'lifted', 'expired'] }) status: string;
  @ApiProperty({ description: 'Active and within its period today' }) inForce: boolean;
  @ApiProperty({ description: 'Conviction / event date the period runs from (the start for decision-anchored grounds)' }) anchorDate: string;
  @ApiProperty({ type: String, nullable: true }) judgmentPeriodEndsOn: string | null;
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
  @ApiProperty({ description: 'The latest lawful last day under the ground' }) maxEndsOn: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) evidence: unknown[];
  @ApiProperty() decisionMaker: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: Date, nullable: true }) publishedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiPropertyOptional({ type: [BlockTransitionResponse] }) transitions?: BlockTransitionResponse[];
  @ApiPropertyOptional({ type: [SelfCleaningResponse] }) selfCleaning?: SelfCleaningResponse[];
  @ApiPropertyOptional({ type: [AppealResponse] }) appeals?: AppealResponse[];

  static fromEntity(e: BlockEntity, viewerOrganizationId: string, today: string): BlockResponse {
    const ground = isLegalGround(e.legalGround) ? LEGAL_GROUNDS[e.legalGround] : null;
    return Object.assign(new BlockResponse(), {
      id: e.id,
      organizationId: e.organizationId,
      ownedByYou: e.organizationId === viewerOrganizationId,
      supplierId: e.organizationId === viewerOrganizationId ? e.supplierId : null,
      recommendationId: e.organizationId === viewerOrganizationId ? e.recommendationId : null,
      subject: { name: e.subjectName, aliases: e.subjectAliases, identifiers: e.subjectIdentifiers, country: e.subjectCountry },
      scope: e.scope,
      jurisdiction: e.jurisdiction,
      legalGround: e.legalGround,
      legalGroundLabel: ground?.label ?? e.legalGround,
      citation: ground?.citation ?? '',
      status: e.status,
      inForce: e.status === 'active' && e.startsOn <= today && today <= e.endsOn,
      anchorDate: e.anchorDate,
      judgmentPeriodEndsOn: e.judgmentPeriodEndsOn,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      maxEndsOn: e.maxEndsOn,
      // Evidence of another organisation (its assessments and findings) stays private: only links without ids are shown.
      evidence: e.organizationId === viewerOrganizationId ? e.evidence : e.evidence.filter((x) => x.kind === 'url' || x.kind === 'report').map((x) => ({ kind: x.kind, url: x.url ?? null, description: x.description ?? null })),
      decisionMaker: e.decisionMaker,
      reason: e.reason,
      publishedAt: e.publishedAt,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

export const BLOCK_CSV_COLUMNS = [
  'id', 'subject', 'ownedByYou', 'scope', 'jurisdiction', 'legalGround', 'status', 'inForce', 'anchorDate', 'startsOn', 'endsOn', 'maxEndsOn', 'decisionMaker', 'reason', 'publishedAt', 'createdAt',
] as const satisfies readonly (keyof BlockResponse)[];

export class BlockPageResponse extends PageResponseBase {
  @ApiProperty({ type: [BlockResponse] }) data: BlockResponse[];
}
