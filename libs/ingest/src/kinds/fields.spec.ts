import { describe, expect, it } from '@jest/globals';
import type { RawRow, RowIssue } from '../parse/rows.js';
import { normalizeToken, readCountry, readDate, readInt, readList, readShare, readText, readTimestamp, toTri } from './fields.js';

const NOW = Date.parse('2025-06-01T00:00:00Z');
const row = (v: unknown): RawRow => ({ line: 2, format: 'csv', get: () => v });

function run<T>(fn: (r: RawRow, issues: RowIssue[]) => T, v: unknown): { value: T; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  return { value: fn(row(v), issues), issues };
}

describe('field readers', () => {
  it.each<[string, string | undefined]>([
    ['2024-03-01', '2024-03-01T00:00:00.000Z'],
    ['2024-03-01T10:15', '2024-03-01T10:15:00.000Z'],
    ['2024-03-01 10:15:30', '2024-03-01T10:15:30.000Z'],
    ['2024-03-01T10:15:30.123456Z', '2024-03-01T10:15:30.123Z'],
    ['2024-03-01T10:15:30+05:45', '2024-03-01T04:30:30.000Z'],
    ['2024-03-01T01:00:00-0300', '2024-03-01T04:00:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2023-02-29', undefined],
    ['2024-04-31', undefined],
    ['2024-02-30', undefined],
    ['2024-03-01T24:00', undefined],
    ['2024-03-01T10:00+15:00', undefined],
    ['01/03/2024', undefined],
    ['2026-01-01', undefined],
  ])('timestamp %j', (input, expected) => {
    const { value, issues } = run((r, i) => readTimestamp(r, 0, 'at', i, true, NOW), input);
    // The text goes to PostgreSQL as is: it must denote the expected instant (Date parses ISO 8601 the same way).
    expect(value === undefined ? undefined : new Date(value.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString()).toBe(expected);
    expect(issues.length).toBe(expected === undefined ? 1 : 0);
  });

  it.each<[unknown, number | undefined]>([
    ['42', 42], ['+7', 7], ['0', 0], [42, 42], ['4.0', undefined], ['1e3', undefined], ['', undefined], [true, undefined], ['101', undefined],
  ])('int %j', (input, expected) => {
    const { value } = run((r, i) => readInt(r, 0, 'n', i, 0, 100), input === '' ? undefined : input);
    expect(value).toBe(expected);
  });

  it.each<[unknown, string | undefined]>([
    ['0.35', '0.35'], ['1', '1'], ['0', '0'], ['.5', '.5'], [0.25, '0.2500'], ['1.01', undefined], ['35%', undefined], ['abc', undefined], [2, undefined],
  ])('share %j', (input, expected) => {
    expect(run((r, i) => readShare(r, 0, 's', i), input).value).toBe(expected);
  });

  it.each<[unknown, string | undefined]>([['2024-02-29', '2024-02-29'], ['2023-02-29', undefined], ['2024-1-5', undefined], [20240101, undefined]])(
    'date %j',
    (input, expected) => {
      expect(run((r, i) => readDate(r, 0, 'd', i), input).value).toBe(expected);
    },
  );

  it.each<[unknown, string | undefined]>([
    ['NP', 'NP'], ['npl', 'NP'], ['Nepal', 'NP'], ['  viet nam ', 'VN'], ['Burma', 'MM'], ['Atlantis', undefined], [12, undefined],
  ])('country %j', (input, expected) => {
    expect(run((r, i) => readCountry(r, 0, 'c', i, true), typeof input === 'string' ? input.trim() : input).value).toBe(expected);
  });

  it.each<[unknown, string | undefined]>([
    ['yes', 'yes'], ['YES', 'yes'], ['y', 'yes'], ['true', 'yes'], [true, 'yes'], ['no', 'no'], ['N', 'no'], [false, 'no'],
    ['unknown', 'unknown'], [undefined, 'unknown'], ['maybe', undefined], [1, undefined], ['0', undefined],
  ])('tri %j', (input, expected) => {
    expect(toTri(input)).toBe(expected);
  });

  it('reads lists from cells and arrays', () => {
    expect(run((r, i) => readList(r, 0, 'l', i), 'a; b;;c ;').value).toEqual(['a', 'b', 'c']);
    expect(run((r, i) => readList(r, 0, 'l', i), ['a', ' b ']).value).toEqual(['a', 'b']);
    expect(run((r, i) => readList(r, 0, 'l', i), undefined).value).toEqual([]);
    expect(run((r, i) => readList(r, 0, 'l', i), [1]).issues[0].field).toBe('l[0]');
  });

  it('reads text with limits', () => {
    expect(run((r, i) => readText(r, 0, 't', i, true, 5), 'abcdef').issues[0].reason).toMatch(/too long/);
    expect(run((r, i) => readText(r, 0, 't', i, true), undefined).issues[0].reason).toBe('is required');
    expect(run((r, i) => readText(r, 0, 't', i, true), 12).value).toBe('12');
    expect(run((r, i) => readText(r, 0, 't', i, true), ['x']).issues[0].reason).toMatch(/must be a string/);
  });

  it('normalises enum tokens', () => {
    expect(normalizeToken('Worker Voice')).toBe('worker_voice');
    expect(normalizeToken('employer-sponsored')).toBe('employer_sponsored');
    expect(normalizeToken('open_permit')).toBe('open_permit');
  });
});
