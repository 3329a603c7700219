/**
 * The ILO/EC Delphi decision rule (DOMAIN.md §2.1).
 *
 * Step 1: a dimension is positive when its distinct indicators include
 * (a) two strong, (b) one strong and one medium or weak, (c) three medium, or
 * (d) two medium and one weak. Each (dimension, indicator) counts once however
 * many facts or answers evidence it.
 *
 * Step 2 (adults): trafficking = a recruitment means (D1, D2 or D3) AND
 * exploitation (D4) AND a destination means (D5 or D6). The ladder below it:
 * D4 alone = exploited; recruitment means + D4 = deceived and exploited;
 * destination means + D4 = forced labour. Without D4 there is no label.
 * Children (age at recruitment under the configured age): the means element is
 * not needed, so a positive recruitment dimension, or the act of recruitment by
 * an intermediary, plus D4 is trafficking (Palermo Art. 3(c)).
 * strictMode accepts only deception and coercion as means (D1, D2 at
 * recruitment, D5 at destination): abuse of vulnerability (D3, D6) still shows
 * as a positive dimension but no longer completes trafficking or forced labour.
 */
import { DELPHI_DIMENSIONS, type DelphiDimension, type IndicatorStrength } from '@lantern/domain';
import { CLASSIFICATION_DISCLAIMER } from '../config.js';
import type { Classification, DelphiHit } from '../types.js';

export type DelphiCombination = 'a' | 'b' | 'c' | 'd';

/** The combination that makes a dimension positive, or null when none holds. */
export function dimensionCombination(strengths: readonly IndicatorStrength[]): DelphiCombination | null {
  const count = (s: IndicatorStrength): number => strengths.filter((x) => x === s).length;
  const [strong, medium, weak] = [count('S'), count('M'), count('W')];
  if (strong >= 2) return 'a';
  if (strong >= 1 && medium + weak >= 1) return 'b';
  if (medium >= 3) return 'c';
  if (medium >= 2 && weak >= 1) return 'd';
  return null;
}

export interface DelphiIndicatorResult {
  readonly indicator: string;
  readonly strength: IndicatorStrength;
  readonly sources: readonly string[];
}

export interface DimensionResult {
  readonly positive: boolean;
  readonly combination: DelphiCombination | null;
  readonly indicators: readonly DelphiIndicatorResult[];
}

export interface ClassificationResult {
  readonly label: Classification;
  readonly dimensions: Readonly<Record<DelphiDimension, DimensionResult>>;
  /** The worker was under the child age at recruitment, so the child rule applied. */
  readonly child: boolean;
  readonly strictMode: boolean;
  readonly basis: string;
}

export interface ClassifyOptions {
  readonly child: boolean;
  /** Recruited through a labour recruiter: the Palermo "act" for the child rule. */
  readonly recruitedByIntermediary: boolean;
  readonly strictMode: boolean;
}

const STRENGTH_ORDER: Readonly<Record<IndicatorStrength, number>> = { W: 1, M: 2, S: 3 };

function dimension(hits: readonly DelphiHit[], id: DelphiDimension): DimensionResult {
  const byIndicator = new Map<string, { strength: IndicatorStrength; sources: string[] }>();
  for (const hit of hits) {
    if (hit.dimension !== id) continue;
    const seen = byIndicator.get(hit.indicator);
    if (seen === undefined) {
      byIndicator.set(hit.indicator, { strength: hit.strength, sources: [hit.source] });
    } else {
      if (STRENGTH_ORDER[hit.strength] > STRENGTH_ORDER[seen.strength]) seen.strength = hit.strength;
      if (!seen.sources.includes(hit.source)) seen.sources.push(hit.source);
    }
  }
  const indicators = [...byIndicator].map(([indicator, v]) => ({ indicator, strength: v.strength, sources: v.sources }));
  const combination = dimensionCombination(indicators.map((i) => i.strength));
  return { positive: combination !== null, combination, indicators };
}

function label(d: Readonly<Record<DelphiDimension, DimensionResult>>, opts: ClassifyOptions): Classification {
  const pos = (id: DelphiDimension): boolean => d[id].positive;
  if (!pos('D4')) return 'none';
  const recruitment = pos('D1') || pos('D2') || pos('D3');
  const recruitmentMeans = opts.strictMode ? pos('D1') || pos('D2') : recruitment;
  const destinationMeans = opts.strictMode ? pos('D5') : pos('D5') || pos('D6');
  if (opts.child && (recruitment || opts.recruitedByIntermediary)) return 'trafficking';
  if (recruitmentMeans && destinationMeans) return 'trafficking';
  if (destinationMeans) return 'forced_labour';
  if (recruitment) return 'deceived_and_exploited';
  return 'exploited';
}

export function classify(hits: readonly DelphiHit[], opts: ClassifyOptions): ClassificationResult {
  const dimensions = Object.fromEntries(DELPHI_DIMENSIONS.map(({ id }) => [id, dimension(hits, id)])) as Record<DelphiDimension, DimensionResult>;
  return { label: label(dimensions, opts), dimensions, child: opts.child, strictMode: opts.strictMode, basis: CLASSIFICATION_DISCLAIMER };
}
