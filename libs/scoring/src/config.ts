/**
 * Methodology version and the typed, overridable configuration. Every number
 * the engine uses lives here with its default and meaning; docs/methodology.md
 * states the same defaults. Organisations override parts with `resolveConfig`.
 */
import { DomainError, type DocumentHolder, type FieldIssue } from '@lantern/domain';
import { BANDS, type Band, type Classification, type Severity, type Thresholds } from './types.js';

/** Written on every assessment. Bump the minor for new rules, the major for changed semantics. */
export const METHODOLOGY_VERSION = 'lantern-risk-1.1.0';

export const CLASSIFICATION_DISCLAIMER =
  'Indicator-based classification (ILO/European Commission operational indicators of trafficking, 2009): ' +
  'a research and identification aid, not a legal determination.';

export interface ScoringConfig {
  /** Weight in [0, 1] of one active indicator of each severity; weights combine by noisy-OR. */
  readonly severityWeights: Readonly<Record<Severity, number>>;
  /** Per-rule weight overrides in [0, 1], by rule id (e.g. `{ 'VISA-01': 0.4 }`). */
  readonly ruleWeights: Readonly<Record<string, number>>;
  /** Inclusive lower bounds of the bands on the 0-100 scale; anything below `medium` is low. */
  readonly bands: { readonly medium: number; readonly high: number; readonly critical: number };
  /** Minimum overall score implied by a (current) classification. */
  readonly classificationFloors: Readonly<Record<Classification, number>>;
  readonly delphi: {
    /** Accept only coercion and deception as means (D1, D2, D5): abuse of vulnerability (D3, D6) no longer counts. */
    readonly strictMode: boolean;
    /** Age at recruitment below which the child rule applies (Palermo Art. 3(c)-(d)). */
    readonly childAge: number;
  };
  readonly documents: {
    /** A held document returned later than this many days after the request counts as confiscated. */
    readonly returnGraceDays: number;
    /** Holders whose custody is not scored (a government office processing a permit). */
    readonly exemptHolders: readonly DocumentHolder[];
  };
  readonly fees: {
    /** Outstanding fees of at least this many months of wage raise FEE-01 to high / critical. */
    readonly severityMonths: { readonly high: number; readonly critical: number };
    /** Fees above this many months of wage are a debt-bondage signal (FEE-03) even without a loan. */
    readonly debtMonths: number;
  };
  readonly prevalence: {
    /** Prevalence at which an indicator reaches its full weight in a group (linear below). */
    readonly saturation: number;
    /** Evidence ids kept per rule in GroupFacts (the smallest ids, so the sample is order-independent). */
    readonly evidenceSampleSize: number;
  };
  readonly prior: {
    /** Pseudo-count k: the prior weighs as much as k fully answered interviews. */
    readonly weight: number;
    /** Score of the highest inherent risk (10/10); the prior alone never exceeds it. */
    readonly maxScore: number;
    /** Country score (1-6) assumed when no country data is given. */
    readonly unknownCountryScore: number;
    /** Sector score (1-4) assumed when no sector data is given. */
    readonly unknownSectorScore: number;
  };
  /** Site audit findings (`findings.indicator_code`) as an evidence floor per risk (rule FIND-01, since lantern-risk-1.1.0). */
  readonly findings: {
    /** The band whose lower bound an open or remediating finding of each severity sets as a floor ('low' = no floor). */
    readonly floorBands: Readonly<Record<Severity, Band>>;
    /** A finding weighs fully until this many days after its audit. */
    readonly fullWeightDays: number;
    /** From this many days after its audit a finding no longer counts (linear decay from fullWeightDays). */
    readonly expiryDays: number;
  };
  readonly supplyChain: {
    /** Multiplier applied to a sub-supplier's scores per tier below the supplier. */
    readonly depthDiscount: number;
  };
  /** Confidence value cut-offs for the medium and high levels. */
  readonly confidence: { readonly medium: number; readonly high: number };
  readonly thresholds: Thresholds;
}

export const DEFAULT_SCORING_CONFIG: ScoringConfig = deepFreeze({
  severityWeights: { low: 0.1, medium: 0.3, high: 0.55, critical: 0.85 },
  ruleWeights: {},
  bands: { medium: 40, high: 65, critical: 85 },
  classificationFloors: { none: 0, exploited: 40, deceived_and_exploited: 65, forced_labour: 85, trafficking: 90 },
  delphi: { strictMode: false, childAge: 18 },
  documents: { returnGraceDays: 1, exemptHolders: ['government'] },
  fees: { severityMonths: { high: 1, critical: 3 }, debtMonths: 1 },
  prevalence: { saturation: 0.2, evidenceSampleSize: 20 },
  prior: { weight: 10, maxScore: 70, unknownCountryScore: 3.5, unknownSectorScore: 2.5 },
  findings: { floorBands: { low: 'low', medium: 'low', high: 'medium', critical: 'high' }, fullWeightDays: 365, expiryDays: 730 },
  supplyChain: { depthDiscount: 0.8 },
  confidence: { medium: 0.5, high: 0.8 },
  thresholds: {
    blockAtScore: { overall: 85, recruitment_fee: 85, tied_visa: 85, document_confiscation: 85 },
    blockOnClassifications: ['forced_labour', 'trafficking'],
    zeroToleranceRules: ['DOC-01', 'DOC-02', 'FEE-04', 'ILO-FL-05', 'DELPHI-D2'],
  },
});

/** Objects merge key by key; arrays and scalars replace. */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { readonly [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * The default configuration with `overrides` merged in, validated. Throws a
 * `validation_failed` DomainError naming each bad field (`bands.high`).
 */
export function resolveConfig(overrides: DeepPartial<ScoringConfig> = {}): ScoringConfig {
  const config = merge(DEFAULT_SCORING_CONFIG, overrides) as ScoringConfig;
  const issues = validateConfig(config);
  if (issues.length > 0) throw DomainError.validation(issues, `Invalid scoring configuration: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`);
  return deepFreeze(config);
}

function validateConfig(c: ScoringConfig): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (ok: boolean, field: string, reason: string): void => {
    if (!ok) issues.push({ field, reason });
  };
  const unit = (v: number): boolean => Number.isFinite(v) && v >= 0 && v <= 1;
  for (const [k, v] of Object.entries(c.severityWeights)) check(unit(v), `severityWeights.${k}`, 'must be in [0, 1]');
  for (const [k, v] of Object.entries(c.ruleWeights)) check(unit(v), `ruleWeights.${k}`, 'must be in [0, 1]');
  const { medium, high, critical } = c.bands;
  check(0 < medium && medium < high && high < critical && critical <= 100, 'bands', 'must satisfy 0 < medium < high < critical <= 100');
  for (const [k, v] of Object.entries(c.classificationFloors)) check(v >= 0 && v <= 100, `classificationFloors.${k}`, 'must be in [0, 100]');
  check(c.delphi.childAge > 0, 'delphi.childAge', 'must be positive');
  check(c.documents.returnGraceDays >= 0, 'documents.returnGraceDays', 'must not be negative');
  check(0 < c.fees.severityMonths.high && c.fees.severityMonths.high <= c.fees.severityMonths.critical, 'fees.severityMonths', 'must satisfy 0 < high <= critical');
  check(c.fees.debtMonths > 0, 'fees.debtMonths', 'must be positive');
  check(c.prevalence.saturation > 0 && c.prevalence.saturation <= 1, 'prevalence.saturation', 'must be in (0, 1]');
  check(Number.isInteger(c.prevalence.evidenceSampleSize) && c.prevalence.evidenceSampleSize >= 0, 'prevalence.evidenceSampleSize', 'must be a non-negative integer');
  check(c.prior.weight >= 0, 'prior.weight', 'must not be negative');
  check(c.prior.maxScore >= 0 && c.prior.maxScore <= 100, 'prior.maxScore', 'must be in [0, 100]');
  check(c.prior.unknownCountryScore >= 1 && c.prior.unknownCountryScore <= 6, 'prior.unknownCountryScore', 'must be in [1, 6]');
  check(c.prior.unknownSectorScore >= 1 && c.prior.unknownSectorScore <= 4, 'prior.unknownSectorScore', 'must be in [1, 4]');
  for (const [k, v] of Object.entries(c.findings.floorBands)) check((BANDS as readonly string[]).includes(v), `findings.floorBands.${k}`, `must be one of ${BANDS.join(', ')}`);
  check(
    Number.isInteger(c.findings.fullWeightDays) && Number.isInteger(c.findings.expiryDays) && 0 <= c.findings.fullWeightDays && c.findings.fullWeightDays < c.findings.expiryDays,
    'findings',
    'fullWeightDays and expiryDays must be integers with 0 <= fullWeightDays < expiryDays',
  );
  check(unit(c.supplyChain.depthDiscount), 'supplyChain.depthDiscount', 'must be in [0, 1]');
  check(0 <= c.confidence.medium && c.confidence.medium <= c.confidence.high && c.confidence.high <= 1, 'confidence', 'must satisfy 0 <= medium <= high <= 1');
  return issues;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = merge(base[key], value);
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
