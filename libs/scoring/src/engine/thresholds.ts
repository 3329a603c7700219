/**
 * Thresholds that act: an assessment (worker, site/recruiter group, supplier)
 * and an organisation's thresholds in; block recommendations and remediation
 * items out.
 *
 * A block is recommended when a score reaches its threshold, when a worker has
 * (or any worker of a group has) a classification listed in
 * `blockOnClassifications`, or when a zero-tolerance rule is active.
 * Remediation items are raised for every active remediable indicator, whatever
 * the scores: any worker-paid fee is owed back (employer pays), any held
 * document must be returned, any contract gap fixed, any tied sponsorship
 * released. Supplier roll-ups carry no worker-level facts; their sites do.
 */
import { DEFAULT_SCORING_CONFIG } from '../config.js';
import { getRule } from '../rules/definitions.js';
import { CLASSIFICATIONS, RISKS, type Classification, type Money, type RemediationKind, type RiskKey, type RiskScore, type Severity, type Thresholds } from '../types.js';
import { GROUP_LABELS, unionEvidence } from './explanation.js';
import { feesOwed } from './fee-totals.js';
import { FINDING_RULE_ID } from './findings.js';
import type { GroupAssessment } from './group.js';
import type { SupplierAssessment } from './supply-chain.js';
import type { WorkerAssessment } from './worker.js';

export type Assessment = WorkerAssessment | GroupAssessment | SupplierAssessment;

export interface BlockRecommendation {
  readonly reason: string;
  readonly ruleIds: readonly string[];
  readonly severity: Severity;
  readonly evidenceIds: readonly string[];
}

export interface RemediationItem {
  readonly kind: RemediationKind;
  readonly ruleIds: readonly string[];
  /** Workers affected; for a group, the largest count among the rules (a lower bound: one worker can fire several). */
  readonly workers: number;
  /** repay_fees: what is owed to the workers; empty for the other kinds. */
  readonly amounts: readonly Money[];
  /** Employer-pays: the employer remediates, never the worker. */
  readonly responsible: 'employer';
  readonly evidenceIds: readonly string[];
  readonly explanation: string;
}

export interface ThresholdResult {
  readonly blocks: readonly BlockRecommendation[];
  readonly remediation: readonly RemediationItem[];
}

interface Tally {
  readonly ruleId: string;
  readonly count: number;
  readonly evidenceIds: readonly string[];
}

interface View {
  readonly scores: Readonly<Record<RiskKey | 'overall', RiskScore>>;
  /** Active rules with their worker counts. */
  readonly tallies: readonly Tally[];
  readonly classifications: readonly { readonly label: Classification; readonly count: number; readonly evidenceIds: readonly string[] }[];
  readonly owed: readonly Money[];
  /** Audit findings (FIND-01) that set a floor, by the score they raise ('overall': all of them). */
  readonly findings: (key: RiskKey | 'overall') => readonly string[];
}

const noFindings = (): readonly string[] => [];

function viewOf(a: Assessment): View {
  const scores = { ...a.risks, overall: a.overall };
  switch (a.kind) {
    case 'worker':
      return {
        scores,
        tallies: a.indicators.filter((i) => i.status === 'active').map((i) => ({ ruleId: i.ruleId, count: 1, evidenceIds: i.evidenceIds })),
        classifications: [{ label: a.classification.current.label, count: 1, evidenceIds: [a.subject.id] }],
        owed: feesOwed(a.fees),
        findings: noFindings,
      };
    case 'group':
      return {
        scores,
        tallies: a.prevalence.filter((p) => p.count > 0).map((p) => ({ ruleId: p.ruleId, count: p.count, evidenceIds: p.evidenceIds })),
        classifications: CLASSIFICATIONS.map((label) => ({ label, count: a.classificationCounts[label], evidenceIds: a.classificationSample[label] })),
        owed: a.severity.feesOutstanding,
        findings: (key) => (a.auditFindings ?? []).filter((f) => f.counted && f.floor > 0 && (key === 'overall' || f.group === key)).map((f) => f.findingId),
      };
    case 'supplier':
      return { scores, tallies: [], classifications: [], owed: [], findings: noFindings };
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function scoreBlocks(view: View, thresholds: Thresholds): BlockRecommendation[] {
  return ([...RISKS, 'overall'] as const).flatMap((key) => {
    const { score, band } = view.scores[key];
    const limit = thresholds.blockAtScore[key];
    if (score < limit) return [];
    const tallies = key === 'overall' ? view.tallies : view.tallies.filter((t) => getRule(t.ruleId).group === key);
    const findings = view.findings(key);
    return [
      {
        reason: `${GROUP_LABELS[key]} score ${score} (${band}) reaches the block threshold ${limit}`,
        ruleIds: [...tallies.map((t) => t.ruleId), ...(findings.length > 0 ? [FINDING_RULE_ID] : [])],
        severity: band === 'critical' ? 'critical' : 'high',
        evidenceIds: unionEvidence([...tallies, { evidenceIds: findings }]),
      },
    ];
  });
}

function classificationBlocks(view: View, thresholds: Thresholds): BlockRecommendation[] {
  return view.classifications
    .filter((c) => c.count > 0 && thresholds.blockOnClassifications.includes(c.label))
    .map((c) => ({
      reason: `${plural(c.count, 'worker')} with the indicator-based classification "${c.label}" (not a legal determination)`,
      ruleIds: ['DELPHI-CLASSIFICATION'],
      severity: 'critical',
      evidenceIds: c.evidenceIds,
    }));
}

function zeroToleranceBlocks(view: View, thresholds: Thresholds): BlockRecommendation[] {
  return view.tallies
    .filter((t) => thresholds.zeroToleranceRules.includes(t.ruleId))
    .map((t) => ({
      reason: `${getRule(t.ruleId).label}: ${plural(t.count, 'worker')} (zero tolerance)`,
      ruleIds: [t.ruleId],
      severity: 'critical',
      evidenceIds: t.evidenceIds,
    }));
}

const REMEDIATION_TEXT: Readonly<Record<RemediationKind, string>> = {
  repay_fees: 'Repay the recruitment fees and related costs workers paid; the employer bears them (employer-pays principle).',
  return_documents: 'Return identity documents to the workers; any safekeeping must be voluntary, in writing, with access on request.',
  fix_contract: 'Give each worker a written contract in a language they understand, before departure, with no substitution on arrival.',
  transfer_sponsorship: 'Release or transfer visa sponsorship so workers can change employer without permission.',
};

const REMEDIATION_ORDER: readonly RemediationKind[] = ['repay_fees', 'return_documents', 'fix_contract', 'transfer_sponsorship'];

function remediationItems(view: View): RemediationItem[] {
  return REMEDIATION_ORDER.flatMap((kind) => {
    const tallies = view.tallies.filter((t) => getRule(t.ruleId).remediation === kind);
    if (tallies.length === 0) return [];
    return [
      {
        kind,
        ruleIds: tallies.map((t) => t.ruleId),
        workers: Math.max(...tallies.map((t) => t.count)),
        amounts: kind === 'repay_fees' ? view.owed : [],
        responsible: 'employer' as const,
        evidenceIds: unionEvidence(tallies),
        explanation: REMEDIATION_TEXT[kind],
      },
    ];
  });
}

export function evaluateThresholds(assessment: Assessment, thresholds: Thresholds = DEFAULT_SCORING_CONFIG.thresholds): ThresholdResult {
  const view = viewOf(assessment);
  return {
    blocks: [...scoreBlocks(view, thresholds), ...classificationBlocks(view, thresholds), ...zeroToleranceBlocks(view, thresholds)],
    remediation: remediationItems(view),
  };
}
