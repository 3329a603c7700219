import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { FEE_CATEGORIES, INTERVIEW_QUESTION_KEYS } from '@lantern/domain';
import { KIND_COLUMNS } from '@lantern/ingest';

/** Deterministic xorshift32: the same seed gives the same file. */
class Rng {
  constructor(private s: number) {}
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 0x1_0000_0000;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** weights: [value, weight][] */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((a, [, w]) => a + w, 0);
    let r = this.next() * total;
    for (const [v, w] of items) if ((r -= w) < 0) return v;
    return items[items.length - 1][0];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export interface GeneratedFile {
  path: string;
  rows: number;
  bytes: number;
}

export interface InterviewFileOptions {
  rows: number;
  auditRefs: readonly string[];
  recruiterRefs: readonly string[];
  seed?: number;
}

// Values as people type them: codes and names mixed.
const ORIGINS = ['NP', 'Nepal', 'BD', 'Bangladesh', 'BGD', 'IN', 'India', 'MM', 'Myanmar', 'PH', 'Philippines', 'ID', 'Indonesia', 'VN', 'Viet Nam', 'KH', 'LK', 'Sri Lanka', 'PK'];
const WAGE_CURRENCIES = ['MYR', 'QAR', 'AED', 'SAR', 'THB', 'USD', 'KWD'];
const FEE_CURRENCIES = ['USD', 'NPR', 'BDT', 'INR', 'MYR'];
const TRI = [['yes', 3], ['no', 4], ['unknown', 1], ['', 2]] as const;
const HOLDERS = [['worker', 50], ['employer', 30], ['recruiter', 8], ['dormitory_operator', 2], ['unknown', 5], ['', 5]] as const;
const VISAS = [['employer_sponsored', 60], ['sector_permit', 10], ['open_permit', 8], ['seasonal', 4], ['unknown', 8], ['', 10]] as const;
const RENEWAL = [['employer', 55], ['worker', 15], ['government', 10], ['recruiter', 5], ['', 15]] as const;
const GENDERS = [['female', 40], ['male', 55], ['other', 1], ['undisclosed', 2], ['', 2]] as const;
const PAYEES = ['recruiter', 'sub_agent', 'employer', 'official', 'unknown'] as const;
const FORMS = ['cash', 'wage_deduction', 'loan', 'in_kind', 'unknown'] as const;
const TESTIMONY = [
  'The agent in Kathmandu told us the job was in a hotel, but we were sent to a glove factory.',
  'We work twelve hours a day, six days a week, and overtime is not optional.',
  'Our passports were collected on arrival "for safekeeping" and we have to ask the supervisor to see them.',
  'I borrowed money from a lender in my village to pay the agent; I am still repaying it.',
  'The contract I signed at home said 1,500 ringgit; here they pay much less after deductions.',
  'Nobody explained the contract to me in my language.\nI signed because I already owed the agent.',
  'We cannot change employer: the permit is in the company name and they decide the renewal.',
];

/** A 2-decimal amount in major units, as typed in a spreadsheet. */
function amount(rng: Rng, lo: number, hi: number): string {
  return `${rng.int(lo, hi)}.${String(rng.int(0, 99)).padStart(2, '0')}`;
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * A realistic worker-interview CSV for the ingest benchmark: every column of
 * the template, fees (0-3 entries) and answers (3-8 keys) on most rows,
 * testimony on one row in ten (some quoted, a few multi-line), country names
 * and codes mixed. Every row is valid for an organisation that has the given
 * audits and recruiters.
 */
export async function writeInterviewCsv(path: string, opts: InterviewFileOptions): Promise<GeneratedFile> {
  const rng = new Rng(opts.seed ?? 0x5eed1234);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  const write = async (s: string): Promise<void> => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(KIND_COLUMNS.interviews.map((c) => c.name).join(',') + '\n');
  let buf = '';
  for (let i = 1; i <= opts.rows; i++) {
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    const year = month <= 6 ? 2025 : 2024;
    const fees: string[] = [];
    for (let f = rng.weighted([[0, 2], [1, 4], [2, 3], [3, 1]] as const); f > 0; f--) {
      fees.push(
        [
          rng.pick(FEE_CATEGORIES),
          amount(rng, 20, 2500),
          rng.pick(FEE_CURRENCIES),
          rng.pick(PAYEES),
          rng.chance(0.6) ? `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : '',
          rng.pick(FORMS),
          rng.pick(['yes', 'no', 'unknown']),
        ].join('|'),
      );
    }
    const answers: string[] = [];
    const keys = new Set<string>();
    for (let a = rng.int(3, 8); a > 0; a--) keys.add(rng.pick(INTERVIEW_QUESTION_KEYS));
    for (const k of keys) answers.push(`${k}=${rng.weighted([['yes', 3], ['no', 5], ['unknown', 1]] as const)}`);
    const hasWage = rng.chance(0.95);
    const currency = rng.pick(WAGE_CURRENCIES);
    const row = [
      `INT-${String(i).padStart(8, '0')}`,
      rng.pick(opts.auditRefs),
      `WK-${year}-${String(rng.int(1, 9_999_999)).padStart(7, '0')}`,
      rng.chance(0.7) ? rng.pick(opts.recruiterRefs) : '',
      `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(rng.int(7, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`,
      rng.weighted(GENDERS),
      rng.pick(ORIGINS),
      rng.chance(0.97) ? String(rng.int(18, 45)) : '',
      hasWage ? (currency === 'KWD' ? `${rng.int(90, 300)}.${String(rng.int(0, 999)).padStart(3, '0')}` : amount(rng, 900, 4500)) : '',
      hasWage ? currency : '',
      rng.weighted(HOLDERS),
      rng.weighted(HOLDERS),
      rng.weighted(HOLDERS),
      rng.weighted(TRI),
      rng.chance(0.5) ? String(rng.int(0, 30)) : '',
      rng.weighted(TRI),
      rng.weighted(TRI),
      rng.weighted(VISAS),
      rng.weighted(TRI),
      rng.weighted(TRI),
      rng.weighted(RENEWAL),
      rng.weighted(TRI),
      rng.weighted(TRI),
      rng.weighted(TRI),
      rng.weighted(TRI),
      rng.weighted(TRI),
      rng.weighted(TRI),
      fees.join(';'),
      answers.join(';'),
      rng.chance(0.1) ? rng.pick(TESTIMONY) : '',
    ];
    buf += row.map(csvCell).join(',') + '\n';
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  out.end();
  await once(out, 'finish');
  return { path, rows: opts.rows, bytes };
}
