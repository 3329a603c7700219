import { FINDING_SEVERITIES, FINDING_STATUSES, INDICATOR_CODES, isIndicatorCode } from '@lantern/domain';
import type { RawRow } from '../parse/rows.js';
import { copyText } from '../load/copy-text.js';
import { columnIndex } from './columns.js';
import { LONG_TEXT_MAX, readEnum, readRef, readText, show, type Issues } from './fields.js';
import { loadRefMap, unresolved, upsertSql, type KindHandler, type KindSpec, type Queryable, type StagingColumn, type ValidationContext } from './kind-spec.js';

const C = columnIndex('findings');

const STAGING: readonly StagingColumn[] = [
  ['external_ref', 'text'],
  ['audit_id', 'uuid'],
  ['indicator_code', 'text'],
  ['severity', 'text'],
  ['status', 'text'],
  ['description', 'text'],
];

class FindingsHandler implements KindHandler {
  readonly staging = STAGING;

  constructor(
    private readonly ctx: ValidationContext,
    private readonly audits: ReadonlyMap<string, string>,
  ) {}

  validate(row: RawRow, issues: Issues): string | undefined {
    const start = issues.length;
    const ref = readRef(row, C.ref, 'ref', issues, true);
    let auditId: string | undefined;
    const auditRef = readRef(row, C.audit_ref, 'audit_ref', issues, true);
    if (auditRef !== undefined) {
      auditId = this.audits.get(auditRef);
      if (auditId === undefined) issues.push({ field: 'audit_ref', reason: unresolved('audit', auditRef, 'import the audits first') });
    }
    let code: string | undefined;
    const rawCode = readText(row, C.indicator_code, 'indicator_code', issues, true, 40);
    if (rawCode !== undefined) {
      code = rawCode.toUpperCase().replace(/_/g, '-');
      if (!isIndicatorCode(code)) {
        issues.push({ field: 'indicator_code', reason: `must be one of ${INDICATOR_CODES.join(', ')}; got ${show(rawCode)}` });
      }
    }
    const severity = readEnum(row, C.severity, 'severity', issues, FINDING_SEVERITIES, undefined);
    const status = readEnum(row, C.status, 'status', issues, FINDING_STATUSES, 'open');
    const description = readText(row, C.description, 'description', issues, true, LONG_TEXT_MAX);
    if (issues.length > start) return undefined;
    return [copyText(ref!), auditId!, code!, severity!, status!, copyText(description!)].join('\t');
  }

  async merge(db: Queryable, staging: string): Promise<void> {
    await db.query(upsertSql('findings', staging, STAGING.map(([c]) => c)), [this.ctx.organizationId]);
  }
}

export const findingsKind: KindSpec = {
  kind: 'findings',
  table: 'findings',
  async prepare(db, ctx) {
    return new FindingsHandler(ctx, await loadRefMap(db, 'audits', ctx.organizationId));
  },
};
