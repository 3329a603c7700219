import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MatchAdjudicationEntity, ScreeningChangeEntity, ScreeningEntity } from '@lantern/database';
import { DECISIONS, type Decision } from '@lantern/screening';
import { PageResponseBase } from '@lantern/platform';

export class RuleResponse {
  @ApiProperty({ example: 'name-excluded' }) id: string;
  @ApiProperty() description: string;
}

/** POST /screenings and GET /screenings/:id. The shape of `matches` etc. is documented in docs/screening.md. */
export class ScreeningAnswerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() screenedAt: string;
  @ApiProperty({ enum: DECISIONS }) decision: Decision;
  @ApiProperty({ type: RuleResponse, description: 'The rule that decided' }) rule: RuleResponse;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Every match: party, source (exclusion_list | block | supplier), record (key, list, dates, in force), score, strength, fieldsMatched, evidence' })
  matches: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Matches dismissed earlier as false positives (adjudication memory)' })
  suppressed: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Decision and rule per party (bidder, subcontractors, recruiters)' })
  parties: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Blocks behind the decision' }) blocks: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'High-risk assessments and block recommendations behind the decision' })
  assessments: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'e.g. farCompliancePlan' }) obligations: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'List snapshots screened against' }) lists: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: true }) thresholds: Record<string, number>;
  @ApiProperty() durationMs: number;
}

export class ScreeningSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() bidderName: string;
  @ApiProperty({ type: String, nullable: true }) tenderReference: string | null;
  @ApiProperty({ enum: DECISIONS }) decision: string;
  @ApiProperty() ruleId: string;
  @ApiProperty() matchCount: number;
  @ApiProperty({ enum: ['request', 'rescreen'] }) trigger: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) rescreenOf: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'API key that asked (null for re-screenings)' }) apiKeyId: string | null;
  @ApiProperty() actorRole: string;
  @ApiProperty() durationMs: number;

  static fromEntity(e: ScreeningEntity): ScreeningSummaryResponse {
    return Object.assign(new ScreeningSummaryResponse(), {
      id: e.id,
      createdAt: e.createdAt,
      bidderName: e.bidderName,
      tenderReference: e.tenderReference,
      decision: e.decision,
      ruleId: e.ruleId,
      matchCount: e.matchCount,
      trigger: e.trigger,
      rescreenOf: e.rescreenOf,
      apiKeyId: e.apiKeyId,
      actorRole: e.actorRole,
      durationMs: e.durationMs,
    });
  }
}

export const SCREENING_CSV_COLUMNS = [
  'id', 'createdAt', 'bidderName', 'tenderReference', 'decision', 'ruleId', 'matchCount', 'trigger', 'rescreenOf', 'apiKeyId', 'actorRole', 'durationMs',
] as const satisfies readonly (keyof ScreeningSummaryResponse)[];

export class ScreeningPageResponse extends PageResponseBase {
  @ApiProperty({ type: [ScreeningSummaryResponse] }) data: ScreeningSummaryResponse[];
}

/** GET /screenings/:id: the stored record, as asked and answered. */
export class ScreeningRecordResponse extends ScreeningSummaryResponse {
  @ApiProperty({ type: 'object', additionalProperties: true }) input: Record<string, unknown>;
  @ApiProperty({ type: ScreeningAnswerResponse }) answer: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'List snapshots and context used' }) dataVersion: Record<string, unknown>;

  static fromRecord(e: ScreeningEntity): ScreeningRecordResponse {
    return Object.assign(new ScreeningRecordResponse(), ScreeningSummaryResponse.fromEntity(e), { input: e.input, answer: e.answer, dataVersion: e.dataVersion });
  }
}

export class AdjudicationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() partyKey: string;
  @ApiProperty() partyName: string;
  @ApiProperty() recordKey: string;
  @ApiProperty() recordName: string;
  @ApiProperty() recordContentHash: string;
  @ApiProperty({ enum: ['false_positive'] }) verdict: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) screeningId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) decidedByKeyId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) revokedAt: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) revokeReason: string | null;

  static fromEntity(e: MatchAdjudicationEntity): AdjudicationResponse {
    return Object.assign(new AdjudicationResponse(), {
      id: e.id,
      partyKey: e.partyKey,
      partyName: e.partyName,
      recordKey: e.recordKey,
      recordName: e.recordName,
      recordContentHash: e.recordContentHash,
      verdict: e.verdict,
      reason: e.reason,
      screeningId: e.screeningId,
      decidedByKeyId: e.decidedByKeyId,
      createdAt: e.createdAt,
      revokedAt: e.revokedAt,
      revokeReason: e.revokeReason,
    });
  }
}

export class AdjudicationPageResponse extends PageResponseBase {
  @ApiProperty({ type: [AdjudicationResponse] }) data: AdjudicationResponse[];
}

export class ScreeningChangeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['list_snapshot', 'block'] }) triggerKind: string;
  @ApiProperty({ format: 'uuid' }) triggerId: string;
  @ApiProperty() triggerSummary: string;
  @ApiProperty({ enum: ['screening', 'supplier'] }) subjectKind: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) screeningId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) supplierId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The new screening recorded by the re-check' }) rescreeningId: string | null;
  @ApiProperty() subjectName: string;
  @ApiProperty() previousDecision: string;
  @ApiProperty() newDecision: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) addedMatches: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) removedMatches: unknown[];
  @ApiProperty({ type: Date, nullable: true }) acknowledgedAt: Date | null;
  @ApiProperty() createdAt: Date;

  static fromEntity(e: ScreeningChangeEntity): ScreeningChangeResponse {
    return Object.assign(new ScreeningChangeResponse(), {
      id: e.id,
      triggerKind: e.triggerKind,
      triggerId: e.triggerId,
      triggerSummary: e.triggerSummary,
      subjectKind: e.subjectKind,
      screeningId: e.screeningId,
      supplierId: e.supplierId,
      rescreeningId: e.rescreeningId,
      subjectName: e.subjectName,
      previousDecision: e.previousDecision,
      newDecision: e.newDecision,
      addedMatches: e.addedMatches,
      removedMatches: e.removedMatches,
      acknowledgedAt: e.acknowledgedAt,
      createdAt: e.createdAt,
    });
  }
}

export class ScreeningChangePageResponse extends PageResponseBase {
  @ApiProperty({ type: [ScreeningChangeResponse] }) data: ScreeningChangeResponse[];
}
