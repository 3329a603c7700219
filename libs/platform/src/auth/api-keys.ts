import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ApiKeyEntity } from '@lantern/database';
import type { Role } from '@lantern/domain';

/**
 * API keys look like `lnt_<prefix>_<secret>`: the 12-char prefix is stored in
 * clear for lookup, the whole key only as SHA-256 (keys carry 256 bits of
 * randomness, so no password stretching is needed).
 */
export const API_KEY_PATTERN = /^lnt_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  const key = `lnt_${prefix}_${secret}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function parseApiKey(key: string): { prefix: string } | null {
  const m = API_KEY_PATTERN.exec(key);
  return m ? { prefix: m[1] } : null;
}

/** Create a key; the clear key is returned once and never stored. */
export async function issueApiKey(
  em: EntityManager,
  input: { organizationId: string; role: Role; name: string; userId?: string | null },
): Promise<{ id: string; key: string; prefix: string }> {
  const { key, prefix, hash } = generateApiKey();
  const row = em.create(ApiKeyEntity, {
    organizationId: input.organizationId,
    role: input.role,
    name: input.name,
    userId: input.userId ?? null,
    prefix,
    keyHash: hash,
  });
  const saved = await em.save(row);
  return { id: saved.id, key, prefix };
}
