const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Reads the output of `COPY (SELECT one_bytea_column ...) TO STDOUT (FORMAT binary)`
 * and yields the column's bytes as they arrive, tuple after tuple, without
 * ever holding a whole value (PostgreSQL's binary COPY framing: an 11-byte
 * signature, flags, a header extension, then per tuple an int16 field count
 * and per field an int32 length and the bytes; a field count of -1 ends it).
 */
export async function* readBinaryCopyBytes(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  let state: 'signature' | 'extension' | 'tuple' | 'length' | 'data' | 'done' = 'signature';
  let remaining = 0;
  let extension = 0;

  for await (const chunk of source) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let pos = 0;
    for (;;) {
      const available = pending.length - pos;
      if (state === 'signature') {
        if (available < 19) break;
        if (!pending.subarray(pos, pos + 11).equals(SIGNATURE)) throw new Error('not a PostgreSQL binary COPY stream');
        extension = pending.readInt32BE(pos + 15);
        pos += 19;
        state = 'extension';
      } else if (state === 'extension') {
        const skip = Math.min(extension, available);
        pos += skip;
        extension -= skip;
        if (extension > 0) break;
        state = 'tuple';
      } else if (state === 'tuple') {
        if (available < 2) break;
        const fields = pending.readInt16BE(pos);
        pos += 2;
        if (fields === -1) {
          state = 'done';
          break;
        }
        if (fields !== 1) throw new Error(`expected one column per tuple, got ${fields}`);
        state = 'length';
      } else if (state === 'length') {
        if (available < 4) break;
        remaining = pending.readInt32BE(pos);
        pos += 4;
        if (remaining < 0) throw new Error('unexpected NULL value in binary COPY stream');
        state = remaining === 0 ? 'tuple' : 'data';
      } else if (state === 'data') {
        if (available === 0) break;
        const take = Math.min(remaining, available);
        yield pending.subarray(pos, pos + take);
        pos += take;
        remaining -= take;
        if (remaining === 0) state = 'tuple';
      } else {
        break;
      }
    }
    pending = pos >= pending.length ? Buffer.alloc(0) : pending.subarray(pos);
  }
  if (state !== 'done') throw new Error('binary COPY stream ended early');
}
