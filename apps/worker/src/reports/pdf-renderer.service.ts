import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PdfRendererPool } from '@lantern/reports';
import { AppConfig } from '@lantern/platform';

/** The process's warm Chromium (one browser per worker process, bounded pages), launched at start-up and closed on shutdown. */
@Injectable()
export class PdfRendererService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PdfRendererService.name);
  readonly pool: PdfRendererPool;

  constructor(config: AppConfig) {
    this.pool = new PdfRendererPool({ executablePath: config.CHROMIUM_PATH, maxPages: config.LANTERN_WORKER_CONCURRENCY, recycleAfter: 200, renderTimeoutMs: 120_000 });
  }

  onApplicationBootstrap(): void {
    // Warm in the background: a missing chromium must not stop the other queues' processors.
    const started = Date.now();
    this.pool.warm().then(
      () => this.logger.log(`chromium ready in ${Date.now() - started} ms (${this.pool.maxPages} concurrent page(s))`),
      (err: unknown) => this.logger.error(`chromium could not start: ${String(err)}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }
}
