import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'suppliers' })
export class SupplierEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  /** The organisation's own identifier for the supplier (import key). */
  @Column('text', { name: 'external_ref' }) externalRef: string;
  @Column('text') name: string;
  @Column('char', { length: 2 }) country: string;
  @Column('text', { nullable: true }) sector: string | null;
  /** Declared tier: 1 = direct supplier, 2 = supplier of a tier-1 supplier, ... */
  @Column('smallint') tier: number;
  /** Corporate parent (ownership), not a trading relation. */
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  @Column('char', { length: 20, nullable: true }) lei: string | null;
  @Column('text', { name: 'tax_id', nullable: true }) taxId: string | null;
  @Column('char', { length: 9, nullable: true }) duns: string | null;
  /** Open Supply Hub OS ID. */
  @Column('text', { name: 'os_id', nullable: true }) osId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A trading edge of the supply-chain graph: `supplierId` sells to `buyerId`. */
@Entity({ name: 'supply_links' })
export class SupplyLinkEntity {
  @PrimaryColumn('uuid', { name: 'supplier_id' }) supplierId: string;
  @PrimaryColumn('uuid', { name: 'buyer_id' }) buyerId: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
