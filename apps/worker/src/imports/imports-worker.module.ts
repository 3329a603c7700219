import { Module } from '@nestjs/common';
import { ScoringProducerModule } from '@lantern/platform';
import { ImportProcessor } from './import.processor.js';

/** The import queue's processor (QUEUES.import). Needs ConfigModule, DatabaseModule and QueueModule in the application. */
@Module({
  imports: [ScoringProducerModule],
  providers: [ImportProcessor],
})
export class ImportsWorkerModule {}
