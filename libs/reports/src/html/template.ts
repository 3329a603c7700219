import type { Block, RenderContext, ReportModel, Section } from '../model/model.js';
import { GENERATOR_VERSION } from '../model/model.js';

/**
 * HTML of a report: one self-contained document (embedded CSS, inline SVG
 * charts, no scripts, no external resources). Every value is escaped.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Font stack covering Latin, Cyrillic, Greek, Arabic, Devanagari and CJK (Debian fonts-noto-core + fonts-noto-cjk). */
export const FONT_STACK = `'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Devanagari', 'Noto Sans CJK SC', 'Noto Sans CJK JP', 'Noto Sans CJK KR', 'Noto Sans Thai', 'Noto Sans Bengali', sans-serif`;

const CSS = `
@page { margin: 22mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${FONT_STACK}; font-size: 9.5pt; line-height: 1.4; color: #1d2330; margin: 0; }
h1 { font-size: 19pt; margin: 0 0 4pt; color: #12355b; line-height: 1.2; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; color: #12355b; border-bottom: 1.5pt solid #12355b; padding-bottom: 2pt; break-after: avoid; }
.subtitle { font-size: 12pt; color: #3c4a5e; margin-bottom: 10pt; }
.meta { display: grid; grid-template-columns: auto 1fr; gap: 2pt 12pt; margin: 8pt 0 12pt; font-size: 9pt; }
.meta dt { color: #5a6678; } .meta dd { margin: 0; font-weight: 600; }
p { margin: 4pt 0 6pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 8.5pt; }
caption { text-align: left; font-weight: 600; padding: 2pt 0; color: #3c4a5e; }
th { background: #e8eef5; text-align: left; padding: 3pt 4pt; border-bottom: 1pt solid #9fb0c4; }
td { padding: 2.5pt 4pt; border-bottom: 0.5pt solid #d5dde6; vertical-align: top; overflow-wrap: anywhere; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nw { white-space: nowrap; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.empty { color: #5a6678; font-style: italic; }
.notice { border-left: 3pt solid #4a7ab0; background: #f0f5fa; padding: 4pt 8pt; margin: 6pt 0; break-inside: avoid; }
.notice.warn { border-left-color: #b5651d; background: #fbf3ea; }
.chart { margin: 6pt 0 10pt; break-inside: avoid; }
.chart-title { font-weight: 600; color: #3c4a5e; margin-bottom: 2pt; }
svg text { font-family: ${FONT_STACK}; }
.qa { margin: 0; padding: 0; list-style: none; }
.qa li { margin: 0 0 6pt; break-inside: avoid; }
.qa .q { font-weight: 600; } .qa .a { margin-left: 12pt; }
.kv { width: auto; min-width: 60%; } .kv th { width: 35%; background: none; border-bottom: 0.5pt solid #d5dde6; font-weight: normal; color: #5a6678; }
`;

function table(block: Extract<Block, { kind: 'table' }>): string {
  const numeric = new Set(block.numeric ?? []);
  const cls = (i: number) => (numeric.has(i) ? ' class="n"' : '');
  // Short values (bands, dates, codes) never wrap mid-word.
  const cell = (v: string, i: number) => (numeric.has(i) ? ' class="n"' : v.length <= 12 ? ' class="nw"' : '');
  const caption = block.caption ? `<caption>${esc(block.caption)}</caption>` : '';
  if (block.rows.length === 0) return `${block.caption ? `<div class="chart-title">${esc(block.caption)}</div>` : ''}<p class="empty">${esc(block.emptyText)}</p>`;
  const head = `<thead><tr>${block.columns.map((c, i) => `<th${cls(i)}>${esc(c)}</th>`).join('')}</tr></thead>`;
  const body = block.rows.map((r) => `<tr>${r.map((v, i) => `<td${cell(v, i)}>${esc(v)}</td>`).join('')}</tr>`).join('');
  return `<table>${caption}${head}<tbody>${body}</tbody></table>`;
}

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

function bars(block: Extract<Block, { kind: 'bars' }>): string {
  if (block.data.length === 0) return `<div class="chart-title">${esc(block.title)}</div><p class="empty">${esc(block.emptyText)}</p>`;
  const rowH = 16;
  const labelW = 130;
  const plotW = 330;
  const h = block.data.length * rowH + 6;
  const rows = block.data
    .map((d, i) => {
      const y = i * rowH + 3;
      const w = block.max <= 0 ? 0 : Math.max(0, Math.min(1, d.value / block.max)) * plotW;
      return `<text x="${labelW - 6}" y="${y + 11}" text-anchor="end" font-size="8">${esc(d.label)}</text><rect x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 5}" fill="#4a7ab0"/><text x="${(labelW + w + 4).toFixed(1)}" y="${y + 11}" font-size="8">${esc(fmt(d.value) + block.unit)}${d.note ? ` <tspan fill="#5a6678">(${esc(d.note)})</tspan>` : ''}</text>`;
    })
    .join('');
  return `<div class="chart"><div class="chart-title">${esc(block.title)}</div><svg xmlns="http://www.w3.org/2000/svg" width="560" height="${h}" viewBox="0 0 560 ${h}" role="img" aria-label="${esc(block.title)}">${rows}</svg></div>`;
}

function intervals(block: Extract<Block, { kind: 'intervals' }>): string {
  if (block.data.length === 0) return `<p class="empty">${esc(block.emptyText)}</p>`;
  const rowH = 20;
  const labelW = 170;
  const plotW = 280;
  const h = block.data.length * rowH + 22;
  const x = (p: number) => labelW + p * plotW;
  const axis = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => `<line x1="${x(t)}" y1="2" x2="${x(t)}" y2="${h - 16}" stroke="#d5dde6"/><text x="${x(t)}" y="${h - 4}" font-size="7" text-anchor="middle">${t * 100}%</text>`)
    .join('');
  const rows = block.data
    .map((d, i) => {
      const y = i * rowH + 12;
      return `<text x="${labelW - 6}" y="${y + 3}" text-anchor="end" font-size="8">${esc(d.label)}</text><line x1="${x(d.lower).toFixed(1)}" y1="${y}" x2="${x(d.upper).toFixed(1)}" y2="${y}" stroke="#12355b" stroke-width="1.5"/><line x1="${x(d.lower).toFixed(1)}" y1="${y - 4}" x2="${x(d.lower).toFixed(1)}" y2="${y + 4}" stroke="#12355b"/><line x1="${x(d.upper).toFixed(1)}" y1="${y - 4}" x2="${x(d.upper).toFixed(1)}" y2="${y + 4}" stroke="#12355b"/><circle cx="${x(d.rate).toFixed(1)}" cy="${y}" r="3" fill="#b5651d"/><text x="${labelW + plotW + 8}" y="${y + 3}" font-size="8">${esc(`${(d.rate * 100).toFixed(1)}% [${(d.lower * 100).toFixed(1)}-${(d.upper * 100).toFixed(1)}] ${d.k}/${d.n}`)}</text>`;
    })
    .join('');
  return `<div class="chart"><div class="chart-title">${esc(block.title)}</div><svg xmlns="http://www.w3.org/2000/svg" width="640" height="${h}" viewBox="0 0 640 ${h}" role="img" aria-label="${esc(block.title)}">${axis}${rows}</svg></div>`;
}

function progress(block: Extract<Block, { kind: 'progress' }>): string {
  if (block.data.length === 0) return `<div class="chart-title">${esc(block.title)}</div><p class="empty">${esc(block.emptyText)}</p>`;
  const rowH = 18;
  const labelW = 80;
  const plotW = 360;
  const h = block.data.length * rowH + 22;
  const rows = block.data
    .map((d, i) => {
      const y = i * rowH + 2;
      const total = d.closed + d.remediating + d.open;
      const w = (n: number) => (total === 0 ? 0 : (n / total) * plotW);
      const x1 = labelW + w(d.closed);
      const x2 = x1 + w(d.remediating);
      return `<text x="${labelW - 6}" y="${y + 12}" text-anchor="end" font-size="8">${esc(d.label)}</text><rect x="${labelW}" y="${y + 3}" width="${w(d.closed).toFixed(1)}" height="12" fill="#3f8f5a"/><rect x="${x1.toFixed(1)}" y="${y + 3}" width="${w(d.remediating).toFixed(1)}" height="12" fill="#d9a23b"/><rect x="${x2.toFixed(1)}" y="${y + 3}" width="${w(d.open).toFixed(1)}" height="12" fill="#b33c3c"/><text x="${labelW + plotW + 6}" y="${y + 12}" font-size="8">${esc(`${d.closed} closed / ${d.remediating} remediating / ${d.open} open`)}</text>`;
    })
    .join('');
  const ly = h - 6;
  const legend = `<rect x="${labelW}" y="${ly - 7}" width="8" height="8" fill="#3f8f5a"/><text x="${labelW + 11}" y="${ly}" font-size="7">closed</text><rect x="${labelW + 50}" y="${ly - 7}" width="8" height="8" fill="#d9a23b"/><text x="${labelW + 61}" y="${ly}" font-size="7">remediating</text><rect x="${labelW + 120}" y="${ly - 7}" width="8" height="8" fill="#b33c3c"/><text x="${labelW + 131}" y="${ly}" font-size="7">open</text>`;
  return `<div class="chart"><div class="chart-title">${esc(block.title)}</div><svg xmlns="http://www.w3.org/2000/svg" width="640" height="${h}" viewBox="0 0 640 ${h}" role="img" aria-label="${esc(block.title)}">${rows}${legend}</svg></div>`;
}

export function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'p':
      return `<p>${esc(block.text)}</p>`;
    case 'notice':
      return `<div class="notice ${block.tone}">${esc(block.text)}</div>`;
    case 'kv':
      return `<table class="kv"><tbody>${block.rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`;
    case 'table':
      return table(block);
    case 'bars':
      return bars(block);
    case 'intervals':
      return intervals(block);
    case 'progress':
      return progress(block);
    case 'qa':
      return `<ol class="qa">${block.items.map((q) => `<li><div class="q">${esc(q.id)}. ${esc(q.question)}</div><div class="a">${esc(q.answer)}</div></li>`).join('')}</ol>`;
  }
}

const section = (s: Section): string => `<section id="s-${esc(s.id)}"><h2>${esc(s.title)}</h2>${s.blocks.map(renderBlock).join('\n')}</section>`;

/** The report body as one self-contained HTML document. */
export function renderReportHtml(model: ReportModel, ctx: RenderContext): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(model.title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<style>${CSS}</style></head>
<body>
<h1>${esc(model.title)}</h1>
<div class="subtitle">${esc(model.subtitle)}</div>
<dl class="meta">
<dt>Organisation</dt><dd>${esc(model.organization.name)}</dd>
<dt>Reporting period</dt><dd>${esc(model.period.start)} to ${esc(model.period.end)}</dd>
<dt>Methodology</dt><dd>${esc(model.methodologyVersion)}</dd>
<dt>Data as of</dt><dd>${esc(model.dataAsOf ?? 'no data recorded')}</dd>
<dt>Generated</dt><dd>${esc(ctx.generatedAt)} (${esc(GENERATOR_VERSION)})</dd>
</dl>
${model.sections.map(section).join('\n')}
</body></html>`;
}

/** Puppeteer header and footer templates (rendered by Chromium itself; they need explicit font sizes). */
export function headerFooter(model: ReportModel, ctx: RenderContext): { headerTemplate: string; footerTemplate: string } {
  const style = `font-family: ${esc(FONT_STACK)}; font-size: 7.5pt; color: #5a6678; width: 100%; margin: 0 16mm; display: flex; justify-content: space-between;`;
  return {
    headerTemplate: `<div style="${style}"><span>${esc(model.title)}</span><span>${esc(model.organization.name)}</span></div>`,
    footerTemplate: `<div style="${style}"><span>Generated ${esc(ctx.generatedAt)} · period ${esc(model.period.start)} to ${esc(model.period.end)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}
