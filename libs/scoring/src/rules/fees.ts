/**
 * Recruitment fees and related costs (DOMAIN.md §3.1-3.2, §7.4 fee severity,
 * Appendix A). Any fee the worker paid is a finding under the employer-pays
 * principle, whatever the payment form and whoever collected it. A debt taken
 * to pay it is a debt-bondage signal (Delphi D2 M); a debt that binds the
 * worker at destination is debt bondage (Delphi D5 S). A fee without a debt is
 * not itself a Delphi indicator.
 *
 * Verified repayment of every fee remediates the rules that rest on the fees
 * alone (FEE-01, FEE-02, and FEE-03 when it fired on fee facts). What the
 * worker reported (a debt taken to get the job, debt bondage at destination,
 * deception) is closed by a follow-up interview, not by a repayment record.
 */
import { ILLEGITIMATE_FEE_CATEGORIES, currencyExponent, formatMinor } from '@lantern/domain';
import { feeSeverity } from '../engine/combine.js';
import type { FeeLine, FeeSummary } from '../engine/fee-totals.js';
import type { Evidence, FiredIndicator, Note } from '../types.js';
import { answerEvidence, answerHit, answerInputs, fire, input, isYes, triInput, type Input, type RuleContext, type RuleModule } from './context.js';

/** "1500.00 USD"; minor units when the code is not in ISO 4217 (a wage currency is only shape-checked). */
function money(minor: number, currency: string): string {
  return currencyExponent(currency) === undefined ? `${minor} minor units ${currency}` : `${formatMinor(minor, currency)} ${currency}`;
}

function lineEvidence(line: FeeLine, settlement: string | null): Evidence {
  const converted =
    line.convertedMinor === null || settlement === null || settlement === line.currency
      ? ''
      : ` = ${money(line.convertedMinor, settlement)} at ${Number(line.rate?.toPrecision(6))} (${line.rateSources.join('; ')})`;
  const parts = [
    `${line.category} ${money(line.amountMinor, line.currency)}${converted}`,
    `paid to ${line.paidTo}`,
    `on ${line.paidOn ?? 'unknown date'}`,
    `as ${line.paymentForm}`,
    `loan ${line.financedByLoan}`,
  ];
  return { field: `fees[${line.index}]`, value: parts.join(', ') };
}

function totalEvidence(fees: FeeSummary): Evidence[] {
  const currency = fees.currency;
  if (currency === null) return [];
  return [
    { field: 'feeTotal', value: money(fees.paidMinor, currency) },
    { field: 'feeMonthsOfWage', value: fees.monthsOfWage },
    ...fees.repayments.map((r) => ({
      field: `remediation.feeRepayments[${r.index}]`,
      value: `${r.convertedMinor === null ? 'not convertible' : money(r.convertedMinor, currency)} on ${r.paidOn} (${r.evidenceId})`,
    })),
    ...(fees.repayments.length > 0 ? [{ field: 'feeOutstanding', value: money(fees.outstandingMinor, currency) }] : []),
  ];
}

/** Repayment evidence ids when every fee has been repaid; otherwise none (the rule stays active). */
function repaidBy(fees: FeeSummary): readonly string[] {
  return fees.fullyRepaid ? fees.repayments.map((r) => r.evidenceId) : [];
}

function feesPaid(ctx: RuleContext): FiredIndicator | undefined {
  const { fees } = ctx;
  if (fees.lines.length === 0) return undefined;
  const burden = fees.monthsOfWage === null ? 'the wage is unknown, so the burden in months is not known' : `${fees.monthsOfWage} months of wage`;
  const total = fees.currency === null ? '' : ` totalling ${money(fees.paidMinor, fees.currency)}`;
  return fire(ctx, 'FEE-01', {
    evidence: [...fees.lines.map((l) => lineEvidence(l, fees.currency)), ...totalEvidence(fees)],
    explanation: `The worker paid ${fees.lines.length} recruitment fee${fees.lines.length === 1 ? '' : 's'} or related cost${fees.lines.length === 1 ? '' : 's'}${total} (${burden}); under the employer-pays principle the employer bears them.`,
    severity: feeSeverity(fees.fullyRepaid ? fees.monthsOfWage : fees.outstandingMonths, ctx.config),
    remediatedBy: repaidBy(fees),
  });
}

function illegitimateCosts(ctx: RuleContext): FiredIndicator | undefined {
  const illegitimate: readonly string[] = ILLEGITIMATE_FEE_CATEGORIES;
  const lines = ctx.fees.lines.filter((l) => illegitimate.includes(l.category));
  if (lines.length === 0) return undefined;
  return fire(ctx, 'FEE-02', {
    evidence: lines.map((l) => lineEvidence(l, ctx.fees.currency)),
    explanation: `The worker paid ${lines.map((l) => l.category).join(', ')}: costs the ILO definition treats as illegitimate from anyone.`,
    remediatedBy: repaidBy(ctx.fees),
  });
}

function recruitmentDebt(ctx: RuleContext): FiredIndicator | undefined {
  const { fees } = ctx;
  const financed = fees.lines.filter((l) => l.financedByLoan === 'yes' || l.paymentForm === 'loan' || l.paymentForm === 'wage_deduction');
  const large = fees.monthsOfWage !== null && fees.monthsOfWage > ctx.config.fees.debtMonths;
  const answered = isYes(ctx, 'debt_bondage_at_recruitment');
  if (financed.length === 0 && !large && !answered) return undefined;
  const reasons = [
    ...(financed.length > 0 ? ['fees were financed by a loan or wage deductions'] : []),
    ...(large ? [`fees of ${fees.monthsOfWage} months of wage exceed the ${ctx.config.fees.debtMonths}-month debt threshold`] : []),
    ...(answered ? ['the worker took on a debt to get the job'] : []),
  ];
  return fire(ctx, 'FEE-03', {
    evidence: [
      ...financed.map((l) => lineEvidence(l, fees.currency)),
      ...(large ? [{ field: 'feeMonthsOfWage', value: fees.monthsOfWage }] : []),
      ...(answered ? [answerEvidence('debt_bondage_at_recruitment')] : []),
    ],
    explanation: `Debt-bondage signal at recruitment: ${reasons.join('; ')}.`,
    delphi: [
      { dimension: 'D2', indicator: 'debt bondage', strength: 'M', source: answered ? 'answers.debt_bondage_at_recruitment' : financed.length > 0 ? `fees[${financed[0]!.index}]` : 'feeMonthsOfWage' },
    ],
    remediatedBy: answered ? [] : repaidBy(fees),
  });
}

function boundAtDestination(ctx: RuleContext): FiredIndicator | undefined {
  const answered = isYes(ctx, 'debt_bondage');
  const documents = ctx.facts.documentsWithheldUntilDebtRepaid === 'yes';
  if (!answered && !documents) return undefined;
  return fire(ctx, 'FEE-04', {
    evidence: [...(answered ? [answerEvidence('debt_bondage')] : []), ...(documents ? [{ field: 'documentsWithheldUntilDebtRepaid', value: 'yes' }] : [])],
    explanation: answered
      ? 'The worker must keep working to repay a debt that grows or cannot realistically be repaid.'
      : 'The worker’s documents are held as security for a debt, binding the worker to the employer until it is repaid.',
    delphi: [{ dimension: 'D5', indicator: 'debt bondage', strength: 'S', source: answered ? 'answers.debt_bondage' : 'documentsWithheldUntilDebtRepaid' }],
  });
}

function deceivedAboutFees(ctx: RuleContext): FiredIndicator | undefined {
  if (!isYes(ctx, 'deceived_about_fees')) return undefined;
  return fire(ctx, 'FEE-05', {
    evidence: [answerEvidence('deceived_about_fees')],
    explanation: 'Fees, travel costs or travel arrangements differed from what the worker was told.',
    delphi: [answerHit('deceived_about_fees')],
  });
}

export const feeRules: RuleModule = {
  inputs(ctx: RuleContext): Input[] {
    const group = 'recruitment_fee';
    const perFee = ctx.fees.lines.flatMap((l) => [
      triInput(group, `fees[${l.index}].paymentForm`, l.paymentForm),
      triInput(group, `fees[${l.index}].financedByLoan`, l.financedByLoan),
      input(group, `fees[${l.index}].exchangeRate`, l.convertedMinor !== null),
    ]);
    const wage = ctx.fees.lines.length > 0 ? [input(group, 'monthlyWageMinor', ctx.fees.monthsOfWage !== null)] : [];
    return [...answerInputs(ctx, group, ['debt_bondage_at_recruitment', 'debt_bondage', 'deceived_about_fees']), ...wage, ...perFee];
  },

  evaluate(ctx: RuleContext): FiredIndicator[] {
    return [feesPaid(ctx), illegitimateCosts(ctx), recruitmentDebt(ctx), boundAtDestination(ctx), deceivedAboutFees(ctx)].filter(
      (i): i is FiredIndicator => i !== undefined,
    );
  },

  notes(ctx: RuleContext): Note[] {
    return ctx.fees.lines
      .filter((l) => l.convertedMinor === null)
      .map((l) => ({
        ruleId: 'FEE-N1',
        explanation: `No exchange rate from ${l.currency} to ${ctx.fees.currency} on or before ${l.paidOn ?? ctx.asOf}: fees[${l.index}] is counted as paid but left out of the total and the months of wage.`,
      }));
  },
};
