import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { Corpus, partyQuery } from '../match/corpus.js';
import { normalizeName } from '../normalize/normalize-name.js';
import { SyntheticNames } from '../testing/synthetic-names.js';
import { NameIndexBuilder, tokenSimilarity } from './name-index.js';
import { skeleton } from '../normalize/skeleton.js';

const T = { review: 0.8, strong: 0.92 };

function corpusOf(names: string[], identifierKeys: string[][] = []): Corpus {
  return Corpus.build(names.map((n, i) => ({ names: [{ kind: 'primary' as const, tokens: normalizeName(n).tokens }], identifierKeys: identifierKeys[i] ?? [] })));
}

describe('tokenSimilarity', () => {
  it('aligns one-edit and close two-edit variants only', () => {
    expect(tokenSimilarity('korvelin', 'korvelim')).toBeGreaterThan(0.9);
    expect(tokenSimilarity('knitvare', 'knitvear')).toBeGreaterThan(0.93);
    expect(tokenSimilarity('eastern', 'vestern')).toBe(0);
    expect(tokenSimilarity('tea', 'tee')).toBe(0);
  });
});

describe('Corpus.match', () => {
  const corpus = corpusOf(
    ['Korvelin Textiles Co., Ltd.', 'Golden Star Textile Trading Co., Ltd.', 'Pyotr Sergeyevich Vorontelkin', 'Inter Tobacco LLC', 'Dravemont Apparel Limited'],
    [['uei:KV7LMQ2XH9N3'], [], [], [], []],
  );

  it('finds legal-form, order, typo and transliteration variants', () => {
    for (const q of ['KORVELIN TEXTILES COMPANY LIMITED', 'Textiles Korvelin', 'Korvelim Textile Co', 'Корвелин Текстиль ООО']) {
      const hits = corpus.match(partyQuery(q, [], []), T);
      expect(hits[0]?.record).toBe(0);
    }
    expect(corpus.match(partyQuery('Петр Сергеевич Воронтелкин', [], []), T)[0]).toMatchObject({ record: 2, strength: 'strong' });
    expect(corpus.match(partyQuery('Intertobacco', [], []), T)[0]?.record).toBe(3);
  });

  it('does not match names that share only common words', () => {
    expect(corpus.match(partyQuery('Golden Sun Textile Trading Co., Ltd.', [], []), T)).toEqual([]);
    expect(corpus.match(partyQuery('Brightway Apparel Limited', [], []), T)).toEqual([]);
  });

  it('matches identifiers exactly, whatever the name', () => {
    const hits = corpus.match(partyQuery('Some Other Name', [], [{ scheme: 'uei', value: 'kv7l-mq2x-h9n3' }]), T);
    expect(hits).toEqual([expect.objectContaining({ record: 0, strength: 'identifier', score: 1 })]);
  });

  it('searches aliases of the party too', () => {
    const hits = corpus.match(partyQuery('Northern Weaving Ltd', ['Dravemont Apparel'], []), T);
    expect(hits[0]).toMatchObject({ record: 4, partyName: 'Dravemont Apparel' });
  });
});

describe('candidate generation', () => {
  it('finds every name a brute-force Soft TF-IDF scan finds at the threshold (prefix-filter bound)', () => {
    const gen = new SyntheticNames(11);
    const names = Array.from({ length: 3000 }, () => gen.next().name);
    const corpus = corpusOf(names);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: names.length - 1 }), fc.constantFrom('typo', 'drop', 'order', 'none'), (i, variant) => {
        const tokens = normalizeName(names[i]!).tokens;
        let q = [...tokens];
        if (variant === 'typo' && q[0]!.length > 5) q[0] = q[0]!.slice(0, 2) + q[0]![3] + q[0]![2] + q[0]!.slice(4);
        if (variant === 'drop' && q.length > 2) q = q.slice(0, -1);
        if (variant === 'order') q = [...q].reverse();
        const query = { tokens: q, skeletons: q.map(skeleton) };
        const fast = new Set(corpus.index.search(query, { minScore: 0.8, limit: 10_000 }).map((h) => h.record));
        // Brute force: score every name with an unbounded candidate set.
        const slow = corpus.index.search(query, { minScore: 0.8, limit: 10_000, maxCandidates: 1e9, exhaustive: true }).map((h) => h.record);
        if (variant === 'none' || variant === 'order') expect(slow).toContain(i);
        for (const r of slow) expect(fast.has(r)).toBe(true);
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('reads few candidates for a rare name in a large corpus', () => {
    const gen = new SyntheticNames(12);
    const b = new NameIndexBuilder();
    for (let i = 0; i < 50_000; i++) b.add(i, normalizeName(gen.next().name).tokens.map(skeleton));
    const index = b.build();
    const stats = { candidates: 0, truncated: false };
    const q = normalizeName('Korvelin Textile Trading Co., Ltd.');
    index.search(q, { minScore: 0.8 }, stats);
    expect(stats.candidates).toBeLessThan(50);
  });
});
