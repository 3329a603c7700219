import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from './transformers.js';
import type { AssessmentSubjectType } from './assessment.entity.js';

export type RemediationRecordKind = 'fee_repayment' | 'document_return' | 'sponsorship_transfer';

export interface RemediationEvidence {
  kind: 'receipt' | 'bank_transfer' | 'document' | 'photo' | 'interview' | 'other';
  reference: string;
  note?: string;
}

/**
 * Remediation of one worker's case (employer pays): a fee repayment, documents
 * handed back, or sponsorship transferred. Only verified records lower later assessments.
 */
@Entity({ name: 'remediation_records' })
export class RemediationRecordEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'interview_id' }) interviewId: string;
  @Column('text') kind: RemediationRecordKind;
  @Column('bigint', { name: 'amount_minor', nullable: true, transformer: numericTransformer }) amountMinor: number | null;
  @Column('char', { length: 3, nullable: true }) currency: string | null;
  @Column('date', { name: 'occurred_on' }) occurredOn: string;
  @Column('jsonb') evidence: RemediationEvidence[];
  @Column('text', { nullable: true }) note: string | null;
  @Column('uuid', { name: 'recorded_by_key_id', nullable: true }) recordedByKeyId: string | null;
  @Column('boolean') verified: boolean;
  @Column('timestamptz', { name: 'verified_at', nullable: true }) verifiedAt: Date | null;
  @Column('uuid', { name: 'verified_by_key_id', nullable: true }) verifiedByKeyId: string | null;
  @Column('text', { name: 'verification_note', nullable: true }) verificationNote: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A block recommended because an assessment crossed one of the organisation's thresholds. */
@Entity({ name: 'block_recommendations' })
export class BlockRecommendationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'assessment_id' }) assessmentId: string;
  @Column('uuid', { name: 'run_id', nullable: true }) runId: string | null;
  @Column('text', { name: 'subject_type' }) subjectType: AssessmentSubjectType;
  @Column('uuid', { name: 'subject_id' }) subjectId: string;
  @Column('text') reason: string;
  @Column('text', { name: 'rule_ids', array: true }) ruleIds: string[];
  @Column('text') severity: 'low' | 'medium' | 'high' | 'critical';
  /** Interview ids (and remediation record ids) behind it. */
  @Column('jsonb', { name: 'evidence_ids' }) evidenceIds: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** Something the employer must put right (fees to repay, documents to return, contracts to fix, sponsorship to release). */
@Entity({ name: 'remediation_items' })
export class RemediationItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'assessment_id' }) assessmentId: string;
  @Column('uuid', { name: 'run_id', nullable: true }) runId: string | null;
  @Column('text', { name: 'subject_type' }) subjectType: AssessmentSubjectType;
  @Column('uuid', { name: 'subject_id' }) subjectId: string;
  @Column('text') kind: 'repay_fees' | 'return_documents' | 'fix_contract' | 'transfer_sponsorship';
  @Column('text', { name: 'rule_ids', array: true }) ruleIds: string[];
  @Column('integer') workers: number;
  @Column('jsonb') amounts: { amountMinor: number; currency: string }[];
  @Column('text') responsible: string;
  /** Interview ids (and remediation record ids) behind it. */
  @Column('jsonb', { name: 'evidence_ids' }) evidenceIds: string[];
  @Column('text') explanation: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
