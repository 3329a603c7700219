import { createHash } from 'node:crypto';
import { headerFooter, renderReportHtml } from './html/template.js';
import type { RenderContext, ReportModel } from './model/model.js';
import { pdfPageCount, type PdfRendererPool } from './renderer/pool.js';

export interface RenderedReport {
  pdf: Buffer;
  sha256: string;
  pages: number;
  html: string;
}

/** Model -> HTML -> PDF in the warm pool, with header/footer (title, organisation, generated-at, page numbers). */
export async function renderReportPdf(pool: PdfRendererPool, model: ReportModel, ctx: RenderContext, opts: { tagged?: boolean } = {}): Promise<RenderedReport> {
  const html = renderReportHtml(model, ctx);
  const pdf = await pool.render({ html, paper: ctx.paper, ...headerFooter(model, ctx), tagged: opts.tagged ?? false });
  return { pdf, html, sha256: createHash('sha256').update(pdf).digest('hex'), pages: pdfPageCount(pdf) };
}
