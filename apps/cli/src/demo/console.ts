/**
 * Terminal output for the demo: stage headers, one rewritable progress line
 * per import on a TTY (plain periodic lines otherwise), warnings and tables.
 */
/** Where the console writes (process.stdout/stderr, or a sink in tests). */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export class DemoConsole {
  private progressOpen = false;
  private lastPlain = new Map<string, number>();

  constructor(
    private readonly out: OutputStream = process.stdout,
    private readonly err: OutputStream = process.stderr,
  ) {}

  get interactive(): boolean {
    return Boolean(this.out.isTTY);
  }

  stage(index: number, total: number, title: string): void {
    this.endProgress();
    this.out.write(`\n[demo ${index}/${total}] ${title}\n`);
  }

  info(line: string): void {
    this.endProgress();
    this.out.write(`  ${line}\n`);
  }

  warn(line: string): void {
    this.endProgress();
    this.err.write(`  WARNING: ${line}\n`);
  }

  error(line: string): void {
    this.endProgress();
    this.err.write(`\n[demo] ERROR: ${line}\n`);
  }

  /**
   * Show progress for `id`. On a TTY the line is rewritten in place; otherwise
   * a line is printed at most every 25% (and at the end).
   */
  progress(id: string, label: string, fraction: number, detail: string, done = false): void {
    const pct = Math.max(0, Math.min(1, fraction));
    const width = 24;
    const filled = Math.round(pct * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    const text = `  ${label.padEnd(44)} [${bar}] ${String(Math.round(pct * 100)).padStart(3)}%  ${detail}`;
    if (this.interactive) {
      this.out.write(`\r\x1b[2K${text}`);
      this.progressOpen = true;
      if (done) this.endProgress();
      return;
    }
    const step = Math.floor(pct * 4);
    if (done || step > (this.lastPlain.get(id) ?? -1)) {
      this.lastPlain.set(id, done ? 99 : step);
      this.out.write(`${text}\n`);
    }
  }

  endProgress(): void {
    if (this.progressOpen) {
      this.out.write('\n');
      this.progressOpen = false;
    }
  }

  table(headers: readonly string[], rows: readonly (readonly string[])[]): void {
    this.endProgress();
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: readonly string[]): string => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
    this.out.write(`${line(headers)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
    for (const r of rows) this.out.write(`${line(r)}\n`);
  }

  raw(text: string): void {
    this.endProgress();
    this.out.write(text);
  }
}

export function formatInt(n: number): string {
  return n.toLocaleString('en-GB');
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
