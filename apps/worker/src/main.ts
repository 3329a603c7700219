import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module.js';

/**
 * The worker runs the BullMQ processors. It is stateless: run more of them to
 * scale out. SIGTERM drains in-flight jobs (enableShutdownHooks).
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: false });
  app.enableShutdownHooks();
  console.log('[worker] processing queues');
}

main().catch((err: unknown) => {
  console.error('[worker] failed to start:', err);
  process.exit(1);
});
