import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { QUEUES } from '@lantern/domain';
import { MetricsService } from '@lantern/platform';

/** Job states reported per queue. */
const REPORTED_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** Exposes `lantern_queue_jobs{queue,state}`, read from Redis at scrape time. */
@Injectable()
export class QueueDepthCollector implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    @InjectQueue(QUEUES.import) private readonly importQueue: Queue,
    @InjectQueue(QUEUES.scoring) private readonly scoringQueue: Queue,
    @InjectQueue(QUEUES.reports) private readonly reportsQueue: Queue,
  ) {}

  onModuleInit(): void {
    const queues = [this.importQueue, this.scoringQueue, this.reportsQueue];
    new Gauge({
      name: 'lantern_queue_jobs',
      help: 'BullMQ jobs per queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.metrics.registry],
      async collect() {
        const counts = await Promise.all(queues.map((queue) => queue.getJobCounts(...REPORTED_STATES)));
        this.reset();
        queues.forEach((queue, i) => {
          for (const state of REPORTED_STATES) this.set({ queue: queue.name, state }, counts[i][state] ?? 0);
        });
      },
    });
  }
}
