/**
 * Explanation-tree helpers. Composite nodes carry synthetic rule ids:
 * SCORE-OVERALL, SCORE-<GROUP> (SCORE-RECRUITMENT-FEE, SCORE-TIED-VISA,
 * SCORE-DOCUMENT-CONFISCATION, SCORE-OTHER), PRIOR-INHERENT, EVIDENCE,
 * DELPHI-CLASSIFICATION, SUPPLY-CHAIN, RECRUITER-PROPAGATION. Leaves carry the
 * rule ids of the catalogue.
 */
import type { ExplanationNode, IndicatorGroup, Scalar } from '../types.js';
import { round4 } from './combine.js';

export function scoreNodeId(group: IndicatorGroup | 'overall'): string {
  return `SCORE-${group.toUpperCase().replace(/_/g, '-')}`;
}

export const GROUP_LABELS: Readonly<Record<IndicatorGroup | 'overall', string>> = {
  recruitment_fee: 'Recruitment-fee risk',
  tied_visa: 'Tied-visa risk',
  document_confiscation: 'Document-confiscation risk',
  other: 'Other ILO forced-labour indicators',
  overall: 'Overall risk',
};

export function node(
  ruleId: string,
  label: string,
  weight: number,
  inputs: Readonly<Record<string, Scalar>>,
  evidenceIds: readonly string[] = [],
  children: readonly ExplanationNode[] = [],
): ExplanationNode {
  return { ruleId, label, weight: round4(weight), inputs, evidenceIds, children };
}

/** Sorted, de-duplicated union of the evidence ids of `nodes`, capped at `cap`. */
export function unionEvidence(nodes: readonly { readonly evidenceIds: readonly string[] }[], cap = Number.POSITIVE_INFINITY): string[] {
  return [...new Set(nodes.flatMap((n) => n.evidenceIds))].sort().slice(0, cap);
}
