import { describe, it, expect } from '@jest/globals';
import { decide } from './decide.js';
import type { PartyRef, ScreeningMatch } from './types.js';

const bidder: PartyRef = { role: 'bidder', index: 0, name: 'Korvelin Textiles Ltd' };
const sub: PartyRef = { role: 'subcontractor', index: 0, name: 'Dravemont Apparel' };
const recruiter: PartyRef = { role: 'recruiter', index: 0, name: 'Pelmorath Recruitment' };

function listMatch(party: PartyRef, over: Partial<ScreeningMatch> & { inForce?: boolean; effect?: 'exclude' | 'review' } = {}): ScreeningMatch {
  const { inForce = true, effect = 'exclude', ...rest } = over;
  return {
    party,
    source: 'exclusion_list',
    record: {
      key: 'list:l1:x',
      id: '1',
      name: 'KORVELIN TEXTILES CO. LTD.',
      matchedName: 'KORVELIN TEXTILES CO. LTD.',
      matchedNameKind: 'primary',
      countries: ['CN'],
      identifiers: [],
      contentHash: 'h',
      inForce,
      list: { id: 'l1', name: 'SAM.gov exclusions', format: 'sam_exclusions', effect, snapshotId: 's1', version: 1, sourceDate: null },
      program: 'Reciprocal',
      endsOn: null,
    },
    score: 0.97,
    strength: 'strong',
    fieldsMatched: ['name'],
    evidence: { country: 'agrees' },
    ...rest,
  };
}

describe('decide', () => {
  it('clear when nothing matches', () => {
    const r = decide([bidder], []);
    expect(r).toMatchObject({ decision: 'clear', rule: { id: 'no-exclusion-match' } });
    expect(r.reasons[0]).toContain('No in-force exclusion');
  });

  it('blocked on a strong name match to an in-force exclusion', () => {
    expect(decide([bidder], [listMatch(bidder)])).toMatchObject({ decision: 'blocked', rule: { id: 'name-excluded' } });
  });

  it('blocked on an identifier match whatever the name score', () => {
    const m = listMatch(bidder, { strength: 'identifier', score: 1, evidence: { identifiers: [{ scheme: 'uei', value: 'X' }], country: 'unknown' } });
    expect(decide([bidder], [m])).toMatchObject({ decision: 'blocked', rule: { id: 'identifier-excluded' } });
  });

  it('review when the strong match conflicts on country, or is only possible', () => {
    expect(decide([bidder], [listMatch(bidder, { evidence: { country: 'conflicts' } })])).toMatchObject({ decision: 'review', rule: { id: 'possible-exclusion' } });
    expect(decide([bidder], [listMatch(bidder, { strength: 'possible', score: 0.84 })])).toMatchObject({ decision: 'review', rule: { id: 'possible-exclusion' } });
  });

  it('review for lists whose hits are reviewed; an ended exclusion is information only', () => {
    expect(decide([bidder], [listMatch(bidder, { effect: 'review' })])).toMatchObject({ decision: 'review', rule: { id: 'review-list' } });
    const ended = decide([bidder], [listMatch(bidder, { inForce: false })]);
    expect(ended.decision).toBe('clear');
    expect(ended.reasons.join(' ')).toContain('not in force today');
  });

  it('a subcontractor or recruiter on an exclusion blocks the bid and says why', () => {
    const r = decide([bidder, sub], [listMatch(sub)]);
    expect(r).toMatchObject({ decision: 'blocked', rule: { id: 'name-excluded' } });
    expect(r.parties.map((p) => p.decision)).toEqual(['clear', 'blocked']);
    expect(r.reasons.join(' ')).toContain('Art. 71(6)(b)');
    expect(decide([bidder, recruiter], [listMatch(recruiter)]).reasons.join(' ')).toContain('52.222-50(b)(5)(ii)');
  });

  it('blocks: active blocks exclude, proposed, suspended and upcoming ones send to review, lifted ones inform', () => {
    const block = (status: 'active' | 'proposed' | 'suspended' | 'lifted', inForce: boolean, upcoming = false): ScreeningMatch => ({
      ...listMatch(bidder),
      source: 'block',
      record: {
        ...listMatch(bidder).record,
        key: 'block:b1',
        inForce,
        list: undefined,
        block: { status, ground: 'far_52_222_50_debarment', scope: 'jurisdiction', jurisdiction: 'AU', ownedByYou: false, supplierId: null, upcoming },
      },
    });
    expect(decide([bidder], [block('active', true)]).decision).toBe('blocked');
    expect(decide([bidder], [block('proposed', false)])).toMatchObject({ decision: 'review', rule: { id: 'block-pending' } });
    expect(decide([bidder], [block('suspended', false)]).decision).toBe('review');
    expect(decide([bidder], [block('active', false, true)]).decision).toBe('review');
    expect(decide([bidder], [block('lifted', false)]).decision).toBe('clear');
  });

  it('a matched supplier with a high-risk assessment or an open block recommendation sends to review', () => {
    const supplier = (riskBand: string | null, openRecommendations: number): ScreeningMatch => ({
      ...listMatch(bidder),
      source: 'supplier',
      record: { ...listMatch(bidder).record, key: 'supplier:s1', inForce: false, list: undefined, supplier: { externalRef: 'SUP-1', riskBand, assessedAt: '2026-01-01', openRecommendations } },
    });
    expect(decide([bidder], [supplier('high', 0)])).toMatchObject({ decision: 'review', rule: { id: 'high-risk-supplier' } });
    expect(decide([bidder], [supplier('low', 1)]).decision).toBe('review');
    expect(decide([bidder], [supplier('low', 0)]).decision).toBe('clear');
  });

  it('the most severe party decides the bid', () => {
    const r = decide([bidder, sub], [listMatch(bidder, { strength: 'possible', score: 0.85 }), listMatch(sub)]);
    expect(r.decision).toBe('blocked');
    expect(r.parties.map((p) => p.rule.id)).toEqual(['possible-exclusion', 'name-excluded']);
  });
});
