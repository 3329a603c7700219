import { normalizeCountry } from '@lantern/domain';
import { parseNameCell } from './name-grammar.js';
import { dedupeNames, parseCsvRecords, parseListDate, stableId, type ListIssue, type ParsedList, type ParsedListEntry } from './types.js';

/** Statuses under which a WRO or Finding still detains goods (list_and_registry_formats.json). */
const ACTIVE_STATUSES = new Set(['active', 'partially active']);

function col(r: Record<string, string>, name: string): string {
  return (r[name] ?? '').trim();
}

/**
 * CBP Withhold Release Orders and Findings dataset (CSV, Latin-1). One row
 * per order; `Status` Active / Partially Active keep it in force, anything
 * else (Inactive, Modified, Revoked) takes it out whatever the dates. Orders
 * without an entity (country- or merchandise-wide) cannot be matched by name
 * and are reported as issues.
 */
export function parseCbpWro(text: string): ParsedList {
  const { records, lines } = parseCsvRecords(text);
  const entries: ParsedListEntry[] = [];
  const issues: ListIssue[] = [];
  records.forEach((r, i) => {
    const line = lines[i];
    const entity = col(r, 'Entity');
    if (entity === '') {
      issues.push({ line, reason: `no Entity (order on ${col(r, 'Merchandise') || 'merchandise'} from ${col(r, 'Country') || 'a country'}): not name-matchable, skipped` });
      return;
    }
    const effective = parseListDate(col(r, 'Effective Date'));
    if (!effective.ok) {
      issues.push({ line, reason: `unreadable Effective Date "${col(r, 'Effective Date')}": skipped` });
      return;
    }
    const code = col(r, 'Country Code');
    const country = (code !== '' ? normalizeCountry(code) : null) ?? (col(r, 'Country') !== '' ? normalizeCountry(col(r, 'Country')) : null);
    if (country === null && (code !== '' || col(r, 'Country') !== '')) issues.push({ line, reason: `unknown country "${code || col(r, 'Country')}": kept without country` });
    const status = col(r, 'Status');
    const kind = col(r, 'WRO/Finding');
    const cell = parseNameCell(entity);
    entries.push({
      sourceId: stableId('cbp', kind, entity, col(r, 'Effective Date'), col(r, 'Merchandise')),
      schema: 'Company',
      names: dedupeNames(cell.names),
      countries: country === null ? [] : [country],
      identifiers: [],
      program: kind ? `CBP ${kind} (19 U.S.C. 1307)` : 'CBP Withhold Release Order (19 U.S.C. 1307)',
      authority: 'U.S. Customs and Border Protection',
      reason: [col(r, 'Merchandise'), col(r, 'Remarks')].filter((s) => s !== '').join('; ') || null,
      startsOn: effective.date,
      endsOn: null,
      sourceStatus: status || null,
      inactive: status !== '' && !ACTIVE_STATUSES.has(status.toLowerCase()),
      details: {
        industry: col(r, 'Industry') || null,
        merchandise: col(r, 'Merchandise') || null,
        pressRelease: col(r, 'Press Release') || null,
        calendarYear: col(r, 'Calendar Year') || null,
        coversAffiliates: cell.coversAffiliates || undefined,
      },
    });
  });
  return { format: 'cbp_wro', entries, issues };
}
