import { isIsoDate, normalizeCountry, TRI_ANSWERS, type TriAnswer } from '@lantern/domain';
import type { RawRow, RowIssue } from '../parse/rows.js';

/**
 * Field readers shared by the row validators. Each reads one column of a row,
 * pushes a `{ field, reason }` issue for a bad value and returns the value in
 * its stored form (undefined when absent or bad). Reasons quote the offending
 * value (shortened) so that a user can find and fix it.
 */
export type Issues = RowIssue[];

export const DEFAULT_MAX_TEXT = 2000;
export const LONG_TEXT_MAX = 20000;
export const REF_MAX = 200;

export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'an array' : 'an object';
  return String(v);
}

export function readText(row: RawRow, col: number, name: string, issues: Issues, required: boolean, max = DEFAULT_MAX_TEXT): string | undefined {
  const v = row.get(col);
  if (v === undefined) {
    if (required) issues.push({ field: name, reason: 'is required' });
    return undefined;
  }
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
  else {
    issues.push({ field: name, reason: `must be a string; got ${show(v)}` });
    return undefined;
  }
  if (s.length > max) {
    issues.push({ field: name, reason: `is too long (${s.length} characters; at most ${max})` });
    return undefined;
  }
  if (s.indexOf('\u0000') >= 0) {
    issues.push({ field: name, reason: 'contains a NUL character' });
    return undefined;
  }
  return s;
}

export function readRef(row: RawRow, col: number, name: string, issues: Issues, required: boolean): string | undefined {
  return readText(row, col, name, issues, required, REF_MAX);
}

const INTEGER = /^[+-]?\d{1,15}$/;

export function readInt(row: RawRow, col: number, name: string, issues: Issues, min: number, max: number): number | undefined {
  const v = row.get(col);
  if (v === undefined) return undefined;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && INTEGER.test(v)) n = Number(v);
  else n = NaN;
  if (!Number.isInteger(n)) {
    issues.push({ field: name, reason: `must be a whole number; got ${show(v)}` });
    return undefined;
  }
  if (n < min || n > max) {
    issues.push({ field: name, reason: `must be between ${min} and ${max}; got ${n}` });
    return undefined;
  }
  return n;
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A share between 0 and 1 inclusive ("0.35"); returned as the decimal text to store. */
export function readShare(row: RawRow, col: number, name: string, issues: Issues): string | undefined {
  const v = row.get(col);
  if (v === undefined) return undefined;
  let n: number;
  let text: string;
  if (typeof v === 'number' && Number.isFinite(v)) {
    n = v;
    text = v.toFixed(4);
  } else if (typeof v === 'string' && DECIMAL.test(v)) {
    n = Number(v);
    text = v;
  } else {
    issues.push({ field: name, reason: `must be a decimal number between 0 and 1 (a share: 0.35 for 35%); got ${show(v)}` });
    return undefined;
  }
  if (!(n >= 0 && n <= 1)) {
    issues.push({ field: name, reason: `must be between 0 and 1 (a share: 0.35 for 35%); got ${show(v)}` });
    return undefined;
  }
  return text;
}

/** A calendar date YYYY-MM-DD. */
export function readDate(row: RawRow, col: number, name: string, issues: Issues, required = false): string | undefined {
  const v = row.get(col);
  if (v === undefined) {
    if (required) issues.push({ field: name, reason: 'is required' });
    return undefined;
  }
  if (!isIsoDate(v)) {
    issues.push({ field: name, reason: `must be a calendar date YYYY-MM-DD; got ${show(v)}` });
    return undefined;
  }
  return v;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;
const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : DAYS_IN_MONTH[m - 1];
}

/**
 * A point in time: `YYYY-MM-DD` (midnight UTC) or ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.fff]]`
 * with `Z` or an offset (`+05:45`, `+0545`); without an offset the time is read
 * as UTC. Returns text PostgreSQL reads as that instant (the input, with `Z`
 * added when it has no offset). Dates more than a day in the future and before
 * 1950 are rejected.
 */
export function readTimestamp(row: RawRow, col: number, name: string, issues: Issues, required: boolean, now: number): string | undefined {
  const v = row.get(col);
  if (v === undefined) {
    if (required) issues.push({ field: name, reason: 'is required' });
    return undefined;
  }
  const m = typeof v === 'string' ? TIMESTAMP.exec(v) : null;
  if (m === null) {
    issues.push({ field: name, reason: `must be a date YYYY-MM-DD or an ISO 8601 date-time such as 2024-03-01T09:30:00Z; got ${show(v)}` });
    return undefined;
  }
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const h = m[4] === undefined ? 0 : +m[4];
  const mi = m[5] === undefined ? 0 : +m[5];
  const sec = m[6] === undefined ? 0 : +m[6];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) {
    issues.push({ field: name, reason: `is not a valid date or time; got ${show(v)}` });
    return undefined;
  }
  let t = Date.UTC(y, mo - 1, d, h, mi, sec);
  const hasOffset = m[8] !== undefined;
  if (hasOffset) {
    const oh = +m[9];
    const om = +m[10];
    if (oh > 14 || om > 59) {
      issues.push({ field: name, reason: `has an invalid UTC offset; got ${show(v)}` });
      return undefined;
    }
    t -= (m[8] === '+' ? 1 : -1) * (oh * 60 + om) * 60_000;
  }
  if (y < 1950) {
    issues.push({ field: name, reason: `is before 1950; got ${show(v)}` });
    return undefined;
  }
  if (t > now + DAY_MS) {
    issues.push({ field: name, reason: `is in the future; got ${show(v)}` });
    return undefined;
  }
  const text = v as string;
  if (hasOffset || m[7] !== undefined) return text;
  return m[4] === undefined ? `${text}T00:00:00Z` : `${text}Z`;
}

const SEPARATORS = /[\s-]+/g;

/** Case-insensitive; spaces and hyphens read as underscores ("Worker voice" -> worker_voice). */
export function normalizeToken(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c === 32 || c === 45 || c === 9) {
      needs = true;
      break;
    }
  }
  return needs ? s.toLowerCase().replace(SEPARATORS, '_') : s;
}

export function readEnum<T extends string>(
  row: RawRow,
  col: number,
  name: string,
  issues: Issues,
  allowed: readonly T[],
  fallback: T | undefined,
): T | undefined {
  const v = row.get(col);
  if (v === undefined) {
    if (fallback === undefined) issues.push({ field: name, reason: `is required (one of ${allowed.join(', ')})` });
    return fallback;
  }
  if (typeof v === 'string') {
    const t = normalizeToken(v);
    if ((allowed as readonly string[]).includes(t)) return t as T;
  }
  issues.push({ field: name, reason: `must be one of ${allowed.join(', ')}; got ${show(v)}` });
  return undefined;
}

/** yes / no / unknown (also y, n, true, false, and JSON booleans). Absent means unknown, never no. */
export function toTri(v: unknown): TriAnswer | undefined {
  if (v === undefined) return 'unknown';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v !== 'string') return undefined;
  // The canonical spellings first: no lower-casing (and no allocation) on the common path.
  if (v === 'yes' || v === 'no' || v === 'unknown') return v;
  switch (v.length <= 7 ? v.toLowerCase() : '') {
    case 'yes':
    case 'y':
    case 'true':
      return 'yes';
    case 'no':
    case 'n':
    case 'false':
      return 'no';
    case 'unknown':
      return 'unknown';
    default:
      return undefined;
  }
}

export function readTri(row: RawRow, col: number, name: string, issues: Issues): TriAnswer {
  const v = row.get(col);
  const t = toTri(v);
  if (t === undefined) {
    issues.push({ field: name, reason: `must be one of ${TRI_ANSWERS.join(', ')}; got ${show(v)}` });
    return 'unknown';
  }
  return t;
}

const COUNTRY_CACHE = new Map<string, string | null>();

/** normalizeCountry, memoised (the same few spellings repeat on every row of a file). */
export function countryCode(input: string): string | null {
  let code = COUNTRY_CACHE.get(input);
  if (code === undefined) {
    code = normalizeCountry(input);
    if (COUNTRY_CACHE.size > 10_000) COUNTRY_CACHE.clear();
    COUNTRY_CACHE.set(input, code);
  }
  return code;
}

export function readCountry(row: RawRow, col: number, name: string, issues: Issues, required: boolean): string | undefined {
  const v = row.get(col);
  if (v === undefined) {
    if (required) issues.push({ field: name, reason: 'is required (an ISO 3166-1 code or an English country name)' });
    return undefined;
  }
  const code = typeof v === 'string' ? countryCode(v) : null;
  if (code === null) {
    issues.push({ field: name, reason: `unknown country ${show(v)} (use an ISO 3166-1 code such as NP or an English name such as Nepal)` });
    return undefined;
  }
  return code;
}

/** A list: `;`-separated in CSV, an array (or a `;`-separated string) in NDJSON. Empty items are dropped. */
export function readList(row: RawRow, col: number, name: string, issues: Issues): string[] | undefined {
  const v = row.get(col);
  if (v === undefined) return [];
  let items: unknown[];
  if (typeof v === 'string') items = v.split(';');
  else if (Array.isArray(v)) items = v;
  else {
    issues.push({ field: name, reason: `must be a list (values separated by ";", or a JSON array); got ${show(v)}` });
    return undefined;
  }
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'string') {
      issues.push({ field: `${name}[${i}]`, reason: `must be a string; got ${show(item)}` });
      return undefined;
    }
    const t = item.trim();
    if (t.length === 0) continue;
    if (t.length > REF_MAX || t.indexOf('\u0000') >= 0) {
      issues.push({ field: `${name}[${i}]`, reason: `is not a valid item (at most ${REF_MAX} characters, no NUL)` });
      return undefined;
    }
    out.push(t);
  }
  return out;
}
