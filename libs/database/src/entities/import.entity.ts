import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportFormat, ImportKind, ImportStatus } from '@lantern/domain';

@Entity({ name: 'imports' })
export class ImportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text') kind: ImportKind;
  @Column('text') format: ImportFormat;
  @Column('text') filename: string;
  @Column('char', { name: 'content_sha256', length: 64 }) contentSha256: string;
  @Column('bigint', { name: 'size_bytes', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) sizeBytes: number;
  @Column('text') status: ImportStatus;
  @Column('integer', { name: 'total_rows', nullable: true }) totalRows: number | null;
  @Column('integer', { name: 'processed_rows' }) processedRows: number;
  @Column('integer', { name: 'accepted_rows' }) acceptedRows: number;
  @Column('integer', { name: 'rejected_rows' }) rejectedRows: number;
  @Column('text', { nullable: true }) error: string | null;
  @Column('uuid', { name: 'created_by_key_id', nullable: true }) createdByKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
}

/** The original upload, kept whole, in ordered, encrypted chunks. */
@Entity({ name: 'import_chunks' })
export class ImportChunkEntity {
  @PrimaryColumn('uuid', { name: 'import_id' }) importId: string;
  @PrimaryColumn('integer') seq: number;
  /** AES-256-GCM ciphertext of the chunk (iv | tag | body) under key `keyId`; clear bytes when keyId is null (legacy). */
  @Column('bytea') bytes: Buffer;
  @Column('text', { name: 'key_id', nullable: true }) keyId: string | null;
}

@Entity({ name: 'import_rejections' })
export class ImportRejectionEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid', { name: 'import_id' }) importId: string;
  /** 1-based line number in the uploaded file (the CSV header is line 1). */
  @Column('integer') line: number;
  @Column('text', { nullable: true }) field: string | null;
  @Column('text') reason: string;
}

@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  @PrimaryColumn('text') key: string;
  @Column('char', { name: 'request_hash', length: 64 }) requestHash: string;
  @Column('smallint', { name: 'status_code' }) statusCode: number;
  @Column('jsonb') response: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
