import { ImportFileError } from '../errors.js';
import { StreamingTextBuffer } from './text-buffer.js';

/** A line longer than this is not a plausible record: the file is rejected rather than buffered whole. */
export const MAX_NDJSON_LINE_CHARS = 8 * 1024 * 1024;

export type NdjsonLineHandler = (text: string, line: number) => void;

/**
 * Splits decoded NDJSON / JSON Lines text into lines (LF or CRLF) and hands
 * each non-blank one to the callback with its 1-based line number. Parsing
 * the JSON is the caller's business: a bad line is a row rejection, not a
 * file error.
 */
export class NdjsonSplitter extends StreamingTextBuffer {
  constructor(private readonly onLine: NdjsonLineHandler) {
    super();
  }

  push(text: string): void {
    const s = this.take(text);
    let i = 0;
    for (;;) {
      const nl = s.indexOf('\n', i);
      if (nl < 0) break;
      this.emit(s, i, nl);
      i = nl + 1;
    }
    this.carry(s, i, MAX_NDJSON_LINE_CHARS, () => new ImportFileError(`line ${this.line} is longer than ${MAX_NDJSON_LINE_CHARS} characters`, this.line));
  }

  end(): void {
    if (this.rest.length > 0) this.emit(this.rest, 0, this.rest.length);
    this.rest = '';
  }

  private emit(s: string, from: number, to: number): void {
    let end = to;
    if (end > from && s.charCodeAt(end - 1) === 13) end--;
    let text = s.slice(from, end);
    if (text.length > 0 && isBlank(text)) text = '';
    if (text.length > 0) {
      this.seen++;
      this.onLine(text, this.line);
    }
    this.line++;
  }
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
