import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { OrganizationKind, Role } from '@lantern/domain';
import { AppConfig } from '../config/app-config.js';
import { REDIS_CLIENT } from '../redis/redis.module.js';
import { hashApiKey, parseApiKey } from './api-keys.js';
import type { Principal } from './principal.js';

/** `last_used_at` is refreshed at most this often per key, to keep authentication read-only. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Keys remembered per process; the cache is emptied when it grows beyond (a burst of distinct keys, never a leak). */
export const PRINCIPAL_CACHE_MAX_ENTRIES = 10_000;
/** Redis channel on which revocations are announced to every API instance. */
export const API_KEY_REVOKED_CHANNEL = 'lantern:api-key-revoked';

const BEARER = /^Bearer ([^\s]+)$/i;

interface ApiKeyRow {
  id: string;
  organization_id: string;
  role: Role;
  key_hash: string;
  last_used_at: Date | null;
  organization_kind: OrganizationKind;
}

interface CachedPrincipal {
  principal: Principal;
  expiresAt: number;
  lastUsedAt: number | null;
}

/**
 * Resolves `Authorization: Bearer lnt_…` to a Principal, or null when the key
 * is missing, malformed, unknown or revoked. A key that authenticated is
 * remembered for LANTERN_AUTH_CACHE_MS (by its SHA-256, never in clear), so a
 * busy client costs one PostgreSQL read per key and interval instead of one
 * per request. Revocations evict at once, on every instance (see `forget`);
 * the interval bounds the delay only if Redis loses that announcement.
 */
@Injectable()
export class ApiKeyAuthenticator implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ApiKeyAuthenticator.name);
  private readonly cache = new Map<string, CachedPrincipal>();
  private subscriber: Redis | null = null;
  private readonly ttlMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.ttlMs = config.LANTERN_AUTH_CACHE_MS;
  }

  onModuleInit(): void {
    // A dedicated connection: a subscribed ioredis client cannot run other commands. The
    // subscription waits in the offline queue while Redis is down and is renewed after every
    // reconnect; meanwhile LANTERN_AUTH_CACHE_MS bounds how long a revoked key still works.
    const subscriber = this.redis.duplicate({ lazyConnect: false, enableOfflineQueue: true, maxRetriesPerRequest: null });
    subscriber.on('error', (err: Error) => this.logger.warn(`revocation channel: ${err.message}`));
    subscriber.on('message', (_channel: string, apiKeyId: string) => this.evict(apiKeyId));
    subscriber.subscribe(API_KEY_REVOKED_CHANNEL).catch((err: Error) => this.logger.warn(`revocation channel not subscribed: ${err.message}`));
    this.subscriber = subscriber;
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  async authenticate(authorization: string | undefined): Promise<Principal | null> {
    const key = BEARER.exec(authorization ?? '')?.[1];
    const parsed = key === undefined ? null : parseApiKey(key);
    if (key === undefined || parsed === null) return null;
    const hash = hashApiKey(key);

    const cached = this.cache.get(hash);
    const now = Date.now();
    if (cached !== undefined && cached.expiresAt > now) {
      this.touch(cached, now);
      return cached.principal;
    }

    const rows: ApiKeyRow[] = await this.dataSource.query(
      `SELECT k.id, k.organization_id, k.role, k.key_hash, k.last_used_at, o.kind AS organization_kind
         FROM api_keys k JOIN organizations o ON o.id = k.organization_id
        WHERE k.prefix = $1 AND k.revoked_at IS NULL`,
      [parsed.prefix],
    );
    const row = rows[0];
    const given = Buffer.from(hash, 'hex');
    const stored = row === undefined ? null : Buffer.from(row.key_hash, 'hex');
    if (row === undefined || stored === null || stored.length !== given.length || !timingSafeEqual(given, stored)) {
      this.cache.delete(hash);
      return null;
    }

    const entry: CachedPrincipal = {
      principal: { organizationId: row.organization_id, organizationKind: row.organization_kind, role: row.role, apiKeyId: row.id },
      expiresAt: now + this.ttlMs,
      lastUsedAt: row.last_used_at?.getTime() ?? null,
    };
    if (this.ttlMs > 0) {
      if (this.cache.size >= PRINCIPAL_CACHE_MAX_ENTRIES) this.cache.clear();
      this.cache.set(hash, entry);
    }
    this.touch(entry, now);
    return entry.principal;
  }

  /**
   * A key was revoked: drop it here at once and tell the other instances.
   * Call after the revocation committed.
   */
  async forget(apiKeyId: string): Promise<void> {
    this.evict(apiKeyId);
    await this.redis.publish(API_KEY_REVOKED_CHANNEL, apiKeyId).catch((err: Error) => {
      this.logger.warn(`could not announce the revocation of api key ${apiKeyId} (other instances drop it within ${this.ttlMs} ms): ${err.message}`);
    });
  }

  private evict(apiKeyId: string): void {
    for (const [hash, entry] of this.cache) if (entry.principal.apiKeyId === apiKeyId) this.cache.delete(hash);
  }

  /** Fire-and-forget: a failed bookkeeping write must not fail the request. */
  private touch(entry: CachedPrincipal, now: number): void {
    if (entry.lastUsedAt !== null && now - entry.lastUsedAt < LAST_USED_RESOLUTION_MS) return;
    entry.lastUsedAt = now;
    const id = entry.principal.apiKeyId;
    this.dataSource
      .query(
        `UPDATE api_keys SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`,
        [id, LAST_USED_RESOLUTION_MS / 1000],
      )
      .catch((err: Error) => this.logger.warn(`could not record use of api key ${id}: ${err.message}`));
  }
}
