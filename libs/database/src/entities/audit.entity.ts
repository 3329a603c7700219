import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AuditType, FindingSeverity, FindingStatus } from '@lantern/domain';

@Entity({ name: 'audits' })
export class AuditEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text', { name: 'external_ref' }) externalRef: string;
  @Column('uuid', { name: 'site_id' }) siteId: string;
  @Column('text') type: AuditType;
  @Column('timestamptz', { name: 'conducted_at' }) conductedAt: Date;
  @Column('text', { name: 'audit_firm', nullable: true }) auditFirm: string | null;
  @Column('uuid', { name: 'audit_firm_organization_id', nullable: true }) auditFirmOrganizationId: string | null;
  @Column('text', { nullable: true }) standard: string | null;
  @Column('text', { nullable: true }) summary: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export interface FindingEvidence {
  kind: 'document' | 'photo' | 'interview' | 'observation' | 'other';
  reference: string;
  note?: string;
}

@Entity({ name: 'findings' })
export class FindingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text', { name: 'external_ref' }) externalRef: string;
  @Column('uuid', { name: 'audit_id' }) auditId: string;
  /** ILO-FL-01..11 or a platform code (LAN-FEE, LAN-VISA, LAN-DOC). */
  @Column('text', { name: 'indicator_code' }) indicatorCode: string;
  @Column('text') severity: FindingSeverity;
  @Column('text') status: FindingStatus;
  @Column('text') description: string;
  @Column('jsonb') evidence: FindingEvidence[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
