/**
 * Dated exchange rates, supplied by the caller (users import them; the demo
 * ships illustrative rates). Never a network call.
 *
 * A row says: from `validFrom` (YYYY-MM-DD) on, 1 unit of `base` buys `rate`
 * units of `quote`. A conversion on a date uses, for the currency pair, the
 * latest row valid on or before that date; when there is none (or the date is
 * unknown) it falls back to the latest row valid on or before the as-of date.
 * Dates after the as-of date are read as the as-of date, so an assessment
 * never uses a rate published after it.
 * Pairs resolve directly, through the inverse row, or through one pivot
 * currency both sides have a rate with (the alphabetically first such pivot).
 * Of two rows for the same pair and date, the first in the table wins.
 */
import { currencyExponent } from '@lantern/domain';

export interface ExchangeRate {
  readonly base: string;
  readonly quote: string;
  readonly rate: number;
  readonly validFrom: string;
}

export type ExchangeRateTable = readonly ExchangeRate[];

export interface Conversion {
  readonly amountMinor: number;
  /** Units of the target per unit of the source, as applied. */
  readonly rate: number;
  /** The rows used (one, or two through a pivot). */
  readonly rows: readonly ExchangeRate[];
}

interface Quote {
  readonly rate: number;
  readonly rows: readonly ExchangeRate[];
  readonly validFrom: string;
}

interface RateIndex {
  /** Rows by `BASE/QUOTE`, sorted by validFrom descending. */
  readonly byPair: ReadonlyMap<string, readonly ExchangeRate[]>;
  /** Currencies each currency has a row with. */
  readonly partners: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Built once per table (tables are immutable inputs), so a million conversions do not re-scan it. */
const INDEX = new WeakMap<ExchangeRateTable, RateIndex>();

function indexOf(table: ExchangeRateTable): RateIndex {
  let index = INDEX.get(table);
  if (index === undefined) {
    const byPair = new Map<string, ExchangeRate[]>();
    const partners = new Map<string, Set<string>>();
    const link = (a: string, b: string): void => {
      partners.set(a, (partners.get(a) ?? new Set<string>()).add(b));
    };
    for (const row of table) {
      if (!(row.rate > 0) || !Number.isFinite(row.rate)) continue;
      const key = `${row.base}/${row.quote}`;
      const rows = byPair.get(key);
      if (rows === undefined) byPair.set(key, [row]);
      else rows.push(row);
      link(row.base, row.quote);
      link(row.quote, row.base);
    }
    for (const rows of byPair.values()) rows.sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
    index = { byPair, partners };
    INDEX.set(table, index);
  }
  return index;
}

/** Binary search in rows sorted by validFrom descending: the first (latest) row valid on `date`. */
function latestOnOrBefore(rows: readonly ExchangeRate[] | undefined, date: string): ExchangeRate | undefined {
  if (rows === undefined) return undefined;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.validFrom <= date) hi = mid;
    else lo = mid + 1;
  }
  return rows[lo];
}

/** Direct or inverse quote valid on `date`; the newer of the two wins, direct on a tie. */
function pairQuote(index: RateIndex, from: string, to: string, date: string): Quote | undefined {
  const direct = latestOnOrBefore(index.byPair.get(`${from}/${to}`), date);
  const inverse = latestOnOrBefore(index.byPair.get(`${to}/${from}`), date);
  if (direct !== undefined && (inverse === undefined || direct.validFrom >= inverse.validFrom)) {
    return { rate: direct.rate, rows: [direct], validFrom: direct.validFrom };
  }
  if (inverse !== undefined) return { rate: 1 / inverse.rate, rows: [inverse], validFrom: inverse.validFrom };
  return undefined;
}

function pivots(index: RateIndex, from: string, to: string): string[] {
  const toPartners = index.partners.get(to) ?? new Set<string>();
  return [...(index.partners.get(from) ?? [])].filter((c) => c !== to && toPartners.has(c)).sort();
}

function quoteOn(index: RateIndex, from: string, to: string, date: string): Quote | undefined {
  const direct = pairQuote(index, from, to, date);
  if (direct !== undefined) return direct;
  for (const pivot of pivots(index, from, to)) {
    const first = pairQuote(index, from, pivot, date);
    const second = pairQuote(index, pivot, to, date);
    if (first !== undefined && second !== undefined) {
      return {
        rate: first.rate * second.rate,
        rows: [...first.rows, ...second.rows],
        validFrom: first.validFrom < second.validFrom ? first.validFrom : second.validFrom,
      };
    }
  }
  return undefined;
}

/**
 * Convert `amountMinor` of `from` into minor units of `to` (rounded half
 * up), using the rate for `on` (the payment date, or null when unknown)
 * with the as-of fallback described above. Undefined when no rate resolves or
 * a currency code is unknown.
 */
export function convertMinor(
  amountMinor: number,
  from: string,
  to: string,
  on: string | null,
  asOf: string,
  rates: ExchangeRateTable,
): Conversion | undefined {
  if (from === to) return { amountMinor, rate: 1, rows: [] };
  const fromExp = currencyExponent(from);
  const toExp = currencyExponent(to);
  if (fromExp === undefined || toExp === undefined) return undefined;
  const index = indexOf(rates);
  const asOfDate = asOf.slice(0, 10);
  const date = on === null || on.slice(0, 10) > asOfDate ? asOfDate : on.slice(0, 10);
  const quote = quoteOn(index, from, to, date) ?? (date === asOfDate ? undefined : quoteOn(index, from, to, asOfDate));
  if (quote === undefined) return undefined;
  const major = (amountMinor / 10 ** fromExp) * quote.rate;
  return { amountMinor: Math.round(major * 10 ** toExp), rate: quote.rate, rows: quote.rows };
}
