import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '@lantern/domain';
import { AppConfig } from '../config/app-config.js';
import { producerConnectionOptions, redisConnectionOptions } from './redis-connection.js';
import { configureWorkerOptions, hostsWorkers } from './worker-options.js';

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // Workers (created later, at module init) get their own blocking connection and lock settings.
        configureWorkerOptions(config);
        return {
          // The API's queues answer HTTP requests: fail fast while Redis is down (see producerConnectionOptions).
          // In the worker, a job that queues follow-up work (an import asking for a re-score) waits out an
          // outage like the worker itself, instead of dropping the request.
          connection: hostsWorkers() ? redisConnectionOptions(config.REDIS_URL) : producerConnectionOptions(config.REDIS_URL),
          prefix: config.LANTERN_QUEUE_PREFIX,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        };
      },
    }),
    BullModule.registerQueue({ name: QUEUES.import }, { name: QUEUES.scoring }, { name: QUEUES.reports }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
