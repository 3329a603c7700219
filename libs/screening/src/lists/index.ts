import { parseCbpWro } from './cbp-wro.js';
import { parseFtm } from './ftm.js';
import { parseSamExclusions } from './sam.js';
import { decodeText, type ListFormat, type ParsedList, type ParsedListEntry } from './types.js';
import { parseUflpa } from './uflpa.js';
import { parseWorldBankDebarred } from './worldbank.js';

export * from './types.js';
export { parseNameCell, splitNameList, type ParsedNameCell } from './name-grammar.js';
export { parseSamExclusions } from './sam.js';
export { parseWorldBankDebarred } from './worldbank.js';
export { parseCbpWro } from './cbp-wro.js';
export { parseUflpa, UFLPA_SUBLISTS } from './uflpa.js';
export { parseFtm } from './ftm.js';

const PARSERS: Readonly<Record<ListFormat, (text: string) => ParsedList>> = {
  ftm: parseFtm,
  sam_exclusions: parseSamExclusions,
  worldbank_debarred: parseWorldBankDebarred,
  cbp_wro: parseCbpWro,
  uflpa: parseUflpa,
};

/**
 * Parse a list file of the given format. Entries whose source id repeats keep
 * the first occurrence (reported as an issue): a snapshot is keyed by source id.
 */
export function parseList(format: ListFormat, content: Uint8Array | string): ParsedList {
  const parsed = PARSERS[format](decodeText(content));
  const seen = new Set<string>();
  const entries: ParsedListEntry[] = [];
  for (const e of parsed.entries) {
    if (seen.has(e.sourceId)) {
      parsed.issues.push({ reason: `duplicate entry ${e.sourceId}: later occurrence ignored` });
      continue;
    }
    seen.add(e.sourceId);
    entries.push(e);
  }
  return { ...parsed, entries };
}

/**
 * Whether an entry is in force on `today` (YYYY-MM-DD), from its dates and the
 * source's status: started (or no start), not ended (no end = indefinite), not
 * marked inactive by the source.
 */
export function entryInForce(e: Pick<ParsedListEntry, 'startsOn' | 'endsOn' | 'inactive'>, today: string): boolean {
  if (e.inactive) return false;
  if (e.startsOn !== null && e.startsOn > today) return false;
  if (e.endsOn !== null && e.endsOn < today) return false;
  return true;
}
