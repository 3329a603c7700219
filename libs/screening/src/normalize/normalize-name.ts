import { foldText } from './fold.js';
import { LEGAL_FORM_DEFINITIONS, STOP_WORDS } from './legal-forms.js';
import { skeleton } from './skeleton.js';

/**
 * Version of the normalisation rules. Stored with every list snapshot's
 * pre-computed tokens: a snapshot normalised by another version is
 * re-normalised when it is loaded.
 */
export const NORMALIZER_VERSION = 1;

export interface NormalizedName {
  /** The name as given. */
  original: string;
  /** Identity-carrying words, in order, folded to lower-case Latin (legal forms and stop words removed). */
  tokens: string[];
  /** Phonetic skeleton of each token (same order): the matching key. */
  skeletons: string[];
  /** Canonical codes of the legal forms that were removed (`ltd`, `gmbh`, `ooo`, ...). */
  legalForms: string[];
}

/**
 * Words of a folded string: apostrophes dropped, dotted abbreviations joined
 * ("s.p.a." -> "spa"), `&` read as "and", every other run of punctuation a
 * word break, runs of single Latin letters joined ("S A" -> "sa").
 */
export function tokenize(folded: string): string[] {
  const text = /^[\x20-\x7e]*$/.test(folded)
    ? folded
        .replace(/['`]/g, '')
        .replace(/(?<![a-z0-9])((?:[a-z]\.)+[a-z])\.?(?![a-z0-9])/g, (m) => m.replace(/\./g, ''))
        .replace(/&/g, ' and ')
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : folded
        .replace(/['’‘`´ʼ]/g, '')
        .replace(/(?<![\p{L}\p{N}])((?:\p{L}\.)+\p{L})\.?(?![\p{L}\p{N}])/gu, (m) => m.replace(/\./g, ''))
        .replace(/&/g, ' and ')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
  if (text === '') return [];
  const words = text.split(' ');
  const out: string[] = [];
  let letters = '';
  for (const w of words) {
    if (w.length === 1 && w >= 'a' && w <= 'z') {
      letters += w;
      continue;
    }
    if (letters !== '') out.push(letters);
    letters = '';
    out.push(w);
  }
  if (letters !== '') out.push(letters);
  return out;
}

interface Phrase {
  code: string;
  words: string[];
  edgeOnly: boolean;
}

function buildPhrases(): Phrase[] {
  const seen = new Set<string>();
  const phrases: Phrase[] = [];
  for (const def of LEGAL_FORM_DEFINITIONS) {
    const add = (text: string, edgeOnly: boolean): void => {
      const words = tokenize(foldText(text));
      const key = words.join(' ');
      if (words.length === 0 || seen.has(key)) return;
      seen.add(key);
      phrases.push({ code: def.code, words, edgeOnly });
    };
    for (const p of def.phrases) add(p, false);
    for (const p of def.edgeOnly ?? []) add(p, true);
  }
  // Longest first, so "co ltd" wins over "ltd" and "gmbh and co kg" over "kg".
  return phrases.sort((a, b) => b.words.length - a.words.length);
}

const PHRASES = buildPhrases();

/** Phrases by their last word (end of a name) and by their first word (start and middle), longest first. */
function byWord(pick: (p: Phrase) => string): Map<string, Phrase[]> {
  const map = new Map<string, Phrase[]>();
  for (const p of PHRASES) map.set(pick(p), [...(map.get(pick(p)) ?? []), p]);
  return map;
}
const BY_LAST = byWord((p) => p.words[p.words.length - 1]!);
const BY_FIRST = byWord((p) => p.words[0]!);

function matchesAt(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  if (at < 0 || at + words.length > tokens.length) return false;
  for (let i = 0; i < words.length; i++) if (tokens[at + i] !== words[i]) return false;
  return true;
}

/** Remove legal forms: repeatedly at the end and the start (any phrase), then unambiguous ones anywhere. */
export function stripLegalForms(tokens: readonly string[]): { tokens: string[]; legalForms: string[] } {
  let start = 0;
  let end = tokens.length;
  const forms: string[] = [];
  let changed = true;
  while (changed && end - start > 1) {
    changed = false;
    for (const p of BY_LAST.get(tokens[end - 1]!) ?? []) {
      if (p.words.length < end - start && matchesAt(tokens, end - p.words.length, p.words)) {
        end -= p.words.length;
        forms.push(p.code);
        changed = true;
        break;
      }
    }
    if (changed || end - start <= 1) continue;
    for (const p of BY_FIRST.get(tokens[start]!) ?? []) {
      if (p.words.length < end - start && matchesAt(tokens, start, p.words)) {
        start += p.words.length;
        forms.push(p.code);
        changed = true;
        break;
      }
    }
  }
  const rest = tokens.slice(start, end);
  const kept: string[] = [];
  for (let i = 0; i < rest.length; ) {
    const p = (BY_FIRST.get(rest[i]!) ?? []).find((ph) => !ph.edgeOnly && ph.words.length < rest.length && matchesAt(rest, i, ph.words));
    if (p !== undefined) {
      forms.push(p.code);
      i += p.words.length;
    } else {
      kept.push(rest[i]!);
      i++;
    }
  }
  return { tokens: kept.length > 0 ? kept : rest, legalForms: [...new Set(forms)] };
}

/** Normalise a company or person name for matching. */
export function normalizeName(name: string): NormalizedName {
  const words = tokenize(foldText(name));
  const stripped = stripLegalForms(words);
  const meaningful = stripped.tokens.filter((t) => !STOP_WORDS.has(t));
  const tokens = meaningful.length > 0 ? meaningful : stripped.tokens;
  return { original: name, tokens, skeletons: tokens.map(skeleton), legalForms: stripped.legalForms };
}

/** Order-insensitive key of a name (sorted skeletons): equal keys are the same name up to spelling variants. */
export function nameKey(n: NormalizedName): string {
  return [...n.skeletons].sort().join(' ');
}
