import { describe, expect, it } from '@jest/globals';
import { copyBytea, copyJson, copyNullable, copyText, copyTextArray } from './copy-text.js';

describe('COPY text encoding', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['tab\there', 'tab\\there'],
    ['new\nline', 'new\\nline'],
    ['cr\rx', 'cr\\rx'],
    ['back\\slash', 'back\\\\slash'],
    ['ünïcödé', 'ünïcödé'],
  ])('escapes %j', (input, expected) => {
    expect(copyText(input)).toBe(expected);
  });

  it('writes NULL as \\N', () => {
    expect(copyNullable(null)).toBe('\\N');
    expect(copyNullable(undefined)).toBe('\\N');
    expect(copyNullable('x')).toBe('x');
  });

  it('builds array literals', () => {
    expect(copyTextArray([])).toBe('{}');
    expect(copyTextArray(['NP', 'BD'])).toBe('{"NP","BD"}');
    expect(copyTextArray(['a"b', 'c\\d'])).toBe('{"a\\\\"b","c\\\\\\\\d"}');
  });

  it('escapes JSON and bytea', () => {
    expect(copyJson({ a: 'x\ny' })).toBe('{"a":"x\\\\ny"}');
    expect(copyBytea(Buffer.from([0, 255]))).toBe('\\\\x00ff');
  });
});
