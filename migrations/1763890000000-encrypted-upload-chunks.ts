import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads are kept whole, but an interviews file carries worker references and
 * testimony: every stored chunk is now AES-256-GCM ciphertext under the
 * LANTERN_SECRET_KEY keyring, and `key_id` names the key. NULL marks a chunk
 * stored in clear before this migration (read as is).
 */
export class EncryptedUploadChunks1763890000000 implements MigrationInterface {
  name = 'EncryptedUploadChunks1763890000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_chunks ADD COLUMN key_id text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_chunks DROP COLUMN key_id`);
  }
}
