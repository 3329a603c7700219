import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_THRESHOLDS } from '../decision/decide.js';
import { evaluatePairs, type EvaluationResult, type LabelledPair } from './evaluation.js';

/**
 * Matching quality on the labelled name pairs (test/fixtures/screening/).
 * `name-pairs.jsonl` is the development set the normalisation rules were
 * written against; `name-pairs-holdout.jsonl` was written afterwards and never
 * tuned on. Precision and recall at the chosen thresholds are printed and must
 * stay above the floors; docs/screening.md records them.
 */
function load(file: string): LabelledPair[] {
  return readFileSync(resolve('test/fixtures/screening', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledPair);
}

function report(name: string, r: EvaluationResult): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${name}: ${r.pairs} pairs (${r.review.tp + r.review.fn} matches, ${r.review.fp + r.review.tn} non-matches), background ${r.background} invented names`,
    `  review threshold ${DEFAULT_THRESHOLDS.review}: precision ${pct(r.review.precision)}, recall ${pct(r.review.recall)}, F1 ${pct(r.review.f1)} (tp ${r.review.tp}, fp ${r.review.fp}, fn ${r.review.fn}, tn ${r.review.tn})`,
    `  strong threshold ${DEFAULT_THRESHOLDS.strong}: precision ${pct(r.strong.precision)}, recall ${pct(r.strong.recall)}, F1 ${pct(r.strong.f1)} (tp ${r.strong.tp}, fp ${r.strong.fp}, fn ${r.strong.fn}, tn ${r.strong.tn})`,
    ...Object.entries(r.byCategory).map(([c, v]) =>
      v.review.tp + v.review.fn === 0
        ? `  ${c.padEnd(24)} ${String(v.pairs).padStart(3)} pairs  false alarms: review ${v.review.fp}, strong ${v.strong.fp}`
        : `  ${c.padEnd(24)} ${String(v.pairs).padStart(3)} pairs  recall: review ${pct(v.review.recall)}, strong ${pct(v.strong.recall)}${v.review.fp > 0 ? `; false alarms ${v.review.fp}` : ''}`,
    ),
    `  errors at the review threshold: ${r.errors.map((e) => `${e.id} ${e.match ? 'missed' : 'false alarm'} (${e.score})`).join(', ') || 'none'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

describe('matching quality (labelled name pairs)', () => {
  it('development set: at least 200 pairs of every kind, precision and recall above the floors', () => {
    const pairs = load('name-pairs.jsonl');
    expect(pairs.length).toBeGreaterThanOrEqual(200);
    for (const c of ['transliteration', 'legal_form', 'typo', 'word_order', 'non_match_common_words']) {
      expect(pairs.filter((p) => p.category === c).length).toBeGreaterThanOrEqual(20);
    }
    const r = evaluatePairs(pairs, DEFAULT_THRESHOLDS);
    report('development set', r);
    expect(r.review.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.review.recall).toBeGreaterThanOrEqual(0.92);
    expect(r.strong.precision).toBeGreaterThanOrEqual(0.98);
    expect(r.strong.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('held-out set: precision and recall above the floors', () => {
    const pairs = load('name-pairs-holdout.jsonl');
    const r = evaluatePairs(pairs, DEFAULT_THRESHOLDS);
    report('held-out set', r);
    expect(r.review.precision).toBeGreaterThanOrEqual(0.85);
    expect(r.review.recall).toBeGreaterThanOrEqual(0.8);
  });
});
