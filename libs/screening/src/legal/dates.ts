/** Calendar-date arithmetic on YYYY-MM-DD strings (UTC, no clock). */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** `date` plus `months` calendar months; the day is clamped to the month's end (2024-02-29 + 12 -> 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const m = ISO.exec(date);
  if (!m) throw new Error(`not a calendar date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1 + months;
  const targetYear = y + Math.floor(mo / 12);
  const targetMonth = ((mo % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return new Date(Date.UTC(targetYear, targetMonth, day)).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in UTC, from an instant (the caller supplies the clock). */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function minDay(a: string, b: string): string {
  return a <= b ? a : b;
}
