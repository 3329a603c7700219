import { DomainError } from '@lantern/domain';

/** Deeper JSON than this is refused before it is parsed (class-transformer and class-validator recurse). */
export const MAX_JSON_DEPTH = 32;

type Done = (err: Error | null, body?: unknown) => void;
type JsonParser = (req: unknown, body: string | Buffer, done: Done) => void;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Deepest `{`/`[` nesting of a JSON text, counted outside strings (stops counting past `limit`). */
export function jsonNestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** The first string (value or key) that PostgreSQL text cannot hold or that is not well-formed Unicode, with its path. */
export function findUnstorableString(value: unknown): { field: string; reason: string } | null {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    const check = (s: string, at: string): { field: string; reason: string } | null => {
      if (s.includes('\u0000')) return { field: at || 'body', reason: 'must not contain NUL characters' };
      if (!s.isWellFormed()) return { field: at || 'body', reason: 'must be well-formed Unicode (no lone surrogates)' };
      return null;
    };
    if (typeof v === 'string') {
      const issue = check(v, path);
      if (issue) return issue;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, `${path}[${i}]`]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const at = path === '' ? k : `${path}.${k}`;
        const issue = check(k, at);
        if (issue) return issue;
        stack.push([item, at]);
      }
    }
  }
  return null;
}

/**
 * Wraps Fastify's JSON parser (which keeps its __proto__ / constructor
 * poisoning protection): the body must be valid UTF-8 (no silent U+FFFD
 * replacement), nested at most MAX_JSON_DEPTH deep, and every string must be
 * storable text. Each refusal is a 400 problem naming the reason.
 */
export function strictJsonBodyParser(defaultParser: JsonParser): JsonParser {
  return (req, body, done) => {
    let text: string;
    try {
      text = typeof body === 'string' ? body : strictUtf8.decode(body);
    } catch {
      done(DomainError.validation([{ field: 'body', reason: 'is not valid UTF-8' }]));
      return;
    }
    if (jsonNestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(DomainError.validation([{ field: 'body', reason: `is nested deeper than ${MAX_JSON_DEPTH} levels` }]));
      return;
    }
    defaultParser(req, text, (err, parsed) => {
      if (err) return done(err);
      const issue = findUnstorableString(parsed);
      if (issue) return done(DomainError.validation([issue]));
      done(null, parsed);
    });
  };
}
