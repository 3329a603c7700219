/**
 * Folds the rows of the SQL pass (./group-facts.sql.ts) into GroupFacts, with
 * the same rules as @lantern/scoring's summarizeWorkers: counts per rule
 * (active and remediated), unknown and relevant inputs per indicator group,
 * median and maximum fee burden, fees still owed per currency, workers per
 * current classification, and capped samples of the smallest ids (so the
 * result does not depend on row order).
 */
import { CLASSIFICATIONS, INDICATOR_GROUPS, type Classification, type GroupFacts, type IndicatorGroup } from '@lantern/scoring';
import { MASK_BITS, MASK_WORDS, REMEDIATION_FAMILY, ROW_COLUMNS, RULE_IDS, type RemediationFamily } from './group-facts.sql.js';

const NCOLS = ROW_COLUMNS.length;
const COL = Object.fromEntries(ROW_COLUMNS.map((c, i) => [c, i])) as Record<(typeof ROW_COLUMNS)[number], number>;
const FAMILY_OF_RULE: readonly (RemediationFamily | undefined)[] = RULE_IDS.map((id) => REMEDIATION_FAMILY[id]);
/** For each indicator group (GroupFacts order), its unknown and inputs columns. */
const GROUP_COLUMNS: readonly [IndicatorGroup, number, number][] = INDICATOR_GROUPS.map((g) => {
  const suffix = g === 'recruitment_fee' ? 'fee' : g === 'tied_visa' ? 'visa' : g === 'document_confiscation' ? 'documents' : 'other';
  return [g, COL[`unknown_${suffix}` as 'unknown_fee'], COL[`inputs_${suffix}` as 'inputs_fee']];
});

/** One streamed row, decoded. The parser reuses one object: copy what you keep. */
export interface WorkerRow {
  id: string;
  /** idKey(id) */
  key: number;
  siteId: string;
  recruiterId: string | null;
  /** Rule status bits, MASK_WORDS words of MASK_BITS rules each (bit i of word w = RULE_IDS[w * MASK_BITS + i]). */
  active: Int32Array;
  remediated: Int32Array;
  /** Unknown and relevant inputs per indicator group, in INDICATOR_GROUPS order. */
  unknown: Int32Array;
  inputs: Int32Array;
  feeMonths: number | null;
  /** "CUR amount;CUR amount" still owed, when FEE-01 is active. */
  owed: string | null;
  /** Index in CLASSIFICATIONS of the current classification. */
  label: number;
  repaymentIds: string | null;
  documentReturnId: string | null;
  sponsorshipId: string | null;
}

const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;

/**
 * Decodes COPY text rows (ROW_COLUMNS, tab-separated, `\N` = NULL) straight
 * from the network buffers: numbers are read from the bytes, and only the
 * ids become strings (fresh ones, so that a kept id does not pin a buffer).
 */
export class WorkerRowParser {
  private carry: Buffer | null = null;
  private readonly starts = new Int32Array(NCOLS + 1);
  private readonly row: WorkerRow = {
    id: '',
    key: 0,
    siteId: '',
    recruiterId: null,
    active: new Int32Array(MASK_WORDS),
    remediated: new Int32Array(MASK_WORDS),
    unknown: new Int32Array(INDICATOR_GROUPS.length),
    inputs: new Int32Array(INDICATOR_GROUPS.length),
    feeMonths: null,
    owed: null,
    label: 0,
    repaymentIds: null,
    documentReturnId: null,
    sponsorshipId: null,
  };
  rows = 0;

  constructor(private readonly onRow: (row: WorkerRow) => void) {}

  push(chunk: Buffer): void {
    let buf = chunk;
    if (this.carry !== null) {
      buf = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    let start = 0;
    for (;;) {
      const end = buf.indexOf(NEWLINE, start);
      if (end === -1) break;
      this.line(buf, start, end);
      start = end + 1;
    }
    if (start < buf.length) this.carry = Buffer.from(buf.subarray(start));
  }

  end(): void {
    if (this.carry !== null && this.carry.length > 0) this.line(this.carry, 0, this.carry.length);
    this.carry = null;
  }

  private line(buf: Buffer, start: number, end: number): void {
    const starts = this.starts;
    let f = 0;
    starts[0] = start;
    for (let i = start; i < end; i++) if (buf[i] === TAB) starts[++f] = i + 1;
    if (f !== NCOLS - 1) throw new Error(`scoring row with ${f + 1} fields, expected ${NCOLS}`);
    starts[NCOLS] = end + 1;
    const r = this.row;
    const str = (k: number): string | null => {
      const s = starts[k]!;
      const e = starts[k + 1]! - 1;
      return e - s === 2 && buf[s] === BACKSLASH ? null : buf.toString('latin1', s, e);
    };
    const int = (k: number): number => {
      let v = 0;
      for (let i = starts[k]!, e = starts[k + 1]! - 1; i < e; i++) v = v * 10 + (buf[i]! - 48);
      return v;
    };
    r.id = buf.toString('latin1', starts[0]!, starts[1]! - 1);
    r.key = hexKey(buf, starts[0]!);
    r.siteId = buf.toString('latin1', starts[1]!, starts[2]! - 1);
    r.recruiterId = str(COL.recruiter_id);
    for (let w = 0; w < MASK_WORDS; w++) {
      r.active[w] = int(COL.active_0 + w);
      r.remediated[w] = int(COL.remediated_0 + w);
    }
    for (let g = 0; g < GROUP_COLUMNS.length; g++) {
      r.unknown[g] = int(GROUP_COLUMNS[g]![1]);
      r.inputs[g] = int(GROUP_COLUMNS[g]![2]);
    }
    const months = str(COL.fee_months);
    r.feeMonths = months === null ? null : Number(months);
    r.owed = str(COL.owed);
    r.label = int(COL.label);
    r.repaymentIds = str(COL.repayment_ids);
    r.documentReturnId = str(COL.document_return_id);
    r.sponsorshipId = str(COL.sponsorship_id);
    this.rows += 1;
    this.onRow(r);
  }
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[97 + i] = 10 + i;

/** idKey read from the bytes of a UUID at `at`. */
function hexKey(buf: Buffer, at: number): number {
  let hi = 0;
  for (let i = at; i < at + 8; i++) hi = hi * 16 + HEX[buf[i]!]!;
  let lo = 0;
  for (let i = at + 9; i < at + 13; i++) lo = lo * 16 + HEX[buf[i]!]!;
  return hi * 65536 + lo;
}

/**
 * A capped sample of the smallest ids, as summarizeWorkers keeps it. Ids are
 * lowercase UUIDs, whose string order is the numeric order of their hex
 * digits: a 48-bit numeric key (the first 12 digits) decides almost every
 * comparison cheaply, the full string breaks ties.
 */
export class IdSample {
  readonly keys: number[] = [];
  readonly ids: string[] = [];

  add(key: number, id: string, cap: number): void {
    const { keys, ids } = this;
    const n = keys.length;
    if (cap === 0) return;
    if (n >= cap) {
      const last = keys[n - 1]!;
      if (key > last || (key === last && id >= ids[n - 1]!)) return;
    }
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const k = keys[mid]!;
      if (k < key || (k === key && ids[mid]! < id)) lo = mid + 1;
      else hi = mid;
    }
    if (lo < n && keys[lo] === key && ids[lo] === id) return;
    keys.splice(lo, 0, key);
    ids.splice(lo, 0, id);
    if (keys.length > cap) {
      keys.pop();
      ids.pop();
    }
  }
}

/** The numeric sort key of a lowercase UUID (its first 48 bits). */
export function idKey(id: string): number {
  return parseInt(id.slice(0, 8), 16) * 65536 + parseInt(id.slice(9, 13), 16);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One group (site or recruiter) being summarised. */
export class GroupFactsAccumulator {
  n = 0;
  readonly active = new Int32Array(RULE_IDS.length);
  readonly remediated = new Int32Array(RULE_IDS.length);
  readonly evidence: (IdSample | undefined)[] = new Array(RULE_IDS.length);
  readonly remediation: (IdSample | undefined)[] = new Array(RULE_IDS.length);
  readonly unknownCounts = new Float64Array(INDICATOR_GROUPS.length);
  readonly inputCounts = new Float64Array(INDICATOR_GROUPS.length);
  readonly feeMonths: number[] = [];
  readonly owed = new Map<string, number>();
  readonly classificationCounts = new Int32Array(CLASSIFICATIONS.length);
  readonly classificationSample: IdSample[] = CLASSIFICATIONS.map(() => new IdSample());

  constructor(private readonly cap: number) {}

  /** Add one decoded row. */
  add(row: WorkerRow): void {
    this.n += 1;
    const { id, key } = row;
    const cap = this.cap;
    for (let w = 0; w < MASK_WORDS; w++) {
      let bits = row.active[w]!;
      while (bits !== 0) {
        const bit = 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        const r = w * MASK_BITS + bit;
        this.active[r]! += 1;
        (this.evidence[r] ??= new IdSample()).add(key, id, cap);
      }
      let rbits = row.remediated[w]!;
      while (rbits !== 0) {
        const bit = 31 - Math.clz32(rbits & -rbits);
        rbits &= rbits - 1;
        const r = w * MASK_BITS + bit;
        this.remediated[r]! += 1;
        const sample = (this.remediation[r] ??= new IdSample());
        for (const evidenceId of remediationIds(row, FAMILY_OF_RULE[r])) sample.add(idKey(evidenceId), evidenceId, cap);
      }
    }
    for (let g = 0; g < GROUP_COLUMNS.length; g++) {
      this.unknownCounts[g]! += row.unknown[g]!;
      this.inputCounts[g]! += row.inputs[g]!;
    }
    if (row.feeMonths !== null) this.feeMonths.push(row.feeMonths);
    if (row.owed !== null) {
      for (const part of row.owed.split(';')) {
        const space = part.indexOf(' ');
        const currency = part.slice(0, space);
        this.owed.set(currency, (this.owed.get(currency) ?? 0) + Number(part.slice(space + 1)));
      }
    }
    this.classificationCounts[row.label]! += 1;
    this.classificationSample[row.label]!.add(key, id, cap);
  }

  toGroupFacts(): GroupFacts {
    const counts = (values: Int32Array): Record<string, number> => sortedRecord(RULE_IDS.flatMap((id, r) => (values[r]! > 0 ? [[id, values[r]!] as const] : [])));
    const samples = (values: (IdSample | undefined)[]): Record<string, readonly string[]> =>
      sortedRecord(RULE_IDS.flatMap((id, r) => (values[r] === undefined ? [] : [[id, values[r]!.ids] as const])));
    return {
      n: this.n,
      indicatorCounts: counts(this.active),
      remediatedCounts: counts(this.remediated),
      unknownCounts: Object.fromEntries(GROUP_COLUMNS.map(([g], i) => [g, this.unknownCounts[i]!])) as Record<IndicatorGroup, number>,
      inputCounts: Object.fromEntries(GROUP_COLUMNS.map(([g], i) => [g, this.inputCounts[i]!])) as Record<IndicatorGroup, number>,
      feeMonthsP50: median(this.feeMonths),
      feeMonthsMax: this.feeMonths.length === 0 ? null : this.feeMonths.reduce((a, b) => Math.max(a, b)),
      feesOutstanding: [...this.owed].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, amountMinor]) => ({ amountMinor, currency })),
      classificationCounts: Object.fromEntries(CLASSIFICATIONS.map((c, i) => [c, this.classificationCounts[i]!])) as Record<Classification, number>,
      evidenceSample: samples(this.evidence),
      remediationSample: samples(this.remediation),
      classificationSample: Object.fromEntries(CLASSIFICATIONS.map((c, i) => [c, this.classificationSample[i]!.ids])) as Record<Classification, string[]>,
    };
  }
}

function remediationIds(row: WorkerRow, family: RemediationFamily | undefined): string[] {
  const value = family === 'fees' ? row.repaymentIds : family === 'documents' ? row.documentReturnId : family === 'sponsorship' ? row.sponsorshipId : null;
  if (value === null || value === '') return [];
  return family === 'fees' ? value.split(',') : [value];
}

function sortedRecord<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));
}

