/**
 * Score arithmetic shared by worker and group assessments.
 *
 * Indicator weights w in [0, 1] combine by noisy-OR, 1 - prod(1 - w): each
 * additional indicator can only raise the result, which stays within [0, 1].
 */
import type { ScoringConfig } from '../config.js';
import type { Band, Classification, Confidence, FiredIndicator, RiskScore, Severity } from '../types.js';

export function noisyOr(weights: readonly number[]): number {
  return 1 - weights.reduce((rest, w) => rest * (1 - clamp01(w)), 1);
}

/** Weight of one rule at a severity: the per-rule override, else the severity weight. */
export function ruleWeight(ruleId: string, severity: Severity, config: ScoringConfig): number {
  return config.ruleWeights[ruleId] ?? config.severityWeights[severity];
}

/** Remediated indicators weigh nothing. */
export function indicatorWeight(indicator: FiredIndicator, config: ScoringConfig): number {
  return indicator.status === 'remediated' ? 0 : ruleWeight(indicator.ruleId, indicator.severity, config);
}

/** Severity of a fee burden in months of wage: medium below `high`, high below `critical`, else critical; medium when unknown. */
export function feeSeverity(months: number | null, config: ScoringConfig): Severity {
  const { high, critical } = config.fees.severityMonths;
  if (months === null || months < high) return 'medium';
  return months >= critical ? 'critical' : 'high';
}

export function bandOf(score: number, config: ScoringConfig): Band {
  const { medium, high, critical } = config.bands;
  if (score >= critical) return 'critical';
  if (score >= high) return 'high';
  if (score >= medium) return 'medium';
  return 'low';
}

export function riskScore(score: number, config: ScoringConfig): RiskScore {
  const rounded = round1(score);
  return { score: rounded, band: bandOf(rounded, config) };
}

export function classificationFloor(label: Classification, config: ScoringConfig): number {
  return config.classificationFloors[label];
}

export function confidence(value: number, nEffective: number, config: ScoringConfig): Confidence {
  const level = value >= config.confidence.high ? 'high' : value >= config.confidence.medium ? 'medium' : 'low';
  return { level, value: round4(value), nEffective: round4(nEffective) };
}

/** 0..1 probability to a 0..100 score. */
export function toScore(p: number): number {
  return 100 * clamp01(p);
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
