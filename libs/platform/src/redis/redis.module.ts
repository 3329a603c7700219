import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { redisConnectionOptions } from '../queue/redis-connection.js';

/** Injection token of the shared ioredis client used for health checks and rate limiting (not BullMQ). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * A general-purpose Redis client. Commands fail fast while Redis is down
 * (no offline queue, one retry) so that callers can degrade instead of hang.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<Redis> => {
        const client = new Redis({
          ...redisConnectionOptions(config.REDIS_URL),
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          lazyConnect: true,
        });
        const logger = new Logger('Redis');
        client.on('error', (err: Error) => logger.warn(`redis: ${err.message}`));
        // Start even when Redis is down: readiness reports it, and the client keeps reconnecting.
        await client.connect().catch((err: Error) => logger.warn(`redis unavailable at start-up: ${err.message}`));
        return client;
      },
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
