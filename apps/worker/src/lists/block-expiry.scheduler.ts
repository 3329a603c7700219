import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { JOBS } from '@lantern/domain';
import { RESCREENING_QUEUE } from '@lantern/screening';

/** How often blocks are checked for the end of their period. */
export const BLOCK_EXPIRY_EVERY_MS = 60 * 60 * 1000;
const SCHEDULER_ID = 'expire-blocks-hourly';

/**
 * Registers the hourly block-expiry job (BullMQ job scheduler). Every worker
 * upserts the same scheduler id, so N workers still produce one job an hour.
 */
@Injectable()
export class BlockExpiryScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(BlockExpiryScheduler.name);

  constructor(@InjectQueue(RESCREENING_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue
      .upsertJobScheduler(
        SCHEDULER_ID,
        { every: BLOCK_EXPIRY_EVERY_MS },
        { name: JOBS.expireBlocks, data: { schemaVersion: 1 }, opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 200 }, removeOnFail: { count: 200 } } },
      )
      // The worker still starts: the next worker start (or the API's expiry before block reads) covers the gap.
      .catch((err: Error) => this.logger.warn(`could not schedule block expiry: ${err.message}`));
  }
}
