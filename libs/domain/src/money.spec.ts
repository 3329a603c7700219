import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ACTIVE_CURRENCIES } from './currencies.js';
import { DomainError } from './errors.js';
import { formatMinor, parseMoneyToMinor, tryParseMoneyToMinor } from './money.js';

describe('parseMoneyToMinor', () => {
  it.each([
    ['1500', 'USD', 150000],
    ['1500.5', 'USD', 150050],
    ['1500.50', 'USD', 150050],
    ['0.01', 'USD', 1],
    ['0', 'USD', 0],
    ['007', 'USD', 700],
    ['1500', 'JPY', 1500],
    ['1.5', 'KWD', 1500],
    ['1.234', 'BHD', 1234],
    ['0.0001', 'CLF', 1],
    ['12.3456', 'CLF', 123456],
    ['90071992547409.91', 'USD', Number.MAX_SAFE_INTEGER],
    ['9007199254740991', 'JPY', Number.MAX_SAFE_INTEGER],
    [1500, 'USD', 150000],
    [1500.5, 'USD', 150050],
    [0.1, 'USD', 10],
    [19.99, 'USD', 1999], // a float that is not exact in binary still parses by its decimal form
    [-0, 'USD', 0],
    [1500, 'JPY', 1500],
  ])('%p %s -> %i', (amount, currency, minor) => {
    expect(parseMoneyToMinor(amount, currency)).toBe(minor);
  });

  it.each([
    ['1,500.50', 'USD', 'plain decimal'],
    ['1 500', 'USD', 'plain decimal'],
    [' 1500', 'USD', 'plain decimal'],
    ['1500 ', 'USD', 'plain decimal'],
    ['+1500', 'USD', 'plain decimal'],
    ['-5', 'USD', 'negative'],
    ['-0.01', 'USD', 'negative'],
    ['1e3', 'USD', 'plain decimal'],
    ['.5', 'USD', 'plain decimal'],
    ['5.', 'USD', 'plain decimal'],
    ['1.2.3', 'USD', 'plain decimal'],
    ['', 'USD', 'plain decimal'],
    ['abc', 'USD', 'plain decimal'],
    ['١٥٠٠', 'USD', 'plain decimal'], // non-ASCII digits
    ['1500.5', 'JPY', 'JPY has 0 decimal places; got 1'],
    ['1500.00', 'JPY', 'JPY has 0 decimal places; got 2'],
    ['1.001', 'USD', 'USD has 2 decimal places; got 3'],
    ['1.2345', 'KWD', 'KWD has 3 decimal places; got 4'],
    ['90071992547409.92', 'USD', 'too large'],
    ['9007199254740992', 'JPY', 'too large'],
    ['1'.repeat(40), 'JPY', 'too long'],
    [-1, 'USD', 'negative'],
    [Number.NaN, 'USD', 'finite'],
    [Number.POSITIVE_INFINITY, 'USD', 'finite'],
    [0.1 + 0.2, 'USD', 'decimal places'], // 0.30000000000000004
    [1e21, 'USD', 'plain decimal'],
    [1e-7, 'USD', 'plain decimal'],
  ])('rejects %p %s (%s)', (amount, currency, reason) => {
    let error: unknown;
    try {
      parseMoneyToMinor(amount, currency);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation_failed');
    expect((error as DomainError).details).toEqual([{ field: 'amount', reason: expect.stringContaining(reason) }]);
  });

  it('names the currency field for an unknown currency, and a custom amount field otherwise', () => {
    expect(() => parseMoneyToMinor('1', 'usd')).toThrow(expect.objectContaining({ details: [{ field: 'currency', reason: expect.stringContaining('ISO 4217') }] }));
    expect(() => parseMoneyToMinor('1', 'XXX')).toThrow(DomainError);
    expect(() => parseMoneyToMinor('1.5', 'JPY', 'monthlyWage')).toThrow(
      expect.objectContaining({ details: [{ field: 'monthlyWage', reason: expect.any(String) }] }),
    );
  });

  it('has a non-throwing form', () => {
    expect(tryParseMoneyToMinor('12.5', 'USD')).toEqual({ ok: true, value: 1250 });
    expect(tryParseMoneyToMinor('12.5', 'JPY')).toEqual({ ok: false, on: 'amount', reason: expect.any(String) });
    expect(tryParseMoneyToMinor('12', 'ZZZ')).toEqual({ ok: false, on: 'currency', reason: expect.any(String) });
  });
});

describe('formatMinor', () => {
  it.each([
    [150050, 'USD', '1500.50'],
    [150000, 'USD', '1500.00'],
    [1, 'USD', '0.01'],
    [0, 'USD', '0.00'],
    [-5, 'USD', '-0.05'],
    [1500, 'JPY', '1500'],
    [0, 'JPY', '0'],
    [1500, 'KWD', '1.500'],
    [1, 'CLF', '0.0001'],
    [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91'],
  ])('%i %s -> %s', (minor, currency, text) => {
    expect(formatMinor(minor, currency)).toBe(text);
  });

  it.each([
    [1.5, 'USD'],
    [Number.MAX_SAFE_INTEGER + 1, 'USD'],
    [Number.NaN, 'USD'],
    [1, 'usd'],
  ])('rejects %p %s', (minor, currency) => {
    expect(() => formatMinor(minor, currency)).toThrow(DomainError);
  });

  it('round-trips with parseMoneyToMinor for every currency', () => {
    const codes = ACTIVE_CURRENCIES.map((c) => c.code);
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (currency, minor) => {
        expect(parseMoneyToMinor(formatMinor(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});
