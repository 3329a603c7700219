/**
 * The other ILO forced-labour indicators the interview carries: every 'yes' to
 * a catalogue question no topic rule reads fires the generic rule of its ILO
 * indicator (ILO-FL-xx), or of its Delphi dimension when the question has no
 * ILO-11 counterpart (DELPHI-D2/D4/D5). They feed the overall score and the
 * Delphi classification.
 */
import type { FiredIndicator } from '../types.js';
import { answerEvidence, answerHit, answerInputs, fire, isYes, type Input, type RuleContext, type RuleModule } from './context.js';
import { GENERIC_QUESTIONS, GENERIC_RULE_IDS, genericRuleId } from './definitions.js';

const GENERIC_KEYS = GENERIC_QUESTIONS.map((q) => q.key);

export const answerRules: RuleModule = {
  inputs(ctx: RuleContext): Input[] {
    return answerInputs(ctx, 'other', GENERIC_KEYS);
  },

  evaluate(ctx: RuleContext): FiredIndicator[] {
    const yes = GENERIC_QUESTIONS.filter((q) => isYes(ctx, q.key));
    return GENERIC_RULE_IDS.flatMap((ruleId) => {
      const keys = yes.filter((q) => genericRuleId(q) === ruleId).map((q) => q.key);
      if (keys.length === 0) return [];
      return [
        fire(ctx, ruleId, {
          evidence: keys.map(answerEvidence),
          explanation: `The worker answered yes to: ${keys.join(', ')}.`,
          delphi: keys.map(answerHit),
        }),
      ];
    });
  },
};
