/**
 * Fees and related costs a worker paid to get the job: the records stored in
 * an interview's `fees` JSON array.
 *
 * Categories follow the ILO General Principles and Operational Guidelines for
 * Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019),
 * cross-walked to FAR 52.222-50(a) (see FEE_CATEGORIES in enums.ts and
 * DOMAIN.md §3). Under the employer-pays principle any of them paid by a worker
 * is a finding, whatever the payment form (FAR 52.222-50(a)(2): cash, wage
 * deduction, loan, in kind) and whoever collected it.
 */
import {
  FEE_CATEGORIES,
  FEE_PAYEES,
  FEE_PAYMENT_FORMS,
  TRI_ANSWERS,
  type FeeCategory,
  type FeePayee,
  type FeePaymentForm,
  type TriAnswer,
} from './enums.js';
import { isCurrencyCode } from './currencies.js';
import type { FieldIssue } from './errors.js';
import { formatMinor, tryParseMoneyToMinor } from './money.js';

/** One fee or related cost, as stored (camelCase JSON in interviews.fees). */
export interface Fee {
  category: FeeCategory;
  /** Integer amount in the currency's minor unit (ISO 4217 exponent), >= 0. */
  amountMinor: number;
  /** Upper-case ISO 4217 code. */
  currency: string;
  paidTo: FeePayee;
  /** Calendar date YYYY-MM-DD, or null when unknown. */
  paidOn: string | null;
  paymentForm: FeePaymentForm;
  financedByLoan: TriAnswer;
}

/** `value` is set exactly when `errors` is empty. */
export interface ValidationResult<T> {
  value?: T;
  errors: FieldIssue[];
}

const FEE_INPUT_FIELDS = ['category', 'amountMinor', 'amount', 'currency', 'paidTo', 'paidOn', 'paymentForm', 'financedByLoan'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(
  allowed: readonly T[],
  raw: unknown,
  fallback: T,
  field: string,
  errors: FieldIssue[],
): T {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  errors.push({ field, reason: `must be one of ${allowed.join(', ')}; got ${JSON.stringify(raw)}` });
  return fallback;
}

/**
 * Validate one fee as received from the API or an NDJSON import and turn it
 * into the stored form. `index` is its position in the `fees` array; every
 * issue's field is `fees[<index>].<field>`.
 *
 * - `category` (required): one of FEE_CATEGORIES.
 * - exactly one of `amountMinor` (a non-negative safe integer of minor units)
 *   or `amount` (major units, a decimal string like "1500.50" or a number,
 *   converted with the currency's exponent; see parseMoneyToMinor).
 * - `currency` (required): ISO 4217 code; surrounding spaces and lower case
 *   are tolerated and normalised ("usd" -> "USD").
 * - `paidTo`, `paymentForm`, `financedByLoan`: enums, default 'unknown'.
 * - `paidOn`: YYYY-MM-DD calendar date or null (default null).
 * - any other property is rejected.
 */
export function validateFee(input: unknown, index: number): ValidationResult<Fee> {
  const base = `fees[${index}]`;
  if (!isPlainObject(input)) return { errors: [{ field: base, reason: 'must be an object' }] };
  const errors: FieldIssue[] = [];
  const at = (f: string): string => `${base}.${f}`;

  for (const key of Object.keys(input)) {
    if (!(FEE_INPUT_FIELDS as readonly string[]).includes(key)) errors.push({ field: at(key), reason: 'unknown field' });
  }

  let category: FeeCategory = 'other';
  if (input.category === undefined || input.category === null || input.category === '') {
    errors.push({ field: at('category'), reason: 'is required' });
  } else {
    category = oneOf(FEE_CATEGORIES, input.category, 'other', at('category'), errors);
  }

  let currency: string | undefined;
  if (typeof input.currency !== 'string' || input.currency.trim() === '') {
    errors.push({ field: at('currency'), reason: input.currency === undefined || input.currency === '' ? 'is required' : 'must be a string' });
  } else {
    const code = input.currency.trim().toUpperCase();
    if (isCurrencyCode(code)) currency = code;
    else errors.push({ field: at('currency'), reason: `unknown ISO 4217 currency code ${JSON.stringify(input.currency)}` });
  }

  let amountMinor: number | undefined;
  const hasMinor = input.amountMinor !== undefined && input.amountMinor !== null;
  const hasMajor = input.amount !== undefined && input.amount !== null && input.amount !== '';
  if (hasMinor && hasMajor) {
    errors.push({ field: at('amount'), reason: 'give either amount or amountMinor, not both' });
  } else if (hasMinor) {
    const v = input.amountMinor;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
      errors.push({ field: at('amountMinor'), reason: 'must be an integer number of minor units' });
    } else if (v < 0) {
      errors.push({ field: at('amountMinor'), reason: 'must not be negative' });
    } else {
      amountMinor = v;
    }
  } else if (hasMajor) {
    const v = input.amount;
    if (typeof v !== 'string' && typeof v !== 'number') {
      errors.push({ field: at('amount'), reason: 'must be a decimal string or a number' });
    } else if (currency !== undefined) {
      // Without a valid currency the exponent is unknown; the currency error already stands.
      const r = tryParseMoneyToMinor(v, currency);
      if (r.ok) amountMinor = r.value;
      else errors.push({ field: at(r.on), reason: r.reason });
    }
  } else {
    errors.push({ field: at('amount'), reason: 'is required (amount in major units, or amountMinor)' });
  }

  const paidTo = oneOf(FEE_PAYEES, input.paidTo, 'unknown', at('paidTo'), errors);
  const paymentForm = oneOf(FEE_PAYMENT_FORMS, input.paymentForm, 'unknown', at('paymentForm'), errors);
  const financedByLoan = oneOf(TRI_ANSWERS, input.financedByLoan, 'unknown', at('financedByLoan'), errors);

  let paidOn: string | null = null;
  if (input.paidOn !== undefined && input.paidOn !== null && input.paidOn !== '') {
    if (isIsoDate(input.paidOn)) paidOn = input.paidOn;
    else errors.push({ field: at('paidOn'), reason: `must be a calendar date YYYY-MM-DD or null; got ${JSON.stringify(input.paidOn)}` });
  }

  if (errors.length > 0 || currency === undefined || amountMinor === undefined) return { errors };
  return { value: { category, amountMinor, currency, paidTo, paidOn, paymentForm, financedByLoan }, errors: [] };
}

/** Validate a whole `fees` value: an array of fee inputs (see validateFee). */
export function validateFees(input: unknown): ValidationResult<Fee[]> {
  if (!Array.isArray(input)) return { errors: [{ field: 'fees', reason: 'must be an array' }] };
  const value: Fee[] = [];
  const errors: FieldIssue[] = [];
  input.forEach((item, i) => {
    const r = validateFee(item, i);
    if (r.value !== undefined) value.push(r.value);
    errors.push(...r.errors);
  });
  return errors.length > 0 ? { errors } : { value, errors: [] };
}

/** Positional fields of one CSV fee entry, in order. */
export const FEE_CELL_FIELDS = ['category', 'amount', 'currency', 'paid_to', 'paid_on', 'payment_form', 'financed_by_loan'] as const;

/**
 * Parse the `fees` cell of a CSV interview import.
 *
 * Entries are separated by `;`, fields within an entry by `|`, in the order
 * `category|amount|currency|paid_to|paid_on|payment_form|financed_by_loan`.
 * The amount is in major units ("1500.50"). Trailing fields may be omitted and
 * any optional field may be left empty: paid_to, payment_form and
 * financed_by_loan default to 'unknown', paid_on to null. Spaces around fields
 * are ignored; empty entries (e.g. a trailing `;`) are skipped; an empty cell
 * means no fees. Example:
 *
 *     recruitment_fee|1500|USD|recruiter|2024-03-01|loan|yes; medical|85.50|NPR
 *
 * Issues name fields like the JSON form: `fees[1].currency`.
 */
export function parseFeesCell(cell: string): ValidationResult<Fee[]> {
  const entries = cell
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const value: Fee[] = [];
  const errors: FieldIssue[] = [];
  entries.forEach((entry, i) => {
    const parts = entry.split('|').map((p) => p.trim());
    if (parts.length > FEE_CELL_FIELDS.length) {
      errors.push({
        field: `fees[${i}]`,
        reason: `has ${parts.length} fields; expected at most ${FEE_CELL_FIELDS.length}: ${FEE_CELL_FIELDS.join('|')}`,
      });
      return;
    }
    const [category, amount, currency, paidTo, paidOn, paymentForm, financedByLoan] = parts;
    const blankToUndefined = (s: string | undefined): string | undefined => (s === undefined || s === '' ? undefined : s);
    const r = validateFee(
      {
        category: blankToUndefined(category),
        amount: blankToUndefined(amount),
        currency: blankToUndefined(currency),
        paidTo: blankToUndefined(paidTo),
        paidOn: blankToUndefined(paidOn),
        paymentForm: blankToUndefined(paymentForm),
        financedByLoan: blankToUndefined(financedByLoan),
      },
      i,
    );
    if (r.value !== undefined) value.push(r.value);
    errors.push(...r.errors);
  });
  return errors.length > 0 ? { errors } : { value, errors: [] };
}

/**
 * Render fees back into the CSV cell form (amounts in major units), the inverse
 * of parseFeesCell. Useful for exports and round-trip tests.
 */
export function formatFeesCell(fees: readonly Fee[]): string {
  return fees
    .map((f) =>
      [f.category, formatMinor(f.amountMinor, f.currency), f.currency, f.paidTo, f.paidOn ?? '', f.paymentForm, f.financedByLoan].join('|'),
    )
    .join(';');
}
