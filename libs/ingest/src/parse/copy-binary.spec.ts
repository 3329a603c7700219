import { describe, expect, it } from '@jest/globals';
import { readBinaryCopyBytes } from './copy-binary.js';

function binaryCopy(values: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(4), Buffer.from([0, 0, 0, 2, 9, 9])];
  for (const v of values) {
    const head = Buffer.alloc(6);
    head.writeInt16BE(1, 0);
    head.writeInt32BE(v.length, 2);
    parts.push(head, v);
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

async function collect(stream: Buffer, pieceSize: number): Promise<Buffer> {
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let i = 0; i < stream.length; i += pieceSize) yield stream.subarray(i, i + pieceSize);
  }
  const out: Buffer[] = [];
  for await (const b of readBinaryCopyBytes(pieces())) out.push(Buffer.from(b));
  return Buffer.concat(out);
}

describe('readBinaryCopyBytes', () => {
  it('yields the column bytes whatever the piece sizes', async () => {
    const values = [Buffer.from('hello, '), Buffer.alloc(0), Buffer.from([0, 1, 2, 255]), Buffer.from(' world')];
    const stream = binaryCopy(values);
    for (const size of [1, 2, 3, 7, 19, 1000]) expect(await collect(stream, size)).toEqual(Buffer.concat(values));
  });

  it('fails on a truncated stream', async () => {
    const stream = binaryCopy([Buffer.from('abc')]);
    await expect(collect(stream.subarray(0, stream.length - 2), 5)).rejects.toThrow(/ended early/);
  });
});
