import { describe, expect, it } from '@jest/globals';
import { convertMinor, type ExchangeRateTable } from './exchange-rates.js';

const rates: ExchangeRateTable = [
  { base: 'USD', quote: 'NPR', rate: 130, validFrom: '2024-01-01' },
  { base: 'USD', quote: 'NPR', rate: 135, validFrom: '2025-01-01' },
  { base: 'USD', quote: 'QAR', rate: 3.64, validFrom: '2024-01-01' },
  { base: 'EUR', quote: 'USD', rate: 1.1, validFrom: '2024-06-01' },
  { base: 'USD', quote: 'JPY', rate: 150, validFrom: '2024-01-01' },
];
const AS_OF = '2025-06-30';

describe('convertMinor', () => {
  it('is the identity within one currency, without a rate', () => {
    expect(convertMinor(12_345, 'QAR', 'QAR', null, AS_OF, [])).toEqual({ amountMinor: 12_345, rate: 1, rows: [] });
  });

  it('uses the latest rate on or before the payment date', () => {
    expect(convertMinor(100_00, 'USD', 'NPR', '2024-12-31', AS_OF, rates)?.amountMinor).toBe(13_000_00);
    expect(convertMinor(100_00, 'USD', 'NPR', '2025-01-01', AS_OF, rates)?.amountMinor).toBe(13_500_00);
  });

  it('falls back to the latest rate on or before the as-of date when none precedes the payment date', () => {
    const c = convertMinor(100_00, 'USD', 'NPR', '2020-05-01', AS_OF, rates);
    expect(c?.amountMinor).toBe(13_500_00);
    expect(c?.rows[0]?.validFrom).toBe('2025-01-01');
  });

  it('uses the as-of date when the payment date is unknown, and never a rate published after the as-of date', () => {
    expect(convertMinor(100_00, 'USD', 'NPR', null, '2024-06-30', rates)?.amountMinor).toBe(13_000_00);
    expect(convertMinor(100_00, 'USD', 'NPR', '2025-03-01', '2024-06-30', rates)?.amountMinor).toBe(13_000_00);
  });

  it('finds the right row among many dated rows', () => {
    const daily: ExchangeRateTable = Array.from({ length: 365 }, (_, d) => {
      const day = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
      return { base: 'USD', quote: 'MYR', rate: 4 + d / 1000, validFrom: day };
    }).reverse();
    expect(convertMinor(1_000_00, 'USD', 'MYR', '2024-03-01', AS_OF, daily)?.rows[0]?.validFrom).toBe('2024-03-01');
    expect(convertMinor(1_000_00, 'USD', 'MYR', '2024-03-01', AS_OF, daily)?.amountMinor).toBe(4_060_00);
    expect(convertMinor(1_000_00, 'USD', 'MYR', '2023-12-31', AS_OF, daily)?.rows[0]?.validFrom).toBe('2024-12-30');
  });

  it('inverts a rate row', () => {
    expect(convertMinor(13_000_00, 'NPR', 'USD', '2024-03-01', AS_OF, rates)?.amountMinor).toBe(100_00);
  });

  it('crosses through a pivot currency (NPR -> USD -> QAR)', () => {
    const c = convertMinor(130_000_00, 'NPR', 'QAR', '2024-03-01', AS_OF, rates);
    expect(c?.amountMinor).toBe(3_640_00);
    expect(c?.rows.map((r) => `${r.base}/${r.quote}`)).toEqual(['USD/NPR', 'USD/QAR']);
  });

  it('respects each currency’s minor-unit exponent (JPY has none)', () => {
    expect(convertMinor(100_00, 'USD', 'JPY', '2024-03-01', AS_OF, rates)?.amountMinor).toBe(15_000);
    expect(convertMinor(15_000, 'JPY', 'USD', '2024-03-01', AS_OF, rates)?.amountMinor).toBe(100_00);
  });

  it('returns undefined when no rate resolves or a code is unknown', () => {
    expect(convertMinor(100, 'EUR', 'NPR', '2024-03-01', '2024-03-01', rates)).toBeUndefined();
    expect(convertMinor(100, 'MYR', 'USD', null, AS_OF, rates)).toBeUndefined();
    expect(convertMinor(100, 'XYZ', 'USD', null, AS_OF, rates)).toBeUndefined();
  });
});
