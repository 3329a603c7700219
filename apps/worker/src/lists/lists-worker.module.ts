import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { RESCREENING_QUEUE } from '@lantern/screening';
import { BlockExpiryScheduler } from './block-expiry.scheduler.js';
import { RescreeningProcessor } from './rescreening.processor.js';

/** Re-screening after list snapshots and blocks change, and the hourly block expiry (RESCREENING_QUEUE). Needs ConfigModule, DatabaseModule and QueueModule. */
@Module({
  imports: [BullModule.registerQueue({ name: RESCREENING_QUEUE })],
  providers: [RescreeningProcessor, BlockExpiryScheduler],
})
export class ListsWorkerModule {}
