import type { PaperSize, ReportType } from './input.js';

/** Version of the report generator (models + templates + renderer); stored with every PDF. */
export const GENERATOR_VERSION = 'lantern-reports-1.0.0';

/** Minimum number of interviewed workers behind any figure derived from worker data. */
export const MIN_AGGREGATE = 5;

/** Wording used wherever a risk band or classification is shown. */
export const CLASSIFICATION_NOTE =
  'Risk bands and classifications in this report are indicator-based: they summarise the ILO forced-labour indicators observed in audits and worker interviews under the stated methodology. They are an aid to due diligence and prioritisation; they do not establish that forced labour or trafficking has occurred.';

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'notice'; tone: 'info' | 'warn'; text: string }
  | { kind: 'kv'; rows: [string, string][] }
  | { kind: 'table'; caption?: string; columns: string[]; numeric?: number[]; rows: string[][]; emptyText: string }
  | { kind: 'bars'; title: string; unit: string; max: number; data: { label: string; value: number; note?: string }[]; emptyText: string }
  | { kind: 'intervals'; title: string; data: { label: string; rate: number; lower: number; upper: number; k: number; n: number }[]; emptyText: string }
  | { kind: 'progress'; title: string; data: { label: string; closed: number; remediating: number; open: number }[]; emptyText: string }
  | { kind: 'qa'; items: { id: string; question: string; answer: string }[] };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

/** Key figures of the report; the same numbers the API gives (asserted by the e2e tests). */
export interface ReportFigures {
  suppliers: number;
  sites: number;
  recruiters: number;
  audits: number;
  findings: number;
  findingsOpen: number;
  findingsHighOrCritical: number;
  /** Workers interviewed at sites with at least MIN_AGGREGATE interviews in the period. */
  workersInterviewed: number;
  assessedSuppliers: number | null;
  blocks: number | null;
}

export interface ReportModel {
  schemaVersion: 1;
  type: ReportType;
  title: string;
  subtitle: string;
  organization: { name: string; jurisdiction: string };
  period: { start: string; end: string };
  methodologyVersion: string;
  dataAsOf: string | null;
  subject: { supplierId: string; name: string } | null;
  /** True when the period holds no audits, findings or interviews. */
  emptyPeriod: boolean;
  figures: ReportFigures;
  sections: Section[];
}

/** Presentation-only facts: not part of the model hash (they differ between renders of the same model). */
export interface RenderContext {
  paper: PaperSize;
  generatedAt: string;
  reportId?: string;
}
