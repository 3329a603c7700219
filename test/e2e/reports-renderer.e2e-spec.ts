import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReportModel, PdfRendererPool, pdfPageCount, RenderTimeoutError, renderReportPdf } from '@lantern/reports';
import { loadConfig } from '@lantern/platform';
import { reportInput } from '../fixtures/reports/report-input.js';

const CHROMIUM = loadConfig().CHROMIUM_PATH;
const dir = mkdtempSync(join(tmpdir(), 'lantern-renderer-'));
const info = (pdf: Buffer): string => {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
};
const html = (body: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

describe('PdfRendererPool (real Debian chromium)', () => {
  const pools: PdfRendererPool[] = [];
  const pool = (opts: Partial<ConstructorParameters<typeof PdfRendererPool>[0]> = {}) => {
    const p = new PdfRendererPool({ executablePath: CHROMIUM, ...opts });
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    for (const p of pools) await p.close();
  });

  it('renders A4 and Letter with header/footer page numbers, and counts pages', async () => {
    const p = pool();
    const model = buildReportModel(reportInput('ca_s211'));
    const a4 = await renderReportPdf(p, model, { paper: 'A4', generatedAt: '2026-01-01T00:00:00Z' });
    const letter = await renderReportPdf(p, model, { paper: 'Letter', generatedAt: '2026-01-01T00:00:00Z' });
    expect(info(a4.pdf)).toMatch(/\(A4\)/);
    expect(info(letter.pdf)).toMatch(/\(letter\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info(a4.pdf))![1])).toBe(a4.pages);
    expect(a4.pages).toBeGreaterThan(1);
    const file = join(dir, 'a4.pdf');
    writeFileSync(file, a4.pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Page ${a4.pages} of ${a4.pages}`);
    expect(text).toContain('Generated 2026-01-01T00:00:00Z');
    expect(p.launches).toBe(1);
  });

  it('caps concurrent pages at the CPU count', () => {
    expect(pool({ maxPages: 64 }).maxPages).toBe(availableParallelism());
    expect(pool({ maxPages: 1 }).maxPages).toBe(1);
  });

  it('blocks network requests from the page', async () => {
    const p = pool({ maxPages: 1 });
    const seen: string[] = [];
    await p.withPage(async (page) => {
      page.on('requestfailed', (r) => seen.push(r.url()));
      await page.setContent(html('<img src="http://127.0.0.1:9/x.png"><link rel="stylesheet" href="https://example.com/x.css">'), { waitUntil: 'load' });
    });
    expect(seen.length).toBeGreaterThan(0);
  });

  it('recycles the browser after N renders', async () => {
    const p = pool({ recycleAfter: 2, maxPages: 1 });
    for (let i = 0; i < 5; i++) await p.render({ html: html(`<p>${i}</p>`), paper: 'A4' });
    expect(p.launches).toBe(3);
  });

  it('recovers from a crashed browser', async () => {
    const p = pool({ maxPages: 1 });
    await p.render({ html: html('<p>one</p>'), paper: 'A4' });
    (await p.browser()).process()!.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const pdf = await p.render({ html: html('<p>two</p>'), paper: 'A4' });
    expect(pdfPageCount(pdf)).toBe(1);
    expect(p.launches).toBe(2);
  });

  it('times a render out, then renders again with a fresh browser', async () => {
    const p = pool({ maxPages: 1, renderTimeoutMs: 1500 });
    await expect(p.withPage(() => new Promise((r) => setTimeout(r, 5000)))).rejects.toBeInstanceOf(RenderTimeoutError);
    const pdf = await p.render({ html: html('<p>after</p>'), paper: 'Letter' });
    expect(pdfPageCount(pdf)).toBe(1);
    expect(p.launches).toBe(2);
  });
});
