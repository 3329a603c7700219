import { formatInt } from '../console.js';
import type { DemoStage } from '../context.js';
import { writeDemoFiles } from '../files.js';
import { generateDemoDataset } from '../generator.js';
import { demoOrganizationSpec } from '../organizations.js';

/** Generate the seeded sample supply chain and write it to out/demo-data/. */
export const generateStage: DemoStage = {
  name: 'generate',
  title: 'Generate the sample supply chain (out/demo-data/)',
  async run(ctx) {
    const dataset = generateDemoDataset({
      seed: ctx.options.seed,
      auditFirmName: demoOrganizationSpec('auditFirm').name,
      interviews: ctx.options.interviews,
    });
    const written = await writeDemoFiles(dataset, ctx.paths.root);
    ctx.dataset = dataset;
    ctx.files = written.files;
    const r = dataset.rows;
    const countries = new Set(r.suppliers.map((s) => s.country)).size;
    ctx.console.info(
      `seed ${dataset.seed}: ${formatInt(r.suppliers.length)} suppliers in ${countries} countries (3 tiers), ${formatInt(r.sites.length)} sites, ` +
        `${formatInt(r.recruiters.length)} recruiters, ${formatInt(r.engagements.length)} engagements, ${formatInt(r.audits.length)} audits, ` +
        `${formatInt(r.findings.length)} findings, ${formatInt(r.interviews.length)} interviews`,
    );
    ctx.console.info(`${dataset.badRows.length} deliberately invalid rows planted (the imports must reject them); manifest at out/demo-data/manifest.json`);
    ctx.summary.dataset = {
      dir: 'out/demo-data',
      manifest: 'out/demo-data/manifest.json',
      seed: dataset.seed,
      asOf: dataset.asOf,
      plantedBadRows: dataset.badRows.length,
      hotspotSites: dataset.truth.hotspotSites.length,
    };
  },
};
