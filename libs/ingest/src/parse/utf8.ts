import { ImportFileError } from '../errors.js';

/**
 * Streaming strict UTF-8 decoding: the native TextDecoder in fatal mode (so an
 * invalid byte is an error instead of a silent U+FFFD), with a multi-byte
 * character split across two chunks handled by `stream: true`. A leading BOM
 * is dropped. On an invalid sequence the error names the line it is on.
 */
export class StrictUtf8Decoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

  /**
   * @param linesBefore the line number the first byte of `chunk` is on (the
   * caller's count of line feeds seen so far + 1), used for error messages only.
   */
  decode(chunk: Uint8Array, linesBefore: () => number): string {
    try {
      return this.decoder.decode(chunk, { stream: true });
    } catch {
      const offset = firstInvalidUtf8(chunk);
      throw invalidUtf8(linesBefore() + countLineFeeds(chunk, offset));
    }
  }

  /** Flush: a multi-byte sequence cut off at the end of the file is an error. */
  end(linesBefore: () => number): string {
    try {
      return this.decoder.decode();
    } catch {
      throw invalidUtf8(linesBefore());
    }
  }
}

function invalidUtf8(line: number): ImportFileError {
  return new ImportFileError(
    `the file is not valid UTF-8 (invalid byte sequence on line ${line}); save it as UTF-8 (in Excel: "CSV UTF-8")`,
    line,
  );
}

function countLineFeeds(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 10) n++;
  return n;
}

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence in `b`
 * (0 when the chunk starts with continuation bytes of a character begun in the
 * previous chunk, which the decoder reports here too; `b.length` if none).
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return n; // cut off at the end of the chunk: fine while streaming
      const cc = b[i + k];
      if ((cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}
