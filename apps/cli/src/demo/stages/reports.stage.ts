import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiFor, DemoError, type DemoContext, type DemoStage } from '../context.js';

/** The report types the demo renders, one of each. */
const TYPES = ['supplier_dossier', 'uk_msa_s54', 'au_msa_s16', 'ca_s211', 'eu_flr', 'us_far_52_222_50'] as const;

interface ReportView {
  id: string;
  type: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: number;
  error: string | null;
  sha256: string | null;
  pageCount: number | null;
  modelSha256: string | null;
}

export interface DemoReport {
  type: string;
  /** Relative to the repository root. */
  file: string;
  sha256: string;
  pages: number;
}

const OPTIONS = {
  policies: 'Supplier Code of Conduct (2024): no worker pays for a job; employers keep no identity documents; every worker receives a written contract in a language they understand before departure.',
  training: 'Annual modern-slavery training for buyers, compliance and supplier-facing staff; induction module for new suppliers.',
  trainingMandatory: true,
  consultation: 'Owned and controlled entities were consulted through the group compliance committee, which reviewed this statement.',
  lossOfIncomeRemediation: 'Repaid recruitment fees are paid directly to workers; no worker is dismissed as a result of remediation.',
  signatoryName: 'A. Director',
  signatoryTitle: 'Director',
  products: [{ name: 'Cotton apparel', hsCode: '6109' }, { name: 'Electronic assemblies', hsCode: '8542' }],
  contractNumber: 'GS-00F-0000X (illustrative)',
  contractingAgency: 'Illustrative contracting agency',
};

/** PDF bytes of a report (the demo ApiClient reads text, so binary downloads use fetch directly). */
async function downloadPdf(ctx: DemoContext, key: string, id: string): Promise<Buffer> {
  const res = await fetch(`${ctx.apiBaseUrl}/reports/${id}/pdf`, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(60_000) });
  if (res.status !== 200) throw new DemoError(`GET /reports/${id}/pdf answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** Renders one report of each type through the API and the reports queue into out/reports/, and shares the UK statement with the regulator. */
export const reportsStage: DemoStage = {
  name: 'reports',
  title: 'Render one report of each type (API -> reports queue -> Chromium -> PDF)',
  async run(ctx) {
    const company = ctx.organizations.get('company');
    if (!company) throw new DemoError('the company organisation was not created');
    const api = apiFor(ctx, 'company', 'compliance');
    const key = ctx.summary.apiKeys.find((k) => k.organizationId === company.id && k.role === 'compliance')!.key;

    // The period: the calendar year of the most recent audit. The dossier: the supplier with the most findings.
    const [period] = (await ctx.db.query(`SELECT coalesce(extract(year FROM max(conducted_at))::int, extract(year FROM now())::int) AS year FROM audits WHERE organization_id = $1`, [company.id])) as { year: number }[];
    const year = period!.year;
    const [top] = (await ctx.db.query(
      `SELECT s.id FROM suppliers s JOIN sites si ON si.supplier_id = s.id JOIN audits a ON a.site_id = si.id JOIN findings f ON f.audit_id = a.id
        WHERE s.organization_id = $1 AND a.conducted_at >= make_date($2, 1, 1) AND a.conducted_at < make_date($2 + 1, 1, 1)
        GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1`,
      [company.id, year],
    )) as { id: string }[];
    const [anySupplier] = (await ctx.db.query(`SELECT id FROM suppliers WHERE organization_id = $1 ORDER BY id LIMIT 1`, [company.id])) as { id: string }[];
    const supplierId = top?.id ?? anySupplier?.id;
    if (!supplierId) throw new DemoError('the company has no supplier to write a dossier on');

    const requested: { type: string; id: string }[] = [];
    for (const type of TYPES) {
      const { body } = await api.post<ReportView>('/reports', {
        type,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        paper: type === 'us_far_52_222_50' ? 'Letter' : 'A4',
        ...(type === 'supplier_dossier' ? { supplierId } : {}),
        options: OPTIONS,
      });
      requested.push({ type, id: body.id });
    }

    const outDir = join(ctx.paths.root, 'out', 'reports');
    await mkdir(outDir, { recursive: true });
    const reports: DemoReport[] = [];
    const deadline = Date.now() + 5 * 60_000;
    for (const r of requested) {
      let view: ReportView;
      for (;;) {
        view = await api.get<ReportView>(`/reports/${r.id}`);
        if (view.status === 'completed' || view.status === 'failed') break;
        if (Date.now() > deadline) throw new DemoError(`report ${r.type} still ${view.status} after 5 minutes`);
        await sleep(200);
      }
      if (view.status === 'failed') throw new DemoError(`report ${r.type} failed: ${view.error}`);
      const pdf = await downloadPdf(ctx, key, r.id);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      if (sha256 !== view.sha256) throw new DemoError(`report ${r.type}: downloaded bytes do not match the stored SHA-256`);
      const file = join(outDir, `${r.type}.pdf`);
      await writeFile(file, pdf);
      reports.push({ type: r.type, file: relative(ctx.paths.root, file), sha256, pages: view.pageCount ?? 0 });
      ctx.console.info(`${r.type}: ${view.pageCount} pages, ${Math.round(pdf.length / 1024)} KiB -> ${relative(ctx.paths.root, file)}`);
    }

    const regulator = ctx.organizations.get('regulator');
    const uk = requested.find((r) => r.type === 'uk_msa_s54');
    if (regulator && uk) {
      await api.post(`/reports/${uk.id}/shares`, { organizationId: regulator.id });
      const seen = await apiFor(ctx, 'regulator', 'regulator').get<ReportView>(`/reports/${uk.id}`);
      ctx.summary.checks.push({ name: 'report shared with the regulator', ok: seen.sha256 === reports.find((r) => r.type === 'uk_msa_s54')?.sha256, detail: `${regulator.name} reads the UK s.54 statement ${uk.id}` });
    }
    ctx.summary.reports = reports;
  },
};
