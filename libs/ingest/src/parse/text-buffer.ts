/**
 * What the streaming CSV parser and the NDJSON splitter share: text arrives in
 * arbitrary chunks, a leading byte-order mark is dropped, the unfinished tail
 * of a chunk is carried over to the next one, and line numbers are tracked.
 */
export abstract class StreamingTextBuffer {
  /** Unconsumed text carried over from the previous chunk. */
  protected rest = '';
  /** 1-based line number of the next record or line to hand out. */
  protected line = 1;
  /** Records or lines handed out so far. */
  protected seen = 0;
  private started = false;

  get records(): number {
    return this.seen;
  }

  /** Line number of the next unread character (for locating errors found outside the parser). */
  currentLine(): number {
    let n = this.line;
    let p = this.rest.indexOf('\n');
    while (p >= 0) {
      n++;
      p = this.rest.indexOf('\n', p + 1);
    }
    return n;
  }

  /** The carried-over tail joined with the next chunk (BOM removed from the very first chunk). */
  protected take(text: string): string {
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const s = this.rest.length > 0 ? this.rest + text : text;
    this.rest = '';
    return s;
  }

  /** Keep `s` from `consumed` on for the next chunk; `tooLong` is called when it exceeds `maxChars`. */
  protected carry(s: string, consumed: number, maxChars: number, tooLong: () => Error): void {
    if (consumed >= s.length) return;
    this.rest = s.slice(consumed);
    if (this.rest.length > maxChars) throw tooLong();
  }
}
