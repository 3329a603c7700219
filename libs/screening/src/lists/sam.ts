import { normalizeCountry } from '@lantern/domain';
import type { Identifier } from '../identifiers.js';
import { parseNameCell } from './name-grammar.js';
import {
  dedupeNames,
  parseCsvRecords,
  parseListDate,
  stableId,
  type EntrySchema,
  type ListIssue,
  type ListName,
  type ParsedList,
  type ParsedListEntry,
} from './types.js';

/** SAM.gov "Classification" -> entity schema (list_and_registry_formats.json). */
const CLASSIFICATION: Readonly<Record<string, EntrySchema>> = {
  individual: 'Person',
  firm: 'Company',
  'special entity designation': 'LegalEntity',
  '': 'LegalEntity',
  vessel: 'Vessel',
};

/** "(also  NAME ,  NAME )" -> names. */
function crossReferenceNames(cell: string): ListName[] {
  const inner = /\(\s*also\s+(.*?)\s*\)\s*$/is.exec(cell.trim())?.[1];
  if (inner === undefined) return cell.trim() === '' ? [] : [{ name: cell.trim(), kind: 'alias' }];
  return inner
    .split(/\s+,\s+|\s*;\s*/)
    .map((n) => ({ name: n.trim(), kind: 'alias' as const }))
    .filter((n) => n.name !== '');
}

function col(r: Record<string, string>, name: string): string {
  return (r[name] ?? '').trim();
}

/**
 * SAM.gov Exclusions public extract (V2 CSV). One row per exclusion record;
 * individuals are named by First/Middle/Last, firms by Name. `Termination
 * Date` "Indefinite" means no end. Rows without a Unique Entity ID (HHS/OPM)
 * are keyed on name + zip + city + agency + active date.
 */
export function parseSamExclusions(text: string): ParsedList {
  const { records, lines } = parseCsvRecords(text);
  const entries: ParsedListEntry[] = [];
  const issues: ListIssue[] = [];
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const line = lines[i];
    const classification = col(r, 'Classification').toLowerCase();
    const schema = CLASSIFICATION[classification] ?? 'LegalEntity';
    const personName = [col(r, 'Prefix'), col(r, 'First'), col(r, 'Middle'), col(r, 'Last'), col(r, 'Suffix')].filter((p) => p !== '').join(' ');
    const primary = schema === 'Person' && personName !== '' ? personName : col(r, 'Name') || personName;
    if (primary === '') {
      issues.push({ line, reason: 'row has no Name (nor First/Last): skipped' });
      return;
    }
    const active = parseListDate(col(r, 'Active Date'));
    const termination = parseListDate(col(r, 'Termination Date'));
    if (!active.ok || !termination.ok) {
      issues.push({ line, reason: `unreadable date (Active Date "${col(r, 'Active Date')}", Termination Date "${col(r, 'Termination Date')}"): skipped` });
      return;
    }
    const cell = parseNameCell(primary);
    const names = dedupeNames([...cell.names, ...crossReferenceNames(col(r, 'Cross-Reference'))]);
    const identifiers: Identifier[] = [];
    if (col(r, 'Unique Entity ID')) identifiers.push({ scheme: 'uei', value: col(r, 'Unique Entity ID') });
    if (col(r, 'CAGE')) identifiers.push({ scheme: 'cage', value: col(r, 'CAGE') });
    if (col(r, 'NPI')) identifiers.push({ scheme: 'npi', value: col(r, 'NPI') });
    const countryText = col(r, 'Country');
    const country = countryText === '' ? null : normalizeCountry(countryText);
    if (countryText !== '' && country === null) issues.push({ line, reason: `unknown country "${countryText}": kept without country` });
    let sourceId =
      col(r, 'Unique Entity ID') ||
      stableId('sam', classification, primary, col(r, 'Zip Code'), col(r, 'City'), col(r, 'Excluding Agency'), col(r, 'Active Date'));
    // One UEI can carry several exclusion records (different agencies or programmes).
    const dup = seen.get(sourceId) ?? 0;
    seen.set(sourceId, dup + 1);
    if (dup > 0) sourceId = `${sourceId}#${dup + 1}`;
    const status = col(r, 'Record Status');
    entries.push({
      sourceId,
      schema,
      names,
      countries: country === null ? [] : [country],
      identifiers,
      program: [col(r, 'Exclusion Program'), col(r, 'Exclusion Type')].filter((s) => s !== '').join(' / ') || null,
      authority: col(r, 'Excluding Agency') || null,
      reason: col(r, 'Additional Comments') || null,
      startsOn: active.date,
      endsOn: termination.date,
      sourceStatus: status || null,
      inactive: status !== '' && !/^active$/i.test(status),
      details: {
        address: [col(r, 'Address 1'), col(r, 'Address 2'), col(r, 'City'), col(r, 'State / Province'), col(r, 'Zip Code')].filter((s) => s !== '').join(', ') || null,
        exclusionType: col(r, 'Exclusion Type') || null,
        coversAffiliates: cell.coversAffiliates || undefined,
        createdOn: col(r, 'Creation_Date') || null,
      },
    });
  });
  return { format: 'sam_exclusions', entries, issues };
}
