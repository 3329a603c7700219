import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DomainError } from '@lantern/domain';
import { REDIS_CLIENT } from '../redis/redis.module.js';

/** Failed authentications allowed per client IP and window before answering 429. */
export const AUTH_FAILURE_LIMIT = 60;
export const AUTH_FAILURE_WINDOW_SECONDS = 60;
/**
 * How long this instance trusts the count it last read for an IP. Failures on
 * this instance update it at once; other instances' failures are seen within
 * this delay, so the limit can be overrun by what other instances record in
 * one such interval.
 */
export const AUTH_FAILURE_COUNT_CACHE_MS = 1_000;
const MAX_CACHED_ADDRESSES = 10_000;
const KEY_PREFIX = 'lantern:auth-failures';

interface CachedCount {
  window: number;
  failures: number;
  readAt: number;
}

/**
 * Fixed-window limiter of authentication failures per client IP, kept in Redis
 * so that every API instance shares the count. When Redis is unreachable each
 * instance still counts the failures it sees itself (authentication works
 * against PostgreSQL); the shared count resumes when Redis is back.
 */
@Injectable()
export class AuthFailureLimiter {
  private readonly logger = new Logger(AuthFailureLimiter.name);
  /** Last known failure count per IP (see AUTH_FAILURE_COUNT_CACHE_MS): a busy honest client costs no Redis read per request. */
  private readonly counts = new Map<string, CachedCount>();

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /** Throws `rate_limited` when the IP has used up its failures for the current window. */
  async assertAllowed(ip: string): Promise<void> {
    const now = Date.now();
    const window = windowOf(now);
    let known = this.counts.get(ip);
    if (known === undefined || known.window !== window || now - known.readAt > AUTH_FAILURE_COUNT_CACHE_MS) {
      const failures = await this.redis.get(this.windowKey(ip, window)).catch((err: Error) => this.failOpen(err));
      known = { window, failures: Number(failures ?? 0), readAt: now };
      this.remember(ip, known);
    }
    if (known.failures >= AUTH_FAILURE_LIMIT) {
      throw new DomainError('rate_limited', `Too many failed authentications from this address; retry in up to ${AUTH_FAILURE_WINDOW_SECONDS} s`);
    }
  }

  async recordFailure(ip: string): Promise<void> {
    const now = Date.now();
    const window = windowOf(now);
    const key = this.windowKey(ip, window);
    const known = this.counts.get(ip);
    // Counted here at once, whatever Redis says: this instance blocks the address even while Redis is down.
    const local = known !== undefined && known.window === window ? known.failures + 1 : 1;
    const replies = await this.redis
      .multi()
      .incr(key)
      .expire(key, AUTH_FAILURE_WINDOW_SECONDS)
      .exec()
      .catch((err: Error) => this.failOpen(err));
    const shared = Number(replies?.[0]?.[1] ?? 0);
    this.remember(ip, { window, failures: Math.max(local, shared), readAt: now });
  }

  /** Forget an IP's failures (unblocks it at once). */
  async reset(ip: string): Promise<void> {
    this.counts.delete(ip);
    await this.redis.del(this.windowKey(ip, windowOf(Date.now()))).catch((err: Error) => this.failOpen(err));
  }

  private remember(ip: string, count: CachedCount): void {
    if (this.counts.size >= MAX_CACHED_ADDRESSES && !this.counts.has(ip)) this.counts.clear();
    this.counts.set(ip, count);
  }

  private windowKey(ip: string, window: number): string {
    return `${KEY_PREFIX}:${ip}:${window}`;
  }

  private failOpen(err: Error): null {
    this.logger.warn(`auth failure limiter skipped: ${err.message}`);
    return null;
  }
}

function windowOf(epochMs: number): number {
  return Math.floor(epochMs / 1000 / AUTH_FAILURE_WINDOW_SECONDS);
}
