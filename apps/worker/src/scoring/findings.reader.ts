/**
 * The audit findings a scoring run applies (rule FIND-01, docs/methodology.md
 * §6.3): one query per run, in the run's snapshot. Findings are few per site,
 * so this is O(findings), next to the set-based pass over the interviews.
 *
 * The query only narrows what the engine would read anyway (catalogued codes,
 * audits dated on or before the as-of date and less than findings.expiryDays
 * before it); `scoreFindings` applies the same conditions again, and the parity
 * test (test/integration/scoring-parity.int-spec.ts) holds this path to a
 * reference that reads every finding of the organisation.
 */
import { FINDING_FACT_COLUMNS, findingToFacts, type FindingFactRow, type QueryFn } from '@lantern/platform';
import { FINDING_CODES, type FindingFacts, type ScoringConfig } from '@lantern/scoring';
import type { ScoringScope } from './group-facts.sql.js';

export interface ReadSiteFindingsInput {
  organizationId: string;
  asOf: string;
  config: ScoringConfig;
  /** `organization`: every site; `subset`: the sites listed. */
  scope: ScoringScope;
}

/** site id -> its findings, by finding id. */
export async function readSiteFindings(query: QueryFn, input: ReadSiteFindingsInput): Promise<Map<string, FindingFacts[]>> {
  const params: unknown[] = [input.organizationId, FINDING_CODES, input.asOf, input.config.findings.expiryDays];
  let sites = '';
  if (input.scope.kind === 'subset') {
    params.push(input.scope.siteIds);
    sites = `AND a.site_id = ANY($5::uuid[])`;
  }
  const rows = await query<FindingFactRow>(
    `SELECT ${FINDING_FACT_COLUMNS}
       FROM findings f JOIN audits a ON a.id = f.audit_id AND a.organization_id = f.organization_id
      WHERE f.organization_id = $1 AND f.indicator_code = ANY($2::text[])
        AND a.conducted_at < (($3::date + 1)::timestamp AT TIME ZONE 'UTC')
        AND a.conducted_at >= (($3::date - $4::int + 1)::timestamp AT TIME ZONE 'UTC')
        ${sites}
      ORDER BY a.site_id, f.id`,
    params,
  );
  const out = new Map<string, FindingFacts[]>();
  for (const row of rows) {
    const facts = findingToFacts(row);
    const list = out.get(facts.siteId);
    if (list === undefined) out.set(facts.siteId, [facts]);
    else list.push(facts);
  }
  return out;
}
