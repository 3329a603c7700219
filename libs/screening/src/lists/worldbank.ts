import { normalizeCountry } from '@lantern/domain';
import { parseNameCell } from './name-grammar.js';
import { dedupeNames, parseListDate, stableId, type ListIssue, type ParsedList, type ParsedListEntry } from './types.js';

interface WorldBankFirm {
  SUPP_ID?: string | number;
  SUPP_NAME?: string;
  SUPP_ADDR?: string;
  SUPP_CITY?: string;
  COUNTRY_NAME?: string;
  DEBAR_REASON?: string;
  DEBAR_FROM_DATE?: string;
  DEBAR_TO_DATE?: string;
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * World Bank "Debarred and cross-debarred firms and individuals" API answer:
 * `{ "response": { "ZPROCSUPP": [ ... ] } }` (a bare array is accepted too).
 * Aliases are written inside SUPP_NAME ("a.k.a.", "f/k/a", "d/b/a",
 * "(formerly ...)"); a trailing `*` marks a cross-debarment.
 */
export function parseWorldBankDebarred(text: string): ParsedList {
  const issues: ListIssue[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { format: 'worldbank_debarred', entries: [], issues: [{ reason: `not JSON: ${(err as Error).message}` }] };
  }
  const items: unknown = Array.isArray(doc) ? doc : (doc as { response?: { ZPROCSUPP?: unknown } })?.response?.ZPROCSUPP;
  if (!Array.isArray(items)) {
    return { format: 'worldbank_debarred', entries: [], issues: [{ reason: 'expected response.ZPROCSUPP to be an array' }] };
  }
  const entries: ParsedListEntry[] = [];
  items.forEach((raw, i) => {
    const item = raw as WorldBankFirm;
    const line = i + 1;
    const rawName = str(item.SUPP_NAME);
    if (rawName === '') {
      issues.push({ line, reason: 'SUPP_NAME is empty: skipped' });
      return;
    }
    const from = parseListDate(str(item.DEBAR_FROM_DATE));
    const to = parseListDate(str(item.DEBAR_TO_DATE));
    if (!from.ok || !to.ok) {
      issues.push({ line, reason: `unreadable debarment date ("${str(item.DEBAR_FROM_DATE)}" / "${str(item.DEBAR_TO_DATE)}"): skipped` });
      return;
    }
    const crossDebarment = /\*\s*$/.test(rawName);
    const cell = parseNameCell(rawName);
    const countryText = str(item.COUNTRY_NAME);
    const country = countryText === '' ? null : normalizeCountry(countryText);
    if (countryText !== '' && country === null) issues.push({ line, reason: `unknown country "${countryText}": kept without country` });
    const id = str(item.SUPP_ID);
    entries.push({
      sourceId: id !== '' ? `wb-${id}` : stableId('wb', rawName, countryText, str(item.DEBAR_FROM_DATE)),
      schema: 'LegalEntity',
      names: dedupeNames(cell.names),
      countries: country === null ? [] : [country],
      identifiers: id !== '' ? [{ scheme: 'wb_supplier', value: id }] : [],
      program: crossDebarment ? 'World Bank cross-debarment' : 'World Bank debarment',
      authority: 'World Bank Group',
      reason: str(item.DEBAR_REASON) || null,
      startsOn: from.date,
      endsOn: to.date,
      sourceStatus: null,
      inactive: false,
      details: {
        address: [str(item.SUPP_ADDR), str(item.SUPP_CITY)].filter((s) => s !== '').join(', ') || null,
        crossDebarment,
        coversAffiliates: cell.coversAffiliates || undefined,
      },
    });
  });
  return { format: 'worldbank_debarred', entries, issues };
}
