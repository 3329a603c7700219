import { parse } from 'csv-parse/sync';
import { isCurrencyCode, isIsoDate, normalizeCountry, type CountryCode } from '@lantern/domain';

/** A cell that could not be mapped: reported with its line, never dropped silently. */
export interface Unresolved {
  line: number;
  field: string;
  value: string;
  reason: string;
}

export interface Parsed<T> {
  rows: T[];
  unresolved: Unresolved[];
}

export type TipTier = '1' | '2' | '2WL' | '3' | 'special';

export interface TipTierRow {
  country: CountryCode;
  year: number;
  tier: TipTier;
}

export interface GoodRow {
  country: CountryCode;
  good: string;
  childLabour: boolean;
  forcedLabour: boolean;
}

export interface ExchangeRateRow {
  base: string;
  quote: string;
  rate: number;
  validFrom: string;
}

/** Parse a CSV with a header row into records; line numbers count the header as line 1. */
function records(text: string): Array<{ line: number; cells: Record<string, string> }> {
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: false, info: true }) as Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  return rows.map((r) => ({ line: r.info.lines, cells: r.record }));
}

function header(text: string, required: string[]): void {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const cols = first.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  const missing = required.filter((r) => !cols.includes(r.toLowerCase()));
  if (missing.length) throw new Error(`missing column(s): ${missing.join(', ')}`);
}

const TIER_WORDS: Record<string, TipTier | null> = {
  'tier 1': '1',
  'tier 2': '2',
  'tier 2 watch list': '2WL',
  'tier 2 watchlist': '2WL',
  watchlist: '2WL',
  'watch list': '2WL',
  'tier 3': '3',
  'special case': 'special',
  na: null,
  '': null,
};

/**
 * US TIP report tiers (`countryname,iso,year,ccode,tier`). `NA` (not ranked that
 * year) yields no row; an unknown tier word or country is reported.
 */
export function parseTipTiers(text: string): Parsed<TipTierRow> {
  header(text, ['countryname', 'iso', 'year', 'tier']);
  const out: Parsed<TipTierRow> = { rows: [], unresolved: [] };
  for (const { line, cells } of records(text)) {
    const tierWord = (cells.tier ?? '').trim().toLowerCase();
    if (!(tierWord in TIER_WORDS)) {
      out.unresolved.push({ line, field: 'tier', value: cells.tier ?? '', reason: 'unknown tier' });
      continue;
    }
    const tier = TIER_WORDS[tierWord];
    if (tier === null) continue;
    const country = normalizeCountry(cells.iso ?? '') ?? normalizeCountry(cells.countryname ?? '');
    if (!country) {
      out.unresolved.push({ line, field: 'countryname', value: cells.countryname ?? '', reason: 'unknown country' });
      continue;
    }
    const year = Number(cells.year);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      out.unresolved.push({ line, field: 'year', value: cells.year ?? '', reason: 'not a year' });
      continue;
    }
    out.rows.push({ country, year, tier });
  }
  return out;
}

/** Canonical spelling of a good: trimmed, single spaces, first letter upper, the rest lower ("Oil (Palm)" = "Oil (palm)"). */
export function canonicalGood(good: string): string {
  const s = good.trim().replace(/\s+/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const flag = (v: string | undefined) => (v ?? '').trim().toUpperCase() === 'X';

/**
 * USDOL goods lists. `tvpra`: `Country,Good,Child Labor,Forced Labor` with `X`
 * flags. `eo13126`: `Country,Good`, every entry being forced or indentured
 * child labour. Duplicate (country, good) pairs after canonicalisation merge
 * their flags.
 */
export function parseGoodsList(text: string, kind: 'tvpra' | 'eo13126'): Parsed<GoodRow> {
  header(text, kind === 'tvpra' ? ['country', 'good', 'child labor', 'forced labor'] : ['country', 'good']);
  const merged = new Map<string, GoodRow>();
  const unresolved: Unresolved[] = [];
  for (const { line, cells } of records(text)) {
    const country = normalizeCountry(cells.Country ?? '');
    if (!country) {
      unresolved.push({ line, field: 'Country', value: cells.Country ?? '', reason: 'unknown country' });
      continue;
    }
    const good = canonicalGood(cells.Good ?? '');
    if (!good) {
      unresolved.push({ line, field: 'Good', value: cells.Good ?? '', reason: 'empty good' });
      continue;
    }
    const childLabour = kind === 'eo13126' ? true : flag(cells['Child Labor']);
    const forcedLabour = kind === 'eo13126' ? true : flag(cells['Forced Labor']);
    if (!childLabour && !forcedLabour) {
      unresolved.push({ line, field: 'Child Labor', value: '', reason: 'neither child nor forced labour flagged' });
      continue;
    }
    const key = `${country}\u0000${good}`;
    const prev = merged.get(key);
    merged.set(key, {
      country,
      good,
      childLabour: childLabour || (prev?.childLabour ?? false),
      forcedLabour: forcedLabour || (prev?.forcedLabour ?? false),
    });
  }
  return { rows: [...merged.values()], unresolved };
}

/** Dated exchange rates `base,quote,rate,valid_from`: 1 base = rate quote from valid_from on. */
export function parseExchangeRates(text: string): Parsed<ExchangeRateRow> {
  header(text, ['base', 'quote', 'rate', 'valid_from']);
  const out: Parsed<ExchangeRateRow> = { rows: [], unresolved: [] };
  for (const { line, cells } of records(text)) {
    const base = (cells.base ?? '').trim().toUpperCase();
    const quote = (cells.quote ?? '').trim().toUpperCase();
    const rate = Number((cells.rate ?? '').trim());
    const validFrom = (cells.valid_from ?? '').trim();
    const problem: Unresolved | null = !isCurrencyCode(base)
      ? { line, field: 'base', value: base, reason: 'unknown currency' }
      : !isCurrencyCode(quote)
        ? { line, field: 'quote', value: quote, reason: 'unknown currency' }
        : base === quote
          ? { line, field: 'quote', value: quote, reason: 'same as base' }
          : !(Number.isFinite(rate) && rate > 0)
            ? { line, field: 'rate', value: cells.rate ?? '', reason: 'not a positive number' }
            : !isIsoDate(validFrom)
              ? { line, field: 'valid_from', value: validFrom, reason: 'not a YYYY-MM-DD date' }
              : null;
    if (problem) out.unresolved.push(problem);
    else out.rows.push({ base, quote, rate, validFrom });
  }
  return out;
}
