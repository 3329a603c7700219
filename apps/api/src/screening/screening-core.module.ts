import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { appendScreeningAuditEvents, QueueModule } from '@lantern/platform';
import { enqueueRescreen, pgPoolOf, RESCREENING_QUEUE, ScreeningEngine, ScreeningRecorder, type PgPool, type RescreenTrigger } from '@lantern/screening';

/** The pg pool behind the application's DataSource (the screening hot path skips the ORM). */
export const SCREENING_PG_POOL = Symbol('SCREENING_PG_POOL');

/** Enqueues re-screening after a list snapshot or a block changed; a failure to enqueue never fails the change itself. */
@Injectable()
export class RescreeningProducer {
  private readonly logger = new Logger(RescreeningProducer.name);

  constructor(@InjectQueue(RESCREENING_QUEUE) private readonly queue: Queue) {}

  async enqueue(trigger: RescreenTrigger, version: string): Promise<void> {
    await enqueueRescreen(this.queue, trigger, version).catch((err: Error) => this.logger.warn(`could not enqueue re-screening for ${trigger.kind} ${trigger.id}: ${err.message}`));
  }
}

/**
 * What screening, blocks and exclusion lists share: one ScreeningEngine per
 * process (the in-memory indexes of list snapshots and organisation contexts),
 * the group-commit recorder of screenings, and the re-screening producer.
 */
@Global()
@Module({
  imports: [QueueModule, BullModule.registerQueue({ name: RESCREENING_QUEUE })],
  providers: [
    { provide: SCREENING_PG_POOL, inject: [getDataSourceToken()], useFactory: (ds: DataSource): PgPool => pgPoolOf(ds) },
    {
      provide: ScreeningEngine,
      inject: [SCREENING_PG_POOL],
      useFactory: (pool: PgPool) => {
        const logger = new Logger('ScreeningEngine');
        return new ScreeningEngine(pool, { log: (m) => logger.log(m) });
      },
    },
    { provide: ScreeningRecorder, inject: [SCREENING_PG_POOL], useFactory: (pool: PgPool) => new ScreeningRecorder(pool, { onBatch: appendScreeningAuditEvents }) },
    RescreeningProducer,
  ],
  exports: [SCREENING_PG_POOL, ScreeningEngine, ScreeningRecorder, RescreeningProducer],
})
export class ScreeningCoreModule {}
