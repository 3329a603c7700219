import type { RedisOptions } from 'bullmq';

/** ioredis options for BullMQ from a redis:// URL. maxRetriesPerRequest must be null for workers. */
export function redisConnectionOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}

/** A queue command of a producer that gets no answer within this time fails (Redis hung or unreachable). */
export const PRODUCER_COMMAND_TIMEOUT_MS = 5000;

/**
 * ioredis options for BullMQ Queues that only add and read jobs on behalf of
 * HTTP requests (the API's queues): commands fail fast while Redis is down
 * instead of waiting in ioredis' offline queue, so an HTTP request that
 * enqueues answers 503 rather than hanging; the client keeps reconnecting in
 * the background and the next request succeeds once Redis is back.
 * (BullMQ's production guide recommends `enableOfflineQueue: false` for
 * Queue instances; Workers keep the blocking defaults above.)
 */
export function producerConnectionOptions(url: string): RedisOptions {
  return {
    ...redisConnectionOptions(url),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: PRODUCER_COMMAND_TIMEOUT_MS,
  };
}
