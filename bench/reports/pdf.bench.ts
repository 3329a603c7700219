import { cpus } from 'node:os';
import puppeteer from 'puppeteer-core';
import { buildReportModel, CHROMIUM_ARGS, headerFooter, PdfRendererPool, renderReportHtml, renderReportPdf, type RenderContext } from '@lantern/reports';
import type { Benchmark, BenchContext } from '../lib/benchmark.js';
import type { BenchResult } from '../lib/results.js';
import { largeDossierInput } from './dossier-input.js';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Scales the dossier to about 20 A4 pages. */
const DOSSIER_SCALE = 0.85;
const round = (x: number): number => Math.round(x * 10) / 10;

/**
 * reports.pdf: p50 time to render a ~20-page supplier dossier in the warm pool
 * (model -> HTML -> new page with network blocked -> setContent -> pdf -> close)
 * vs the baseline: a bare page.setContent + page.pdf of the same final HTML with
 * the same PDF options in the same browser. Ratio = baseline / ours (>= 0.8 is
 * the target). The naive path (a new browser per report) is measured for contrast.
 */
export async function benchReportsPdf(ctx: BenchContext, iterations = Number(process.env.BENCH_PDF_ITERATIONS ?? 15)): Promise<BenchResult> {
  const model = buildReportModel(largeDossierInput(DOSSIER_SCALE));
  const rc: RenderContext = { paper: 'A4', generatedAt: '2026-01-01T00:00:00.000Z' };
  const html = renderReportHtml(model, rc);
  const hf = headerFooter(model, rc);
  const pdfOptions = { format: 'A4' as const, printBackground: true, displayHeaderFooter: true, ...hf, margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' }, tagged: false, outline: false };
  const pool = new PdfRendererPool({ executablePath: ctx.config.CHROMIUM_PATH, maxPages: 1 });
  try {
    let t = performance.now();
    await pool.warm();
    const coldLaunchMs = performance.now() - t;
    const browser = await pool.browser();
    const ours = async (): Promise<{ ms: number; pages: number; bytes: number }> => {
      const t0 = performance.now();
      const r = await renderReportPdf(pool, buildReportModel(largeDossierInput(DOSSIER_SCALE)), rc);
      return { ms: performance.now() - t0, pages: r.pages, bytes: r.pdf.length };
    };
    const bare = async (): Promise<number> => {
      const t0 = performance.now();
      const page = await browser.newPage();
      try {
        await page.setContent(html);
        await page.pdf(pdfOptions);
      } finally {
        await page.close();
      }
      return performance.now() - t0;
    };
    // Warm-up (fonts, layout caches), then interleaved measurements.
    const first = await ours();
    await bare();
    const oursMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      if (i % 2 === 0) {
        oursMs.push((await ours()).ms);
        bareMs.push(await bare());
      } else {
        bareMs.push(await bare());
        oursMs.push((await ours()).ms);
      }
    }
    // Naive: a new browser per report.
    const naiveMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const b = await puppeteer.launch({ executablePath: ctx.config.CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, pipe: true });
      try {
        const page = await b.newPage();
        await page.setContent(html);
        await page.pdf(pdfOptions);
      } finally {
        await b.close();
      }
      naiveMs.push(performance.now() - t);
    }
    const p50 = median(oursMs);
    const base = median(bareMs);
    ctx.log(`reports.pdf: ${first.pages} pages, ours p50 ${round(p50)} ms, bare ${round(base)} ms, naive ${round(median(naiveMs))} ms`);
    return {
      value: round(p50),
      unit: 'ms (p50)',
      baseline: round(base),
      ratio: Math.round((base / p50) * 1000) / 1000,
      params: {
        pages: first.pages,
        pdfBytes: first.bytes,
        htmlBytes: Buffer.byteLength(html),
        iterations,
        oursP50Ms: round(p50),
        oursMinMs: round(Math.min(...oursMs)),
        bareP50Ms: round(base),
        naiveNewBrowserP50Ms: round(median(naiveMs)),
        coldLaunchMs: round(coldLaunchMs),
        tagged: false,
        targetRatio: 0.8,
        node: process.version,
        cpus: cpus().length,
        measuredAt: new Date().toISOString(),
      },
    };
  } finally {
    await pool.close();
  }
}

export const benchmarks: Benchmark[] = [{ name: 'reports.pdf', run: (ctx) => benchReportsPdf(ctx) }];
