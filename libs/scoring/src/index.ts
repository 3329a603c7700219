/**
 * @lantern/scoring: Lantern's risk methodology as pure, deterministic
 * functions. Facts in, assessments out; no I/O, no clock, no randomness.
 * docs/methodology.md describes the rules and formulas in prose.
 */
export { CLASSIFICATION_DISCLAIMER, DEFAULT_SCORING_CONFIG, METHODOLOGY_VERSION, resolveConfig, type DeepPartial, type ScoringConfig } from './config.js';
export type { FeeRepayment, FindingFacts, VerifiedEvent, VerifiedRemediation, WorkerFacts } from './facts.js';
export * from './types.js';
export { RULES, citation, getRule, type RuleDefinition, type SourceRef, type SourceTag } from './rules/definitions.js';
export { convertMinor, type Conversion, type ExchangeRate, type ExchangeRateTable } from './engine/exchange-rates.js';
export { feesOwed, type FeeLine, type FeeSummary, type RepaymentLine } from './engine/fee-totals.js';
export {
  classify,
  dimensionCombination,
  type ClassificationResult,
  type ClassifyOptions,
  type DelphiCombination,
  type DelphiIndicatorResult,
  type DimensionResult,
} from './engine/delphi.js';
export { wilsonInterval, Z_95, type Proportion } from './engine/wilson.js';
export { assessWorker, type Coverage, type DebtBondageSignal, type GroupCoverage, type WorkerAssessment, type WorkerContext } from './engine/worker.js';
export { summarizeWorkers, type GroupFacts } from './engine/group-facts.js';
export { assessGroup, assessGroupFromFacts, type GroupAssessment, type GroupRiskScore, type GroupSubject, type IndicatorPrevalence } from './engine/group.js';
export {
  FINDING_CODES,
  FINDING_GROUPS,
  FINDING_RULE_CITATION,
  FINDING_RULE_ID,
  applyAuditFindings,
  findingFloors,
  findingRecency,
  scoreFindings,
  type ScoredFinding,
} from './engine/findings.js';
export { inherentRisk, priorScore, TIP_TIERS, type GoodsFlags, type InherentRisk, type InherentRiskInput, type TipTier } from './engine/inherent-risk.js';
export {
  assessSupplier,
  propagateRecruiterRisk,
  type RecruiterShare,
  type ScoredAssessment,
  type SupplierAssessment,
  type SupplierContributor,
  type SupplierInputs,
} from './engine/supply-chain.js';
export { evaluateThresholds, type Assessment, type BlockRecommendation, type RemediationItem, type ThresholdResult } from './engine/thresholds.js';
