import { ApiKeyEntity } from './api-key.entity.js';
import { AssessmentEntity, CurrentAssessmentEntity, ScoringPendingSiteEntity, ScoringRunEntity, ScoringSettingsEntity } from './assessment.entity.js';
import { AuditEntity, FindingEntity } from './audit.entity.js';
import { IdempotencyKeyEntity, ImportChunkEntity, ImportEntity, ImportRejectionEntity } from './import.entity.js';
import { InterviewEntity } from './interview.entity.js';
import { OrganizationEntity } from './organization.entity.js';
import { RecruiterEntity, RecruitmentEngagementEntity } from './recruiter.entity.js';
import { BlockRecommendationEntity, RemediationItemEntity, RemediationRecordEntity } from './remediation.entity.js';
import {
  BlockAppealEntity,
  BlockEntity,
  BlockSelfCleaningEntity,
  BlockTransitionEntity,
  ExclusionEntryEntity,
  ExclusionListEntity,
  ExclusionListSnapshotEntity,
  MatchAdjudicationEntity,
  ScreeningChangeEntity,
  ScreeningEntity,
} from './screening.entity.js';
import { ReportEntity, ReportShareEntity } from './report.entity.js';
import { SiteEntity } from './site.entity.js';
import { SupplierEntity, SupplyLinkEntity } from './supplier.entity.js';
import { UserEntity } from './user.entity.js';

export * from './api-key.entity.js';
export * from './assessment.entity.js';
export * from './audit.entity.js';
export * from './import.entity.js';
export * from './interview.entity.js';
export * from './organization.entity.js';
export * from './recruiter.entity.js';
export * from './remediation.entity.js';
export * from './screening.entity.js';
export * from './report.entity.js';
export * from './site.entity.js';
export * from './supplier.entity.js';
export * from './user.entity.js';

export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  ApiKeyEntity,
  SupplierEntity,
  SupplyLinkEntity,
  SiteEntity,
  RecruiterEntity,
  RecruitmentEngagementEntity,
  AuditEntity,
  FindingEntity,
  InterviewEntity,
  ImportEntity,
  ImportChunkEntity,
  ImportRejectionEntity,
  IdempotencyKeyEntity,
  ScoringSettingsEntity,
  ScoringRunEntity,
  AssessmentEntity,
  CurrentAssessmentEntity,
  ScoringPendingSiteEntity,
  RemediationRecordEntity,
  BlockRecommendationEntity,
  RemediationItemEntity,
  ExclusionListEntity,
  ExclusionListSnapshotEntity,
  ExclusionEntryEntity,
  BlockEntity,
  BlockTransitionEntity,
  BlockSelfCleaningEntity,
  BlockAppealEntity,
  ScreeningEntity,
  ScreeningChangeEntity,
  MatchAdjudicationEntity,
  ReportEntity,
  ReportShareEntity,
];
