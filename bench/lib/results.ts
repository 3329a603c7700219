import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One benchmark's entry in bench/results/latest.json. */
export interface BenchResult {
  value: number;
  unit: string;
  baseline: number;
  /** value / baseline: >1 means ours is faster for throughput units. */
  ratio: number;
  params: Record<string, unknown>;
}

/** Merge `results` into the JSON file (entries of other benchmarks are kept), atomically. */
export async function mergeResults(path: string, results: Record<string, BenchResult>): Promise<Record<string, BenchResult>> {
  let existing: Record<string, BenchResult> = {};
  try {
    existing = JSON.parse(await readFile(path, 'utf8')) as Record<string, BenchResult>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const merged = { ...existing, ...results };
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(merged, null, 2)}\n`);
  await rename(tmp, path);
  return merged;
}

export function printTable(results: Record<string, BenchResult>, out: NodeJS.WritableStream = process.stdout): void {
  const rows = Object.entries(results).map(([name, r]) => [name, fmt(r.value), r.unit, fmt(r.baseline), r.ratio.toFixed(3)]);
  const header = ['benchmark', 'value', 'unit', 'baseline', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  out.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

function fmt(n: number): string {
  return Number.isInteger(n) || Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(3);
}
