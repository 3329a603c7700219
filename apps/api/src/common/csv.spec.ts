import { describe, it, expect } from '@jest/globals';
import { csvCell, csvLine } from './csv.js';

describe('csv', () => {
  it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises spreadsheet formulas in text, not in numbers', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes dates as ISO, scalar arrays joined with ; and objects as JSON', () => {
    expect(csvCell(new Date('2025-03-14T09:00:00Z'))).toBe('2025-03-14T09:00:00.000Z');
    expect(csvCell(['NP', 'MY'])).toBe('NP;MY');
    expect(csvCell([{ kind: 'photo' }])).toBe('"[{""kind"":""photo""}]"');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', null, 1])).toBe('a,,1\r\n');
  });
});
