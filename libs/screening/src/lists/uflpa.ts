import { parseNameCell } from './name-grammar.js';
import { dedupeNames, parseCsvRecords, parseListDate, stableId, type ListIssue, type ParsedList, type ParsedListEntry } from './types.js';

/** The statutory sub-lists of UFLPA s.2(d)(2)(B), by the roman numeral that names them. */
export const UFLPA_SUBLISTS: Readonly<Record<string, string>> = {
  i: 'UFLPA s.2(d)(2)(B)(i): entities in Xinjiang that mine, produce or manufacture goods with forced labour',
  ii: 'UFLPA s.2(d)(2)(B)(ii): entities working with the Xinjiang government to recruit, transport, transfer, harbor or receive forced labour or persecuted groups out of Xinjiang',
  iv: 'UFLPA s.2(d)(2)(B)(iv): entities that exported products made by (i)/(ii) entities from the PRC to the US',
  v: 'UFLPA s.2(d)(2)(B)(v): entities sourcing material from Xinjiang or XPCC for poverty-alleviation, pairing-assistance or other government labour schemes',
};

function subList(text: string): string | null {
  const m = /\((i|ii|iii|iv|v)\)\s*(?:$|[^(]*$)/i.exec(text.trim()) ?? /^(i|ii|iii|iv|v)$/i.exec(text.trim());
  const key = m?.[1]?.toLowerCase();
  return key !== undefined ? (UFLPA_SUBLISTS[key] ?? `UFLPA s.2(d)(2)(B)(${key})`) : text.trim() || null;
}

function decodeEntities(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;|&rsquo;|&lsquo;/g, "'")
    .replace(/&ldquo;|&rdquo;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\s+/g, ' ')
    .trim();
}

interface Row {
  name: string;
  effective: string;
  section: string;
  line?: number;
}

/** The DHS page: one <table> per sub-list, each preceded by a <strong> description naming the section. */
function rowsFromHtml(html: string): Row[] {
  const rows: Row[] = [];
  const tableRe = /<table[\s\S]*?<\/table>/gi;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = tableRe.exec(html)) !== null) {
    const before = html.slice(last, m.index);
    const strongs = [...before.matchAll(/<strong[^>]*>([\s\S]*?)<\/strong>/gi)];
    const section = strongs.length > 0 ? decodeEntities(strongs[strongs.length - 1]![1]!) : '';
    last = m.index + m[0].length;
    for (const tr of m[0].matchAll(/<tr[\s\S]*?<\/tr>/gi)) {
      const cells = [...tr[0].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/gi)].map((c) => decodeEntities(c[1]!));
      if (cells.length < 1 || cells[0] === '') continue;
      rows.push({ name: cells[0]!, effective: cells[1] ?? '', section });
    }
  }
  return rows;
}

function rowsFromCsv(text: string): Row[] {
  const { records, lines } = parseCsvRecords(text);
  return records.map((r, i) => {
    const get = (...names: string[]): string => {
      for (const n of names) {
        const key = Object.keys(r).find((k) => k.toLowerCase() === n);
        if (key !== undefined && (r[key] ?? '').trim() !== '') return r[key]!.trim();
      }
      return '';
    };
    return {
      name: get('name of entity', 'entity name', 'entity', 'name'),
      effective: get('effective date', 'date'),
      section: get('section', 'sub-list', 'sublist', 'list', 'program'),
      line: lines[i],
    };
  });
}

/**
 * UFLPA Entity List, as the DHS page (HTML tables) or a CSV transcription
 * (`Name of Entity`, `Effective Date` like "June 21, 2022", `Section`). The
 * name cell carries aliases and subsidiaries (see name-grammar.ts); each
 * becomes a name of the entry. Listings have no end date.
 */
export function parseUflpa(text: string): ParsedList {
  const rows = /<table/i.test(text) ? rowsFromHtml(text) : rowsFromCsv(text);
  const entries: ParsedListEntry[] = [];
  const issues: ListIssue[] = [];
  rows.forEach((row, i) => {
    const line = row.line ?? i + 1;
    if (row.name === '') {
      issues.push({ line, reason: 'no entity name: skipped' });
      return;
    }
    const effective = parseListDate(row.effective);
    if (!effective.ok) {
      issues.push({ line, reason: `unreadable Effective Date "${row.effective}": skipped` });
      return;
    }
    const cell = parseNameCell(row.name);
    const primary = cell.names.find((n) => n.kind === 'primary')?.name ?? row.name;
    entries.push({
      sourceId: stableId('uflpa', primary),
      schema: 'Company',
      names: dedupeNames(cell.names),
      countries: ['CN'],
      identifiers: [],
      program: subList(row.section),
      authority: 'Forced Labor Enforcement Task Force (DHS)',
      reason: 'Rebuttable presumption of forced labour (UFLPA s.3; 19 U.S.C. 1307)',
      startsOn: effective.date,
      endsOn: null,
      sourceStatus: null,
      inactive: false,
      details: { listedAs: row.name, coversAffiliates: cell.coversAffiliates || undefined },
    });
  });
  return { format: 'uflpa', entries, issues };
}
