/**
 * PostgreSQL COPY text format, built by hand: columns separated by TAB, rows
 * by LF, NULL as `\N`, and backslash, TAB, LF and CR escaped with a backslash.
 * Everything else passes through as is (the connection is UTF-8).
 */
export const COPY_NULL = '\\N';

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;

function escapeChar(c: string): string {
  switch (c) {
    case '\\':
      return '\\\\';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    default:
      return '\\r';
  }
}

/** One text value, escaped for COPY text format. */
export function copyText(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, escapeChar) : value;
}

/** A nullable text value: `\N` for null/undefined. */
export function copyNullable(value: string | null | undefined): string {
  return value === null || value === undefined ? COPY_NULL : copyText(value);
}

const ARRAY_ITEM_ESCAPES = /["\\]/g;

/** A PostgreSQL array literal `{"a","b"}` of text items, escaped for COPY. */
export function copyTextArray(items: readonly string[]): string {
  if (items.length === 0) return '{}';
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += '"' + items[i].replace(ARRAY_ITEM_ESCAPES, '\\$&') + '"';
  }
  return copyText(out + '}');
}

/** A jsonb value. */
export function copyJson(value: unknown): string {
  return copyText(JSON.stringify(value));
}

/** A bytea value in hex form (`\x...`, the backslash escaped for COPY). */
export function copyBytea(bytes: Uint8Array): string {
  return '\\\\x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
