import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  /** Generous deadline: polling stops with an error naming `what` and the last value seen. */
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Poll `probe` until it returns something other than undefined/false, and
 * return that. A deadline, never a timing assertion: it only bounds how long
 * a broken build keeps the test waiting.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, options: PollOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const intervalMs = options.intervalMs ?? 200;
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (err) {
      last = err instanceof Error ? `${err.name}: ${err.message}` : err;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`gave up waiting for ${what} after ${Math.round(timeoutMs / 1000)} s (last: ${typeof last === 'string' ? last : JSON.stringify(last)})`);
    }
    await sleep(intervalMs);
  }
}
