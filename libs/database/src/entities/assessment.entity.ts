import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from './transformers.js';

export type AssessmentSubjectType = 'worker' | 'site' | 'supplier' | 'recruiter';
export type AssessmentBand = 'low' | 'medium' | 'high' | 'critical';
export type AssessmentConfidence = 'low' | 'medium' | 'high';

/** Scoring settings of one organisation: overrides of the methodology's configuration, validated with resolveConfig. */
@Entity({ name: 'scoring_settings' })
export class ScoringSettingsEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  /** DeepPartial<ScoringConfig> (libs/scoring); merged over the defaults. */
  @Column('jsonb', { name: 'config_overrides' }) configOverrides: Record<string, unknown>;
  /** The organisation's sector scores (1-4) for the inherent-risk prior, by sector as written on sites and suppliers. */
  @Column('jsonb', { name: 'sector_scores' }) sectorScores: Record<string, number>;
  @Column('integer') version: number;
  @Column('uuid', { name: 'updated_by_key_id', nullable: true }) updatedByKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One scoring run (a `score-organization` or `score-sites` job). */
@Entity({ name: 'scoring_runs' })
export class ScoringRunEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text', { name: 'job_id', nullable: true }) jobId: string | null;
  @Column('text') scope: 'organization' | 'sites';
  @Column('text') reason: string;
  @Column('date', { name: 'as_of' }) asOf: string;
  @Column('text', { name: 'methodology_version' }) methodologyVersion: string;
  /** The resolved configuration the run used (methodology version + this reproduce it). */
  @Column('jsonb') config: Record<string, unknown>;
  @Column('text') status: 'running' | 'completed' | 'failed';
  @Column('jsonb') stats: Record<string, unknown>;
  @Column('text', { nullable: true }) error: string | null;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
}

/**
 * An assessment of a subject (site, supplier, recruiter; workers are assessed
 * on demand). Append-only: the database refuses UPDATE and DELETE.
 */
@Entity({ name: 'assessments' })
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'run_id', nullable: true }) runId: string | null;
  @Column('text', { name: 'subject_type' }) subjectType: AssessmentSubjectType;
  @Column('uuid', { name: 'subject_id' }) subjectId: string;
  @Column('text', { name: 'methodology_version' }) methodologyVersion: string;
  @Column('date', { name: 'as_of' }) asOf: string;
  @Column('numeric', { precision: 4, scale: 1, transformer: numericTransformer }) overall: number;
  @Column('text') band: AssessmentBand;
  @Column('numeric', { name: 'recruitment_fee', precision: 4, scale: 1, transformer: numericTransformer }) recruitmentFee: number;
  @Column('numeric', { name: 'tied_visa', precision: 4, scale: 1, transformer: numericTransformer }) tiedVisa: number;
  @Column('numeric', { name: 'document_confiscation', precision: 4, scale: 1, transformer: numericTransformer }) documentConfiscation: number;
  @Column('text') confidence: AssessmentConfidence;
  @Column('numeric', { name: 'confidence_value', precision: 5, scale: 4, transformer: numericTransformer }) confidenceValue: number;
  @Column('numeric', { name: 'n_effective', precision: 12, scale: 4, transformer: numericTransformer }) nEffective: number;
  @Column('integer', { name: 'sample_size' }) sampleSize: number;
  /** The explanation tree: rule ids, evidence ids, weights, inputs. */
  @Column('jsonb') explanation: Record<string, unknown>;
  /** Per-risk blend, prevalence with Wilson intervals, severity, classifications, prior, roll-up contributors. */
  @Column('jsonb') details: Record<string, unknown>;
  @Column('char', { name: 'inputs_hash', length: 64 }) inputsHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** The current assessment of each subject, with the fields lists filter and sort on. */
@Entity({ name: 'current_assessments' })
export class CurrentAssessmentEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  @PrimaryColumn('text', { name: 'subject_type' }) subjectType: AssessmentSubjectType;
  @PrimaryColumn('uuid', { name: 'subject_id' }) subjectId: string;
  @Column('uuid', { name: 'assessment_id' }) assessmentId: string;
  @Column('text', { nullable: true }) name: string | null;
  @Column('char', { length: 2, nullable: true }) country: string | null;
  @Column('text', { nullable: true }) sector: string | null;
  @Column('numeric', { precision: 4, scale: 1, transformer: numericTransformer }) overall: number;
  @Column('text') band: AssessmentBand;
  @Column('numeric', { name: 'recruitment_fee', precision: 4, scale: 1, transformer: numericTransformer }) recruitmentFee: number;
  @Column('numeric', { name: 'tied_visa', precision: 4, scale: 1, transformer: numericTransformer }) tiedVisa: number;
  @Column('numeric', { name: 'document_confiscation', precision: 4, scale: 1, transformer: numericTransformer }) documentConfiscation: number;
  @Column('text') confidence: AssessmentConfidence;
  @Column('numeric', { name: 'n_effective', precision: 12, scale: 4, transformer: numericTransformer }) nEffective: number;
  @Column('integer', { name: 'sample_size' }) sampleSize: number;
  @Column('text', { name: 'methodology_version' }) methodologyVersion: string;
  @Column('date', { name: 'as_of' }) asOf: string;
  @Column('timestamptz', { name: 'assessed_at' }) assessedAt: Date;
}

/** A site whose data changed and waits for the next `score-sites` job of its organisation. */
@Entity({ name: 'scoring_pending_sites' })
export class ScoringPendingSiteEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  @PrimaryColumn('uuid', { name: 'site_id' }) siteId: string;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('text') reason: string;
}
