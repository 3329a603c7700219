import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AssessmentEntity, BlockRecommendationEntity, CurrentAssessmentEntity, RemediationItemEntity } from '@lantern/database';
import { PageResponseBase } from '@lantern/platform';

export class RiskScoresResponse {
  @ApiProperty({ description: '0-100' }) overall: number;
  @ApiProperty() recruitmentFee: number;
  @ApiProperty() tiedVisa: number;
  @ApiProperty() documentConfiscation: number;
}

export class BlockRecommendationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty({ enum: ['site', 'supplier', 'recruiter'] }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [String] }) ruleIds: string[];
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) severity: string;
  @ApiProperty({ type: [String], description: 'Interview ids (and remediation record ids) behind it' }) evidenceIds: string[];
  @ApiProperty() createdAt: Date;

  static fromEntity(e: BlockRecommendationEntity): BlockRecommendationResponse {
    return Object.assign(new BlockRecommendationResponse(), {
      id: e.id,
      assessmentId: e.assessmentId,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      reason: e.reason,
      ruleIds: e.ruleIds,
      severity: e.severity,
      evidenceIds: e.evidenceIds,
      createdAt: e.createdAt,
    });
  }
}

export const BLOCK_RECOMMENDATION_CSV_COLUMNS = [
  'id', 'assessmentId', 'subjectType', 'subjectId', 'severity', 'reason', 'ruleIds', 'evidenceIds', 'createdAt',
] as const satisfies readonly (keyof BlockRecommendationResponse)[];

export class BlockRecommendationPageResponse extends PageResponseBase {
  @ApiProperty({ type: [BlockRecommendationResponse] }) data: BlockRecommendationResponse[];
}

export class MoneyResponse {
  @ApiProperty() amountMinor: number;
  @ApiProperty() currency: string;
}

export class RemediationItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty({ enum: ['site', 'supplier', 'recruiter'] }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ enum: ['repay_fees', 'return_documents', 'fix_contract', 'transfer_sponsorship'] }) kind: string;
  @ApiProperty({ type: [String] }) ruleIds: string[];
  @ApiProperty({ description: 'Workers affected (the largest count among the rules: a lower bound)' }) workers: number;
  @ApiProperty({ type: [MoneyResponse], description: 'repay_fees: what is still owed, per currency' }) amounts: MoneyResponse[];
  @ApiProperty({ example: 'employer' }) responsible: string;
  @ApiProperty({ type: [String] }) evidenceIds: string[];
  @ApiProperty() explanation: string;
  @ApiProperty() createdAt: Date;

  static fromEntity(e: RemediationItemEntity): RemediationItemResponse {
    return Object.assign(new RemediationItemResponse(), {
      id: e.id,
      assessmentId: e.assessmentId,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      kind: e.kind,
      ruleIds: e.ruleIds,
      workers: e.workers,
      amounts: e.amounts,
      responsible: e.responsible,
      evidenceIds: e.evidenceIds,
      explanation: e.explanation,
      createdAt: e.createdAt,
    });
  }
}

export const REMEDIATION_ITEM_CSV_COLUMNS = [
  'id', 'assessmentId', 'subjectType', 'subjectId', 'kind', 'ruleIds', 'workers', 'amounts', 'responsible', 'evidenceIds', 'explanation', 'createdAt',
] as const satisfies readonly (keyof RemediationItemResponse)[];

export class RemediationItemPageResponse extends PageResponseBase {
  @ApiProperty({ type: [RemediationItemResponse] }) data: RemediationItemResponse[];
}

/** One stored assessment with its explanation. */
export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['site', 'supplier', 'recruiter'] }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ example: 'lantern-risk-1.1.0' }) methodologyVersion: string;
  @ApiProperty({ example: '2025-06-30' }) asOf: string;
  @ApiProperty({ description: 'When it was written' }) assessedAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) runId: string | null;
  @ApiProperty({ type: RiskScoresResponse }) scores: RiskScoresResponse;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) band: string;
  @ApiProperty({ description: '{ level, value, nEffective }' }) confidence: { level: string; value: number; nEffective: number };
  @ApiProperty({ description: 'Interviewed workers behind it' }) sampleSize: number;
  @ApiProperty({ type: [String], description: 'Every rule id in the explanation tree' }) ruleIds: string[];
  @ApiProperty({ type: [String], description: 'Every evidence id (interview and remediation record ids) in the explanation tree' }) evidenceIds: string[];
  @ApiProperty({ description: 'Explanation tree: { ruleId, label, weight, inputs, evidenceIds, children }', type: 'object', additionalProperties: true })
  explanation: Record<string, unknown>;
  @ApiProperty({ description: 'Blend per risk, prevalence of every rule with its 95 % Wilson interval, fee burden, classifications, prior, roll-up', type: 'object', additionalProperties: true })
  details: Record<string, unknown>;
  @ApiProperty({ description: 'SHA-256 of the inputs (facts, prior, configuration, methodology version)' }) inputsHash: string;
  @ApiPropertyOptional({ type: [BlockRecommendationResponse] }) blockRecommendations?: BlockRecommendationResponse[];
  @ApiPropertyOptional({ type: [RemediationItemResponse] }) remediationItems?: RemediationItemResponse[];
}

export class SubjectResponse {
  @ApiProperty({ enum: ['site', 'supplier', 'recruiter'] }) type: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: String, nullable: true }) sector: string | null;
}

export class SubjectRiskResponse {
  @ApiProperty({ type: SubjectResponse }) subject: SubjectResponse;
  @ApiProperty({ type: AssessmentResponse }) current: AssessmentResponse;
  @ApiPropertyOptional({ type: [AssessmentResponse], description: 'Earlier assessments, newest first (with ?history=true)' }) history?: AssessmentResponse[];
}

/** A row of GET /risk. */
export class RiskListItemResponse {
  @ApiProperty({ enum: ['site', 'supplier', 'recruiter'] }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: String, nullable: true }) sector: string | null;
  @ApiProperty() overall: number;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) band: string;
  @ApiProperty() recruitmentFee: number;
  @ApiProperty() tiedVisa: number;
  @ApiProperty() documentConfiscation: number;
  @ApiProperty({ enum: ['low', 'medium', 'high'] }) confidence: string;
  @ApiProperty() sampleSize: number;
  @ApiProperty() methodologyVersion: string;
  @ApiProperty() asOf: string;
  @ApiProperty() assessedAt: Date;
  @ApiProperty({ format: 'uuid' }) assessmentId: string;

  static fromEntity(e: CurrentAssessmentEntity): RiskListItemResponse {
    return Object.assign(new RiskListItemResponse(), {
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      name: e.name,
      country: e.country,
      sector: e.sector,
      overall: e.overall,
      band: e.band,
      recruitmentFee: e.recruitmentFee,
      tiedVisa: e.tiedVisa,
      documentConfiscation: e.documentConfiscation,
      confidence: e.confidence,
      sampleSize: e.sampleSize,
      methodologyVersion: e.methodologyVersion,
      asOf: e.asOf,
      assessedAt: e.assessedAt,
      assessmentId: e.assessmentId,
    });
  }
}

export const RISK_CSV_COLUMNS = [
  'subjectType', 'subjectId', 'name', 'country', 'sector', 'overall', 'band', 'recruitmentFee', 'tiedVisa', 'documentConfiscation', 'confidence',
  'sampleSize', 'methodologyVersion', 'asOf', 'assessedAt', 'assessmentId',
] as const satisfies readonly (keyof RiskListItemResponse)[];

export class RiskPageResponse extends PageResponseBase {
  @ApiProperty({ type: [RiskListItemResponse] }) data: RiskListItemResponse[];
}

/** The worker-level assessment of one interview, computed on demand. */
export class InterviewRiskResponse {
  @ApiProperty({ format: 'uuid' }) interviewId: string;
  @ApiProperty() methodologyVersion: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ description: 'The engine’s WorkerAssessment: indicators (rule id, citation, evidence, status), notes, fees, classification, scores, coverage', type: 'object', additionalProperties: true })
  assessment: Record<string, unknown>;
  @ApiProperty({ description: 'Block recommendations and remediation items for this worker under the organisation’s thresholds', type: 'object', additionalProperties: true })
  thresholds: Record<string, unknown>;
  @ApiProperty({ description: 'Computed on request, not stored' }) computedOnDemand: boolean;
}

export function assessmentResponse(a: AssessmentEntity): AssessmentResponse {
  const ruleIds = new Set<string>();
  const evidenceIds = new Set<string>();
  const walk = (node: { ruleId?: string; evidenceIds?: string[]; children?: unknown[] }): void => {
    if (node.ruleId) ruleIds.add(node.ruleId);
    for (const e of node.evidenceIds ?? []) evidenceIds.add(e);
    for (const c of node.children ?? []) walk(c as typeof node);
  };
  walk(a.explanation as Parameters<typeof walk>[0]);
  return Object.assign(new AssessmentResponse(), {
    id: a.id,
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    methodologyVersion: a.methodologyVersion,
    asOf: a.asOf,
    assessedAt: a.createdAt,
    runId: a.runId,
    scores: { overall: a.overall, recruitmentFee: a.recruitmentFee, tiedVisa: a.tiedVisa, documentConfiscation: a.documentConfiscation },
    band: a.band,
    confidence: { level: a.confidence, value: a.confidenceValue, nEffective: a.nEffective },
    sampleSize: a.sampleSize,
    ruleIds: [...ruleIds].sort(),
    evidenceIds: [...evidenceIds].sort(),
    explanation: a.explanation,
    details: a.details,
    inputsHash: a.inputsHash,
  });
}
