import type { AppConfig } from '@lantern/platform';
import type { BenchResult } from './results.js';

/** What every benchmark gets from the harness. */
export interface BenchContext {
  config: AppConfig;
  /** The shared benchmark database (`<DATABASE_URL's name>_bench`), migrated. */
  databaseUrl: string;
  /**
   * A database of the benchmark's own (`<bench database>_<suffix>`), created
   * and migrated on first use: for benchmarks that truncate tables.
   */
  ownDatabase(suffix: string): Promise<string>;
  log(line: string): void;
}

/**
 * A benchmark: measures our path and a baseline in the same run. Export them
 * as `benchmarks` from a `bench/<area>/<name>.bench.ts` file and bench/run.ts
 * finds them.
 */
export interface Benchmark {
  /** Key in bench/results/latest.json, e.g. `ingest.interviews`. */
  name: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}
