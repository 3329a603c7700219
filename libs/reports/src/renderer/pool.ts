import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { PaperSize } from '../model/input.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

export interface PdfPoolOptions {
  executablePath: string;
  /** Concurrent pages (capped at the CPU count). Default: min(2, CPUs). */
  maxPages?: number;
  /** Renders before the browser is replaced (bounds memory growth). Default 200. */
  recycleAfter?: number;
  /** Per-render timeout in ms (setContent + pdf). Default 60 s. */
  renderTimeoutMs?: number;
  /** Timeout for page.close / browser.close. Default 5 s. */
  closeTimeoutMs?: number;
}

export interface PdfRenderRequest {
  html: string;
  paper: PaperSize;
  headerTemplate?: string;
  footerTemplate?: string;
  /** Tagged (accessible) PDF. Default false: ~15x smaller and faster (ARCHITECTURE.md measured facts). */
  tagged?: boolean;
}

export class RenderTimeoutError extends Error {}

interface Generation {
  browser: Browser;
  userDataDir: string;
  renders: number;
  active: number;
  retired: boolean;
}

const withTimeout = async <T>(p: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new RenderTimeoutError(`${what} timed out after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * A warm Chromium for the process: one browser, a bounded number of
 * concurrent pages (one page per render, closed in finally with a timeout),
 * replaced after N renders or when it crashes or disconnects. Pages block
 * every network request: a report is one self-contained HTML document.
 */
export class PdfRendererPool {
  readonly maxPages: number;
  private readonly recycleAfter: number;
  private readonly renderTimeoutMs: number;
  private readonly closeTimeoutMs: number;
  private current: Generation | null = null;
  private launching: Promise<Generation> | null = null;
  private active = 0;
  private readonly waiters: (() => void)[] = [];
  private closed = false;
  /** Browsers launched so far (observability and tests). */
  launches = 0;

  constructor(private readonly options: PdfPoolOptions) {
    const cpus = availableParallelism();
    this.maxPages = Math.max(1, Math.min(options.maxPages ?? Math.min(2, cpus), cpus));
    this.recycleAfter = options.recycleAfter ?? 200;
    this.renderTimeoutMs = options.renderTimeoutMs ?? 60_000;
    this.closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
  }

  /** Launch the browser now (start-up), so the first report does not pay the cold start. */
  async warm(): Promise<void> {
    await this.generation();
  }

  async render(req: PdfRenderRequest): Promise<Buffer> {
    return this.withPage(async (page) => {
      await page.setContent(req.html, { waitUntil: 'load', timeout: this.renderTimeoutMs });
      const bytes = await page.pdf({
        format: req.paper === 'Letter' ? 'Letter' : 'A4',
        printBackground: true,
        displayHeaderFooter: req.headerTemplate !== undefined || req.footerTemplate !== undefined,
        headerTemplate: req.headerTemplate ?? '<span></span>',
        footerTemplate: req.footerTemplate ?? '<span></span>',
        margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' },
        tagged: req.tagged ?? false,
        outline: false,
        timeout: this.renderTimeoutMs,
      });
      return Buffer.from(bytes);
    });
  }

  /** Run fn with a fresh page of the warm browser, within the concurrency bound and the render timeout. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('the PDF renderer pool is closed');
    await this.acquire();
    let gen: Generation | null = null;
    let page: Page | null = null;
    try {
      gen = await this.generation();
      gen.active += 1;
      gen.renders += 1;
      if (gen.renders >= this.recycleAfter) this.retire(gen);
      const g = gen;
      return await withTimeout(
        (async () => {
          page = await g.browser.newPage();
          await page.setJavaScriptEnabled(false);
          await page.setRequestInterception(true);
          page.on('request', (r) => {
            if (r.isInterceptResolutionHandled()) return;
            const url = r.url();
            void (url.startsWith('data:') || url === 'about:blank' ? r.continue() : r.abort('blockedbyclient'));
          });
          return fn(page);
        })(),
        this.renderTimeoutMs,
        'PDF render',
      );
    } catch (err) {
      // A timed-out or crashed render may have left the browser unusable: replace it.
      if (gen !== null && (err instanceof RenderTimeoutError || !gen.browser.connected)) this.retire(gen);
      throw err;
    } finally {
      const p = page as Page | null;
      if (p !== null) await withTimeout(p.close(), this.closeTimeoutMs, 'page.close').catch(() => (gen ? this.retire(gen) : undefined));
      if (gen !== null) {
        gen.active -= 1;
        if (gen.retired && gen.active === 0) void this.dispose(gen);
      }
      this.release();
    }
  }

  /** The current warm browser (benchmarks compare a bare page against render() in the same browser). */
  async browser(): Promise<Browser> {
    return (await this.generation()).browser;
  }

  async close(): Promise<void> {
    this.closed = true;
    const gen = this.current ?? (this.launching ? await this.launching.catch(() => null) : null);
    this.current = null;
    if (gen) await this.dispose(gen);
  }

  private acquire(): Promise<void> {
    if (this.active < this.maxPages) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(() => resolve()));
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.active -= 1;
  }

  private async generation(): Promise<Generation> {
    if (this.current !== null && !this.current.retired && this.current.browser.connected) return this.current;
    if (this.current !== null && !this.current.retired) this.retire(this.current);
    this.launching ??= this.launch().finally(() => (this.launching = null));
    return this.launching;
  }

  private async launch(): Promise<Generation> {
    const userDataDir = await mkdtemp(join(tmpdir(), 'lantern-chromium-'));
    const browser = await puppeteer.launch({
      executablePath: this.options.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
      userDataDir,
      pipe: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    this.launches += 1;
    const gen: Generation = { browser, userDataDir, renders: 0, active: 0, retired: false };
    browser.on('disconnected', () => this.retire(gen));
    this.current = gen;
    return gen;
  }

  private retire(gen: Generation): void {
    if (gen.retired) return;
    gen.retired = true;
    if (this.current === gen) this.current = null;
    if (gen.active === 0) void this.dispose(gen);
  }

  private async dispose(gen: Generation): Promise<void> {
    gen.retired = true;
    try {
      await withTimeout(gen.browser.close(), this.closeTimeoutMs, 'browser.close');
    } catch {
      gen.browser.process()?.kill('SIGKILL');
    }
    await rm(gen.userDataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Page count of a PDF written by Chromium (the /Count of its page tree root). */
export function pdfPageCount(pdf: Buffer): number {
  const s = pdf.toString('latin1');
  let max = 0;
  for (const m of s.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    max = Math.max(max, Number(m[1] ?? m[2]));
  }
  return max;
}
