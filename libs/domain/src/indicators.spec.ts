import { describe, expect, it } from '@jest/globals';
import {
  ILO_FORCED_LABOUR_INDICATORS,
  ILO_INDICATOR_CODES,
  INDICATOR_CODES,
  PLATFORM_FINDING_CODES,
  getIndicator,
  indicatorName,
  isIloIndicatorCode,
  isIndicatorCode,
} from './indicators.js';

describe('ILO indicators of forced labour (DOMAIN.md §1.1)', () => {
  it.each([
    ['ILO-FL-01', 'Abuse of vulnerability'],
    ['ILO-FL-02', 'Deception'],
    ['ILO-FL-03', 'Restriction of movement'],
    ['ILO-FL-04', 'Isolation'],
    ['ILO-FL-05', 'Physical and sexual violence'],
    ['ILO-FL-06', 'Intimidation and threats'],
    ['ILO-FL-07', 'Retention of identity documents'],
    ['ILO-FL-08', 'Withholding of wages'],
    ['ILO-FL-09', 'Debt bondage'],
    ['ILO-FL-10', 'Abusive working and living conditions'],
    ['ILO-FL-11', 'Excessive overtime'],
  ])('%s is %s', (code, name) => {
    expect(indicatorName(code)).toBe(name);
  });

  it('has exactly 11, in booklet order', () => {
    expect(ILO_FORCED_LABOUR_INDICATORS).toHaveLength(11);
    expect(ILO_INDICATOR_CODES).toEqual(Array.from({ length: 11 }, (_, i) => `ILO-FL-${String(i + 1).padStart(2, '0')}`));
  });
});

describe('platform finding codes', () => {
  it.each([
    ['LAN-FEE', 'Recruitment fees paid by workers', ['ILO-FL-09']],
    ['LAN-VISA', 'Tied visa or employer-controlled permit', ['ILO-FL-01']],
    ['LAN-DOC', 'Retention of identity documents', ['ILO-FL-07']],
  ])('%s', (code, name, related) => {
    expect(getIndicator(code)).toMatchObject({ code, name, relatedIlo: related });
  });

  it('refer only to real ILO codes', () => {
    for (const p of PLATFORM_FINDING_CODES) for (const r of p.relatedIlo) expect(isIloIndicatorCode(r)).toBe(true);
  });

  it('are unique and well-formed', () => {
    expect(new Set(INDICATOR_CODES).size).toBe(INDICATOR_CODES.length);
    for (const c of INDICATOR_CODES) expect(c).toMatch(/^[A-Z]{2,10}-[A-Z0-9-]{1,20}$/);
  });
});

describe('isIndicatorCode', () => {
  it.each([
    ['ILO-FL-01', true],
    ['ILO-FL-11', true],
    ['LAN-FEE', true],
    ['LAN-VISA', true],
    ['LAN-DOC', true],
    ['ILO-FL-12', false],
    ['ILO-FL-00', false],
    ['ILO-FL-1', false],
    ['ilo-fl-01', false],
    ['LAN-fee', false],
    ['RBA-A1', false], // well-formed but not known: custom codes must be added to the table
    ['', false],
    [null, false],
  ])('%p -> %p', (code, expected) => {
    expect(isIndicatorCode(code)).toBe(expected);
  });

  it('distinguishes ILO codes', () => {
    expect(isIloIndicatorCode('ILO-FL-07')).toBe(true);
    expect(isIloIndicatorCode('LAN-DOC')).toBe(false);
    expect(indicatorName('NOPE')).toBeUndefined();
  });
});
