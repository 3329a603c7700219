import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { COUNTRIES, COUNTRY_CODES, countryName, countryNameKey, getCountry, isCountryCode, normalizeCountry } from './countries.js';

describe('COUNTRIES table', () => {
  it('has the 249 ISO 3166-1 assignments plus XK, flagged as user-assigned', () => {
    expect(COUNTRIES).toHaveLength(250);
    expect(COUNTRIES.filter((c) => !('userAssigned' in c))).toHaveLength(249);
    expect(COUNTRIES.filter((c) => 'userAssigned' in c).map((c) => c.alpha2)).toEqual(['XK']);
  });

  it('has unique, well-formed alpha-2 and alpha-3 codes, sorted by alpha-2', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(250);
    expect(new Set(COUNTRIES.map((c) => c.alpha3)).size).toBe(250);
    for (const c of COUNTRIES) {
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(c.name.length).toBeGreaterThan(2);
    }
    expect([...COUNTRY_CODES]).toEqual([...COUNTRY_CODES].sort());
  });

  it('lists only codes that ICU (CLDR) also knows as regions', () => {
    // An independent oracle: Intl.DisplayNames echoes unknown codes back.
    const regions = new Intl.DisplayNames(['en'], { type: 'region' });
    const unknown = COUNTRY_CODES.filter((code) => regions.of(code) === code);
    expect(unknown).toEqual([]);
  });

  it.each([
    ['CN', 'CHN', 'China'],
    ['CI', 'CIV', "Côte d'Ivoire"],
    ['CD', 'COD', 'Congo, the Democratic Republic of the'],
    ['CG', 'COG', 'Congo'],
    ['GB', 'GBR', 'United Kingdom'],
    ['KP', 'PRK', "Korea, Democratic People's Republic of"],
    ['KR', 'KOR', 'Korea, Republic of'],
    ['MK', 'MKD', 'North Macedonia'],
    ['SZ', 'SWZ', 'Eswatini'],
    ['TR', 'TUR', 'Türkiye'],
    ['PS', 'PSE', 'Palestine, State of'],
    ['SS', 'SSD', 'South Sudan'],
    ['BQ', 'BES', 'Bonaire, Sint Eustatius and Saba'],
    ['AQ', 'ATA', 'Antarctica'],
    ['XK', 'XKX', 'Kosovo'],
  ])('%s is %s / %s', (alpha2, alpha3, name) => {
    expect(getCountry(alpha2)).toMatchObject({ alpha2, alpha3, name });
  });
});

describe('isCountryCode', () => {
  it.each([
    ['CN', true],
    ['XK', true],
    ['ZW', true],
    ['cn', false], // exact: normalizeCountry does the lenient parsing
    [' CN', false],
    ['CHN', false],
    ['UK', false], // exceptionally reserved, not assigned
    ['ZZ', false],
    ['', false],
    [null, false],
    [42, false],
  ])('%p -> %p', (input, expected) => {
    expect(isCountryCode(input)).toBe(expected);
  });
});

describe('countryName', () => {
  it.each([
    ['CN', 'iso', 'China'],
    ['BO', 'iso', 'Bolivia, Plurinational State of'],
    ['BO', 'common', 'Bolivia'],
    ['CN', 'common', 'China'],
    ['VN', 'common', 'Vietnam'],
    ['RU', 'common', 'Russia'],
    ['TW', 'iso', 'Taiwan, Province of China'],
    ['TW', 'common', 'Taiwan'],
  ] as const)('%s (%s) -> %s', (code, style, expected) => {
    expect(countryName(code, style)).toBe(expected);
  });

  it('defaults to the ISO short name and returns undefined for unknown codes', () => {
    expect(countryName('IR')).toBe('Iran, Islamic Republic of');
    expect(countryName('ZZ')).toBeUndefined();
    expect(countryName('cn')).toBeUndefined();
  });
});

describe('countryNameKey', () => {
  it.each([
    ["Côte d'Ivoire", 'cote divoire'],
    ["COTE D’IVOIRE", 'cote divoire'],
    ['  Trinidad & Tobago ', 'trinidad and tobago'],
    ['St. Kitts and Nevis', 'saint kitts and nevis'],
    ['The Gambia', 'gambia'],
    ['Gambia, The', 'gambia'],
    ['U.S.A.', 'usa'],
    ['U.S. Virgin Islands', 'us virgin islands'],
    ['Guinea-Bissau', 'guinea bissau'],
    ['Türkiye', 'turkiye'],
  ])('%p -> %p', (input, expected) => {
    expect(countryNameKey(input)).toBe(expected);
  });
});

describe('normalizeCountry', () => {
  it.each([
    // codes in any case, with whitespace
    ['CN', 'CN'],
    ['cn', 'CN'],
    [' CN ', 'CN'],
    ['\tcn\n', 'CN'],
    ['xk', 'XK'],
    // alpha-3
    ['CHN', 'CN'],
    ['chn', 'CN'],
    ['VNM', 'VN'],
    ['GBR', 'GB'],
    ['XKX', 'XK'],
    ['KOS', 'XK'],
    // names in any case / accents / punctuation
    ['China', 'CN'],
    ['CHINA', 'CN'],
    ['china', 'CN'],
    ['Viet Nam', 'VN'],
    ['Vietnam', 'VN'],
    ['VIETNAM', 'VN'],
    ["Côte d'Ivoire", 'CI'],
    ["Cote D'Ivoire", 'CI'],
    ["Cote d'Ivoire", 'CI'],
    ['Côte d’Ivoire', 'CI'],
    ['Ivory Coast', 'CI'],
    ['Türkiye', 'TR'],
    ['Turkiye', 'TR'],
    ['Turkey', 'TR'],
    ['India ', 'IN'],
    ['Curaçao', 'CW'],
    ['Curacao', 'CW'],
    ['Réunion', 'RE'],
    ['Åland Islands', 'AX'],
    ['São Tomé and Príncipe', 'ST'],
    ['Guinea-Bissau', 'GW'],
    ['Guinea Bissau', 'GW'],
    ['Trinidad & Tobago', 'TT'],
    ['St. Lucia', 'LC'],
    ['St Vincent & the Grenadines', 'VC'],
    ['The Gambia', 'GM'],
    ['Gambia, The', 'GM'],
    ['The Netherlands', 'NL'],
    // ISO comma forms and official names
    ['Bolivia, Plurinational State of', 'BO'],
    ['Congo, the Democratic Republic of the', 'CD'],
    ["Korea, Democratic People's Republic of", 'KP'],
    ['Korea, Republic of', 'KR'],
    ['Taiwan, Province of China', 'TW'],
    ['Tanzania, United Republic of', 'TZ'],
    ['Moldova, Republic of', 'MD'],
    ['Iran, Islamic Republic of', 'IR'],
    ["Lao People's Democratic Republic", 'LA'],
    ['Syrian Arab Republic', 'SY'],
    ['Russian Federation', 'RU'],
    ['Sint Maarten (Dutch part)', 'SX'],
    ['Saint Martin (French part)', 'MF'],
    ['Czech Republic', 'CZ'],
    ['Czechia', 'CZ'],
    ['Kyrgyzstan', 'KG'],
    ['People’s Republic of China', 'CN'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
    // alias spellings used in US government lists (TIP, TVPRA, EO 13126)
    ['Burma', 'MM'],
    ['Myanmar', 'MM'],
    ['Kyrgyz Republic', 'KG'],
    ['North Korea', 'KP'],
    ['South Korea', 'KR'],
    ['Democratic Republic of the Congo', 'CD'],
    ['DRC', 'CD'],
    ['Republic of the Congo', 'CG'],
    ['Congo', 'CG'],
    ['Russia', 'RU'],
    ['Laos', 'LA'],
    ['Syria', 'SY'],
    ['Iran', 'IR'],
    ['Bolivia', 'BO'],
    ['Tanzania', 'TZ'],
    ['Moldova', 'MD'],
    ['Macedonia', 'MK'],
    ['North Macedonia', 'MK'],
    ['Macedonia, the former Yugoslav Republic of', 'MK'],
    ['Swaziland', 'SZ'],
    ['Eswatini', 'SZ'],
    ['Taiwan', 'TW'],
    ['Palestine', 'PS'],
    ['West Bank', 'PS'],
    ['UAE', 'AE'],
    ['U.A.E.', 'AE'],
    ['UK', 'GB'],
    ['uk', 'GB'],
    ['U.K.', 'GB'],
    ['EL', 'GR'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['Kosovo', 'XK'],
    // known misspellings in the DOL EO 13126 list
    ['Boliva', 'BO'],
    ['Tajikstan', 'TJ'],
  ])('%p -> %s', (input, expected) => {
    expect(normalizeCountry(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['Korea'], // ambiguous: never guessed
    ['Atlantis'],
    ['Chin'], // no prefix matching
    ['Chinaa'], // no fuzzy matching
    ['C'],
    ['ZZ'],
    ['ZZZ'],
    ['Europe'],
    ['Congo Republic'],
    ['Guinea Bisau'],
    ['123'],
    ['C N'],
  ])('%p -> null', (input) => {
    expect(normalizeCountry(input)).toBeNull();
  });

  it('keeps look-alike names apart', () => {
    expect(normalizeCountry('Niger')).toBe('NE');
    expect(normalizeCountry('Nigeria')).toBe('NG');
    expect(normalizeCountry('Dominica')).toBe('DM');
    expect(normalizeCountry('Dominican Republic')).toBe('DO');
    expect(normalizeCountry('Sudan')).toBe('SD');
    expect(normalizeCountry('South Sudan')).toBe('SS');
    expect(normalizeCountry('Guinea')).toBe('GN');
    expect(normalizeCountry('Equatorial Guinea')).toBe('GQ');
    expect(normalizeCountry('Papua New Guinea')).toBe('PG');
  });

  it('resolves every code, alpha-3 and recorded name of every country to that country', () => {
    const wrong: string[] = [];
    for (const c of COUNTRIES) {
      const rec: { alpha2: string; alpha3: string; name: string; commonName?: string; officialName?: string } = c;
      const inputs = [rec.alpha2, rec.alpha2.toLowerCase(), rec.alpha3, rec.alpha3.toLowerCase(), rec.name, rec.name.toUpperCase()];
      if (rec.commonName !== undefined) inputs.push(rec.commonName);
      if (rec.officialName !== undefined) inputs.push(rec.officialName);
      for (const input of inputs) if (normalizeCountry(input) !== rec.alpha2) wrong.push(`${input} -> ${normalizeCountry(input)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('returns null for non-string input instead of throwing', () => {
    expect(normalizeCountry(undefined as unknown as string)).toBeNull();
    expect(normalizeCountry(7 as unknown as string)).toBeNull();
  });
});

describe('normalizeCountry on the real reference and sample files', () => {
  // libs/domain/src -> repository root -> shared/ (checked out beside main/).
  const here = dirname(fileURLToPath(import.meta.url));
  const dataDir = join(here, '..', '..', '..', '..', 'shared', 'data');
  const files = [
    ...['reference'].flatMap((d) => readdirSync(join(dataDir, d)).map((f) => join(d, f))),
    ...readdirSync(join(dataDir, 'samples', 'opensupplyhub')).map((f) => join('samples', 'opensupplyhub', f)),
  ].filter((f) => f.endsWith('.csv'));

  /**
   * Country cells that are expected NOT to resolve, with the reason. Empty:
   * every cell of the current files resolves. Add an entry here (never a
   * guessed alias) if a new file brings a genuinely unresolvable value.
   */
  const EXPECTED_UNRESOLVED: Readonly<Record<string, string>> = {};

  it('finds the data files', () => {
    expect(existsSync(dataDir)).toBe(true);
    expect(files.filter((f) => f.startsWith('reference'))).toHaveLength(3);
    expect(files.filter((f) => f.startsWith('samples')).length).toBeGreaterThanOrEqual(14);
  });

  it('resolves every country cell', () => {
    const unresolved = new Map<string, string>();
    let cells = 0;
    for (const file of files) {
      const rows = parse(readFileSync(join(dataDir, file)), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
      const columns = Object.keys(rows[0] ?? {}).filter((c) => ['country', 'countryname', 'iso'].includes(c.toLowerCase()));
      expect(columns.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const column of columns) {
          const cell = row[column]!;
          cells += 1;
          if (normalizeCountry(cell) === null && !(cell in EXPECTED_UNRESOLVED)) unresolved.set(cell, `${file}:${column}`);
        }
      }
    }
    expect(cells).toBeGreaterThan(7000);
    expect(Object.fromEntries(unresolved)).toEqual({});
  });

  it('resolves the name and the ISO alpha-3 of each TIP tier row to the same country', () => {
    const rows = parse(readFileSync(join(dataDir, 'reference', 'tip_tiers_1999_2015.csv')), { columns: true, bom: true }) as Array<{
      countryname: string;
      iso: string;
    }>;
    const mismatches = new Set<string>();
    for (const r of rows) {
      const byName = normalizeCountry(r.countryname);
      const byIso = normalizeCountry(r.iso);
      if (byName === null || byName !== byIso) mismatches.add(`${r.countryname}/${r.iso}: ${byName} vs ${byIso}`);
    }
    expect([...mismatches]).toEqual([]);
  });

  it('resolves the spellings the files actually use as expected', () => {
    expect(
      ['Boliva', 'Tajikstan', 'Burma', 'Kyrgyz Republic', "Cote D'Ivoire", 'Swaziland', 'Macedonia, the former Yugoslav Republic of', 'KOS', 'UAE', 'USA', 'TW'].map(
        normalizeCountry,
      ),
    ).toEqual(['BO', 'TJ', 'MM', 'KG', 'CI', 'SZ', 'MK', 'XK', 'AE', 'US', 'TW']);
  });
});
