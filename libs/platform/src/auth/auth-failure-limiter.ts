import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DomainError } from '@lantern/domain';
import { REDIS_CLIENT } from '../redis/redis.module.js';

/** Failed authentications allowed per client IP and window before answering 429. */
export const AUTH_FAILURE_LIMIT = 60;
export const AUTH_FAILURE_WINDOW_SECONDS = 60;
const KEY_PREFIX = 'lantern:auth-failures';

/**
 * Fixed-window limiter of authentication failures per client IP, kept in Redis
 * so that every API instance shares the count. When Redis is unreachable it
 * fails open (authentication itself still works against PostgreSQL).
 */
@Injectable()
export class AuthFailureLimiter {
  private readonly logger = new Logger(AuthFailureLimiter.name);

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /** Throws `rate_limited` when the IP has used up its failures for the current window. */
  async assertAllowed(ip: string): Promise<void> {
    const failures = await this.redis.get(this.windowKey(ip)).catch((err: Error) => this.failOpen(err));
    if (failures !== null && Number(failures) >= AUTH_FAILURE_LIMIT) {
      throw new DomainError('rate_limited', `Too many failed authentications from this address; retry in up to ${AUTH_FAILURE_WINDOW_SECONDS} s`);
    }
  }

  async recordFailure(ip: string): Promise<void> {
    const key = this.windowKey(ip);
    await this.redis
      .multi()
      .incr(key)
      .expire(key, AUTH_FAILURE_WINDOW_SECONDS)
      .exec()
      .catch((err: Error) => this.failOpen(err));
  }

  /** Forget an IP's failures (unblocks it at once). */
  async reset(ip: string): Promise<void> {
    await this.redis.del(this.windowKey(ip)).catch((err: Error) => this.failOpen(err));
  }

  private windowKey(ip: string): string {
    const window = Math.floor(Date.now() / 1000 / AUTH_FAILURE_WINDOW_SECONDS);
    return `${KEY_PREFIX}:${ip}:${window}`;
  }

  private failOpen(err: Error): null {
    this.logger.warn(`auth failure limiter skipped: ${err.message}`);
    return null;
  }
}
