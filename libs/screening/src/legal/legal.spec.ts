import { describe, it, expect } from '@jest/globals';
import { addMonths } from './dates.js';
import { farCompliancePlan, FAR_COMPLIANCE_PLAN_THRESHOLD_USD_2025_REPORTED } from './far.js';
import { blockPeriod, selfCleaningAllowed } from './grounds.js';

const today = '2026-06-01';

describe('addMonths', () => {
  it('clamps to the end of the month', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2021-03-15', 60)).toBe('2026-03-15');
  });
});

// DOMAIN.md §7.5 item 5: EU 2014/24: max exclusion end = conviction + 5y (57(1)) or event + 3y (57(4)),
// unless the judgment sets a period. Self-cleaning is barred during a court-imposed exclusion period.
describe('Directive 2014/24/EU Art. 57(7) maximum periods', () => {
  it('57(1)(f): at most 5 years from the conviction', () => {
    const r = blockPeriod({ ground: 'eu_2014_24_art57_1_f', anchorDate: '2024-03-01', today });
    expect(r).toMatchObject({ ok: true, period: { anchorDate: '2024-03-01', startsOn: today, endsOn: '2029-02-28', maxEndsOn: '2029-02-28', courtImposed: false } });
    const tooLong = blockPeriod({ ground: 'eu_2014_24_art57_1_f', anchorDate: '2024-03-01', endsOn: '2029-03-01', today });
    expect(tooLong).toEqual({ ok: false, issues: [{ field: 'endsOn', reason: expect.stringContaining('2029-02-28') }] });
  });

  it('57(4)(a): at most 3 years from the event', () => {
    expect(blockPeriod({ ground: 'eu_2014_24_art57_4_a', anchorDate: '2025-01-10', today })).toMatchObject({ ok: true, period: { maxEndsOn: '2028-01-09', endsOn: '2028-01-09' } });
    expect(blockPeriod({ ground: 'eu_2014_24_art57_4_c', anchorDate: '2025-01-10', endsOn: '2028-01-10', today }).ok).toBe(false);
  });

  it('a period that has already run out cannot start', () => {
    const r = blockPeriod({ ground: 'eu_2014_24_art57_4_a', anchorDate: '2022-01-10', today });
    expect(r).toEqual({ ok: false, issues: [{ field: 'startsOn', reason: expect.stringContaining('ended on 2025-01-09') }] });
  });

  it('the conviction or event date is required, and cannot be in the future', () => {
    expect(blockPeriod({ ground: 'eu_2014_24_art57_1_f', today })).toEqual({ ok: false, issues: [{ field: 'anchorDate', reason: expect.stringContaining('conviction') }] });
    expect(blockPeriod({ ground: 'eu_2014_24_art57_1_f', anchorDate: '2027-01-01', today }).ok).toBe(false);
  });

  it('a period set by the judgment replaces the statutory maximum', () => {
    const r = blockPeriod({ ground: 'eu_2014_24_art57_1_f', anchorDate: '2024-03-01', judgmentPeriodEndsOn: '2031-12-31', today });
    expect(r).toMatchObject({ ok: true, period: { endsOn: '2031-12-31', maxEndsOn: '2031-12-31', courtImposed: true } });
  });

  it('self-cleaning is barred during a court-imposed exclusion period, allowed otherwise', () => {
    expect(selfCleaningAllowed({ ground: 'eu_2014_24_art57_1_f', judgmentPeriodEndsOn: '2031-12-31' }, today)).toMatchObject({ allowed: false });
    expect(selfCleaningAllowed({ ground: 'eu_2014_24_art57_1_f', judgmentPeriodEndsOn: '2026-05-31' }, today)).toMatchObject({ allowed: true });
    expect(selfCleaningAllowed({ ground: 'eu_2014_24_art57_4_a', judgmentPeriodEndsOn: null }, today)).toMatchObject({ allowed: true });
  });
});

describe('FAR grounds', () => {
  it('debarment defaults to and may not exceed 3 years from its start; suspension 12 months, at most 18', () => {
    expect(blockPeriod({ ground: 'far_52_222_50_debarment', startsOn: '2026-06-01', today })).toMatchObject({ ok: true, period: { endsOn: '2029-05-31', maxEndsOn: '2029-05-31' } });
    expect(blockPeriod({ ground: 'far_52_222_50_debarment', startsOn: '2026-06-01', endsOn: '2029-06-01', today }).ok).toBe(false);
    expect(blockPeriod({ ground: 'far_52_222_50_suspension', today })).toMatchObject({ ok: true, period: { endsOn: '2027-05-31', maxEndsOn: '2027-11-30' } });
  });

  it('a judgment period is for EU grounds only', () => {
    expect(blockPeriod({ ground: 'far_52_222_50_debarment', judgmentPeriodEndsOn: '2030-01-01', today }).ok).toBe(false);
  });
});

// DOMAIN.md §7.5 item 4: FAR: compliance-plan flag = (supplies not COTS acquired outside US or services performed
// outside US) and portion value > threshold (configurable: 550,000 in the 2021 text, 700,000 reported from Oct 2025).
describe('FAR 52.222-50(h) compliance plan', () => {
  it.each([
    [{ kind: 'supplies' as const, cots: false, outsideUs: true, valueUsd: 600_000 }, true],
    [{ kind: 'supplies' as const, cots: true, outsideUs: true, valueUsd: 5_000_000 }, false],
    [{ kind: 'supplies' as const, outsideUs: false, valueUsd: 5_000_000 }, false],
    [{ kind: 'services' as const, outsideUs: true, valueUsd: 550_001 }, true],
    [{ kind: 'services' as const, outsideUs: true, valueUsd: 550_000 }, false],
    [{ kind: 'services' as const, outsideUs: false, valueUsd: 9_000_000 }, false],
  ])('%j -> %s', (portion, required) => {
    expect(farCompliancePlan([portion]).required).toBe(required);
  });

  it('the threshold is configurable', () => {
    const p = [{ kind: 'services' as const, outsideUs: true, valueUsd: 600_000 }];
    expect(farCompliancePlan(p, FAR_COMPLIANCE_PLAN_THRESHOLD_USD_2025_REPORTED).required).toBe(false);
    expect(farCompliancePlan([...p, { kind: 'supplies', outsideUs: true, valueUsd: 800_000 }], 700_000)).toMatchObject({ required: true, portions: [1] });
  });
});
