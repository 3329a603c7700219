/**
 * What every rule module sees, and the helpers they share to read answers and
 * to build fired indicators with their evidence and Delphi hits.
 */
import { DomainError, answerOf, getInterviewQuestion, type InterviewQuestionKey, type TriAnswer } from '@lantern/domain';
import type { ScoringConfig } from '../config.js';
import type { FeeSummary } from '../engine/fee-totals.js';
import type { VerifiedEvent, WorkerFacts } from '../facts.js';
import type { DelphiHit, Evidence, FiredIndicator, IndicatorGroup, Note, Severity } from '../types.js';
import { citation, getRule } from './definitions.js';

export interface RuleContext {
  readonly facts: WorkerFacts;
  readonly config: ScoringConfig;
  /** YYYY-MM-DD. */
  readonly asOf: string;
  readonly fees: FeeSummary;
}

/** One input a rule reads for this worker; unknown inputs lower confidence, never raise risk. */
export interface Input {
  readonly field: string;
  readonly group: IndicatorGroup;
  readonly known: boolean;
}

export interface RuleModule {
  /** The inputs relevant to this worker (e.g. document access only when a document is held). */
  inputs(ctx: RuleContext): Input[];
  evaluate(ctx: RuleContext): FiredIndicator[];
  notes?(ctx: RuleContext): Note[];
}

export function answer(ctx: RuleContext, key: InterviewQuestionKey): TriAnswer {
  return answerOf(ctx.facts.answers, key);
}

export function isYes(ctx: RuleContext, key: InterviewQuestionKey): boolean {
  return answer(ctx, key) === 'yes';
}

export function answerInputs(ctx: RuleContext, group: IndicatorGroup, keys: readonly InterviewQuestionKey[]): Input[] {
  return keys.map((key) => input(group, `answers.${key}`, answer(ctx, key) !== 'unknown'));
}

export function input(group: IndicatorGroup, field: string, known: boolean): Input {
  return { field, group, known };
}

/** An enum input ('unknown' is the unknown value of every Lantern vocabulary). */
export function triInput(group: IndicatorGroup, field: string, value: TriAnswer | string): Input {
  return input(group, field, value !== 'unknown');
}

export function answerEvidence(key: InterviewQuestionKey): Evidence {
  return { field: `answers.${key}`, value: 'yes' };
}

/** The Delphi indicator a 'yes' to `key` evidences, as graded in the question catalogue. */
export function answerHit(key: InterviewQuestionKey): DelphiHit {
  const q = getInterviewQuestion(key);
  if (q === undefined) throw DomainError.internal(`Unknown interview question ${key}`);
  return { dimension: q.dimension, indicator: q.delphiIndicator, strength: q.strength, source: `answers.${key}` };
}

/** A remediation event counts only when it happened on or before the as-of date. */
export function verifiedBy(ctx: RuleContext, event: VerifiedEvent | undefined): readonly string[] {
  return event !== undefined && event.on.slice(0, 10) <= ctx.asOf ? [event.evidenceId] : [];
}

export interface Firing {
  readonly evidence: readonly Evidence[];
  readonly explanation: string;
  readonly delphi?: readonly DelphiHit[];
  /** Evidence ids of the verified remediation that resolves it; empty or absent means active. */
  readonly remediatedBy?: readonly string[];
  /** Overrides the rule's default severity (FEE-01 scales with the amount). */
  readonly severity?: Severity;
}

export function fire(ctx: RuleContext, ruleId: string, firing: Firing): FiredIndicator {
  const rule = getRule(ruleId);
  const remediatedBy = firing.remediatedBy ?? [];
  const remediated = remediatedBy.length > 0;
  return {
    ruleId,
    citation: citation(rule),
    risk: rule.group,
    label: rule.label,
    severity: firing.severity ?? rule.severity,
    status: remediated ? 'remediated' : 'active',
    evidence: firing.evidence,
    explanation: remediated ? `${firing.explanation} Remediated: verified by ${remediatedBy.join(', ')}.` : firing.explanation,
    delphi: firing.delphi ?? [],
    evidenceIds: [ctx.facts.interviewId, ...remediatedBy],
  };
}
