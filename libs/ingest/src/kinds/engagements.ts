import type { RawRow } from '../parse/rows.js';
import { COPY_NULL as N, copyText } from '../load/copy-text.js';
import { columnIndex } from './columns.js';
import { readCountry, readDate, readInt, readRef, type Issues } from './fields.js';
import { loadRefMap, unresolved, upsertSql, type KindHandler, type KindSpec, type Queryable, type StagingColumn, type ValidationContext } from './kind-spec.js';

const C = columnIndex('engagements');

const STAGING: readonly StagingColumn[] = [
  ['external_ref', 'text'],
  ['recruiter_id', 'uuid'],
  ['site_id', 'uuid'],
  ['origin_country', 'text'],
  ['destination_country', 'text'],
  ['starts_on', 'date'],
  ['ends_on', 'date'],
  ['workers_placed', 'integer'],
];

class EngagementsHandler implements KindHandler {
  readonly staging = STAGING;

  constructor(
    private readonly ctx: ValidationContext,
    private readonly recruiters: ReadonlyMap<string, string>,
    private readonly sites: ReadonlyMap<string, string>,
  ) {}

  validate(row: RawRow, issues: Issues): string | undefined {
    const start = issues.length;
    const ref = readRef(row, C.ref, 'ref', issues, true);
    let recruiterId: string | undefined;
    const recruiterRef = readRef(row, C.recruiter_ref, 'recruiter_ref', issues, true);
    if (recruiterRef !== undefined) {
      recruiterId = this.recruiters.get(recruiterRef);
      if (recruiterId === undefined) issues.push({ field: 'recruiter_ref', reason: unresolved('recruiter', recruiterRef, 'import the recruiters first') });
    }
    let siteId: string | undefined;
    const siteRef = readRef(row, C.site_ref, 'site_ref', issues, true);
    if (siteRef !== undefined) {
      siteId = this.sites.get(siteRef);
      if (siteId === undefined) issues.push({ field: 'site_ref', reason: unresolved('site', siteRef, 'import the sites first') });
    }
    const origin = readCountry(row, C.origin_country, 'origin_country', issues, true);
    const destination = readCountry(row, C.destination_country, 'destination_country', issues, true);
    const startsOn = readDate(row, C.starts_on, 'starts_on', issues);
    const endsOn = readDate(row, C.ends_on, 'ends_on', issues);
    if (startsOn !== undefined && endsOn !== undefined && endsOn < startsOn) {
      issues.push({ field: 'ends_on', reason: `must not be before starts_on (${startsOn}); got ${JSON.stringify(endsOn)}` });
    }
    const workers = readInt(row, C.workers_placed, 'workers_placed', issues, 0, 10_000_000);
    if (issues.length > start) return undefined;
    return [
      copyText(ref!),
      recruiterId!,
      siteId!,
      origin!,
      destination!,
      startsOn ?? N,
      endsOn ?? N,
      workers === undefined ? N : String(workers),
    ].join('\t');
  }

  async merge(db: Queryable, staging: string): Promise<void> {
    await db.query(upsertSql('recruitment_engagements', staging, STAGING.map(([c]) => c)), [this.ctx.organizationId]);
  }
}

export const engagementsKind: KindSpec = {
  kind: 'engagements',
  table: 'recruitment_engagements',
  async prepare(db, ctx) {
    return new EngagementsHandler(ctx, await loadRefMap(db, 'recruiters', ctx.organizationId), await loadRefMap(db, 'sites', ctx.organizationId));
  },
};
