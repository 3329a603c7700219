import { Module } from '@nestjs/common';
import { ImportProcessor } from './import.processor.js';

/** The import queue's processor (QUEUES.import). Needs ConfigModule, DatabaseModule and QueueModule in the application. */
@Module({
  providers: [ImportProcessor],
})
export class ImportsWorkerModule {}
