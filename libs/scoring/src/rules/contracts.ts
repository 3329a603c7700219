/**
 * Contract rules (DOMAIN.md §3.1 GP8-9, §3.3 IRIS E, Appendix A row
 * "contract not in worker's language / substitution") and the child rule
 * (IRIS A.3). They feed the overall score through the `other` group.
 */
import type { FiredIndicator } from '../types.js';
import { fire, input, triInput, type Input, type RuleContext, type RuleModule } from './context.js';

function isMigrant(ctx: RuleContext): boolean {
  return ctx.facts.visaType !== 'citizen_or_resident';
}

export const contractRules: RuleModule = {
  inputs(ctx: RuleContext): Input[] {
    const f = ctx.facts;
    const written = triInput('other', 'contractWritten', f.contractWritten);
    if (f.contractWritten === 'no') return [written];
    return [
      written,
      triInput('other', 'contractInOwnLanguage', f.contractInOwnLanguage),
      triInput('other', 'contractTermsChangedOnArrival', f.contractTermsChangedOnArrival),
      ...(isMigrant(ctx) ? [triInput('other', 'contractSignedBeforeDeparture', f.contractSignedBeforeDeparture)] : []),
    ];
  },

  evaluate(ctx: RuleContext): FiredIndicator[] {
    const f = ctx.facts;
    const fired: FiredIndicator[] = [];
    if (f.contractWritten === 'no') {
      fired.push(fire(ctx, 'CON-01', { evidence: [{ field: 'contractWritten', value: 'no' }], explanation: 'The worker has no written contract.' }));
    }
    if (f.contractInOwnLanguage === 'no') {
      fired.push(
        fire(ctx, 'CON-02', {
          evidence: [{ field: 'contractInOwnLanguage', value: 'no' }],
          explanation: 'The contract is not in a language the worker understands.',
        }),
      );
    }
    if (isMigrant(ctx) && f.contractSignedBeforeDeparture === 'no') {
      fired.push(
        fire(ctx, 'CON-03', {
          evidence: [
            { field: 'contractSignedBeforeDeparture', value: 'no' },
            { field: 'visaType', value: f.visaType },
          ],
          explanation: 'The migrant worker did not receive and sign the contract before leaving home.',
        }),
      );
    }
    if (f.contractTermsChangedOnArrival === 'yes') {
      fired.push(
        fire(ctx, 'CON-04', {
          evidence: [{ field: 'contractTermsChangedOnArrival', value: 'yes' }],
          explanation: 'The contract terms were changed on arrival (contract substitution).',
          delphi: [{ dimension: 'D1', indicator: 'deceived about content or legality of work contract', strength: 'M', source: 'contractTermsChangedOnArrival' }],
        }),
      );
    }
    return fired;
  },
};

export const childRules: RuleModule = {
  inputs(ctx: RuleContext): Input[] {
    return [input('other', 'ageAtRecruitment', ctx.facts.ageAtRecruitment !== null)];
  },

  evaluate(ctx: RuleContext): FiredIndicator[] {
    const age = ctx.facts.ageAtRecruitment;
    if (age === null || age >= ctx.config.delphi.childAge) return [];
    return [
      fire(ctx, 'CHILD-01', {
        evidence: [{ field: 'ageAtRecruitment', value: age }],
        explanation: `The worker was recruited at ${age}, under ${ctx.config.delphi.childAge}.`,
      }),
    ];
  },
};
