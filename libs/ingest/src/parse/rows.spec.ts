import { describe, expect, it } from '@jest/globals';
import { ImportFileError } from '../errors.js';
import { assertKnownJsonFields, CsvRowView, mapCsvHeader } from './rows.js';

function headerError(header: string[]): string {
  try {
    mapCsvHeader('sites', header);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).line).toBe(1);
    return (err as Error).message;
  }
  throw new Error('expected a header error');
}

describe('CSV header', () => {
  it('maps columns in any order and case, optional ones may be left out', () => {
    const map = mapCsvHeader('sites', [' Country ', 'ref', 'NAME', 'supplier_ref']);
    const row = new CsvRowView(map).reset(['NP', ' S-1 ', 'Plant', 'SUP'], 2);
    expect(row.get(0)).toBe('S-1');
    expect(row.get(4)).toBe('NP');
    expect(row.get(3)).toBeUndefined();
  });

  it.each<[string, string[], RegExp]>([
    ['unknown columns', ['ref', 'supplier_ref', 'name', 'country', 'colour', 'size'], /unknown columns "colour", "size"/],
    ['a duplicate column', ['ref', 'supplier_ref', 'name', 'country', 'name'], /duplicate column "name"/],
    ['missing required columns', ['ref', 'name'], /missing required columns "supplier_ref", "country"/],
    ['an empty column name', ['ref', 'supplier_ref', 'name', 'country', ''], /empty column name at position 5/],
  ])('fails the file on %s', (_name, header, message) => {
    expect(headerError(header)).toMatch(message);
    expect(headerError(header)).toMatch(/The sites columns are: ref\*, supplier_ref\*/);
  });

  it('treats blank cells as absent', () => {
    const row = new CsvRowView(mapCsvHeader('sites', ['ref', 'supplier_ref', 'name', 'country'])).reset(['  ', '', 'x', 'NP'], 2);
    expect(row.get(0)).toBeUndefined();
    expect(row.get(1)).toBeUndefined();
  });
});

describe('NDJSON fields', () => {
  it('fails the file on an unknown field, naming it and the line', () => {
    expect(() => assertKnownJsonFields('sites', new Set(['ref']), { ref: 'x', colour: 'red' }, 7)).toThrow(/line 7: unknown field "colour"/);
  });
});
