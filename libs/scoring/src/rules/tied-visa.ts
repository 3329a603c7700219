/**
 * Tied visas and sponsor dependency (DOMAIN.md §3.1 GP12, §7.4, Appendix A).
 *
 * The structural facts (permit tied to one employer, permission needed to
 * change employer, employer-controlled renewal, exit permit, security bond) are
 * risk drivers, not Delphi indicators. They become Delphi indicators only with
 * evidence of abuse: the worker is forced to stay with the employer, or is
 * threatened with denunciation while tied (VISA-06: D5 M "under strong
 * influence", D6 M "relationship with authorities/legal status").
 * A verified sponsorship transfer remediates the sponsorship rules.
 */
import type { DelphiHit, FiredIndicator } from '../types.js';
import { answerEvidence, answerInputs, fire, isYes, triInput, verifiedBy, type Input, type RuleContext, type RuleModule } from './context.js';

/** A permit tied to the employer: stated, or implied by an employer-sponsored visa when the question was not answered. */
function tiedPermit(ctx: RuleContext): boolean {
  const f = ctx.facts;
  return f.visaTiedToEmployer === 'yes' || (f.visaTiedToEmployer === 'unknown' && f.visaType === 'employer_sponsored');
}

function needsPermission(ctx: RuleContext): boolean {
  return ctx.facts.canChangeEmployerWithoutPermission === 'no';
}

function employerControlsRenewal(ctx: RuleContext): boolean {
  const controller = ctx.facts.permitRenewalControlledBy;
  return controller === 'employer' || controller === 'recruiter';
}

/** The field that shows the worker's status depends on the employer, if any. */
type TieField = 'visaTiedToEmployer' | 'canChangeEmployerWithoutPermission' | 'permitRenewalControlledBy';

function tieField(ctx: RuleContext): TieField | undefined {
  if (tiedPermit(ctx)) return 'visaTiedToEmployer';
  if (needsPermission(ctx)) return 'canChangeEmployerWithoutPermission';
  if (employerControlsRenewal(ctx)) return 'permitRenewalControlledBy';
  return undefined;
}

function sponsorship(ctx: RuleContext): readonly string[] {
  return verifiedBy(ctx, ctx.facts.remediation?.sponsorshipTransferred);
}

function tied(ctx: RuleContext): FiredIndicator | undefined {
  if (!tiedPermit(ctx)) return undefined;
  const f = ctx.facts;
  return fire(ctx, 'VISA-01', {
    evidence: [
      { field: 'visaTiedToEmployer', value: f.visaTiedToEmployer },
      { field: 'visaType', value: f.visaType },
    ],
    explanation: 'The worker’s permit is tied to one employer or sponsor.',
    remediatedBy: sponsorship(ctx),
  });
}

function permissionToChange(ctx: RuleContext): FiredIndicator | undefined {
  if (!needsPermission(ctx)) return undefined;
  return fire(ctx, 'VISA-02', {
    evidence: [{ field: 'canChangeEmployerWithoutPermission', value: 'no' }],
    explanation: 'The worker cannot change employer without the employer’s or recruiter’s permission.',
    remediatedBy: sponsorship(ctx),
  });
}

function renewalControl(ctx: RuleContext): FiredIndicator | undefined {
  if (!employerControlsRenewal(ctx)) return undefined;
  return fire(ctx, 'VISA-03', {
    evidence: [{ field: 'permitRenewalControlledBy', value: ctx.facts.permitRenewalControlledBy }],
    explanation: `The ${ctx.facts.permitRenewalControlledBy} controls renewal or cancellation of the worker’s permit.`,
    remediatedBy: sponsorship(ctx),
  });
}

function exitPermit(ctx: RuleContext): FiredIndicator | undefined {
  if (ctx.facts.exitPermitRequired !== 'yes') return undefined;
  return fire(ctx, 'VISA-04', {
    evidence: [{ field: 'exitPermitRequired', value: 'yes' }],
    explanation: 'The worker needs an exit permit to leave the country.',
  });
}

function securityBond(ctx: RuleContext): FiredIndicator | undefined {
  if (ctx.facts.securityBondRequired !== 'yes') return undefined;
  return fire(ctx, 'VISA-05', {
    evidence: [{ field: 'securityBondRequired', value: 'yes' }],
    explanation: 'The worker had to lodge a security bond.',
  });
}

function leverage(ctx: RuleContext): FiredIndicator | undefined {
  const forced = isYes(ctx, 'forced_to_stay_with_employer');
  const tie = tieField(ctx);
  const threatened = tie !== undefined && isYes(ctx, 'threat_of_denunciation');
  if (!forced && !threatened) return undefined;
  const delphi: DelphiHit[] = [
    { dimension: 'D5', indicator: 'under strong influence', strength: 'M', source: forced ? 'answers.forced_to_stay_with_employer' : 'answers.threat_of_denunciation' },
    ...(tie === undefined ? [] : [{ dimension: 'D6', indicator: 'relationship with authorities/legal status', strength: 'M', source: tie } as const]),
  ];
  return fire(ctx, 'VISA-06', {
    evidence: [
      ...(forced ? [answerEvidence('forced_to_stay_with_employer')] : []),
      ...(threatened ? [answerEvidence('threat_of_denunciation')] : []),
      ...(tie === undefined ? [] : [{ field: tie, value: ctx.facts[tie] }]),
    ],
    explanation: forced
      ? 'The worker cannot leave or move to another employer.'
      : 'The worker’s status depends on the employer and the worker has been threatened with denunciation or deportation.',
    delphi,
    remediatedBy: sponsorship(ctx),
  });
}

export const tiedVisaRules: RuleModule = {
  inputs(ctx: RuleContext): Input[] {
    const f = ctx.facts;
    const group = 'tied_visa';
    const visaType = triInput(group, 'visaType', f.visaType);
    if (f.visaType === 'citizen_or_resident') return [visaType];
    return [
      visaType,
      triInput(group, 'visaTiedToEmployer', f.visaTiedToEmployer),
      triInput(group, 'canChangeEmployerWithoutPermission', f.canChangeEmployerWithoutPermission),
      triInput(group, 'permitRenewalControlledBy', f.permitRenewalControlledBy),
      triInput(group, 'exitPermitRequired', f.exitPermitRequired),
      triInput(group, 'securityBondRequired', f.securityBondRequired),
      ...answerInputs(ctx, group, ['forced_to_stay_with_employer']),
    ];
  },

  evaluate(ctx: RuleContext): FiredIndicator[] {
    return [tied(ctx), permissionToChange(ctx), renewalControl(ctx), exitPermit(ctx), securityBond(ctx), leverage(ctx)].filter(
      (i): i is FiredIndicator => i !== undefined,
    );
  },
};
