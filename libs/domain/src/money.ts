/**
 * Money is held as an integer count of the currency's minor unit (ISO 4217
 * exponent: 1500.50 USD is 150050, 1500 JPY is 1500, 1.500 KWD is 1500) in a
 * JavaScript number that is always a safe integer (|n| <= 2^53 - 1), stored in
 * Postgres `bigint` columns. No floating-point arithmetic ever touches amounts:
 * parsing goes through the decimal string and BigInt.
 */
import { currencyExponent } from './currencies.js';
import { DomainError } from './errors.js';

/** Strict decimal: digits, optionally one `.` followed by at least one digit. No sign, exponent, spaces or grouping. */
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export type MoneyParseResult =
  | { ok: true; value: number }
  /** `on` says which input is wrong: the currency code or the amount. */
  | { ok: false; on: 'currency' | 'amount'; reason: string };

/**
 * Non-throwing form of `parseMoneyToMinor`: returns the reason instead of
 * throwing, for validators that collect every problem in a row.
 */
export function tryParseMoneyToMinor(amount: string | number, currency: string): MoneyParseResult {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) {
    return { ok: false, on: 'currency', reason: `unknown ISO 4217 currency code ${JSON.stringify(currency)}` };
  }
  let text: string;
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) return { ok: false, on: 'amount', reason: 'must be a finite number' };
    if (amount < 0) return { ok: false, on: 'amount', reason: 'must not be negative' };
    // String(n) gives the shortest round-tripping decimal; exponent forms
    // (1e21, 1e-7) and binary noise (0.30000000000000004) fail the checks below.
    text = String(amount);
  } else if (typeof amount === 'string') {
    text = amount;
  } else {
    return { ok: false, on: 'amount', reason: 'must be a decimal string or a number' };
  }
  // Bounded before BigInt: 2^53 has 16 digits, so 32 characters is ample.
  if (text.length > 32) return { ok: false, on: 'amount', reason: `is too long (${text.length} characters)` };
  if (text.startsWith('-')) return { ok: false, on: 'amount', reason: 'must not be negative' };
  const m = DECIMAL.exec(text);
  if (m === null) {
    return {
      ok: false,
      on: 'amount',
      reason: `must be a plain decimal number in major units such as "1500" or "1500.50" (no sign, spaces, thousands separators or exponent); got ${JSON.stringify(text)}`,
    };
  }
  const whole = m[1]!;
  const fraction = m[2] ?? '';
  if (fraction.length > exponent) {
    return {
      ok: false,
      on: 'amount',
      reason: `${currency} has ${exponent} decimal place${exponent === 1 ? '' : 's'}; got ${fraction.length} in ${JSON.stringify(text)}`,
    };
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0'));
  if (minor > MAX_SAFE) {
    return { ok: false, on: 'amount', reason: `is too large (more than ${Number.MAX_SAFE_INTEGER} minor units)` };
  }
  return { ok: true, value: Number(minor) };
}

/**
 * Parse a non-negative amount in major units ("1500", "1500.5", 1500.5) into
 * an integer number of minor units of `currency` (upper-case ISO 4217 code).
 *
 * Strict on purpose: "1,500.50", " 1500", "+1500", "-5", "1e3", ".5" and "5."
 * are rejected, and so is any amount with more decimals than the currency has
 * ("1500.5" JPY, "1.2345" KWD), even trailing zeros ("1500.00" JPY), so that a
 * wrong currency or a misplaced decimal point is caught at import. Throws a
 * `validation_failed` DomainError naming `field` (default "amount").
 */
export function parseMoneyToMinor(amount: string | number, currency: string, field = 'amount'): number {
  const r = tryParseMoneyToMinor(amount, currency);
  if (!r.ok) {
    throw DomainError.validation([{ field: r.on === 'currency' ? 'currency' : field, reason: r.reason }]);
  }
  return r.value;
}

/**
 * Format minor units as a plain major-unit decimal string with exactly the
 * currency's decimal places, no grouping and no symbol: formatMinor(150050,
 * 'USD') is "1500.50", formatMinor(1500, 'JPY') is "1500", formatMinor(-5, 'USD')
 * is "-0.05". The output parses back with parseMoneyToMinor (when non-negative).
 */
export function formatMinor(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) {
    throw DomainError.validation([{ field: 'currency', reason: `unknown ISO 4217 currency code ${JSON.stringify(currency)}` }]);
  }
  if (!Number.isSafeInteger(minor)) {
    throw DomainError.validation([{ field: 'amountMinor', reason: 'must be a safe integer number of minor units' }]);
  }
  const negative = minor < 0;
  const digits = String(Math.abs(minor));
  let out: string;
  if (exponent === 0) {
    out = digits;
  } else {
    const padded = digits.padStart(exponent + 1, '0');
    out = `${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
  }
  return negative ? `-${out}` : out;
}
