/**
 * The demo pipeline: an ordered list of stages sharing one context and one
 * summary object (written to out/demo-summary.json after every stage).
 *
 * Later issues append stages (scoring, screenings, reports) to DEMO_STAGES in
 * ./stages/index.ts. A stage reads what earlier stages left on the context
 * (API base URL, keys, imported files) and adds its own section to
 * `ctx.summary` (e.g. `ctx.summary.scoring = { bands, topSuppliers }`).
 */
import type { DataSource } from 'typeorm';
import type { OrganizationKind, Role } from '@lantern/domain';
import type { AppConfig } from '@lantern/platform';
import { ApiClient } from './api-client.js';
import type { DemoConsole } from './console.js';
import type { DemoOptions } from './options.js';
import type { DemoDataset } from './dataset.js';
import type { DemoFile } from './files.js';
import type { ServiceSupervisor } from './supervisor.js';

/** Keys of the demo organisations (see ./organizations.ts). */
export type DemoOrgKey = 'company' | 'procurement' | 'regulator' | 'auditFirm';

export interface DemoOrganization {
  key: DemoOrgKey;
  id: string;
  name: string;
  kind: OrganizationKind;
  jurisdiction: string;
}

/** One issued API key, as printed and written to the summary. */
export interface DemoApiKey {
  organization: string;
  organizationId: string;
  kind: OrganizationKind;
  role: Role;
  key: string;
}

export interface DemoImportResult {
  kind: string;
  file: string;
  format: 'csv' | 'ndjson';
  importId: string;
  rows: number;
  accepted: number;
  rejected: number;
  expectedRejected: number;
  durationMs: number;
  /** Set on the file re-uploaded to show idempotency: the API answered duplicate: true. */
  duplicateReupload?: boolean;
  /** The first rejections the API reported (line, field, reason). */
  rejections?: { line: number; field: string | null; reason: string }[];
}

export interface DemoCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * out/demo-summary.json. The keys below are the contract of issue #2 §7;
 * later stages add sections of their own (scoring, screenings, reports).
 */
export interface DemoSummary {
  generatedAt: string;
  status: 'running' | 'completed' | 'failed' | 'serving';
  seed: number;
  counts: {
    organizations: number;
    suppliers: number;
    sites: number;
    recruiters: number;
    audits: number;
    interviews: number;
    rejectedRows: number;
    [extra: string]: number;
  };
  apiKeys: DemoApiKey[];
  imports: DemoImportResult[];
  timingsMs: Record<string, number>;
  /** Set with --serve once /health/ready answers 200. */
  apiBaseUrl?: string;
  docsUrl?: string;
  checks: DemoCheck[];
  error?: string;
  [section: string]: unknown;
}

export interface DemoContext {
  readonly options: DemoOptions;
  readonly config: AppConfig;
  /** Absolute paths. */
  readonly paths: { root: string; out: string; data: string; logs: string; summary: string };
  readonly console: DemoConsole;
  readonly db: DataSource;
  readonly summary: DemoSummary;
  organizations: Map<DemoOrgKey, DemoOrganization>;
  /** Set by the services stage. */
  services?: ServiceSupervisor;
  /** e.g. http://127.0.0.1:3000 (no trailing slash); set by the services stage. */
  baseUrl?: string;
  /** `${baseUrl}/api/v1`. */
  apiBaseUrl?: string;
  /** Set by the generate stage. */
  dataset?: DemoDataset;
  files?: DemoFile[];
  /** Stages may stash values for later stages here (typed by convention: `ctx.shared.get('scoring')`). */
  readonly shared: Map<string, unknown>;
}

export interface DemoStage {
  /** Key in summary.timingsMs, kebab or camel case. */
  readonly name: string;
  /** One line shown when the stage starts. */
  readonly title: string;
  run(ctx: DemoContext): Promise<void>;
}

/** A failure the demo reports as one clear message (no stack trace). */
export class DemoError extends Error {
  override readonly name = 'DemoError';
}

/** The API client for an organisation and role, from the keys issued by the reset stage. */
export function apiFor(ctx: DemoContext, org: DemoOrgKey, role: Role): ApiClient {
  const o = ctx.organizations.get(org);
  if (!o) throw new DemoError(`demo organisation ${org} was not created`);
  const key = ctx.summary.apiKeys.find((k) => k.organizationId === o.id && k.role === role);
  if (!key) throw new DemoError(`no ${role} key was issued for ${o.name}`);
  if (!ctx.apiBaseUrl) throw new DemoError('the API is not running (services stage missing)');
  return new ApiClient(ctx.apiBaseUrl, key.key);
}
