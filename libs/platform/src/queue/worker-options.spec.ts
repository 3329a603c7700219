import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../config/app-config.js';
import { configureWorkerOptions, hostsWorkers, workerName, workerOptions } from './worker-options.js';

describe('workerOptions', () => {
  it('fills every processor’s options from the configuration; what a processor sets itself wins', () => {
    const plain = workerOptions();
    const own = workerOptions({ concurrency: 1, lockDuration: 99_000 });
    configureWorkerOptions(
      loadConfig({
        DATABASE_URL: 'postgres://x@127.0.0.1/x',
        REDIS_URL: 'redis://127.0.0.1:6390/2',
        LANTERN_SECRET_KEY: '0123456789abcdef0123',
        LANTERN_JOB_LOCK_MS: '4000',
        LANTERN_STALLED_CHECK_MS: '1000',
      }),
    );
    expect(plain).toMatchObject({ lockDuration: 4000, stalledInterval: 1000, name: workerName(), connection: { port: 6390, db: 2, maxRetriesPerRequest: null } });
    expect(own).toMatchObject({ concurrency: 1, lockDuration: 99_000, stalledInterval: 1000 });
    expect(hostsWorkers()).toBe(true);
    // Made after the configuration: filled at once.
    expect(workerOptions()).toMatchObject({ lockDuration: 4000, stalledInterval: 1000 });
  });

  it('defaults to BullMQ’s own 30 s lock and stalled-job check', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/x', REDIS_URL: 'redis://127.0.0.1:6379', LANTERN_SECRET_KEY: '0123456789abcdef0123' });
    expect(config.LANTERN_JOB_LOCK_MS).toBe(30_000);
    expect(config.LANTERN_STALLED_CHECK_MS).toBe(30_000);
  });
});
