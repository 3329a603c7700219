import { describe, expect, it } from '@jest/globals';
import { ImportFileError } from '../errors.js';
import { firstInvalidUtf8, StrictUtf8Decoder } from './utf8.js';

describe('StrictUtf8Decoder', () => {
  it('decodes multi-byte characters split across chunks', () => {
    const bytes = Buffer.from('a€b😀c', 'utf8');
    for (let i = 1; i < bytes.length; i++) {
      const d = new StrictUtf8Decoder();
      const text = d.decode(bytes.subarray(0, i), () => 1) + d.decode(bytes.subarray(i), () => 1) + d.end(() => 1);
      expect(text).toBe('a€b😀c');
    }
  });

  it('drops a BOM', () => {
    const d = new StrictUtf8Decoder();
    expect(d.decode(Buffer.from('\ufeffx', 'utf8'), () => 1) + d.end(() => 1)).toBe('x');
  });

  it.each<[string, Buffer, number]>([
    ['latin-1 byte', Buffer.concat([Buffer.from('a,b\n1,2\nx,'), Buffer.from([0xe9]), Buffer.from('\n')]), 3],
    ['lone continuation byte', Buffer.from([0x61, 0x0a, 0x80]), 2],
    ['overlong encoding', Buffer.from([0x0a, 0x0a, 0xc0, 0xaf]), 3],
    ['UTF-16 surrogate', Buffer.from([0xed, 0xa0, 0x80]), 1],
  ])('rejects a %s naming its line', (_name, bytes, line) => {
    const d = new StrictUtf8Decoder();
    let err: unknown;
    try {
      d.decode(bytes, () => 1);
      d.end(() => 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).line).toBe(line);
    expect((err as ImportFileError).message).toMatch(`not valid UTF-8 (invalid byte sequence on line ${line})`);
  });

  it('rejects a sequence cut off at the end of the file', () => {
    const d = new StrictUtf8Decoder();
    d.decode(Buffer.from([0x61, 0xe2, 0x82]), () => 1);
    expect(() => d.end(() => 7)).toThrow(/line 7/);
  });

  it('finds the first invalid byte', () => {
    expect(firstInvalidUtf8(Buffer.from('abc€', 'utf8'))).toBe(6);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xff]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(3);
  });
});
