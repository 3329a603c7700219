import { Module } from '@nestjs/common';
import { DatabaseModule, QueueModule } from '@lantern/platform';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [DatabaseModule, QueueModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
