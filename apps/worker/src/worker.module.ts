import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, QueueModule } from '@lantern/platform';
import { ImportsWorkerModule } from './imports/imports-worker.module.js';
import { ListsWorkerModule } from './lists/lists-worker.module.js';
import { ReportsWorkerModule } from './reports/reports-worker.module.js';
import { ScoringWorkerModule } from './scoring/scoring-worker.module.js';

@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule, ImportsWorkerModule, ScoringWorkerModule, ReportsWorkerModule, ListsWorkerModule],
})
export class WorkerModule {}
