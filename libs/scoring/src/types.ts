/**
 * Shared vocabulary of the scoring engine. Every string value here is part of
 * the persisted assessment format: treat it as a public contract.
 */
import type { DelphiDimension, FindingSeverity, IndicatorStrength } from '@lantern/domain';

/** The three headline risks scored 0-100 each. */
export const RISKS = ['recruitment_fee', 'tied_visa', 'document_confiscation'] as const;
export type RiskKey = (typeof RISKS)[number];

/** Indicator groups: the three risks, plus `other` ILO indicators that feed only the overall score. */
export const INDICATOR_GROUPS = [...RISKS, 'other'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

export type Severity = FindingSeverity;

export const BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type Band = (typeof BANDS)[number];

/** The Delphi label ladder (DOMAIN.md §2.1), least to most severe. */
export const CLASSIFICATIONS = ['none', 'exploited', 'deceived_and_exploited', 'forced_labour', 'trafficking'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export type SubjectType = 'worker' | 'site' | 'supplier' | 'recruiter';
export interface Subject {
  readonly type: SubjectType;
  readonly id: string;
}

export type Scalar = string | number | boolean | null;

/** Money as an integer count of minor units (see @lantern/domain money.ts). */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

/** One input value that made a rule fire, named by its path in WorkerFacts (`fees[1]`, `answers.debt_bondage`). */
export interface Evidence {
  readonly field: string;
  readonly value: Scalar;
}

/** One Delphi indicator evidenced by a fact or an answer; `source` names the field or answer. */
export interface DelphiHit {
  readonly dimension: DelphiDimension;
  readonly indicator: string;
  readonly strength: IndicatorStrength;
  readonly source: string;
}

/** A rule that fired for one worker. `remediated` indicators are shown but weigh nothing. */
export interface FiredIndicator {
  readonly ruleId: string;
  readonly citation: string;
  readonly risk: IndicatorGroup;
  readonly label: string;
  readonly severity: Severity;
  readonly status: 'active' | 'remediated';
  readonly evidence: readonly Evidence[];
  readonly explanation: string;
  readonly delphi: readonly DelphiHit[];
  /** The interview id, plus the ids of verified remediation records when remediated. */
  readonly evidenceIds: readonly string[];
}

/** An observation that is not a risk (e.g. documents held with consent and free access). */
export interface Note {
  readonly ruleId: string;
  readonly explanation: string;
}

export interface RiskScore {
  readonly score: number;
  readonly band: Band;
}

export interface Confidence {
  readonly level: ConfidenceLevel;
  /** 0..1: evidence weight (groups) or share of known inputs (workers). */
  readonly value: number;
  /** Interviews' worth of known answers behind the score (n x coverage). */
  readonly nEffective: number;
}

/** Explanation tree: every score node names its rule id, weight, inputs and the evidence ids behind it. */
export interface ExplanationNode {
  readonly ruleId: string;
  readonly label: string;
  readonly weight: number;
  readonly inputs: Readonly<Record<string, Scalar>>;
  readonly evidenceIds: readonly string[];
  readonly children: readonly ExplanationNode[];
}

export type RemediationKind = 'repay_fees' | 'return_documents' | 'fix_contract' | 'transfer_sponsorship';

/** Organisation-level thresholds that turn an assessment into block recommendations. */
export interface Thresholds {
  /** Score at or above which a block is recommended, per risk and overall. */
  readonly blockAtScore: Readonly<Record<RiskKey | 'overall', number>>;
  /** A worker (or any worker of a group) with one of these current classifications triggers a block. */
  readonly blockOnClassifications: readonly Classification[];
  /** Rules that trigger a block on any active occurrence (zero tolerance). */
  readonly zeroToleranceRules: readonly string[];
}
