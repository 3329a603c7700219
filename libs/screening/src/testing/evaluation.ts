import { Corpus, partyQuery } from '../match/corpus.js';
import { normalizeName } from '../normalize/normalize-name.js';
import type { Thresholds } from '../decision/types.js';
import { SyntheticNames } from './synthetic-names.js';

/** One labelled pair of test/fixtures/screening/name-pairs.jsonl. */
export interface LabelledPair {
  id: string;
  category: string;
  /** True when both names denote the same party. */
  match: boolean;
  /** The name as a list or block records it. */
  listed: string;
  /** The name as a bid gives it. */
  query: string;
  listedCountry?: string;
  queryCountry?: string;
  note?: string;
}

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationResult {
  pairs: number;
  background: number;
  /** Flagged at all (score >= review threshold): what reaches an officer. */
  review: Confusion;
  /** Strong (score >= strong threshold): what may block without an officer. */
  strong: Confusion;
  byCategory: Record<string, { pairs: number; review: Confusion; strong: Confusion }>;
  /** Pairs the system gets wrong at the review threshold, with their scores. */
  errors: { id: string; category: string; match: boolean; listed: string; query: string; score: number }[];
  /** Score of each pair (0 when the listed record is not among the hits). */
  scores: Record<string, number>;
}

function confusion(rows: { match: boolean; predicted: boolean }[]): Confusion {
  const tp = rows.filter((r) => r.match && r.predicted).length;
  const fp = rows.filter((r) => !r.match && r.predicted).length;
  const fn = rows.filter((r) => r.match && !r.predicted).length;
  const tn = rows.filter((r) => !r.match && !r.predicted).length;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/**
 * Run the labelled pairs through the real matcher: every listed name goes
 * into one corpus together with `background` invented names (so that word
 * frequencies, and therefore the IDF weights and the candidate generation, are
 * those of a list, not of 250 names), then each query is searched and the
 * pair's score is that of its listed record among the hits.
 */
export function evaluatePairs(pairs: readonly LabelledPair[], thresholds: Thresholds, background = 20_000): EvaluationResult {
  const listed = [...new Set(pairs.map((p) => p.listed))];
  const recordOf = new Map(listed.map((name, i) => [name, i]));
  const gen = new SyntheticNames(7);
  const names = [...listed, ...Array.from({ length: background }, () => gen.next().name)];
  const corpus = Corpus.build(names.map((n) => ({ names: [{ kind: 'primary' as const, tokens: normalizeName(n).tokens }], identifierKeys: [] })));
  const scores: Record<string, number> = {};
  const rows = pairs.map((p) => {
    const hits = corpus.match(partyQuery(p.query, [], []), { review: Math.min(thresholds.review, 0.5), strong: thresholds.strong }, 50);
    const score = hits.find((h) => h.record === recordOf.get(p.listed))?.score ?? 0;
    scores[p.id] = Math.round(score * 1000) / 1000;
    return { pair: p, score };
  });
  const at = (t: number) => rows.map((r) => ({ match: r.pair.match, predicted: r.score >= t }));
  const byCategory: EvaluationResult['byCategory'] = {};
  for (const c of [...new Set(pairs.map((p) => p.category))].sort()) {
    const mine = rows.filter((r) => r.pair.category === c);
    byCategory[c] = {
      pairs: mine.length,
      review: confusion(mine.map((r) => ({ match: r.pair.match, predicted: r.score >= thresholds.review }))),
      strong: confusion(mine.map((r) => ({ match: r.pair.match, predicted: r.score >= thresholds.strong }))),
    };
  }
  return {
    pairs: pairs.length,
    background,
    review: confusion(at(thresholds.review)),
    strong: confusion(at(thresholds.strong)),
    byCategory,
    errors: rows
      .filter((r) => r.pair.match !== r.score >= thresholds.review)
      .map((r) => ({ id: r.pair.id, category: r.pair.category, match: r.pair.match, listed: r.pair.listed, query: r.pair.query, score: Math.round(r.score * 1000) / 1000 })),
    scores,
  };
}

/** Precision and recall at a series of thresholds (for choosing them). */
export function thresholdSweep(pairs: readonly LabelledPair[], thresholds: readonly number[], background = 20_000): { threshold: number; confusion: Confusion }[] {
  const base = evaluatePairs(pairs, { review: Math.min(...thresholds), strong: 1 }, background);
  return thresholds.map((t) => ({ threshold: t, confusion: confusion(pairs.map((p) => ({ match: p.match, predicted: (base.scores[p.id] ?? 0) >= t }))) }));
}
