import { Module } from '@nestjs/common';
import { ScoringProcessor } from './scoring.processor.js';

/** The scoring queue's processor (QUEUES.scoring). Needs ConfigModule, DatabaseModule and QueueModule in the application. */
@Module({
  providers: [ScoringProcessor],
})
export class ScoringWorkerModule {}
