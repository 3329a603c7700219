import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '@lantern/domain';
import { AppConfig } from '../config/app-config.js';
import { redisConnectionOptions } from './redis-connection.js';

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.REDIS_URL),
        prefix: config.LANTERN_QUEUE_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue({ name: QUEUES.import }, { name: QUEUES.scoring }, { name: QUEUES.reports }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
