import { describe, expect, it } from '@jest/globals';
import { NdjsonSplitter } from './ndjson-splitter.js';

function split(chunks: string[]): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const s = new NdjsonSplitter((text, line) => out.push([line, text]));
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe('NdjsonSplitter', () => {
  it('numbers lines, skips blank ones and handles CRLF, a BOM and no final newline', () => {
    const text = '\ufeff{"a":1}\r\n\n  \n{"a":2}\n{"a":3}';
    const expected: Array<[number, string]> = [
      [1, '{"a":1}'],
      [4, '{"a":2}'],
      [5, '{"a":3}'],
    ];
    expect(split([text])).toEqual(expected);
    for (let i = 1; i < text.length; i++) expect(split([text.slice(0, i), text.slice(i)])).toEqual(expected);
  });
});
