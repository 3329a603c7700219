import { createHash } from 'node:crypto';
import { wilsonInterval } from '@lantern/scoring';
import { CANADA_S211_QUESTIONS } from './canada-questions.js';
import type { AssessmentInput, FindingInput, ReportInput, ReportType, SiteInput } from './input.js';
import { CLASSIFICATION_NOTE, MIN_AGGREGATE, type Block, type ReportFigures, type ReportModel, type Section } from './model.js';

/**
 * Pure: plain data in, typed report model out. No clock, no randomness, no
 * I/O: the same input always gives the same model (and model hash).
 */

export const REPORT_TITLES: Record<ReportType, string> = {
  supplier_dossier: 'Supplier due-diligence dossier',
  uk_msa_s54: 'Modern Slavery Act 2015 (UK), s.54: slavery and human trafficking statement',
  au_msa_s16: 'Modern Slavery Act 2018 (Cth), s.16: modern slavery statement',
  ca_s211: 'Fighting Against Forced Labour and Child Labour in Supply Chains Act (Canada): annual report',
  eu_flr: 'Regulation (EU) 2024/3015 (Forced Labour Regulation): information submission',
  us_far_52_222_50: 'FAR 52.222-50 Combating Trafficking in Persons: compliance plan and certification',
};

const NOT_STATED = 'Not stated by the organisation in this report request.';
const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

// ---------- small pure helpers ----------

const fmtInt = (n: number): string => n.toLocaleString('en-GB');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const byKey = <T>(rows: T[], key: (r: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
};
const sortedCounts = (values: string[]): [string, number][] => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};
const text = (value: string | undefined): string => (value !== undefined && value.trim() !== '' ? value.trim() : NOT_STATED);

/** Canonical JSON: object keys sorted, no whitespace; numbers and strings as JSON.stringify writes them. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the canonical JSON of a report model. */
export function modelHash(model: ReportModel): string {
  return createHash('sha256').update(canonicalJson(model)).digest('hex');
}

// ---------- derived facts shared by every report type ----------

interface Derived {
  input: ReportInput;
  siteById: Map<string, SiteInput>;
  supplierName: Map<string, string>;
  findingsBySite: Map<string, FindingInput[]>;
  /** Interview aggregates of sites with >= MIN_AGGREGATE workers. */
  shownInterviews: ReportInput['interviews'];
  suppressedSites: number;
  figures: ReportFigures;
  supplierAssessments: AssessmentInput[];
  withheldSuppliers: number;
}

function derive(input: ReportInput): Derived {
  const siteById = new Map(input.sites.map((s) => [s.id, s]));
  const auditSite = new Map(input.audits.map((a) => [a.id, a.siteId]));
  const findingsBySite = byKey(input.findings, (f) => auditSite.get(f.auditId) ?? '');
  const shownInterviews = input.interviews.filter((i) => i.workers >= MIN_AGGREGATE);
  const allSupplierAssessments = input.assessments.available ? input.assessments.rows.filter((a) => a.subjectType === 'supplier') : [];
  // Scores drawn from 1-4 interviewed workers are worker data below the aggregate threshold: withheld from charts and tables.
  const supplierAssessments = allSupplierAssessments.filter((a) => !withheld(a));
  const figures: ReportFigures = {
    suppliers: input.suppliers.length,
    sites: input.sites.length,
    recruiters: input.recruiters.length,
    audits: input.audits.length,
    findings: input.findings.length,
    findingsOpen: input.findings.filter((f) => f.status !== 'closed').length,
    findingsHighOrCritical: input.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').length,
    workersInterviewed: shownInterviews.reduce((s, i) => s + i.workers, 0),
    assessedSuppliers: input.assessments.available ? allSupplierAssessments.length : null,
    blocks: input.blocks.available ? input.blocks.rows.length : null,
  };
  return {
    input,
    siteById,
    supplierName: new Map(input.suppliers.map((s) => [s.id, s.name])),
    findingsBySite,
    shownInterviews,
    suppressedSites: input.interviews.length - shownInterviews.length,
    figures,
    supplierAssessments,
    withheldSuppliers: allSupplierAssessments.length - supplierAssessments.length,
  };
}

/** An assessment resting on 1 to MIN_AGGREGATE - 1 interviewed workers (0 = no worker data: inherent risk only). */
export const withheld = (a: AssessmentInput): boolean => a.sampleSize > 0 && a.sampleSize < MIN_AGGREGATE;

const isEmptyPeriod = (input: ReportInput): boolean => input.audits.length === 0 && input.findings.length === 0 && input.interviews.length === 0;

// ---------- reusable blocks ----------

function emptyPeriodNotice(d: Derived): Block[] {
  if (!isEmptyPeriod(d.input)) return [];
  return [
    {
      kind: 'notice',
      tone: 'warn',
      text: `No audits, findings or worker interviews were recorded for the reporting period ${d.input.periodStart} to ${d.input.periodEnd}. The figures below are therefore zero for the period; this report states that no such data exists rather than omitting the sections.`,
    },
  ];
}

function keyFigures(d: Derived): Block {
  const f = d.figures;
  return {
    kind: 'table',
    caption: 'Key figures for the reporting period',
    columns: ['Measure', 'Value'],
    numeric: [1],
    emptyText: '',
    rows: [
      ['Suppliers mapped', fmtInt(f.suppliers)],
      ['Sites mapped', fmtInt(f.sites)],
      ['Recruitment agencies', fmtInt(f.recruiters)],
      ['Audits in period', fmtInt(f.audits)],
      ['Findings in period', fmtInt(f.findings)],
      ['Findings open or in remediation', fmtInt(f.findingsOpen)],
      ['Findings of high or critical severity', fmtInt(f.findingsHighOrCritical)],
      [`Workers interviewed (sites with ${MIN_AGGREGATE} or more interviews)`, fmtInt(f.workersInterviewed)],
      ['Suppliers with a current risk assessment', f.assessedSuppliers === null ? 'no assessment available' : fmtInt(f.assessedSuppliers)],
      ['Blocks recorded', f.blocks === null ? 'not available' : fmtInt(f.blocks)],
    ],
  };
}

function supplyChainStructure(d: Derived): Block[] {
  const { suppliers, sites } = d.input;
  const tiers = sortedCounts(suppliers.map((s) => `Tier ${s.tier}`)).sort((a, b) => a[0].localeCompare(b[0]));
  const countries = sortedCounts(suppliers.map((s) => s.country));
  const sectors = sortedCounts(suppliers.map((s) => s.sector ?? 'unspecified'));
  return [
    {
      kind: 'p',
      text: `${d.input.organization.name} maps ${fmtInt(suppliers.length)} suppliers over ${tiers.length} tier(s), with ${fmtInt(sites.length)} production sites in ${new Set(sites.map((s) => s.country)).size} countries and ${fmtInt(d.input.recruiters.length)} recruitment agencies placing workers at those sites.`,
    },
    { kind: 'table', caption: 'Suppliers by tier', columns: ['Tier', 'Suppliers'], numeric: [1], rows: tiers.map(([t, n]) => [t, fmtInt(n)]), emptyText: 'No suppliers are mapped.' },
    {
      kind: 'table',
      caption: 'Suppliers by country (top 15)',
      columns: ['Country', 'Suppliers', 'Sites'],
      numeric: [1, 2],
      rows: countries.slice(0, 15).map(([c, n]) => [c, fmtInt(n), fmtInt(sites.filter((s) => s.country === c).length)]),
      emptyText: 'No suppliers are mapped.',
    },
    { kind: 'table', caption: 'Suppliers by sector', columns: ['Sector', 'Suppliers'], numeric: [1], rows: sectors.slice(0, 15).map(([s, n]) => [s, fmtInt(n)]), emptyText: 'No suppliers are mapped.' },
  ];
}

function riskCharts(d: Derived): Block[] {
  const out: Block[] = [];
  if (!d.input.assessments.available) {
    out.push({ kind: 'notice', tone: 'info', text: `No assessment available: ${d.input.assessments.reason}` });
  } else if (d.supplierAssessments.length === 0) {
    out.push({
      kind: 'notice',
      tone: 'info',
      text: d.withheldSuppliers > 0 ? `No assessment shown: the ${d.withheldSuppliers} supplier assessment(s) rest on fewer than ${MIN_AGGREGATE} interviewed workers and are withheld.` : 'No assessment available: no supplier has a current risk assessment.',
    });
  } else {
    const mean = (rows: AssessmentInput[]) => Math.round((rows.reduce((s, a) => s + a.overall, 0) / rows.length) * 10) / 10;
    const group = (key: (a: AssessmentInput) => string) =>
      [...byKey(d.supplierAssessments, key).entries()]
        .map(([label, rows]) => ({ label, value: mean(rows), note: `${rows.length} supplier(s)` }))
        .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
        .slice(0, 12);
    out.push({ kind: 'bars', title: 'Mean supplier risk score by country (0-100, indicator-based)', unit: '', max: 100, data: group((a) => a.country ?? '??'), emptyText: '' });
    out.push({ kind: 'bars', title: 'Mean supplier risk score by sector (0-100, indicator-based)', unit: '', max: 100, data: group((a) => a.sector ?? 'unspecified'), emptyText: '' });
    if (d.withheldSuppliers > 0) out.push({ kind: 'p', text: `${d.withheldSuppliers} supplier assessment(s) resting on fewer than ${MIN_AGGREGATE} interviewed workers are withheld from these charts and tables.` });
    const bands = sortedCounts(d.supplierAssessments.map((a) => a.band)).sort((a, b) => SEVERITIES.indexOf(a[0] as (typeof SEVERITIES)[number]) - SEVERITIES.indexOf(b[0] as (typeof SEVERITIES)[number]));
    out.push({ kind: 'table', caption: 'Suppliers by risk band', columns: ['Band', 'Suppliers'], numeric: [1], rows: bands.map(([b, n]) => [b, fmtInt(n)]), emptyText: '' });
  }
  const byCountry = sortedCounts(
    d.input.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => {
      const audit = d.input.audits.find((a) => a.id === f.auditId);
      return d.siteById.get(audit?.siteId ?? '')?.country ?? '??';
    }),
  );
  out.push({
    kind: 'bars',
    title: 'High and critical findings by site country (period)',
    unit: '',
    max: Math.max(1, ...byCountry.map(([, n]) => n)),
    data: byCountry.slice(0, 12).map(([label, value]) => ({ label, value })),
    emptyText: 'No high or critical findings were recorded in the period.',
  });
  return out;
}

function prevalence(d: Derived): Block[] {
  const rows = d.shownInterviews;
  const n = rows.reduce((s, r) => s + r.workers, 0);
  const blocks: Block[] = [];
  if (n < MIN_AGGREGATE) {
    blocks.push({ kind: 'notice', tone: 'info', text: `Fewer than ${MIN_AGGREGATE} workers were interviewed at any one site in the period: worker-level indicators are not reported.` });
    return blocks;
  }
  const indicator = (label: string, k: number) => {
    const w = wilsonInterval(k, n);
    return { label, rate: round4(w.rate), lower: round4(w.lower), upper: round4(w.upper), k, n };
  };
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
  blocks.push({
    kind: 'intervals',
    title: `Prevalence among interviewed workers (95% Wilson intervals, n = ${fmtInt(n)})`,
    data: [
      indicator('Paid recruitment fees', sum((r) => r.paidRecruitmentFees)),
      indicator('Passport held by someone else', sum((r) => r.passportHeldByOther)),
      indicator('Visa tied to employer', sum((r) => r.visaTiedToEmployer)),
      indicator('Contract not in own language', sum((r) => r.contractNotInOwnLanguage)),
    ],
    emptyText: '',
  });
  blocks.push({
    kind: 'p',
    text: `Worker figures are aggregates over ${rows.length} site(s) with ${MIN_AGGREGATE} or more interviewed workers.${d.suppressedSites > 0 ? ` ${d.suppressedSites} site(s) with fewer interviews are not shown, to protect the workers.` : ''}`,
  });
  return blocks;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

function remediationProgress(d: Derived): Block[] {
  const bySeverity = SEVERITIES.map((sev) => {
    const rows = d.input.findings.filter((f) => f.severity === sev);
    return { label: sev, closed: rows.filter((f) => f.status === 'closed').length, remediating: rows.filter((f) => f.status === 'remediating').length, open: rows.filter((f) => f.status === 'open').length };
  }).filter((r) => r.closed + r.remediating + r.open > 0);
  const blocks: Block[] = [{ kind: 'progress', title: 'Remediation progress of findings in the period, by severity', data: bySeverity, emptyText: 'No findings were recorded in the period.' }];
  const rem = d.input.remediation;
  if (!rem.available) {
    blocks.push({ kind: 'notice', tone: 'info', text: `No remediation plan available: ${rem.reason}` });
  } else {
    const kinds = sortedCounts(rem.rows.items.map((i) => i.kind));
    blocks.push({
      kind: 'table',
      caption: 'Remediation items raised by the risk assessment',
      columns: ['Kind', 'Items', 'Workers concerned'],
      numeric: [1, 2],
      rows: kinds.map(([k, n]) => [k, fmtInt(n), fmtInt(rem.rows.items.filter((i) => i.kind === k).reduce((s, i) => s + i.workers, 0))]),
      emptyText: 'No remediation items are open.',
    });
    blocks.push({ kind: 'p', text: `Remediation records: ${fmtInt(rem.rows.records.total)} recorded, ${fmtInt(rem.rows.records.verified)} verified.` });
  }
  return blocks;
}

function auditsTable(d: Derived, caption = 'Audits in the period'): Block {
  return {
    kind: 'table',
    caption,
    columns: ['Reference', 'Site', 'Type', 'Date', 'Firm', 'Standard', 'Findings'],
    numeric: [6],
    rows: d.input.audits.map((a) => [a.externalRef, d.siteById.get(a.siteId)?.name ?? a.siteId, a.type, a.conductedAt.slice(0, 10), a.auditFirm ?? '-', a.standard ?? '-', fmtInt(d.input.findings.filter((f) => f.auditId === a.id).length)]),
    emptyText: 'No audits were conducted in the period.',
  };
}

function findingsTable(d: Derived): Block {
  const auditRef = new Map(d.input.audits.map((a) => [a.id, a.externalRef]));
  return {
    kind: 'table',
    caption: 'Findings in the period',
    columns: ['Reference', 'Audit', 'Indicator', 'Severity', 'Status', 'Description'],
    rows: d.input.findings.map((f) => [f.externalRef, auditRef.get(f.auditId) ?? '-', f.indicatorCode, f.severity, f.status, f.description]),
    emptyText: 'No findings were recorded in the period.',
  };
}

function highRiskSuppliers(d: Derived): Block {
  if (!d.input.assessments.available) return { kind: 'notice', tone: 'info', text: `No assessment available: ${d.input.assessments.reason}` };
  const rows = d.supplierAssessments.filter((a) => a.band === 'high' || a.band === 'critical').sort((a, b) => b.overall - a.overall || (a.name ?? '').localeCompare(b.name ?? ''));
  return {
    kind: 'table',
    caption: 'Suppliers in the high or critical band (indicator-based)',
    columns: ['Supplier', 'Country', 'Sector', 'Score', 'Band', 'Confidence'],
    numeric: [3],
    rows: rows.slice(0, 25).map((a) => [a.name ?? a.subjectId, a.country ?? '-', a.sector ?? '-', a.overall.toFixed(1), a.band, a.confidence]),
    emptyText: 'No supplier is in the high or critical band.',
  };
}

function dueDiligenceProcess(d: Derived): Block[] {
  const types = sortedCounts(d.input.audits.map((a) => a.type));
  const sitesAudited = new Set(d.input.audits.map((a) => a.siteId)).size;
  return [
    {
      kind: 'p',
      text: `In the period, ${fmtInt(d.figures.audits)} audits covered ${fmtInt(sitesAudited)} of ${fmtInt(d.figures.sites)} mapped sites (${d.figures.sites === 0 ? '0.0%' : pct(sitesAudited / d.figures.sites)}), and ${fmtInt(d.figures.workersInterviewed)} workers were interviewed confidentially at sites with ${MIN_AGGREGATE} or more interviews. Findings are coded against the ILO forced-labour indicators and scored with methodology ${d.input.methodologyVersion}.`,
    },
    { kind: 'table', caption: 'Audits by type', columns: ['Type', 'Audits'], numeric: [1], rows: types.map(([t, n]) => [t, fmtInt(n)]), emptyText: 'No audits were conducted in the period.' },
  ];
}

function effectivenessKpis(d: Derived): Block {
  const f = d.figures;
  const closed = d.input.findings.filter((x) => x.status === 'closed').length;
  const sitesAudited = new Set(d.input.audits.map((a) => a.siteId)).size;
  return {
    kind: 'table',
    caption: 'Performance indicators',
    columns: ['Indicator', 'Value'],
    numeric: [1],
    rows: [
      ['Share of mapped sites audited in the period', f.sites === 0 ? 'n/a (no sites)' : pct(sitesAudited / f.sites)],
      ['Findings closed', `${fmtInt(closed)} of ${fmtInt(f.findings)}`],
      ['High or critical findings still open', fmtInt(d.input.findings.filter((x) => x.status !== 'closed' && (x.severity === 'high' || x.severity === 'critical')).length)],
      ['Workers interviewed', fmtInt(f.workersInterviewed)],
      ['Suppliers with a current risk assessment', f.assessedSuppliers === null ? 'no assessment available' : fmtInt(f.assessedSuppliers)],
      ['Verified remediation records', d.input.remediation.available ? fmtInt(d.input.remediation.rows.records.verified) : 'not available'],
    ],
    emptyText: '',
  };
}

function approval(d: Derived, body: string): Section {
  const o = d.input.options;
  return {
    id: 'approval',
    title: 'Approval and signature',
    blocks: [
      { kind: 'kv', rows: [['Approving body', body], ['Approval date', o.approvalDate ?? 'Not yet approved'], ['Signatory', o.signatoryName ?? 'Not yet signed'], ['Title', o.signatoryTitle ?? '-']] },
      { kind: 'p', text: 'Signature: ________________________________' },
    ],
  };
}

function about(d: Derived): Section {
  const i = d.input;
  return {
    id: 'about',
    title: 'About this report',
    blocks: [
      ...emptyPeriodNotice(d),
      {
        kind: 'kv',
        rows: [
          ['Organisation', i.organization.name],
          ['Jurisdiction', i.organization.jurisdiction],
          ['Reporting period', `${i.periodStart} to ${i.periodEnd}`],
          ['Methodology version', i.methodologyVersion],
          ['Data as of', i.dataAsOf ?? 'no data recorded'],
        ],
      },
      keyFigures(d),
      { kind: 'notice', tone: 'info', text: CLASSIFICATION_NOTE },
    ],
  };
}

// ---------- report types ----------

function supplierDossier(d: Derived): Section[] {
  const i = d.input;
  const supplier = i.suppliers.find((s) => s.id === i.supplierId);
  if (supplier === undefined) return [{ id: 'supplier', title: 'Supplier', blocks: [{ kind: 'notice', tone: 'warn', text: 'The supplier could not be found.' }] }];
  const assessments = i.assessments.available ? i.assessments.rows : [];
  const parent = supplier.parentId === null ? '-' : supplier.parentName ?? d.supplierName.get(supplier.parentId) ?? supplier.parentId;
  const sections: Section[] = [
    {
      id: 'supplier',
      title: 'Supplier',
      blocks: [{ kind: 'kv', rows: [['Name', supplier.name], ['Reference', supplier.externalRef], ['Country', supplier.country], ['Sector', supplier.sector ?? '-'], ['Tier', String(supplier.tier)], ['Buyer / parent', parent]] }],
    },
    {
      id: 'sites',
      title: 'Sites',
      blocks: [
        {
          kind: 'table',
          columns: ['Reference', 'Name', 'Country', 'Sector', 'Headcount', 'Migrant share'],
          numeric: [4, 5],
          rows: i.sites.map((s) => [s.externalRef, s.name, s.country, s.sector ?? '-', s.headcount === null ? '-' : fmtInt(s.headcount), s.migrantWorkerShare === null ? '-' : pct(s.migrantWorkerShare)]),
          emptyText: 'The supplier has no mapped sites.',
        },
      ],
    },
    {
      id: 'recruiters',
      title: 'Recruitment agencies',
      blocks: [
        {
          kind: 'table',
          columns: ['Reference', 'Name', 'Country', 'Licence', 'Workers placed'],
          numeric: [4],
          rows: i.recruiters.map((r) => [r.externalRef, r.name, r.country, r.licenceStatus, fmtInt(r.workersPlaced)]),
          emptyText: 'No recruitment agency is engaged at the supplier\'s sites.',
        },
      ],
    },
    { id: 'audits', title: 'Audits', blocks: [auditsTable(d)] },
    { id: 'findings', title: 'Findings', blocks: [findingsTable(d), ...remediationProgress(d).slice(0, 1)] },
    {
      id: 'interviews',
      title: 'Worker interviews (aggregates)',
      blocks: [
        {
          kind: 'table',
          caption: `Sites with ${MIN_AGGREGATE} or more interviewed workers`,
          columns: ['Site', 'Workers', 'Paid fees', 'Passport held by other', 'Visa tied', 'Contract not in own language'],
          numeric: [1, 2, 3, 4, 5],
          rows: d.shownInterviews.map((r) => [d.siteById.get(r.siteId)?.name ?? r.siteId, fmtInt(r.workers), fmtInt(r.paidRecruitmentFees), fmtInt(r.passportHeldByOther), fmtInt(r.visaTiedToEmployer), fmtInt(r.contractNotInOwnLanguage)]),
          emptyText: `No site has ${MIN_AGGREGATE} or more interviewed workers in the period.`,
        },
        ...prevalence(d),
      ],
    },
    {
      id: 'assessments',
      title: 'Risk assessments',
      blocks: !i.assessments.available
        ? [{ kind: 'notice', tone: 'info', text: `No assessment available: ${i.assessments.reason}` }]
        : assessments.length === 0
          ? [{ kind: 'notice', tone: 'info', text: 'No assessment available: the supplier and its sites have no current risk assessment.' }]
          : [
              { kind: 'notice', tone: 'info', text: CLASSIFICATION_NOTE },
              {
                kind: 'table',
                columns: ['Subject', 'Name', 'Score', 'Band', 'Fees', 'Tied visa', 'Documents', 'Confidence', 'Sample', 'As of'],
                numeric: [2, 4, 5, 6, 8],
                rows: assessments.map((a) =>
                  withheld(a)
                    ? [a.subjectType, a.name ?? a.subjectId, 'withheld', `fewer than ${MIN_AGGREGATE} workers`, '-', '-', '-', a.confidence, `< ${MIN_AGGREGATE}`, a.asOf]
                    : [a.subjectType, a.name ?? a.subjectId, a.overall.toFixed(1), a.band, a.recruitmentFee.toFixed(1), a.tiedVisa.toFixed(1), a.documentConfiscation.toFixed(1), a.confidence, fmtInt(a.sampleSize), a.asOf],
                ),
                emptyText: '',
              },
              ...assessments.flatMap((a): Block[] =>
                a.explanation.length === 0 || withheld(a) ? [] : [{ kind: 'table', caption: `Explanation: ${a.subjectType} ${a.name ?? a.subjectId} (${a.methodologyVersion})`, columns: ['Contributing rule or indicator'], rows: a.explanation.map((e) => [e]), emptyText: '' }],
              ),
            ],
    },
    { id: 'remediation', title: 'Remediation', blocks: remediationProgress(d).slice(1) },
    {
      id: 'blocks',
      title: 'Blocks',
      blocks: !i.blocks.available
        ? [{ kind: 'notice', tone: 'info', text: `No block information available: ${i.blocks.reason}` }]
        : [
            {
              kind: 'table',
              columns: ['Subject', 'Status', 'Legal ground', 'Jurisdiction', 'From', 'To', 'Reason'],
              rows: i.blocks.rows.map((b) => [b.subjectName, b.status, b.legalGround, b.jurisdiction, b.startsOn, b.endsOn, b.reason]),
              emptyText: 'No block is recorded against this supplier.',
            },
          ],
    },
    {
      id: 'evidence',
      title: 'Evidence annex',
      blocks: [
        {
          kind: 'table',
          columns: ['Finding', 'Indicator', 'Evidence kind', 'Evidence reference'],
          rows: i.findings.flatMap((f) => (f.evidence.length === 0 ? [[f.externalRef, f.indicatorCode, '-', '-']] : f.evidence.map((e) => [f.externalRef, f.indicatorCode, e.kind ?? '-', e.reference ?? '-']))),
          emptyText: 'No evidence items are attached to findings in the period.',
        },
      ],
    },
  ];
  return sections;
}

function ukS54(d: Derived): Section[] {
  const o = d.input.options;
  return [
    { id: 'a', title: '(a) Structure, business and supply chains', blocks: supplyChainStructure(d) },
    { id: 'b', title: '(b) Policies on slavery and human trafficking', blocks: [{ kind: 'p', text: text(o.policies) }] },
    { id: 'c', title: '(c) Due diligence processes', blocks: dueDiligenceProcess(d) },
    { id: 'd', title: '(d) Parts of the business and supply chains where there is a risk, and steps taken to assess and manage it', blocks: [...riskCharts(d), highRiskSuppliers(d), ...remediationProgress(d)] },
    { id: 'e', title: '(e) Effectiveness, measured against performance indicators', blocks: [effectivenessKpis(d), ...prevalence(d)] },
    { id: 'f', title: '(f) Training on slavery and human trafficking', blocks: [{ kind: 'p', text: text(o.training) }] },
    approval(d, 'Board of directors (s.54(6))'),
  ];
}

function auS16(d: Derived): Section[] {
  const o = d.input.options;
  const i = d.input;
  return [
    { id: 'a', title: 'Criterion (a): identify the reporting entity', blocks: [{ kind: 'kv', rows: [['Reporting entity', i.organization.name], ['Jurisdiction', i.organization.jurisdiction], ['Reporting period', `${i.periodStart} to ${i.periodEnd}`]] }] },
    { id: 'b', title: 'Criterion (b): structure, operations and supply chains', blocks: supplyChainStructure(d) },
    { id: 'c', title: 'Criterion (c): risks of modern slavery practices in operations and supply chains (including owned or controlled entities)', blocks: [...riskCharts(d), highRiskSuppliers(d), ...prevalence(d)] },
    { id: 'd', title: 'Criterion (d): actions taken to assess and address those risks, including due diligence and remediation', blocks: [...dueDiligenceProcess(d), ...remediationProgress(d)] },
    { id: 'e', title: 'Criterion (e): how the effectiveness of those actions is assessed', blocks: [effectivenessKpis(d)] },
    { id: 'f', title: 'Criterion (f): process of consultation with owned or controlled entities', blocks: [{ kind: 'p', text: text(o.consultation) }] },
    { id: 'g', title: 'Criterion (g): any other relevant information', blocks: [{ kind: 'p', text: text(o.otherInformation) }, { kind: 'p', text: `Training: ${text(o.training)}` }] },
    approval(d, 'Principal governing body (s.16(2))'),
  ];
}

function caS211(d: Derived): Section[] {
  const o = d.input.options;
  const i = d.input;
  const f = d.figures;
  const sectors = sortedCounts(i.suppliers.map((s) => s.sector ?? 'unspecified')).map(([s]) => s);
  const riskSectors = [...new Set(i.findings.filter((x) => x.severity === 'high' || x.severity === 'critical').map((x) => d.siteById.get(i.audits.find((a) => a.id === x.auditId)?.siteId ?? '')?.sector ?? 'unspecified'))].sort();
  const remediationYes = i.findings.some((x) => x.status !== 'open') || (i.remediation.available && i.remediation.rows.records.total > 0);
  const riskIdentified = f.findingsHighOrCritical > 0 || d.supplierAssessments.some((a) => a.band === 'high' || a.band === 'critical');
  const otherJ = o.otherJurisdictions && o.otherJurisdictions.length > 0 ? `Yes: ${o.otherJurisdictions.join(', ')}` : 'Not stated';
  const answers: Record<string, string> = {
    Q01: remediationYes ? `Yes. ${fmtInt(i.findings.filter((x) => x.status !== 'open').length)} findings were in remediation or closed in the period.` : 'No remediation measures were recorded in the period.',
    Q02: `Mapping of ${fmtInt(f.suppliers)} suppliers and ${fmtInt(f.sites)} sites; ${fmtInt(f.audits)} audits; ${fmtInt(f.workersInterviewed)} confidential worker interviews; indicator-based risk assessment (${i.methodologyVersion}); remediation tracking of ${fmtInt(f.findings)} findings.`,
    Q03: 'Producing, buying and importing goods through the supply chain described in section (a).',
    Q04: o.policies ? 'Yes. See section (b).' : 'Not stated',
    Q05: o.lossOfIncomeRemediation ? `Yes. ${o.lossOfIncomeRemediation}` : 'No such measures were recorded.',
    Q06: o.training ? `Yes${o.trainingMandatory === true ? ' (mandatory)' : o.trainingMandatory === false ? ' (not mandatory)' : ''}.` : 'Not stated',
    Q07: 'Yes: the performance indicators in section (g).',
    Q08: o.revisedReport ? 'Yes' : 'No',
    Q09: otherJ,
    Q10: i.organization.name,
    Q11: o.revisedReport ? 'Yes' : 'No',
    Q12: o.jointReportEntities && o.jointReportEntities.length > 0 ? `Yes: ${o.jointReportEntities.join(', ')}` : 'No',
    Q13: otherJ,
    Q14: 'Not stated',
    Q15: sectors.length > 0 ? sectors.slice(0, 10).join(', ') : 'No suppliers are mapped.',
    Q16: i.organization.jurisdiction,
    Q17: riskIdentified ? 'Yes. See section (c).' : 'No parts carrying a risk were identified in the period.',
    Q18: riskSectors.length > 0 ? `Yes: ${riskSectors.join(', ')}` : 'No sector-specific risk was identified in the period.',
  };
  return [
    { id: 'a', title: 's.11(3)(a) Structure, activities and supply chains', blocks: [...supplyChainStructure(d), { kind: 'kv', rows: [['Business numbers', o.businessNumbers?.join(', ') || 'Not stated'], ['Joint report entities', o.jointReportEntities?.join(', ') || 'None']] }] },
    { id: 'b', title: 's.11(3)(b) Policies and due diligence processes', blocks: [{ kind: 'p', text: text(o.policies) }, ...dueDiligenceProcess(d)] },
    { id: 'c', title: 's.11(3)(c) Parts of the business and supply chains that carry a risk, and steps taken to assess and manage it', blocks: [...riskCharts(d), highRiskSuppliers(d)] },
    { id: 'd', title: 's.11(3)(d) Measures taken to remediate forced labour or child labour', blocks: remediationProgress(d) },
    { id: 'e', title: 's.11(3)(e) Measures taken to remediate the loss of income to the most vulnerable families', blocks: [{ kind: 'p', text: text(o.lossOfIncomeRemediation) }] },
    { id: 'f', title: 's.11(3)(f) Training provided to employees', blocks: [{ kind: 'p', text: text(o.training) }, { kind: 'kv', rows: [['Training mandatory', o.trainingMandatory === undefined ? 'Not stated' : o.trainingMandatory ? 'Yes' : 'No']] }] },
    { id: 'g', title: 's.11(3)(g) How the entity assesses its effectiveness', blocks: [effectivenessKpis(d), ...prevalence(d)] },
    { id: 'questionnaire', title: 'Questionnaire responses (Public Safety Canada)', blocks: [{ kind: 'qa', items: CANADA_S211_QUESTIONS.map((q) => ({ id: q.id, question: q.text, answer: answers[q.id] ?? 'Not stated' })) }] },
    {
      id: 'attestation',
      title: 'Attestation',
      blocks: [
        { kind: 'p', text: 'In accordance with the requirements of the Act, and in particular section 11 thereof, I attest that I have reviewed the information contained in the report for the entity listed above. Based on my knowledge, and having exercised reasonable diligence, I attest that the information in the report is true, accurate and complete in all material respects for the purposes of the Act, for the reporting year listed above.' },
        { kind: 'kv', rows: [['Governing body approval date', o.approvalDate ?? 'Not yet approved'], ['Signatory', o.signatoryName ?? 'Not yet signed'], ['Title', o.signatoryTitle ?? '-'], ['Due date', `${Number(i.periodEnd.slice(0, 4)) + 1}-05-31`]] },
        { kind: 'p', text: 'I have the authority to bind the entity. Signature: ________________________________' },
      ],
    },
  ];
}

function euFlr(d: Derived): Section[] {
  const i = d.input;
  const o = i.options;
  const products = o.products ?? [];
  const countries = sortedCounts(i.sites.map((s) => s.country));
  const closed = i.findings.filter((f) => f.status === 'closed').length;
  return [
    {
      id: 'products',
      title: 'Products concerned',
      blocks: [{ kind: 'table', columns: ['Product', 'HS / CN code'], rows: products.map((p) => [p.name, p.hsCode ?? '-']), emptyText: 'No product was named in the request: the submission covers every product sourced through the suppliers below.' }],
    },
    {
      id: 'operators',
      title: 'Manufacturers, producers and suppliers through the chain',
      blocks: [
        {
          kind: 'table',
          columns: ['Supplier', 'Reference', 'Tier', 'Country', 'Sector'],
          numeric: [2],
          rows: [...i.suppliers].sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name)).slice(0, 60).map((s) => [s.name, s.externalRef, String(s.tier), s.country, s.sector ?? '-']),
          emptyText: 'No suppliers are mapped.',
        },
        ...(i.suppliers.length > 60 ? [{ kind: 'p' as const, text: `${fmtInt(i.suppliers.length - 60)} further suppliers are listed in the organisation's supplier register.` }] : []),
      ],
    },
    { id: 'geographies', title: 'Geographies of production', blocks: [{ kind: 'table', columns: ['Country', 'Sites'], numeric: [1], rows: countries.map(([c, n]) => [c, fmtInt(n)]), emptyText: 'No sites are mapped.' }] },
    {
      id: 'actions',
      title: 'Due-diligence actions: identify, prevent, mitigate, bring to an end, remediate',
      blocks: [
        {
          kind: 'table',
          columns: ['Step', 'Actions in the period'],
          rows: [
            ['Identify', `Supply-chain mapping of ${fmtInt(d.figures.suppliers)} suppliers; ${fmtInt(d.figures.audits)} audits; ${fmtInt(d.figures.workersInterviewed)} worker interviews; indicator-based risk assessment (${i.methodologyVersion}).`],
            ['Prevent', text(o.policies)],
            ['Mitigate', `${fmtInt(i.findings.filter((f) => f.status === 'remediating').length)} findings under corrective action.`],
            ['Bring to an end', `${fmtInt(closed)} findings closed; ${d.figures.blocks === null ? 'block records not available' : `${fmtInt(d.figures.blocks)} block(s) recorded`}.`],
            ['Remediate', i.remediation.available ? `${fmtInt(i.remediation.rows.records.verified)} verified remediation records of ${fmtInt(i.remediation.rows.records.total)}.` : 'No remediation records available.'],
          ],
          emptyText: '',
        },
      ],
    },
    { id: 'risk', title: 'Risk-based assessment (Art. 14 factors)', blocks: [...riskCharts(d), ...prevalence(d)] },
    { id: 'audits', title: 'Audits and certifications', blocks: [auditsTable(d)] },
    { id: 'remediation', title: 'Remediation evidence', blocks: remediationProgress(d) },
    {
      id: 'state',
      title: 'State-imposed forced labour exposure and database hits',
      blocks: [{ kind: 'p', text: `Sites are located in ${countries.length} countries. Exposure to state-imposed forced labour is not scored by methodology ${i.methodologyVersion}; the Commission database of forced-labour risk areas and products is to be checked at submission time.` }],
    },
  ];
}

function usFar(d: Derived): Section[] {
  const i = d.input;
  const o = i.options;
  const serious = i.findings.filter((f) => f.severity === 'high' || f.severity === 'critical');
  const conclusion = serious.length === 0 ? 'A' : 'B';
  const recruiterIssues = i.recruiters.filter((r) => r.licenceStatus !== 'valid');
  return [
    { id: 'contract', title: 'Contract', blocks: [{ kind: 'kv', rows: [['Contractor', i.organization.name], ['Contract number', o.contractNumber ?? 'Not stated'], ['Contracting agency', o.contractingAgency ?? 'Not stated'], ['Period', `${i.periodStart} to ${i.periodEnd}`]] }] },
    {
      id: 'plan',
      title: 'Compliance plan (52.222-50(h)(3))',
      blocks: [
        {
          kind: 'table',
          columns: ['Element', 'Content'],
          rows: [
            ['(i) Awareness program', text(o.training)],
            ['(ii) Reporting process and hotline', o.hotline ?? 'Global Human Trafficking Hotline 1-844-888-FREE, help@befree.org'],
            ['(iii) Recruitment and wage plan', `${fmtInt(i.recruiters.length)} recruitment agencies engaged, ${fmtInt(recruiterIssues.length)} without a valid licence. Recruitment fees charged to workers are prohibited.`],
            ['(iv) Housing plan', 'Housing at supplier sites is inspected during audits against host-country housing and safety standards.'],
            ['(v) Subcontractor procedures', `${fmtInt(d.figures.suppliers)} suppliers mapped; ${fmtInt(d.figures.audits)} audits in the period; findings tracked to closure.`],
          ],
          emptyText: '',
        },
      ],
    },
    { id: 'monitoring', title: 'Monitoring results', blocks: [...dueDiligenceProcess(d), ...prevalence(d), ...remediationProgress(d)] },
    {
      id: 'certification',
      title: 'Certification annex (52.222-50(h)(5))',
      blocks: [
        { kind: 'kv', rows: [['Compliance plan implemented', 'Yes'], ['Due-diligence conclusion', conclusion === 'A' ? 'A: no abuses relating to the prohibited activities were found' : `B: ${fmtInt(serious.length)} high or critical indicator findings; remedial and referral actions taken`]] },
        ...(conclusion === 'B' ? [findingsTable({ ...d, input: { ...i, findings: serious } })] : []),
        { kind: 'table', caption: 'Notifications to the Contracting Officer and Inspector General', columns: ['Date to CO', 'Date to IG', 'Allegation', 'Actions'], rows: [], emptyText: 'No notification is recorded for the period.' },
        { kind: 'p', text: `Signed for the contractor: ${o.signatoryName ?? '________________'} ${o.signatoryTitle ? `(${o.signatoryTitle})` : ''}  Date: ${o.approvalDate ?? '__________'}` },
      ],
    },
  ];
}

const BUILDERS: Record<ReportType, (d: Derived) => Section[]> = {
  supplier_dossier: supplierDossier,
  uk_msa_s54: ukS54,
  au_msa_s16: auS16,
  ca_s211: caS211,
  eu_flr: euFlr,
  us_far_52_222_50: usFar,
};

/** Build the typed model of a report from its gathered data (pure and deterministic). */
export function buildReportModel(input: ReportInput): ReportModel {
  const d = derive(input);
  const subjectSupplier = input.supplierId === null ? undefined : input.suppliers.find((s) => s.id === input.supplierId);
  return {
    schemaVersion: 1,
    type: input.type,
    title: REPORT_TITLES[input.type],
    subtitle: subjectSupplier ? subjectSupplier.name : input.organization.name,
    organization: { name: input.organization.name, jurisdiction: input.organization.jurisdiction },
    period: { start: input.periodStart, end: input.periodEnd },
    methodologyVersion: input.methodologyVersion,
    dataAsOf: input.dataAsOf,
    subject: subjectSupplier ? { supplierId: subjectSupplier.id, name: subjectSupplier.name } : null,
    emptyPeriod: isEmptyPeriod(input),
    figures: d.figures,
    sections: [about(d), ...BUILDERS[input.type](d)],
  };
}
