import { describe, expect, it } from '@jest/globals';
import { convertMinor, type ExchangeRateTable } from '@lantern/scoring';
import { compileFxSegments } from './fx-segments.js';

const RATES: ExchangeRateTable = [
  { base: 'USD', quote: 'QAR', rate: 3.64, validFrom: '2024-01-01' },
  { base: 'USD', quote: 'NPR', rate: 130, validFrom: '2024-01-01' },
  { base: 'USD', quote: 'NPR', rate: 135, validFrom: '2025-01-01' },
  { base: 'MYR', quote: 'USD', rate: 0.214, validFrom: '2024-01-01' },
  { base: 'BDT', quote: 'USD', rate: 0.0091, validFrom: '2024-06-01' },
  { base: 'NPR', quote: 'QAR', rate: 0.03, validFrom: '2025-03-01' },
  { base: 'USD', quote: 'EUR', rate: 0.92, validFrom: '2025-07-15' },
  { base: 'USD', quote: 'JPY', rate: 0, validFrom: '2024-01-01' },
];
const AS_OF = '2025-06-30';

/** The segment the SQL computes for a payment date (clamped to the as-of date first). */
function segment(breakpoints: string[], on: string | null): number {
  const d = on === null || on > AS_OF ? AS_OF : on;
  return breakpoints.filter((b) => b <= d).length;
}

describe('compileFxSegments', () => {
  const fx = compileFxSegments(RATES, AS_OF);
  const currencies = ['USD', 'QAR', 'NPR', 'MYR', 'BDT', 'EUR', 'JPY', 'ISK'];
  const dates = [null, '2023-01-01', '2024-01-01', '2024-05-31', '2024-06-01', '2024-12-31', '2025-01-01', '2025-02-28', '2025-03-01', '2025-06-30', '2025-07-15', '2026-01-01'];

  it('has one breakpoint per distinct validFrom of a usable rate', () => {
    expect(fx.breakpoints).toEqual(['2024-01-01', '2024-06-01', '2025-01-01', '2025-03-01', '2025-07-15']);
  });

  it.each(currencies.flatMap((from) => currencies.filter((to) => to !== from).map((to) => [from, to] as const)))(
    'gives %s -> %s the very rate convertMinor applies, on every date',
    (from, to) => {
      for (const on of dates) {
        const row = fx.rows.find((r) => r.from === from && r.to === to && r.segment === segment(fx.breakpoints, on));
        const engine = convertMinor(1, from, to, on, AS_OF, RATES);
        expect(row?.rate).toBe(engine?.rate);
        if (row !== undefined) {
          // The SQL's arithmetic, in the engine's order: ((amount / 10^e_from) x rate) x 10^e_to, rounded half up.
          for (const amount of [1, 55, 150_000, 123_456_789]) {
            const x = ((amount / row.fromScale) * row.rate) * row.toScale;
            const rounded = x - Math.floor(x) >= 0.5 ? Math.ceil(x) : Math.floor(x);
            expect(rounded).toBe(convertMinor(amount, from, to, on, AS_OF, RATES)!.amountMinor);
          }
        }
      }
    },
  );
});
