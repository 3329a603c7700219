import { describe, expect, it } from '@jest/globals';
import { ImportFileError } from '../errors.js';
import { CsvParser, MAX_CSV_RECORD_CHARS } from './csv-parser.js';

function parse(chunks: string[]): Array<[number, string[]]> {
  const out: Array<[number, string[]]> = [];
  const p = new CsvParser((fields, line) => out.push([line, fields]));
  for (const c of chunks) p.push(c);
  p.end();
  return out;
}

/** Every split of `text` into two chunks gives the same records as the whole. */
function parseAllSplits(text: string): Array<[number, string[]]> {
  const whole = parse([text]);
  for (let i = 1; i < text.length; i++) expect(parse([text.slice(0, i), text.slice(i)])).toEqual(whole);
  return whole;
}

function fileError(chunks: string[]): ImportFileError {
  try {
    parse(chunks);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    return err as ImportFileError;
  }
  throw new Error('expected an ImportFileError');
}

describe('CsvParser', () => {
  it.each<[string, string, Array<[number, string[]]>]>([
    ['plain LF', 'a,b\n1,2\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['CRLF', 'a,b\r\n1,2\r\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['no final newline', 'a,b\n1,2', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['empty fields', 'a,b,c\n,,\n', [[1, ['a', 'b', 'c']], [2, ['', '', '']]]],
    ['blank lines skipped but counted', 'a,b\n\n1,2\n\r\n3,4\n', [[1, ['a', 'b']], [3, ['1', '2']], [5, ['3', '4']]]],
    ['quoted comma', 'a,b\n"x,y",2\n', [[1, ['a', 'b']], [2, ['x,y', '2']]]],
    ['doubled quotes', 'a\n"say ""hi"""\n', [[1, ['a']], [2, ['say "hi"']]]],
    ['quoted empty', 'a,b\n"",x\n', [[1, ['a', 'b']], [2, ['', 'x']]]],
    ['multi-line field keeps line numbers', 'a,b\n"line1\nline2",x\n3,4\n', [[1, ['a', 'b']], [2, ['line1\nline2', 'x']], [4, ['3', '4']]]],
    ['quoted CRLF end', 'a,b\r\n"1","2"\r\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['quoted last field at EOF', 'a\n"x"', [[1, ['a']], [2, ['x']]]],
    ['BOM dropped', '\ufeffa,b\n1,2\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['unicode', 'name\nΔ Ξ 中文 ✓\n', [[1, ['name']], [2, ['Δ Ξ 中文 ✓']]]],
  ])('%s', (_name, text, expected) => {
    expect(parseAllSplits(text)).toEqual(expected);
  });

  it.each<[string, string, number, RegExp]>([
    ['quote inside an unquoted field', 'a,b\n1,x"y\n', 2, /quote inside an unquoted field/],
    ['text after a closing quote', 'a,b\n"x"y,2\n', 2, /after a closing quote/],
    ['unclosed quote', 'a,b\n1,2\n"open,3\n4,5\n', 3, /never closed/],
    ['error after a multi-line field', 'a\n"x\ny"\n"z"q\n', 4, /after a closing quote/],
  ])('rejects %s with the line', (_name, text, line, message) => {
    const err = fileError([text]);
    expect(err.line).toBe(line);
    expect(err.message).toMatch(message);
  });

  it('bounds the memory of a runaway quoted field', () => {
    const p = new CsvParser(() => undefined);
    p.push('a\n"');
    const big = 'x'.repeat(1024 * 1024);
    expect(() => {
      for (let i = 0; i <= MAX_CSV_RECORD_CHARS / big.length + 1; i++) p.push(big);
    }).toThrow(/longer than/);
  });

  it('reports the current line for errors found outside the parser', () => {
    const p = new CsvParser(() => undefined);
    p.push('a\n1\n2\npartial');
    expect(p.currentLine()).toBe(4);
    expect(p.records).toBe(3);
  });
});
