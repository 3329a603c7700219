import { hostname } from 'node:os';
import type { WorkerOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';
import { redisConnectionOptions } from './redis-connection.js';

/**
 * BullMQ worker settings that come from the configuration: the job lock and
 * stalled-job check (how fast a job of a dead worker is handed to another
 * one), the workers' own Redis connection, and the worker's name, which
 * BullMQ records on every job it processes (`job.processedBy`: which process
 * ran what).
 *
 * `@Processor()` options are static decorator metadata, but @nestjs/bullmq
 * reads them only when it creates the workers (module init), after every
 * provider exists. So each processor passes an object made by
 * `workerOptions()`, and QueueModule's factory (which has the AppConfig) fills
 * them in with `configureWorkerOptions()` before any worker is created.
 */

/** What `@Processor(queue, options)` accepts (@nestjs/bullmq does not export its name for it). */
export type ProcessorWorkerOptions = Partial<WorkerOptions>;

const registered: { options: ProcessorWorkerOptions; own: ProcessorWorkerOptions }[] = [];
let configured: ProcessorWorkerOptions | undefined;

/** Options for `@Processor(queue, workerOptions({...}))`; the configured settings are added at start-up (the processor's own win). */
export function workerOptions(own: ProcessorWorkerOptions = {}): ProcessorWorkerOptions {
  const options: ProcessorWorkerOptions = { ...configured, ...own };
  registered.push({ options, own: { ...own } });
  return options;
}

/** True in a process that hosts BullMQ processors (the worker): decorators register their options when the processor classes load. */
export function hostsWorkers(): boolean {
  return registered.length > 0;
}

/** The name BullMQ records on the jobs this process runs: `<host>:<pid>`. */
export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

/** Called by QueueModule with the validated configuration, before the workers are created. */
export function configureWorkerOptions(config: AppConfig): void {
  configured = {
    name: workerName(),
    // Workers block on Redis and must wait out an outage: retry forever, queue commands while reconnecting.
    connection: redisConnectionOptions(config.REDIS_URL),
    lockDuration: config.LANTERN_JOB_LOCK_MS,
    stalledInterval: config.LANTERN_STALLED_CHECK_MS,
  };
  for (const { options, own } of registered) Object.assign(options, configured, own);
}
