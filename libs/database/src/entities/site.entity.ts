import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from './transformers.js';

@Entity({ name: 'sites' })
export class SiteEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'supplier_id' }) supplierId: string;
  @Column('text', { name: 'external_ref' }) externalRef: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) address: string | null;
  @Column('char', { length: 2 }) country: string;
  @Column('text', { nullable: true }) sector: string | null;
  @Column('integer', { nullable: true }) headcount: number | null;
  /** Share of the workforce who are migrant workers, 0..1. */
  @Column('numeric', { name: 'migrant_worker_share', precision: 5, scale: 4, nullable: true, transformer: numericTransformer })
  migrantWorkerShare: number | null;
  @Column('text', { name: 'os_id', nullable: true }) osId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
