import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type ReportStatus = 'queued' | 'running' | 'completed' | 'failed';

/** A requested report and, once rendered, its PDF (bytes in Postgres) with hashes and versions. */
@Entity({ name: 'reports' })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text') type: string;
  @Column('date', { name: 'period_start' }) periodStart: string;
  @Column('date', { name: 'period_end' }) periodEnd: string;
  @Column('text') paper: 'A4' | 'Letter';
  @Column('uuid', { name: 'supplier_id', nullable: true }) supplierId: string | null;
  @Column('jsonb') options: Record<string, unknown>;
  @Column('text') status: ReportStatus;
  @Column('smallint') progress: number;
  @Column('text', { nullable: true }) error: string | null;
  @Column('text', { nullable: true }) title: string | null;
  /** Not selected by default: load it explicitly for the download. */
  @Column('bytea', { nullable: true, select: false }) pdf: Buffer | null;
  @Column('char', { name: 'pdf_sha256', length: 64, nullable: true }) pdfSha256: string | null;
  @Column('integer', { name: 'size_bytes', nullable: true }) sizeBytes: number | null;
  @Column('integer', { name: 'page_count', nullable: true }) pageCount: number | null;
  @Column('text', { name: 'generator_version', nullable: true }) generatorVersion: string | null;
  @Column('text', { name: 'methodology_version', nullable: true }) methodologyVersion: string | null;
  @Column('timestamptz', { name: 'data_as_of', nullable: true }) dataAsOf: Date | null;
  @Column('char', { name: 'model_sha256', length: 64, nullable: true }) modelSha256: string | null;
  @Column('uuid', { name: 'created_by_key_id', nullable: true }) createdByKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
}

/** One report shared with another organisation (e.g. a regulator), who may read that report and nothing behind it. */
@Entity({ name: 'report_shares' })
export class ReportShareEntity {
  @PrimaryColumn('uuid', { name: 'report_id' }) reportId: string;
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'shared_by_key_id', nullable: true }) sharedByKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
