import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, QueueModule } from '@lantern/platform';
import { ImportsWorkerModule } from './imports/imports-worker.module.js';

@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule, ImportsWorkerModule],
})
export class WorkerModule {}
