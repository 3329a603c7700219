import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An exclusion list (SAM.gov, World Bank, CBP WRO, UFLPA, FtM...). organizationId null = platform-wide. */
@Entity({ name: 'exclusion_lists' })
export class ExclusionListEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id', nullable: true }) organizationId: string | null;
  @Column('text') name: string;
  @Column('text') format: string;
  @Column('text') effect: 'exclude' | 'review';
  @Column('text') source: string;
  @Column('text', { name: 'source_url', nullable: true }) sourceUrl: string | null;
  @Column('text') licence: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('uuid', { name: 'current_snapshot_id', nullable: true }) currentSnapshotId: string | null;
  @Column('uuid', { name: 'created_by_key_id', nullable: true }) createdByKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export type SnapshotStatus = 'loading' | 'current' | 'superseded' | 'failed';

/** One imported version of a list. */
@Entity({ name: 'exclusion_list_snapshots' })
export class ExclusionListSnapshotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'list_id' }) listId: string;
  @Column('integer') version: number;
  @Column('text') status: SnapshotStatus;
  @Column('date', { name: 'source_date', nullable: true }) sourceDate: string | null;
  @Column('timestamptz', { name: 'retrieved_at', nullable: true }) retrievedAt: Date | null;
  @Column('text', { nullable: true }) filename: string | null;
  @Column('char', { name: 'content_sha256', length: 64 }) contentSha256: string;
  @Column('bigint', { name: 'size_bytes' }) sizeBytes: string;
  @Column('integer', { name: 'entry_count' }) entryCount: number;
  @Column('integer', { name: 'name_count' }) nameCount: number;
  @Column('integer', { name: 'issue_count' }) issueCount: number;
  @Column('jsonb') issues: { line?: number; reason: string }[];
  @Column('jsonb', { nullable: true }) diff: Record<string, unknown> | null;
  @Column('smallint', { name: 'normalizer_version' }) normalizerVersion: number;
  @Column('text', { nullable: true }) error: string | null;
  @Column('uuid', { name: 'created_by_key_id', nullable: true }) createdByKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'activated_at', nullable: true }) activatedAt: Date | null;
  @Column('timestamptz', { name: 'superseded_at', nullable: true }) supersededAt: Date | null;
}

/** One listed party of a snapshot. */
@Entity({ name: 'exclusion_entries' })
export class ExclusionEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid', { name: 'snapshot_id' }) snapshotId: string;
  @Column('text', { name: 'source_id' }) sourceId: string;
  @Column('text') schema: string;
  @Column('text') caption: string;
  @Column('jsonb') names: { name: string; kind: string }[];
  @Column('text', { array: true }) countries: string[];
  @Column('jsonb') identifiers: { scheme: string; value: string; country?: string | null }[];
  @Column('text', { nullable: true }) program: string | null;
  @Column('text', { nullable: true }) authority: string | null;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('date', { name: 'starts_on', nullable: true }) startsOn: string | null;
  @Column('date', { name: 'ends_on', nullable: true }) endsOn: string | null;
  @Column('text', { name: 'source_status', nullable: true }) sourceStatus: string | null;
  @Column('boolean') inactive: boolean;
  @Column('jsonb') details: Record<string, unknown>;
  @Column('text', { name: 'match_keys' }) matchKeys: string;
  @Column('text', { name: 'identifier_keys' }) identifierKeys: string;
  @Column('char', { name: 'content_hash', length: 64 }) contentHash: string;
}

export type BlockStatusValue = 'proposed' | 'active' | 'suspended' | 'lifted' | 'expired';

@Entity({ name: 'blocks' })
export class BlockEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'supplier_id', nullable: true }) supplierId: string | null;
  @Column('uuid', { name: 'recommendation_id', nullable: true }) recommendationId: string | null;
  @Column('text', { name: 'subject_name' }) subjectName: string;
  @Column('text', { name: 'subject_aliases', array: true }) subjectAliases: string[];
  @Column('jsonb', { name: 'subject_identifiers' }) subjectIdentifiers: { scheme: string; value: string; country?: string | null }[];
  @Column('char', { name: 'subject_country', length: 2, nullable: true }) subjectCountry: string | null;
  @Column('text') scope: 'organization' | 'jurisdiction';
  @Column('char', { length: 2 }) jurisdiction: string;
  @Column('text', { name: 'legal_ground' }) legalGround: string;
  @Column('text') status: BlockStatusValue;
  @Column('date', { name: 'anchor_date' }) anchorDate: string;
  @Column('date', { name: 'judgment_period_ends_on', nullable: true }) judgmentPeriodEndsOn: string | null;
  @Column('date', { name: 'starts_on' }) startsOn: string;
  @Column('date', { name: 'ends_on' }) endsOn: string;
  @Column('date', { name: 'max_ends_on' }) maxEndsOn: string;
  @Column('jsonb') evidence: { kind: string; id?: string | null; url?: string | null; description?: string | null }[];
  @Column('text', { name: 'decision_maker' }) decisionMaker: string;
  @Column('text') reason: string;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column('uuid', { name: 'created_by_key_id', nullable: true }) createdByKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'block_transitions' })
export class BlockTransitionEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid', { name: 'block_id' }) blockId: string;
  @Column('text') action: string;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus: string | null;
  @Column('text', { name: 'to_status' }) toStatus: string;
  @Column('text', { name: 'decision_maker', nullable: true }) decisionMaker: string | null;
  @Column('text') reason: string;
  @Column('jsonb') details: Record<string, unknown>;
  @Column('uuid', { name: 'actor_key_id', nullable: true }) actorKeyId: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@Entity({ name: 'block_self_cleaning' })
export class BlockSelfCleaningEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'block_id' }) blockId: string;
  @Column('date', { name: 'submitted_on' }) submittedOn: string;
  @Column('text', { nullable: true }) compensation: string | null;
  @Column('text', { nullable: true }) cooperation: string | null;
  @Column('jsonb') measures: string[];
  @Column('jsonb') evidence: { kind: string; id?: string | null; url?: string | null; description?: string | null }[];
  @Column('text') status: 'submitted' | 'accepted' | 'rejected';
  @Column('text', { name: 'decision_maker', nullable: true }) decisionMaker: string | null;
  @Column('text', { name: 'statement_of_reasons', nullable: true }) statementOfReasons: string | null;
  @Column('timestamptz', { name: 'reviewed_at', nullable: true }) reviewedAt: Date | null;
  @Column('uuid', { name: 'submitted_by_key_id', nullable: true }) submittedByKeyId: string | null;
  @Column('uuid', { name: 'reviewed_by_key_id', nullable: true }) reviewedByKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'block_appeals' })
export class BlockAppealEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'block_id' }) blockId: string;
  @Column('date', { name: 'filed_on' }) filedOn: string;
  @Column('text') appellant: string;
  @Column('text', { nullable: true }) forum: string | null;
  @Column('text') grounds: string;
  @Column('text') status: 'filed' | 'upheld' | 'dismissed' | 'withdrawn';
  @Column('date', { name: 'decided_on', nullable: true }) decidedOn: string | null;
  @Column('text', { name: 'decision_maker', nullable: true }) decisionMaker: string | null;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('uuid', { name: 'recorded_by_key_id', nullable: true }) recordedByKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A screening as asked and answered (the audit record). */
@Entity({ name: 'screenings' })
export class ScreeningEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'api_key_id', nullable: true }) apiKeyId: string | null;
  @Column('text', { name: 'actor_role' }) actorRole: string;
  @Column('text') trigger: 'request' | 'rescreen';
  @Column('uuid', { name: 'rescreen_of', nullable: true }) rescreenOf: string | null;
  @Column('text', { name: 'bidder_name' }) bidderName: string;
  @Column('text', { name: 'tender_reference', nullable: true }) tenderReference: string | null;
  @Column('text') decision: 'clear' | 'review' | 'blocked';
  @Column('text', { name: 'rule_id' }) ruleId: string;
  @Column('integer', { name: 'match_count' }) matchCount: number;
  @Column('jsonb') input: Record<string, unknown>;
  @Column('jsonb') answer: Record<string, unknown>;
  @Column('text', { name: 'party_keys', array: true }) partyKeys: string[];
  @Column('jsonb', { name: 'data_version' }) dataVersion: Record<string, unknown>;
  @Column('real', { name: 'duration_ms' }) durationMs: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@Entity({ name: 'screening_changes' })
export class ScreeningChangeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text', { name: 'trigger_kind' }) triggerKind: 'list_snapshot' | 'block';
  @Column('uuid', { name: 'trigger_id' }) triggerId: string;
  @Column('text', { name: 'trigger_summary' }) triggerSummary: string;
  @Column('text', { name: 'subject_kind' }) subjectKind: 'screening' | 'supplier';
  @Column('uuid', { name: 'screening_id', nullable: true }) screeningId: string | null;
  @Column('uuid', { name: 'supplier_id', nullable: true }) supplierId: string | null;
  @Column('uuid', { name: 'rescreening_id', nullable: true }) rescreeningId: string | null;
  @Column('text', { name: 'subject_name' }) subjectName: string;
  @Column('text', { name: 'previous_decision' }) previousDecision: string;
  @Column('text', { name: 'new_decision' }) newDecision: string;
  @Column('jsonb', { name: 'added_matches' }) addedMatches: unknown[];
  @Column('jsonb', { name: 'removed_matches' }) removedMatches: unknown[];
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt: Date | null;
  @Column('uuid', { name: 'acknowledged_by_key_id', nullable: true }) acknowledgedByKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'match_adjudications' })
export class MatchAdjudicationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text', { name: 'party_key' }) partyKey: string;
  @Column('text', { name: 'party_name' }) partyName: string;
  @Column('text', { name: 'record_key' }) recordKey: string;
  @Column('text', { name: 'record_name' }) recordName: string;
  @Column('char', { name: 'record_content_hash', length: 64 }) recordContentHash: string;
  @Column('text') verdict: 'false_positive';
  @Column('text') reason: string;
  @Column('uuid', { name: 'screening_id', nullable: true }) screeningId: string | null;
  @Column('uuid', { name: 'decided_by_key_id', nullable: true }) decidedByKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Column('uuid', { name: 'revoked_by_key_id', nullable: true }) revokedByKeyId: string | null;
  @Column('text', { name: 'revoke_reason', nullable: true }) revokeReason: string | null;
}
