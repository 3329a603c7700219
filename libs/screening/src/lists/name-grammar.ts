import { foldText } from '../normalize/fold.js';
import { stripLegalForms, tokenize } from '../normalize/normalize-name.js';
import type { ListName } from './types.js';

/**
 * Splits a list's name cell into separate names. The UFLPA Entity List writes
 * aliases and subsidiaries inside one entry:
 *
 *   NAME (and one alias: NAME)
 *   NAME (including N aliases: NAME; NAME; and NAME)
 *   NAME and its subordinate and affiliated entities
 *   NAME and its N PLACE-based subsidiaries, which include NAME, NAME, ..., and NAME
 *   NAME and its subsidiary NAME
 *   NAME, and Subsidiaries
 *   NAME (formerly known as NAME)
 *
 * and the World Bank and SAM.gov use alias markers inside the name
 * (`a.k.a.`, `f/k/a`, `d/b/a`, `(formerly ...)`, `(name change from ...)`).
 */
export interface ParsedNameCell {
  names: ListName[];
  /** The entry also covers entities not named ("and its subordinate and affiliated entities", "and Subsidiaries"). */
  coversAffiliates: boolean;
}

const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+)';

/** True when a fragment is only legal-form words ("Ltd.", "Co., Ltd.", "Inc"): it belongs to the name before it. */
function isLegalFormOnly(fragment: string): boolean {
  const words = tokenize(foldText(fragment));
  if (words.length === 0) return true;
  const stripped = stripLegalForms(['x', ...words]);
  return stripped.tokens.length === 1 && stripped.tokens[0] === 'x';
}

/**
 * A comma/semicolon list of names ("A Co., Ltd., B Co., Ltd., and C Ltd."):
 * split on separators, then glue legal-form-only fragments back onto the
 * name before them.
 */
export function splitNameList(text: string, separator: RegExp = /;|,/): string[] {
  const raw = text.split(separator).map((s) => s.trim()).filter((s) => s !== '');
  const out: string[] = [];
  for (let part of raw) {
    part = part.replace(/^(?:and|&)\s+/i, '');
    if (out.length > 0 && isLegalFormOnly(part)) {
      out[out.length - 1] = `${out[out.length - 1]}, ${part}`;
      continue;
    }
    // "X and Y" as the last item of a comma list: two names.
    const lastAnd = /^(.*\S)\s+and\s+(\S.*)$/i.exec(part);
    if (lastAnd && raw.length > 1 && !isLegalFormOnly(lastAnd[2]!) && part === raw[raw.length - 1]) {
      out.push(lastAnd[1]!, lastAnd[2]!);
      continue;
    }
    out.push(part);
  }
  return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
}

/** Alias markers inside a name, most specific first. */
const ALIAS_MARKERS: { re: RegExp; kind: ListName['kind'] }[] = [
  { re: /\(\s*formerly known as\s+([^)]*)\)/gi, kind: 'former' },
  { re: /\(\s*formerly\s+([^)]*)\)/gi, kind: 'former' },
  { re: /\(\s*name change from\s+([^)]*)\)/gi, kind: 'former' },
  { re: /\(\s*currently(?:\s*\(?d\/b\/a\)?)?\s+([^)]*)\)/gi, kind: 'alias' },
  { re: /\(\s*and one alias:\s*([^)]*)\)/gi, kind: 'alias' },
  { re: new RegExp(`\\(\\s*including ${NUMBER_WORD} aliases:\\s*([^)]*)\\)`, 'gi'), kind: 'alias' },
  { re: /\(\s*(?:also known as|a\.?k\.?a\.?|d\/b\/a|f\/k\/a)\s*:?\s*([^)]*)\)/gi, kind: 'alias' },
];

/** Inline markers splitting "NAME a.k.a. OTHER" (World Bank). */
const INLINE_MARKERS = /\s*(?:,\s*as the successor or assign to|,\s*also d\.?b\.?a\.?|\bf\/k\/a\b|\bd\/b\/a\b|\ba\.k\.a\.?|\baka\b|\balso known as\b)\s*/i;

export function parseNameCell(cell: string): ParsedNameCell {
  let text = cell.replace(/\s+/g, ' ').trim().replace(/\*+$/, '').trim();
  const names: ListName[] = [];
  let coversAffiliates = false;

  for (const { re, kind } of ALIAS_MARKERS) {
    text = text.replace(re, (_m, inner: string) => {
      const list = kind === 'alias' && inner.includes(';') ? splitNameList(inner, /;/) : [inner.trim()];
      for (const n of list) names.push({ name: n.replace(/^and\s+/i, ''), kind });
      return ' ';
    });
  }
  text = text.replace(/\s+/g, ' ').trim();

  let m = /^(.*?),?\s+and its subordinate and affiliated entities\.?$/i.exec(text);
  if (m) {
    text = m[1]!;
    coversAffiliates = true;
  }
  m = /^(.*?),?\s+and (?:its )?(?:affiliates and )?subsidiaries\.?$/i.exec(text);
  if (m) {
    text = m[1]!;
    coversAffiliates = true;
  }
  m = new RegExp(`^(.*?),?\\s+and its (?:${NUMBER_WORD}\\s+)?(?:[\\w\\s-]+?-based\\s+)?subsidiaries,?\\s+(?:which|that) include:?\\s+(.+)$`, 'i').exec(text);
  if (m) {
    text = m[1]!;
    for (const s of splitNameList(m[2]!)) names.push({ name: s, kind: 'subsidiary' });
  }
  m = /^(.*?),?\s+and its subsidiary\s+(.+)$/i.exec(text);
  if (m) {
    text = m[1]!;
    names.push({ name: m[2]!, kind: 'subsidiary' });
  }

  // Inline alias markers (World Bank style): first part is the name, the rest aliases.
  const inline = text.split(INLINE_MARKERS).map((s) => s.trim()).filter((s) => s !== '');
  text = inline[0] ?? '';
  for (const a of inline.slice(1)) names.push({ name: a, kind: 'alias' });

  // A leftover parenthesis is an acronym or short alias: "Xinjiang Production and Construction Corps (XPCC)".
  text = text.replace(/\(([^()]{2,60})\)/g, (_m, inner: string) => {
    if (isLegalFormOnly(inner)) return `\u0000${inner}\u0001`; // "Korvelin (Pvt) Ltd": kept as written
    names.push({ name: inner.trim(), kind: 'alias' });
    return ' ';
  });
  text = text.replace(/\u0000/g, '(').replace(/\u0001/g, ')').replace(/\s+/g, ' ').replace(/\s+,/g, ',').trim().replace(/,$/, '');
  if (text !== '') names.unshift({ name: text, kind: 'primary' });
  return { names: names.filter((n) => n.name.trim() !== ''), coversAffiliates };
}
