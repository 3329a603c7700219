import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LicenceStatus } from '@lantern/domain';

@Entity({ name: 'recruiters' })
export class RecruiterEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text', { name: 'external_ref' }) externalRef: string;
  @Column('text') name: string;
  /** Country of registration / head office. */
  @Column('char', { length: 2 }) country: string;
  @Column('text', { name: 'licence_number', nullable: true }) licenceNumber: string | null;
  @Column('text', { name: 'licence_status' }) licenceStatus: LicenceStatus;
  @Column('text', { name: 'licence_authority', nullable: true }) licenceAuthority: string | null;
  @Column('char', { name: 'countries_of_operation', length: 2, array: true }) countriesOfOperation: string[];
  /** e.g. `iom_iris` (IOM International Recruitment Integrity System). */
  @Column('text', { array: true }) certifications: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Which recruiter supplies workers to which site, on which migration corridor. */
@Entity({ name: 'recruitment_engagements' })
export class RecruitmentEngagementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text', { name: 'external_ref' }) externalRef: string;
  @Column('uuid', { name: 'recruiter_id' }) recruiterId: string;
  @Column('uuid', { name: 'site_id' }) siteId: string;
  @Column('char', { name: 'origin_country', length: 2 }) originCountry: string;
  @Column('char', { name: 'destination_country', length: 2 }) destinationCountry: string;
  @Column('date', { name: 'starts_on', nullable: true }) startsOn: string | null;
  @Column('date', { name: 'ends_on', nullable: true }) endsOn: string | null;
  @Column('integer', { name: 'workers_placed', nullable: true }) workersPlaced: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
