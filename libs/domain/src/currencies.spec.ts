import { describe, expect, it } from '@jest/globals';
import {
  ACTIVE_CURRENCIES,
  CURRENCY_CODES,
  REPLACED_CURRENCIES,
  currencyExponent,
  getCurrency,
  isActiveCurrencyCode,
  isCurrencyCode,
} from './currencies.js';

describe('currency table', () => {
  it('has unique upper-case three-letter codes', () => {
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    for (const code of CURRENCY_CODES) expect(code).toMatch(/^[A-Z]{3}$/);
  });

  it('lists only codes that ICU (CLDR) also knows as currencies', () => {
    // Independent oracle: Intl.DisplayNames echoes unknown codes back.
    const names = new Intl.DisplayNames(['en'], { type: 'currency' });
    expect(CURRENCY_CODES.filter((c) => names.of(c) === c)).toEqual([]);
  });

  it('leaves out ISO codes without a minor unit (metals, SDR, testing, no currency)', () => {
    for (const code of ['XAU', 'XAG', 'XPD', 'XPT', 'XDR', 'XSU', 'XUA', 'XBA', 'XBB', 'XBC', 'XBD', 'XTS', 'XXX']) {
      expect(isCurrencyCode(code)).toBe(false);
    }
  });

  it('points every replaced currency at an active successor', () => {
    for (const c of REPLACED_CURRENCIES) expect(isActiveCurrencyCode(c.replacedBy)).toBe(true);
    expect(ACTIVE_CURRENCIES.some((c) => 'replacedBy' in c)).toBe(false);
  });

  it('uses exponent 2 except for the ISO 4217 0-, 3- and 4-decimal currencies', () => {
    const byExponent = (e: number) =>
      ACTIVE_CURRENCIES.filter((c) => c.exponent === e)
        .map((c) => c.code)
        .sort();
    expect(byExponent(0)).toEqual(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
    expect(byExponent(3)).toEqual(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
    expect(byExponent(4)).toEqual(['CLF', 'UYW']);
  });
});

describe('currencyExponent', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['VND', 0],
    ['XOF', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['OMR', 3],
    ['JOD', 3],
    ['TND', 3],
    ['CLF', 4],
    ['UYW', 4],
    ['NPR', 2],
    ['BDT', 2],
    ['IDR', 2],
    ['MYR', 2],
    ['QAR', 2],
    ['SAR', 2],
    ['XCG', 2],
    ['ZWG', 2],
    ['HRK', 2],
  ])('%s -> %i', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it.each([['usd'], ['US'], ['XXX'], ['ABC'], [''], [' USD']])('%p -> undefined', (code) => {
    expect(currencyExponent(code)).toBeUndefined();
  });
});

describe('isCurrencyCode / isActiveCurrencyCode', () => {
  it.each([
    ['USD', true, true],
    ['CLF', true, true],
    ['SLE', true, true],
    ['HRK', true, false], // replaced by EUR in 2023: still valid for past fees
    ['ZWL', true, false],
    ['usd', false, false],
    ['XAU', false, false],
    ['', false, false],
    [undefined, false, false],
    [840, false, false],
  ])('%p -> %p / %p', (code, any, active) => {
    expect(isCurrencyCode(code)).toBe(any);
    expect(isActiveCurrencyCode(code)).toBe(active);
  });

  it('exposes names', () => {
    expect(getCurrency('JPY')?.name).toBe('Yen');
    expect(getCurrency('HRK')?.replacedBy).toBe('EUR');
  });
});
