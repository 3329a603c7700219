/**
 * Document confiscation (DOMAIN.md §3.1 GP11, §7.4 document retention, Appendix A).
 *
 * A document held by anyone but the worker (or an exempt holder such as a
 * government office) is confiscated when the worker cannot get it on request,
 * gets it back later than the grace period, or it is withheld until a debt is
 * repaid. Held with consent and returned on request within the grace period is
 * a compliance note, not a confiscation.
 */
import type { DocumentHolder } from '@lantern/domain';
import type { Evidence, FiredIndicator, Note } from '../types.js';
import { answerEvidence, answerHit, answerInputs, fire, input, isYes, triInput, verifiedBy, type Input, type RuleContext, type RuleModule } from './context.js';

const HOLDER_FIELDS = ['passportHolder', 'idCardHolder', 'workPermitHolder'] as const;
type HolderField = (typeof HOLDER_FIELDS)[number];

function heldByThirdParty(ctx: RuleContext): HolderField[] {
  const exempt: readonly DocumentHolder[] = ctx.config.documents.exemptHolders;
  return HOLDER_FIELDS.filter((f) => {
    const holder = ctx.facts[f];
    return holder !== 'worker' && holder !== 'unknown' && !exempt.includes(holder);
  });
}

interface Access {
  readonly held: HolderField[];
  readonly noAccess: boolean;
  readonly lateReturn: boolean;
  readonly compliant: boolean;
}

function access(ctx: RuleContext): Access {
  const f = ctx.facts;
  const held = heldByThirdParty(ctx);
  const noAccess = f.documentsAccessibleOnRequest === 'no';
  const lateReturn = f.documentReturnDays !== null && f.documentReturnDays > ctx.config.documents.returnGraceDays;
  const compliant = f.documentsHeldWithConsent === 'yes' && f.documentsAccessibleOnRequest === 'yes' && !lateReturn;
  return { held, noAccess, lateReturn, compliant };
}

function holderEvidence(ctx: RuleContext, held: readonly HolderField[]): Evidence[] {
  return held.map((field) => ({ field, value: ctx.facts[field] }));
}

function accessEvidence(ctx: RuleContext): Evidence[] {
  const f = ctx.facts;
  return [
    { field: 'documentsAccessibleOnRequest', value: f.documentsAccessibleOnRequest },
    { field: 'documentReturnDays', value: f.documentReturnDays },
    { field: 'documentsHeldWithConsent', value: f.documentsHeldWithConsent },
  ];
}

function confiscation(ctx: RuleContext, a: Access): FiredIndicator | undefined {
  const byAccess = a.held.length > 0 && (a.noAccess || a.lateReturn);
  const byAnswer = isYes(ctx, 'documents_retained');
  if (!byAccess && !byAnswer) return undefined;
  const reasons = [
    ...(byAccess && a.noAccess ? ['the worker cannot get them on request'] : []),
    ...(byAccess && a.lateReturn ? [`they come back after ${ctx.facts.documentReturnDays} days (grace period ${ctx.config.documents.returnGraceDays})`] : []),
    ...(byAnswer ? ['the worker reports that they are kept from them'] : []),
  ];
  return fire(ctx, 'DOC-01', {
    evidence: [...holderEvidence(ctx, a.held), ...(byAccess ? accessEvidence(ctx) : []), ...(byAnswer ? [answerEvidence('documents_retained')] : [])],
    explanation: `Identity documents are held by a third party and ${reasons.join('; ')}.`,
    delphi: [{ dimension: 'D5', indicator: 'confiscation of documents', strength: 'S', source: byAccess ? 'documentsAccessibleOnRequest' : 'answers.documents_retained' }],
    remediatedBy: verifiedBy(ctx, ctx.facts.remediation?.documentsReturned),
  });
}

function withheldForDebt(ctx: RuleContext, a: Access): FiredIndicator | undefined {
  if (ctx.facts.documentsWithheldUntilDebtRepaid !== 'yes') return undefined;
  return fire(ctx, 'DOC-02', {
    evidence: [...holderEvidence(ctx, a.held), { field: 'documentsWithheldUntilDebtRepaid', value: 'yes' }],
    explanation: 'Identity documents are withheld until the worker repays a debt.',
    delphi: [{ dimension: 'D5', indicator: 'confiscation of documents', strength: 'S', source: 'documentsWithheldUntilDebtRepaid' }],
    remediatedBy: verifiedBy(ctx, ctx.facts.remediation?.documentsReturned),
  });
}

function heldWithoutSafeguards(ctx: RuleContext, a: Access): FiredIndicator | undefined {
  if (a.held.length === 0 || a.compliant) return undefined;
  return fire(ctx, 'DOC-03', {
    evidence: [...holderEvidence(ctx, a.held), ...accessEvidence(ctx)],
    explanation: 'Identity documents are held by a third party, and the worker’s consent together with free access on request is not established.',
    remediatedBy: verifiedBy(ctx, ctx.facts.remediation?.documentsReturned),
  });
}

function takenAtRecruitment(ctx: RuleContext): FiredIndicator | undefined {
  if (!isYes(ctx, 'documents_taken_at_recruitment')) return undefined;
  return fire(ctx, 'DOC-04', {
    evidence: [answerEvidence('documents_taken_at_recruitment')],
    explanation: 'A recruiter or someone else took and kept the worker’s identity documents during recruitment or travel.',
    delphi: [answerHit('documents_taken_at_recruitment')],
    remediatedBy: verifiedBy(ctx, ctx.facts.remediation?.documentsReturned),
  });
}

export const documentRules: RuleModule = {
  inputs(ctx: RuleContext): Input[] {
    const f = ctx.facts;
    const group = 'document_confiscation';
    const holders = HOLDER_FIELDS.map((field) => triInput(group, field, f[field]));
    const held = heldByThirdParty(ctx).length > 0;
    const conditions = held
      ? [
          triInput(group, 'documentsAccessibleOnRequest', f.documentsAccessibleOnRequest),
          triInput(group, 'documentsHeldWithConsent', f.documentsHeldWithConsent),
          triInput(group, 'documentsWithheldUntilDebtRepaid', f.documentsWithheldUntilDebtRepaid),
          ...(f.documentsAccessibleOnRequest === 'no' ? [] : [input(group, 'documentReturnDays', f.documentReturnDays !== null)]),
        ]
      : [];
    return [...holders, ...conditions, ...answerInputs(ctx, group, ['documents_retained', 'documents_taken_at_recruitment'])];
  },

  evaluate(ctx: RuleContext): FiredIndicator[] {
    const a = access(ctx);
    return [confiscation(ctx, a), withheldForDebt(ctx, a), heldWithoutSafeguards(ctx, a), takenAtRecruitment(ctx)].filter(
      (i): i is FiredIndicator => i !== undefined,
    );
  },

  notes(ctx: RuleContext): Note[] {
    const a = access(ctx);
    const confiscated = isYes(ctx, 'documents_retained') || ctx.facts.documentsWithheldUntilDebtRepaid === 'yes';
    if (a.held.length === 0 || !a.compliant || confiscated) return [];
    const days = ctx.facts.documentReturnDays;
    return [
      {
        ruleId: 'DOC-N1',
        explanation:
          `Documents held by ${a.held.map((f) => ctx.facts[f]).join(', ')} with the worker’s consent and returned on request` +
          (days === null ? ' (return time not recorded)' : ` within ${days} day${days === 1 ? '' : 's'}`) +
          ': compliance note, not a confiscation.',
      },
    ];
  },
};
