/**
 * A worker's fees in one settlement currency (the wage currency when known,
 * else the currency of the first fee), in months of wage, net of verified
 * repayments made on or before the as-of date.
 */
import type { FeePaymentForm, TriAnswer } from '@lantern/domain';
import type { WorkerFacts } from '../facts.js';
import type { Money } from '../types.js';
import { convertMinor, type ExchangeRateTable } from './exchange-rates.js';

export interface FeeLine {
  readonly index: number;
  readonly category: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly paidTo: string;
  readonly paidOn: string | null;
  readonly paymentForm: FeePaymentForm;
  readonly financedByLoan: TriAnswer;
  /** In the settlement currency; null when no rate resolved. */
  readonly convertedMinor: number | null;
  readonly rate: number | null;
  /** The rate rows used, for the explanation ("USD/NPR 130 from 2024-01-01"). */
  readonly rateSources: readonly string[];
}

export interface RepaymentLine {
  readonly index: number;
  readonly evidenceId: string;
  readonly paidOn: string;
  readonly convertedMinor: number | null;
}

export interface FeeSummary {
  /** Settlement currency; null when the worker reported neither a wage nor fees. */
  readonly currency: string | null;
  readonly paidMinor: number;
  readonly repaidMinor: number;
  readonly outstandingMinor: number;
  /** Fees paid in months of wage (null when the wage is unknown or zero). */
  readonly monthsOfWage: number | null;
  readonly outstandingMonths: number | null;
  readonly lines: readonly FeeLine[];
  /** Verified repayments on or before the as-of date. */
  readonly repayments: readonly RepaymentLine[];
  /** Fees that could not be converted, still owed in their own currency. */
  readonly unconvertedFees: readonly Money[];
  /** All fees converted and repaid in full (only meaningful when fees exist). */
  readonly fullyRepaid: boolean;
}

export function summariseFees(facts: WorkerFacts, asOf: string, rates: ExchangeRateTable): FeeSummary {
  const fees = facts.fees.filter((f) => f.amountMinor > 0);
  const currency = facts.wageCurrency ?? fees[0]?.currency ?? null;
  const convert = (amountMinor: number, from: string, on: string | null) =>
    currency === null ? undefined : convertMinor(amountMinor, from, currency, on, asOf, rates);

  const lines: FeeLine[] = facts.fees.flatMap((fee, index) => {
    if (fee.amountMinor <= 0) return [];
    const c = convert(fee.amountMinor, fee.currency, fee.paidOn);
    const rateSources = c?.rows.map((r) => `${r.base}/${r.quote} ${r.rate} from ${r.validFrom}`) ?? [];
    return [{ index, ...fee, convertedMinor: c?.amountMinor ?? null, rate: c?.rate ?? null, rateSources }];
  });
  const asOfDate = asOf.slice(0, 10);
  const repayments: RepaymentLine[] = (facts.remediation?.feeRepayments ?? []).flatMap((r, index) =>
    r.paidOn.slice(0, 10) > asOfDate
      ? []
      : [{ index, evidenceId: r.evidenceId, paidOn: r.paidOn, convertedMinor: convert(r.amountMinor, r.currency, r.paidOn)?.amountMinor ?? null }],
  );

  const paidMinor = sum(lines.map((l) => l.convertedMinor ?? 0));
  const repaidMinor = sum(repayments.map((r) => r.convertedMinor ?? 0));
  const outstandingMinor = Math.max(0, paidMinor - repaidMinor);
  const unconvertedFees = lines.filter((l) => l.convertedMinor === null).map((l) => ({ amountMinor: l.amountMinor, currency: l.currency }));
  const wage = facts.monthlyWageMinor !== null && facts.monthlyWageMinor > 0 && currency === facts.wageCurrency ? facts.monthlyWageMinor : null;
  const months = (minor: number): number | null => (wage === null ? null : round2(minor / wage));
  return {
    currency,
    paidMinor,
    repaidMinor,
    outstandingMinor,
    monthsOfWage: months(paidMinor),
    outstandingMonths: months(outstandingMinor),
    lines,
    repayments,
    unconvertedFees,
    fullyRepaid: lines.length > 0 && unconvertedFees.length === 0 && outstandingMinor === 0,
  };
}

/** Amounts still owed to the worker: the outstanding total plus fees that could not be converted. */
export function feesOwed(fees: FeeSummary): Money[] {
  const owed: Money[] = fees.currency !== null && fees.outstandingMinor > 0 ? [{ amountMinor: fees.outstandingMinor, currency: fees.currency }] : [];
  return [...owed, ...fees.unconvertedFees];
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
