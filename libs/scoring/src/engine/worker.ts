/**
 * Worker-level evaluation: one interview's facts in, its indicators (each with
 * rule id, citation, evidence and explanation), Delphi classification and
 * scores out. The indicators are the worker's explanation; aggregates carry an
 * explanation tree. Scores count only known adverse facts; unknown inputs
 * lower the confidence instead (never read as "no", and never as "yes").
 *
 * Score of a risk = 100 x noisy-OR of the weights of its active indicators.
 * Overall = max(100 x noisy-OR of all active indicators, the floor of the
 * current classification).
 */
import { DomainError, isIsoDate } from '@lantern/domain';
import { DEFAULT_SCORING_CONFIG, METHODOLOGY_VERSION, type ScoringConfig } from '../config.js';
import type { WorkerFacts } from '../facts.js';
import type { Input, RuleContext } from '../rules/context.js';
import { RULE_MODULES } from '../rules/index.js';
import { INDICATOR_GROUPS, RISKS, type Confidence, type FiredIndicator, type IndicatorGroup, type Note, type RiskKey, type RiskScore, type Subject } from '../types.js';
import { classificationFloor, confidence, indicatorWeight, noisyOr, riskScore, toScore } from './combine.js';
import { classify, type ClassificationResult } from './delphi.js';
import type { ExchangeRateTable } from './exchange-rates.js';
import { summariseFees, type FeeSummary } from './fee-totals.js';

export interface WorkerContext {
  readonly rates: ExchangeRateTable;
  /** The as-of date (YYYY-MM-DD, or an ISO timestamp whose date part is used). */
  readonly asOf: string;
  readonly config?: ScoringConfig;
}

export interface GroupCoverage {
  readonly known: number;
  readonly unknown: number;
}

export interface Coverage extends GroupCoverage {
  readonly byGroup: Readonly<Record<IndicatorGroup, GroupCoverage>>;
  /** Inputs relevant to this worker that were not answered. */
  readonly unknownFields: readonly string[];
}

export interface DebtBondageSignal {
  readonly present: boolean;
  /** The debt binds the worker at destination (FEE-04), not only at recruitment (FEE-03). */
  readonly atDestination: boolean;
  readonly ruleIds: readonly string[];
}

export interface WorkerAssessment {
  readonly kind: 'worker';
  readonly methodologyVersion: string;
  readonly subject: Subject;
  readonly asOf: string;
  readonly workerPseudonym: string;
  readonly siteId: string;
  readonly recruiterId: string | null;
  readonly indicators: readonly FiredIndicator[];
  readonly notes: readonly Note[];
  readonly fees: FeeSummary;
  readonly debtBondage: DebtBondageSignal;
  /** `observed`: as interviewed; `current`: without indicators remediated since. Scores follow `current`. */
  readonly classification: { readonly observed: ClassificationResult; readonly current: ClassificationResult };
  readonly risks: Readonly<Record<RiskKey, RiskScore>>;
  readonly overall: RiskScore;
  readonly coverage: Coverage;
  readonly confidence: Confidence;
}

export function assessWorker(facts: WorkerFacts, ctx: WorkerContext): WorkerAssessment {
  const config = ctx.config ?? DEFAULT_SCORING_CONFIG;
  const asOf = ctx.asOf.slice(0, 10);
  if (!isIsoDate(asOf)) throw DomainError.validation([{ field: 'asOf', reason: `must be a date YYYY-MM-DD; got ${JSON.stringify(ctx.asOf)}` }]);
  const rc: RuleContext = { facts, config, asOf, fees: summariseFees(facts, asOf, ctx.rates) };

  const indicators = RULE_MODULES.flatMap((m) => m.evaluate(rc));
  const notes = RULE_MODULES.flatMap((m) => m.notes?.(rc) ?? []);
  const coverage = coverageOf(RULE_MODULES.flatMap((m) => m.inputs(rc)));
  const active = indicators.filter((i) => i.status === 'active');

  const options = {
    child: facts.ageAtRecruitment !== null && facts.ageAtRecruitment < config.delphi.childAge,
    recruitedByIntermediary: facts.recruiterId !== null,
    strictMode: config.delphi.strictMode,
  };
  const observed = classify(indicators.flatMap((i) => i.delphi), options);
  const current = active.length === indicators.length ? observed : classify(active.flatMap((i) => i.delphi), options);
  const classification = { observed, current };

  const weighted = active.map((i) => ({ risk: i.risk, weight: indicatorWeight(i, config) }));
  const scoreOf = (risk?: IndicatorGroup): number => toScore(noisyOr(weighted.filter((w) => risk === undefined || w.risk === risk).map((w) => w.weight)));
  const floor = classificationFloor(current.label, config);
  const overall = riskScore(Math.max(scoreOf(), floor), config);
  const risks = Object.fromEntries(RISKS.map((r) => [r, riskScore(scoreOf(r), config)])) as Record<RiskKey, RiskScore>;
  const total = coverage.known + coverage.unknown;
  const coverageValue = total === 0 ? 0 : coverage.known / total;

  const debtRules = active.filter((i) => i.ruleId === 'FEE-03' || i.ruleId === 'FEE-04').map((i) => i.ruleId);
  return {
    kind: 'worker',
    methodologyVersion: METHODOLOGY_VERSION,
    subject: { type: 'worker', id: facts.interviewId },
    asOf,
    workerPseudonym: facts.workerPseudonym,
    siteId: facts.siteId,
    recruiterId: facts.recruiterId,
    indicators,
    notes,
    fees: rc.fees,
    debtBondage: { present: debtRules.length > 0, atDestination: debtRules.includes('FEE-04'), ruleIds: debtRules },
    classification,
    risks,
    overall,
    coverage,
    confidence: confidence(coverageValue, coverageValue, config),
  };
}

function coverageOf(inputs: readonly Input[]): Coverage {
  const byGroup = Object.fromEntries(INDICATOR_GROUPS.map((g) => [g, { known: 0, unknown: 0 }])) as Record<IndicatorGroup, { known: number; unknown: number }>;
  const unknownFields: string[] = [];
  for (const input of inputs) {
    if (input.known) byGroup[input.group].known += 1;
    else {
      byGroup[input.group].unknown += 1;
      unknownFields.push(input.field);
    }
  }
  return { known: inputs.length - unknownFields.length, unknown: unknownFields.length, byGroup, unknownFields };
}
