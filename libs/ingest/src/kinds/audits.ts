import { AUDIT_TYPES } from '@lantern/domain';
import type { RawRow } from '../parse/rows.js';
import { copyNullable, copyText } from '../load/copy-text.js';
import { columnIndex } from './columns.js';
import { LONG_TEXT_MAX, readEnum, readRef, readText, readTimestamp, type Issues } from './fields.js';
import { loadRefMap, unresolved, upsertSql, type KindHandler, type KindSpec, type Queryable, type StagingColumn, type ValidationContext } from './kind-spec.js';

const C = columnIndex('audits');

const STAGING: readonly StagingColumn[] = [
  ['external_ref', 'text'],
  ['site_id', 'uuid'],
  ['type', 'text'],
  ['conducted_at', 'timestamptz'],
  ['audit_firm', 'text'],
  ['standard', 'text'],
  ['summary', 'text'],
];

class AuditsHandler implements KindHandler {
  readonly staging = STAGING;

  constructor(
    private readonly ctx: ValidationContext,
    private readonly sites: ReadonlyMap<string, string>,
  ) {}

  validate(row: RawRow, issues: Issues): string | undefined {
    const start = issues.length;
    const ref = readRef(row, C.ref, 'ref', issues, true);
    let siteId: string | undefined;
    const siteRef = readRef(row, C.site_ref, 'site_ref', issues, true);
    if (siteRef !== undefined) {
      siteId = this.sites.get(siteRef);
      if (siteId === undefined) issues.push({ field: 'site_ref', reason: unresolved('site', siteRef, 'import the sites first') });
    }
    const type = readEnum(row, C.type, 'type', issues, AUDIT_TYPES, undefined);
    const conductedAt = readTimestamp(row, C.conducted_at, 'conducted_at', issues, true, this.ctx.now);
    const firm = readText(row, C.audit_firm, 'audit_firm', issues, false, 500);
    const standard = readText(row, C.standard, 'standard', issues, false, 200);
    const summary = readText(row, C.summary, 'summary', issues, false, LONG_TEXT_MAX);
    if (issues.length > start) return undefined;
    return [copyText(ref!), siteId!, type!, conductedAt!, copyNullable(firm), copyNullable(standard), copyNullable(summary)].join('\t');
  }

  async merge(db: Queryable, staging: string): Promise<void> {
    await db.query(upsertSql('audits', staging, STAGING.map(([c]) => c)), [this.ctx.organizationId]);
  }
}

export const auditsKind: KindSpec = {
  kind: 'audits',
  table: 'audits',
  async prepare(db, ctx) {
    return new AuditsHandler(ctx, await loadRefMap(db, 'sites', ctx.organizationId));
  },
};
