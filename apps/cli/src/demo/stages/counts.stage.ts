import { formatInt } from '../console.js';
import { DemoError, type DemoStage } from '../context.js';
import { DEMO_ORGANIZATIONS } from '../organizations.js';

/** Count what the company now holds, straight from the database, and compare with what was generated. */
export const countsStage: DemoStage = {
  name: 'counts',
  title: 'Count the imported records in the database',
  async run(ctx) {
    const company = ctx.organizations.get('company');
    if (!company) throw new DemoError('the company organisation was not created');
    const [row] = (await ctx.db.query(
      `SELECT
         (SELECT count(*) FROM organizations WHERE lower(name) = ANY($2::text[]))::int AS organizations,
         (SELECT count(*) FROM suppliers WHERE organization_id = $1)::int AS suppliers,
         (SELECT count(*) FROM supply_links WHERE organization_id = $1)::int AS "supplyLinks",
         (SELECT count(*) FROM sites WHERE organization_id = $1)::int AS sites,
         (SELECT count(*) FROM recruiters WHERE organization_id = $1)::int AS recruiters,
         (SELECT count(*) FROM recruitment_engagements WHERE organization_id = $1)::int AS engagements,
         (SELECT count(*) FROM audits WHERE organization_id = $1)::int AS audits,
         (SELECT count(*) FROM findings WHERE organization_id = $1)::int AS findings,
         (SELECT count(*) FROM interviews WHERE organization_id = $1)::int AS interviews,
         (SELECT coalesce(sum(rejected_rows), 0) FROM imports WHERE organization_id = $1)::int AS "rejectedRows"`,
      [company.id, DEMO_ORGANIZATIONS.map((o) => o.name.toLowerCase())],
    )) as Record<string, number>[];
    if (!row) throw new DemoError('the count query returned nothing');
    ctx.summary.counts = { ...ctx.summary.counts, ...row } as typeof ctx.summary.counts;

    const d = ctx.dataset;
    if (d) {
      const expected: Record<string, number> = {
        suppliers: d.rows.suppliers.length,
        sites: d.rows.sites.length,
        recruiters: d.rows.recruiters.length,
        engagements: d.rows.engagements.length,
        audits: d.rows.audits.length,
        findings: d.rows.findings.length,
        interviews: d.rows.interviews.length,
        rejectedRows: d.badRows.length,
      };
      for (const [k, want] of Object.entries(expected)) {
        const got = row[k] ?? 0;
        ctx.summary.checks.push({ name: `count ${k}`, ok: got === want, detail: `${formatInt(got)} in the database, ${formatInt(want)} generated` });
        if (got !== want) ctx.console.warn(`${k}: ${formatInt(got)} in the database, ${formatInt(want)} generated`);
      }
    }
    ctx.console.info(
      Object.entries(ctx.summary.counts)
        .map(([k, v]) => `${k} ${formatInt(v)}`)
        .join(', '),
    );
  },
};
