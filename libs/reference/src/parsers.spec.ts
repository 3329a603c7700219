import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { canonicalGood, parseExchangeRates, parseGoodsList, parseTipTiers } from './parsers.js';

const shipped = (f: string) => readFileSync(new URL(`../../../data/reference/${f}`, import.meta.url), 'utf8');

describe('parseTipTiers', () => {
  it('maps tier words, skips NA and resolves ISO alpha-3 codes', () => {
    const csv = [
      '"countryname","iso","year","ccode","tier"',
      '"Afghanistan","AFG",2001,700,NA',
      '"Afghanistan","AFG",2002,700,"Tier 3"',
      '"Malaysia","MYS",2015,820,"Watchlist    "',
      '"Qatar","QAT",2015,694,"Tier 2    "',
      '"Narnia","NRN",2015,1,"Tier 1"',
      '"Chile","CHL",2015,155,"Tier 5"',
    ].join('\n');
    const out = parseTipTiers(csv);
    expect(out.rows).toEqual([
      { country: 'AF', year: 2002, tier: '3' },
      { country: 'MY', year: 2015, tier: '2WL' },
      { country: 'QA', year: 2015, tier: '2' },
    ]);
    expect(out.unresolved).toEqual([
      { line: 6, field: 'countryname', value: 'Narnia', reason: 'unknown country' },
      { line: 7, field: 'tier', value: 'Tier 5', reason: 'unknown tier' },
    ]);
  });

  it('loads the shipped 1999-2015 file with every ranked row resolved', () => {
    const out = parseTipTiers(shipped('tip_tiers_1999_2015.csv'));
    expect(out.unresolved).toEqual([]);
    expect(out.rows.length).toBeGreaterThan(2000);
    expect(out.rows.find((r) => r.country === 'MY' && r.year === 2014)?.tier).toBe('3');
  });

  it('rejects a file without the required columns', () => {
    expect(() => parseTipTiers('country,year\nX,1')).toThrow(/missing column\(s\): countryname, iso, tier/);
  });
});

describe('parseGoodsList', () => {
  it('merges goods spelled two ways and trims DOL spellings', () => {
    const csv = ['Country,Good,Child Labor,Forced Labor', 'India ,Garments ,X,', 'India,garments,,X', 'Burma,Oil (palm),,X', 'Burma,Oil (Palm),X,'].join('\n');
    const out = parseGoodsList(csv, 'tvpra');
    expect(out.unresolved).toEqual([]);
    expect(out.rows).toEqual([
      { country: 'IN', good: 'Garments', childLabour: true, forcedLabour: true },
      { country: 'MM', good: 'Oil (palm)', childLabour: true, forcedLabour: true },
    ]);
  });

  it('reports rows with no flag instead of dropping them silently', () => {
    const out = parseGoodsList('Country,Good,Child Labor,Forced Labor\nPeru,Gold,,', 'tvpra');
    expect(out.rows).toEqual([]);
    expect(out.unresolved).toEqual([{ line: 2, field: 'Child Labor', value: '', reason: 'neither child nor forced labour flagged' }]);
  });

  it('resolves every country of the shipped TVPRA 2016 and EO 13126 2014 lists, misspellings included', () => {
    const tvpra = parseGoodsList(shipped('tvpra_goods_2016.csv'), 'tvpra');
    expect(tvpra.unresolved).toEqual([]);
    expect(new Set(tvpra.rows.map((r) => r.country)).size).toBe(75);
    const eo = parseGoodsList(shipped('eo13126_products_2014.csv'), 'eo13126');
    expect(eo.unresolved).toEqual([]);
    expect(eo.rows.some((r) => r.country === 'BO')).toBe(true); // "Boliva"
    expect(eo.rows.some((r) => r.country === 'TJ')).toBe(true); // "Tajikstan"
    expect(eo.rows.every((r) => r.childLabour && r.forcedLabour)).toBe(true);
  });

  it('canonicalises goods', () => {
    expect(canonicalGood('  Oil   (Palm) ')).toBe('Oil (palm)');
  });
});

describe('parseExchangeRates', () => {
  it('accepts valid rows and names the bad field of the others', () => {
    const csv = ['base,quote,rate,valid_from', 'NPR,USD,0.0075,2024-01-01', 'XYZ,USD,1,2024-01-01', 'USD,USD,1,2024-01-01', 'PHP,USD,-1,2024-01-01', 'PHP,USD,0.02,2024-13-01'].join(
      '\n',
    );
    const out = parseExchangeRates(csv);
    expect(out.rows).toEqual([{ base: 'NPR', quote: 'USD', rate: 0.0075, validFrom: '2024-01-01' }]);
    expect(out.unresolved.map((u) => [u.line, u.field])).toEqual([
      [3, 'base'],
      [4, 'quote'],
      [5, 'rate'],
      [6, 'valid_from'],
    ]);
  });

  it('parses the shipped illustrative rates without rejections', () => {
    const out = parseExchangeRates(shipped('exchange-rates-illustrative.csv'));
    expect(out.unresolved).toEqual([]);
    expect(out.rows.length).toBeGreaterThan(30);
  });
});
