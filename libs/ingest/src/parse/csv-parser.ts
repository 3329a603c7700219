import { ImportFileError } from '../errors.js';
import { StreamingTextBuffer } from './text-buffer.js';

/** A record longer than this is taken as a runaway quoted field (an unclosed quote), not data. */
export const MAX_CSV_RECORD_CHARS = 8 * 1024 * 1024;

export type CsvRecordHandler = (fields: string[], line: number) => void;

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/**
 * Streaming RFC 4180 parser (comma separator, `"` quoting with `""` escapes,
 * LF or CRLF line ends, quoted fields may span lines). Push decoded text with
 * `push()`, call `end()` once; each record is handed to the callback with the
 * 1-based line number it starts on. Blank lines are skipped (and counted).
 *
 * Strict where csv-parse is lenient: a quote inside an unquoted field, text
 * after a closing quote and an unclosed quote are file-level errors
 * (ImportFileError with the line), because guessing would shift columns.
 *
 * Fast path: a line without any `"` is `split(',')` (native, no per-char JS
 * loop); only lines with quotes go through the character state machine.
 */
export class CsvParser extends StreamingTextBuffer {
  constructor(private readonly onRecord: CsvRecordHandler) {
    super();
  }

  push(text: string): void {
    const s = this.take(text);
    this.carry(
      s,
      this.parse(s, false),
      MAX_CSV_RECORD_CHARS,
      () =>
        new ImportFileError(
          `a record starting on line ${this.line} is longer than ${MAX_CSV_RECORD_CHARS} characters: probably a quoted field that is never closed`,
          this.line,
        ),
    );
  }

  end(): void {
    const s = this.rest;
    this.rest = '';
    if (s.length > 0) this.parse(s, true);
  }

  /** Parse complete records of `s`; returns the index of the first unconsumed character. */
  private parse(s: string, final: boolean): number {
    const len = s.length;
    let i = 0;
    let q = s.indexOf('"');
    if (q < 0) q = len;
    while (i < len) {
      let nl = s.indexOf('\n', i);
      if (nl < 0) {
        if (!final) return i;
        nl = len;
      }
      if (q < i) {
        q = s.indexOf('"', i);
        if (q < 0) q = len;
      }
      if (q >= nl) {
        // Fast path: no quote on this line.
        let end = nl;
        if (end > i && s.charCodeAt(end - 1) === CR) end--;
        if (end > i) {
          this.seen++;
          this.onRecord(s.slice(i, end).split(','), this.line);
        }
        this.line++;
        i = nl + 1;
        continue;
      }
      const next = this.parseQuotedRecord(s, i, final);
      if (next < 0) return i; // needs more input
      i = next;
    }
    return len;
  }

  /**
   * Character state machine for a record that contains quotes. Returns the index
   * after the record's line end, or -1 when the record is not complete yet.
   */
  private parseQuotedRecord(s: string, start: number, final: boolean): number {
    const len = s.length;
    const fields: string[] = [];
    let pos = start;
    for (;;) {
      if (pos < len && s.charCodeAt(pos) === QUOTE) {
        let j = pos + 1;
        let value = '';
        for (;;) {
          const q = s.indexOf('"', j);
          if (q < 0) {
            if (!final) return -1;
            throw new ImportFileError(`malformed CSV: the quoted field starting on line ${this.lineAt(s, start, pos)} is never closed`, this.lineAt(s, start, pos));
          }
          if (q + 1 >= len && !final) return -1;
          if (q + 1 < len && s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += s.slice(j, q);
          pos = q + 1;
          break;
        }
        fields.push(value);
        if (pos >= len) {
          if (!final) return -1;
          return this.emit(fields, s, start, len);
        }
        const c = s.charCodeAt(pos);
        if (c === COMMA) {
          pos++;
          continue;
        }
        if (c === LF) return this.emit(fields, s, start, pos + 1);
        if (c === CR && pos + 1 < len && s.charCodeAt(pos + 1) === LF) return this.emit(fields, s, start, pos + 2);
        if (c === CR && pos + 1 >= len) {
          if (!final) return -1;
          return this.emit(fields, s, start, len);
        }
        throw new ImportFileError(
          `malformed CSV on line ${this.lineAt(s, start, pos)}: unexpected ${JSON.stringify(s[pos])} after a closing quote (a field that contains quotes must be quoted whole, with inner quotes doubled)`,
          this.lineAt(s, start, pos),
        );
      }
      // Unquoted field: up to the next comma or line end; a quote inside is an error.
      let j = pos;
      let c = 0;
      while (j < len) {
        c = s.charCodeAt(j);
        if (c === COMMA || c === LF || c === QUOTE) break;
        j++;
      }
      if (j >= len) {
        if (!final) return -1;
        fields.push(stripCr(s, pos, len));
        return this.emit(fields, s, start, len);
      }
      if (c === QUOTE) {
        throw new ImportFileError(
          `malformed CSV on line ${this.lineAt(s, start, j)}: a quote inside an unquoted field (quote the whole field and double the inner quotes)`,
          this.lineAt(s, start, j),
        );
      }
      if (c === COMMA) {
        fields.push(s.slice(pos, j));
        pos = j + 1;
        continue;
      }
      fields.push(stripCr(s, pos, j));
      return this.emit(fields, s, start, j + 1);
    }
  }

  private emit(fields: string[], s: string, start: number, next: number): number {
    this.seen++;
    this.onRecord(fields, this.line);
    this.line = this.lineAt(s, start, next);
    return next;
  }

  /** Line number of index `at` of `s`, where `start` is on the current line. */
  private lineAt(s: string, start: number, at: number): number {
    let n = this.line;
    let p = s.indexOf('\n', start);
    while (p >= 0 && p < at) {
      n++;
      p = s.indexOf('\n', p + 1);
    }
    return n;
  }
}

function stripCr(s: string, from: number, to: number): string {
  return to > from && s.charCodeAt(to - 1) === CR ? s.slice(from, to - 1) : s.slice(from, to);
}
