/**
 * Aggregate evaluation of a site, supplier or recruiter from its interviewed
 * workers (as GroupFacts).
 *
 * Per rule r: prevalence p = active count / n, with a 95 % Wilson interval.
 * Contribution c = w(r) x min(1, p / prevalence.saturation), w(r) the rule's
 * weight (FEE-01 at the severity of the median fee in months of wage).
 * Evidence score of a group of rules E = 100 x noisy-OR(c).
 *
 * The inherent risk is a prior P = inherent / 10 x prior.maxScore, blended
 * with the evidence as if it were k = prior.weight fully answered interviews:
 *
 *   nEff = n x coverage   (coverage = share of relevant inputs answered)
 *   wE   = nEff / (nEff + k)
 *   score = (1 - wE) x P + wE x E
 *
 * so the prior's weight shrinks as audit evidence grows and unknown answers do
 * not count as evidence. Overall = max(blend over all rules, each risk score,
 * the floor of the worst current classification present).
 */
import { DomainError } from '@lantern/domain';
import { CLASSIFICATION_DISCLAIMER, DEFAULT_SCORING_CONFIG, METHODOLOGY_VERSION, type ScoringConfig } from '../config.js';
import { RULES, citation, type RuleDefinition } from '../rules/definitions.js';
import {
  CLASSIFICATIONS,
  INDICATOR_GROUPS,
  RISKS,
  type Classification,
  type Confidence,
  type ExplanationNode,
  type IndicatorGroup,
  type Money,
  type RiskKey,
  type RiskScore,
  type Severity,
  type Subject,
} from '../types.js';
import { bandOf, classificationFloor, clamp01, confidence, feeSeverity, noisyOr, round1, round4, ruleWeight, toScore } from './combine.js';
import { GROUP_LABELS, node, scoreNodeId, unionEvidence } from './explanation.js';
import type { ScoredFinding } from './findings.js';
import { summarizeWorkers, type GroupFacts } from './group-facts.js';
import { priorScore, type InherentRisk } from './inherent-risk.js';
import { wilsonInterval } from './wilson.js';
import type { WorkerAssessment } from './worker.js';

export interface GroupSubject extends Subject {
  readonly type: 'site' | 'supplier' | 'recruiter';
}

export interface GroupRiskScore extends RiskScore {
  /** Score from the interview evidence alone (0-100). */
  readonly evidenceScore: number;
  /** Score from the inherent-risk prior alone (0-100). */
  readonly priorScore: number;
  /** wE: the evidence's share of the blend; 1 - wE is the prior's. */
  readonly evidenceWeight: number;
  readonly nEffective: number;
}

export interface IndicatorPrevalence {
  readonly ruleId: string;
  readonly risk: IndicatorGroup;
  readonly label: string;
  readonly citation: string;
  readonly severity: Severity;
  /** Workers with the rule active. */
  readonly count: number;
  /** Workers with the rule remediated. */
  readonly remediated: number;
  readonly n: number;
  readonly rate: number;
  /** 95 % Wilson interval of the rate. */
  readonly lower: number;
  readonly upper: number;
  /** Contribution c to the evidence score. */
  readonly weight: number;
  /** Interview ids of workers with the rule active (a sample). */
  readonly evidenceIds: readonly string[];
  /** Verified remediation records behind the remediated count (a sample). */
  readonly remediationEvidenceIds: readonly string[];
}

export interface GroupAssessment {
  readonly kind: 'group';
  readonly methodologyVersion: string;
  readonly subject: GroupSubject;
  readonly n: number;
  readonly risks: Readonly<Record<RiskKey, GroupRiskScore>>;
  readonly overall: GroupRiskScore;
  /** Every rule, in catalogue order, including those no worker showed (0 of n, with its interval). */
  readonly prevalence: readonly IndicatorPrevalence[];
  readonly severity: {
    readonly feeMonthsP50: number | null;
    readonly feeMonthsMax: number | null;
    readonly feesOutstanding: readonly Money[];
  };
  readonly classificationCounts: Readonly<Record<Classification, number>>;
  readonly classificationSample: Readonly<Record<Classification, readonly string[]>>;
  readonly confidence: Confidence;
  readonly prior: InherentRisk;
  /** Site audit findings read by FIND-01 (`applyAuditFindings`); empty for recruiters and sites without findings. */
  readonly auditFindings: readonly ScoredFinding[];
  readonly explanation: ExplanationNode;
  readonly disclaimer: string;
}

/** Assess from worker assessments, or from pre-aggregated GroupFacts (e.g. a SQL pass). */
export function assessGroup(
  subject: GroupSubject,
  workers: readonly WorkerAssessment[] | GroupFacts,
  prior: InherentRisk,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): GroupAssessment {
  const facts = isGroupFacts(workers) ? workers : summarizeWorkers(workers, config);
  return assessGroupFromFacts(subject, facts, prior, config);
}

function isGroupFacts(value: readonly WorkerAssessment[] | GroupFacts): value is GroupFacts {
  return !Array.isArray(value);
}

export function assessGroupFromFacts(
  subject: GroupSubject,
  facts: GroupFacts,
  prior: InherentRisk,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): GroupAssessment {
  validateFacts(facts);
  const prevalence = RULES.map((rule) => prevalenceOf(rule, facts, config));
  const p = priorScore(prior, config);
  const blendFor = (groups: readonly IndicatorGroup[]): GroupRiskScore => {
    const evidence = toScore(noisyOr(prevalence.filter((x) => groups.includes(x.risk)).map((x) => x.weight)));
    return blend(evidence, p, facts.n * coverage(facts, groups), config);
  };

  const risks = Object.fromEntries(RISKS.map((r) => [r, blendFor([r])])) as Record<RiskKey, GroupRiskScore>;
  const all = blendFor(INDICATOR_GROUPS);
  const floor = Math.max(...CLASSIFICATIONS.filter((c) => facts.classificationCounts[c] > 0).map((c) => classificationFloor(c, config)), 0);
  const overallScore = round1(Math.max(all.score, floor, ...RISKS.map((r) => risks[r].score)));
  const overall: GroupRiskScore = { ...all, score: overallScore, band: bandOf(overallScore, config) };

  return {
    kind: 'group',
    methodologyVersion: METHODOLOGY_VERSION,
    subject,
    n: facts.n,
    risks,
    overall,
    prevalence,
    severity: { feeMonthsP50: facts.feeMonthsP50, feeMonthsMax: facts.feeMonthsMax, feesOutstanding: facts.feesOutstanding },
    classificationCounts: facts.classificationCounts,
    classificationSample: facts.classificationSample,
    confidence: confidence(all.evidenceWeight, all.nEffective, config),
    prior,
    auditFindings: [],
    explanation: explain(facts, prevalence, risks, overall, floor, prior, config),
    disclaimer: CLASSIFICATION_DISCLAIMER,
  };
}

function validateFacts(facts: GroupFacts): void {
  const count = (v: number): boolean => Number.isInteger(v) && v >= 0 && v <= facts.n;
  const issues = [
    ...(Number.isInteger(facts.n) && facts.n >= 0 ? [] : [{ field: 'n', reason: 'must be a non-negative integer' }]),
    ...(['indicatorCounts', 'remediatedCounts'] as const).flatMap((key) =>
      Object.entries(facts[key]).flatMap(([ruleId, v]) => [
        ...(RULES.some((r) => r.id === ruleId) ? [] : [{ field: `${key}.${ruleId}`, reason: 'unknown rule id' }]),
        ...(count(v) ? [] : [{ field: `${key}.${ruleId}`, reason: 'must be an integer between 0 and n' }]),
      ]),
    ),
    ...CLASSIFICATIONS.flatMap((c) => (count(facts.classificationCounts[c]) ? [] : [{ field: `classificationCounts.${c}`, reason: 'must be an integer between 0 and n' }])),
  ];
  if (issues.length > 0) throw DomainError.validation(issues);
}

/** FEE-01's group severity follows the median fee burden; every other rule keeps its catalogue severity. */
function groupSeverity(rule: RuleDefinition, facts: GroupFacts, config: ScoringConfig): Severity {
  return rule.id === 'FEE-01' ? feeSeverity(facts.feeMonthsP50, config) : rule.severity;
}

function prevalenceOf(rule: RuleDefinition, facts: GroupFacts, config: ScoringConfig): IndicatorPrevalence {
  const count = facts.indicatorCounts[rule.id] ?? 0;
  const ci = wilsonInterval(count, facts.n);
  const severity = groupSeverity(rule, facts, config);
  return {
    ruleId: rule.id,
    risk: rule.group,
    label: rule.label,
    citation: citation(rule),
    severity,
    count,
    remediated: facts.remediatedCounts[rule.id] ?? 0,
    n: facts.n,
    rate: round4(ci.rate),
    lower: round4(ci.lower),
    upper: round4(ci.upper),
    weight: round4(ruleWeight(rule.id, severity, config) * clamp01(ci.rate / config.prevalence.saturation)),
    evidenceIds: facts.evidenceSample[rule.id] ?? [],
    remediationEvidenceIds: facts.remediationSample[rule.id] ?? [],
  };
}

/** Share of the relevant inputs of `groups` that workers answered (0 when there are none). */
function coverage(facts: GroupFacts, groups: readonly IndicatorGroup[]): number {
  const inputs = groups.reduce((s, g) => s + facts.inputCounts[g], 0);
  const unknown = groups.reduce((s, g) => s + facts.unknownCounts[g], 0);
  return inputs === 0 ? 0 : 1 - unknown / inputs;
}

function blend(evidenceScore: number, prior: number, nEffective: number, config: ScoringConfig): GroupRiskScore {
  const k = config.prior.weight;
  const w = nEffective + k === 0 ? 0 : nEffective / (nEffective + k);
  const score = round1((1 - w) * prior + w * evidenceScore);
  return {
    score,
    band: bandOf(score, config),
    evidenceScore: round1(evidenceScore),
    priorScore: round1(prior),
    evidenceWeight: round4(w),
    nEffective: round4(nEffective),
  };
}

function ruleNode(p: IndicatorPrevalence): ExplanationNode {
  return node(
    p.ruleId,
    p.label,
    p.weight,
    { count: p.count, remediated: p.remediated, n: p.n, rate: p.rate, lower: p.lower, upper: p.upper, severity: p.severity },
    [...p.evidenceIds, ...p.remediationEvidenceIds],
  );
}

function leavesOf(group: IndicatorGroup, prevalence: readonly IndicatorPrevalence[]): ExplanationNode[] {
  return prevalence.filter((p) => p.risk === group && p.count + p.remediated > 0).map(ruleNode);
}

function evidence(label: string, leaves: readonly ExplanationNode[], weight: number, inputs: Record<string, number>): ExplanationNode {
  return node('EVIDENCE', label, weight, inputs, unionEvidence(leaves), leaves);
}

function explain(
  facts: GroupFacts,
  prevalence: readonly IndicatorPrevalence[],
  risks: Readonly<Record<RiskKey, GroupRiskScore>>,
  overall: GroupRiskScore,
  floor: number,
  prior: InherentRisk,
  config: ScoringConfig,
): ExplanationNode {
  const priorInputs = { inherent: prior.score, country: prior.country, sector: prior.sector, goods: prior.goods, assumed: prior.assumed.join(',') || null, k: config.prior.weight };
  const riskNodes = RISKS.map((r) => {
    const s = risks[r];
    const children = [
      node('PRIOR-INHERENT', 'Inherent risk (country, sector, goods) as a prior', 1 - s.evidenceWeight, { ...priorInputs, priorScore: s.priorScore }),
      evidence(`Interview evidence: ${GROUP_LABELS[r]}`, leavesOf(r, prevalence), s.evidenceWeight, { evidenceScore: s.evidenceScore, n: facts.n, nEffective: s.nEffective }),
    ];
    return node(scoreNodeId(r), GROUP_LABELS[r], s.score / 100, { score: s.score, band: s.band, evidenceScore: s.evidenceScore, priorScore: s.priorScore, evidenceWeight: s.evidenceWeight }, unionEvidence(children), children);
  });
  const otherLeaves = leavesOf('other', prevalence);
  const otherScore = round1(toScore(noisyOr(prevalence.filter((p) => p.risk === 'other').map((p) => p.weight))));
  const otherNode = node(scoreNodeId('other'), GROUP_LABELS.other, otherScore / 100, { evidenceScore: otherScore, n: facts.n }, unionEvidence(otherLeaves), otherLeaves);
  const classification = node(
    'DELPHI-CLASSIFICATION',
    'Indicator-based classifications of interviewed workers (worst sets a floor)',
    floor / 100,
    { floor, ...facts.classificationCounts },
    unionEvidence(CLASSIFICATIONS.filter((c) => c !== 'none').map((c) => ({ evidenceIds: facts.classificationSample[c] })), config.prevalence.evidenceSampleSize),
  );
  const children = [...riskNodes, otherNode, classification];
  return node(
    scoreNodeId('overall'),
    GROUP_LABELS.overall,
    1,
    { score: overall.score, band: overall.band, n: facts.n, nEffective: overall.nEffective, evidenceScore: overall.evidenceScore, priorScore: overall.priorScore, evidenceWeight: overall.evidenceWeight, floor },
    unionEvidence(children, config.prevalence.evidenceSampleSize),
    children,
  );
}
