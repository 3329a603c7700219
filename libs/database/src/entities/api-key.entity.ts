import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@lantern/domain';

/**
 * An API key is `lnt_<prefix>_<secret>`. Only the prefix (lookup) and the
 * SHA-256 of the whole key are stored; keys are 256-bit random, so a fast hash
 * is sufficient (no password stretching needed).
 */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('text') name: string;
  @Column('text') role: Role;
  @Column('text') prefix: string;
  @Column('text', { name: 'key_hash' }) keyHash: string;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
