import { Module } from '@nestjs/common';
import { QueueModule } from '@lantern/platform';
import { MetricsController } from './metrics.controller.js';
import { QueueDepthCollector } from './queue-depth.collector.js';

/** GET /metrics; the registry itself comes from the global MetricsModule. */
@Module({
  imports: [QueueModule],
  controllers: [MetricsController],
  providers: [QueueDepthCollector],
})
export class MetricsEndpointModule {}
