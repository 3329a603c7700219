/**
 * The exchange-rate table compiled for SQL. The engine's `convertMinor`
 * resolves a pair (direct, inverse, or through one pivot) with the latest rows
 * valid on the conversion date, falling back to the as-of date. The rates it
 * can apply only change on the table's `validFrom` dates, so between two
 * consecutive dates (a "segment") every pair has one rate, or none.
 *
 * compileFxSegments asks `convertMinor` itself for the rate of every pair in
 * every segment: the SQL path multiplies with the very same double the engine
 * would, in the same order ((amount / 10^e_from) x rate) x 10^e_to, rounded
 * half up, so both paths convert to the same minor unit.
 */
import { currencyExponent } from '@lantern/domain';
import { convertMinor, type ExchangeRateTable } from '@lantern/scoring';

export interface FxSegmentRow {
  from: string;
  to: string;
  /** 0 = before the first breakpoint; k = on or after breakpoints[k - 1] and before breakpoints[k]. */
  segment: number;
  rate: number;
  /** 10 ** exponent of `from` and of `to`. */
  fromScale: number;
  toScale: number;
}

export interface FxSegments {
  /** Sorted distinct validFrom dates (YYYY-MM-DD). */
  breakpoints: string[];
  rows: FxSegmentRow[];
}

/** A date before every breakpoint, standing for segment 0. */
const BEFORE_ALL = '0001-01-01';

export function compileFxSegments(rates: ExchangeRateTable, asOf: string): FxSegments {
  const valid = rates.filter((r) => r.rate > 0 && Number.isFinite(r.rate));
  const breakpoints = [...new Set(valid.map((r) => r.validFrom))].sort();
  const currencies = [...new Set(valid.flatMap((r) => [r.base, r.quote]))].filter((c) => currencyExponent(c) !== undefined).sort();
  const rows: FxSegmentRow[] = [];
  const representatives = [BEFORE_ALL, ...breakpoints];
  for (const from of currencies) {
    for (const to of currencies) {
      if (from === to) continue;
      representatives.forEach((date, segment) => {
        const c = convertMinor(1, from, to, date, asOf, rates);
        if (c === undefined) return;
        rows.push({ from, to, segment, rate: c.rate, fromScale: 10 ** currencyExponent(from)!, toScale: 10 ** currencyExponent(to)! });
      });
    }
  }
  return { breakpoints, rows };
}
