import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { IdSample, WorkerRowParser, idKey, type WorkerRow } from './group-facts.accumulator.js';
import { MASK_WORDS, ROW_COLUMNS } from './group-facts.sql.js';

/** summarizeWorkers' sampling, as written in libs/scoring (keep the smallest `cap` ids, no duplicates). */
function reference(ids: readonly string[], cap: number): string[] {
  return [...new Set(ids)].sort().slice(0, cap);
}

describe('IdSample', () => {
  it.each([0, 1, 3, 20])('keeps the %i smallest ids whatever the order, like summarizeWorkers', (cap) => {
    for (let round = 0; round < 20; round++) {
      const ids: string[] = Array.from({ length: 60 }, () => randomUUID());
      // duplicates and ids that share the numeric key's 48 bits
      ids.push(ids[3]!, ids[7]!, `${ids[5]!.slice(0, 14)}0000-0000-000000000000`, `${ids[5]!.slice(0, 14)}ffff-ffff-ffffffffffff`);
      const sample = new IdSample();
      for (const id of ids) sample.add(idKey(id), id, cap);
      expect(sample.ids).toEqual(reference(ids, cap));
    }
  });

  it('orders keys as the strings order', () => {
    const ids = Array.from({ length: 500 }, () => randomUUID()).sort();
    const keys = ids.map(idKey);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  });
});

describe('WorkerRowParser', () => {
  const line = (i: number, nulls: boolean): string =>
    ROW_COLUMNS.map((c) => {
      if (c === 'id') return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      if (c === 'site_id') return 'aaaaaaaa-0000-4000-8000-000000000001';
      if (c === 'recruiter_id' || c === 'fee_months' || c === 'owed' || c === 'repayment_ids' || c === 'document_return_id' || c === 'sponsorship_id') {
        if (nulls) return '\\N';
        return c === 'fee_months' ? '2.35' : c === 'owed' ? 'QAR 420000;NPR 1500' : c === 'repayment_ids' ? 'r1,r2' : 'bbbbbbbb-0000-4000-8000-000000000002';
      }
      if (c === 'label') return String(i % 5);
      return String(i * 7 + c.length);
    }).join('\t');

  it('decodes rows split anywhere across network chunks', () => {
    const text = `${Array.from({ length: 5 }, (_, i) => line(i, i % 2 === 0)).join('\n')}\n`;
    const buf = Buffer.from(text, 'latin1');
    const expected: unknown[] = [];
    const whole = new WorkerRowParser((r) => expected.push(snapshot(r)));
    whole.push(buf);
    whole.end();
    expect(expected).toHaveLength(5);
    expect(expected[1]).toMatchObject({ recruiterId: 'bbbbbbbb-0000-4000-8000-000000000002', feeMonths: 2.35, owed: 'QAR 420000;NPR 1500', label: 1 });
    expect(expected[0]).toMatchObject({ recruiterId: null, feeMonths: null, owed: null, repaymentIds: null, label: 0 });
    for (let cut = 1; cut < buf.length; cut += 7) {
      const rows: unknown[] = [];
      const parser = new WorkerRowParser((r) => rows.push(snapshot(r)));
      parser.push(buf.subarray(0, cut));
      parser.push(buf.subarray(cut));
      parser.end();
      expect(rows).toEqual(expected);
    }
  });

  it('refuses a row with the wrong number of fields', () => {
    const parser = new WorkerRowParser(() => undefined);
    expect(() => parser.push(Buffer.from('a\tb\n'))).toThrow(/fields/);
  });
});

function snapshot(r: WorkerRow): Record<string, unknown> {
  return { ...r, active: [...r.active].slice(0, MASK_WORDS), remediated: [...r.remediated], unknown: [...r.unknown], inputs: [...r.inputs] };
}
