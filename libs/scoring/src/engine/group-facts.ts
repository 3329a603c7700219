/**
 * GroupFacts: everything a site, supplier or recruiter assessment needs about
 * its interviewed workers, as counts. A SQL pass (or a streaming fold over
 * `assessWorker` results, `summarizeWorkers`) produces it, so a million
 * interviews never have to be held in memory as assessments.
 */
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../config.js';
import { CLASSIFICATIONS, INDICATOR_GROUPS, type Classification, type IndicatorGroup, type Money } from '../types.js';
import { feesOwed } from './fee-totals.js';
import type { WorkerAssessment } from './worker.js';

export interface GroupFacts {
  /** Interviewed workers. */
  readonly n: number;
  /** Workers with the rule active, by rule id. */
  readonly indicatorCounts: Readonly<Record<string, number>>;
  /** Workers with the rule fired but remediated (verified), by rule id. */
  readonly remediatedCounts: Readonly<Record<string, number>>;
  /** Unknown relevant inputs summed over workers, by indicator group. */
  readonly unknownCounts: Readonly<Record<IndicatorGroup, number>>;
  /** Relevant inputs (known + unknown) summed over workers, by indicator group. */
  readonly inputCounts: Readonly<Record<IndicatorGroup, number>>;
  /** Median and maximum of fees paid in months of wage, over workers who paid fees and whose wage is known. */
  readonly feeMonthsP50: number | null;
  readonly feeMonthsMax: number | null;
  /** Fees still owed to workers (employer pays), summed per currency, sorted by currency. */
  readonly feesOutstanding: readonly Money[];
  /** Workers by current classification. */
  readonly classificationCounts: Readonly<Record<Classification, number>>;
  /** Interview ids per rule id (active), the smallest `prevalence.evidenceSampleSize` ids. */
  readonly evidenceSample: Readonly<Record<string, readonly string[]>>;
  /** Verified remediation record ids per rule id (remediated), capped the same way. */
  readonly remediationSample: Readonly<Record<string, readonly string[]>>;
  /** Interview ids per current classification, capped the same way. */
  readonly classificationSample: Readonly<Record<Classification, readonly string[]>>;
}

/** Insert `id` into the sorted, capped `sample` (keeps the smallest ids: independent of input order). */
function addToSample(sample: string[], id: string, cap: number): void {
  if (cap === 0 || (sample.length >= cap && id >= sample[sample.length - 1]!)) return;
  let lo = 0;
  let hi = sample.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sample[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  if (sample[lo] === id) return;
  sample.splice(lo, 0, id);
  if (sample.length > cap) sample.pop();
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const zeroByGroup = (): Record<IndicatorGroup, number> => Object.fromEntries(INDICATOR_GROUPS.map((g) => [g, 0])) as Record<IndicatorGroup, number>;

/** Fold worker assessments (any iterable, e.g. a stream) into GroupFacts; the result does not depend on their order. */
export function summarizeWorkers(workers: Iterable<WorkerAssessment>, config: ScoringConfig = DEFAULT_SCORING_CONFIG): GroupFacts {
  const cap = config.prevalence.evidenceSampleSize;
  let n = 0;
  const indicatorCounts = new Map<string, number>();
  const remediatedCounts = new Map<string, number>();
  const evidence = new Map<string, string[]>();
  const remediation = new Map<string, string[]>();
  const unknownCounts = zeroByGroup();
  const inputCounts = zeroByGroup();
  const feeMonths: number[] = [];
  const owed = new Map<string, number>();
  const classificationCounts = Object.fromEntries(CLASSIFICATIONS.map((c) => [c, 0])) as Record<Classification, number>;
  const classificationSample = Object.fromEntries(CLASSIFICATIONS.map((c) => [c, [] as string[]])) as Record<Classification, string[]>;

  for (const w of workers) {
    n += 1;
    const id = w.subject.id;
    for (const i of w.indicators) {
      const active = i.status === 'active';
      const counts = active ? indicatorCounts : remediatedCounts;
      counts.set(i.ruleId, (counts.get(i.ruleId) ?? 0) + 1);
      const samples = active ? evidence : remediation;
      const sample = samples.get(i.ruleId) ?? [];
      for (const evidenceId of active ? [id] : i.evidenceIds.filter((e) => e !== id)) addToSample(sample, evidenceId, cap);
      samples.set(i.ruleId, sample);
    }
    for (const g of INDICATOR_GROUPS) {
      unknownCounts[g] += w.coverage.byGroup[g].unknown;
      inputCounts[g] += w.coverage.byGroup[g].known + w.coverage.byGroup[g].unknown;
    }
    if (w.fees.lines.length > 0 && w.fees.monthsOfWage !== null) feeMonths.push(w.fees.monthsOfWage);
    if (w.indicators.some((i) => i.ruleId === 'FEE-01' && i.status === 'active')) {
      for (const m of feesOwed(w.fees)) owed.set(m.currency, (owed.get(m.currency) ?? 0) + m.amountMinor);
    }
    const label = w.classification.current.label;
    classificationCounts[label] += 1;
    addToSample(classificationSample[label], id, cap);
  }

  const sortedRecord = <T>(m: Map<string, T>): Record<string, T> => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    n,
    indicatorCounts: sortedRecord(indicatorCounts),
    remediatedCounts: sortedRecord(remediatedCounts),
    unknownCounts,
    inputCounts,
    feeMonthsP50: median(feeMonths),
    feeMonthsMax: feeMonths.length === 0 ? null : feeMonths.reduce((a, b) => Math.max(a, b)),
    feesOutstanding: [...owed]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, amountMinor]) => ({ amountMinor, currency })),
    classificationCounts,
    evidenceSample: sortedRecord(evidence),
    remediationSample: sortedRecord(remediation),
    classificationSample,
  };
}
