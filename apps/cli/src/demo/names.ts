/**
 * Invented names for the demo: stems made of invented syllables plus generic
 * trade words and the country's legal form. No real company names are used;
 * the stems are random syllable pairs, checked for uniqueness.
 */
import type { Rng } from './prng.js';
import { LEGAL_FORMS, SYLLABLES } from './reference.js';

/**
 * Stems that read as real words, given names or known brands: skipped so that
 * no invented company can be mistaken for a real one. Not exhaustive; the
 * length and no-repeat rules below keep most stems visibly invented.
 */
const AVOID = new Set([
  'callum', 'corbel', 'cortes', 'loren', 'liora', 'tesora', 'mites', 'sator', 'pasen', 'viren', 'lobel', 'libel', 'solcal', 'monmon',
  'dordor', 'oraora', 'ravrav', 'sorsor', 'dalora', 'kador', 'sortha', 'garmo', 'lumper', 'persen', 'senwen', 'fasol', 'milin', 'tamlum',
]);

export class NameFactory {
  private readonly usedStems = new Set<string>();
  private readonly usedNames = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** A fresh capitalised stem such as "Korvelin" (2 or 3 syllables). */
  stem(): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const n = this.rng.chance(0.3) ? 3 : 2;
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push(this.rng.pick(SYLLABLES));
      const s = parts.join('');
      if (s.length < 6 || s.length > 11 || new Set(parts).size < parts.length || AVOID.has(s)) continue;
      const stem = s[0]!.toUpperCase() + s.slice(1);
      if (this.usedStems.has(stem)) continue;
      this.usedStems.add(stem);
      return stem;
    }
    throw new Error('name factory: ran out of stems');
  }

  /** A company name in the country's style, unique within the dataset. */
  company(stem: string, word: string, country: string): string {
    const forms = LEGAL_FORMS[country] ?? ['Ltd'];
    for (let attempt = 0; attempt < 50; attempt++) {
      const form = this.rng.pick(forms);
      const name = form === 'PT' ? `PT ${stem} ${word}` : `${stem} ${word} ${form}`;
      if (!this.usedNames.has(name)) {
        this.usedNames.add(name);
        return name;
      }
      word = `${word} ${this.rng.pick(['International', 'Industries', 'Holdings', 'Group'])}`;
    }
    throw new Error(`name factory: cannot make a unique name for ${stem}`);
  }
}
