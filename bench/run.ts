/**
 * `npm run bench`: runs every benchmark (each measures our path and a baseline
 * in the same run), merges the results into bench/results/latest.json and
 * prints a table. `npm run bench -- ingest.interviews` runs only the named
 * ones; BENCH_ROWS scales the ingest benchmark down for a quick run.
 *
 * Benchmarks are found, not listed: every `bench/<area>/<name>.bench.ts` that
 * exports `benchmarks: Benchmark[]` (bench/lib/benchmark.ts) is run, in path
 * order. docs/benchmarks.md explains each one.
 */
import 'reflect-metadata';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig } from '@lantern/platform';
import type { Benchmark, BenchContext } from './lib/benchmark.js';
import { benchDatabaseUrl, derivedDatabaseUrl } from './lib/db.js';
import { mergeResults, printTable, type BenchResult } from './lib/results.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RESULTS = fileURLToPath(new URL('../../bench/results/latest.json', import.meta.url));

async function findBenchmarks(dir: string): Promise<Benchmark[]> {
  const found: Benchmark[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'lib' && entry.name !== 'results') found.push(...(await findBenchmarks(path)));
    else if (entry.isFile() && entry.name.endsWith('.bench.js')) {
      const mod = (await import(pathToFileURL(path).href)) as { benchmarks?: Benchmark[] };
      found.push(...(mod.benchmarks ?? []));
    }
  }
  return found;
}

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);
  const benchmarks = await findBenchmarks(HERE);
  const selected = argv.length === 0 ? benchmarks : benchmarks.filter((b) => argv.includes(b.name));
  if (selected.length === 0) {
    process.stderr.write(`no benchmark named ${argv.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}\n`);
    return 2;
  }
  const databaseUrl = await benchDatabaseUrl(config.DATABASE_URL, process.env.BENCH_DATABASE_URL);
  const ctx: BenchContext = { config, databaseUrl, log, ownDatabase: (suffix) => derivedDatabaseUrl(databaseUrl, suffix) };
  const results: Record<string, BenchResult> = {};
  for (const b of selected) {
    log(b.name);
    results[b.name] = await b.run(ctx);
  }
  const merged = await mergeResults(RESULTS, results);
  printTable(merged);
  process.stderr.write(`[bench] results written to ${RESULTS}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('[bench] failed:', err);
    process.exit(1);
  },
);
