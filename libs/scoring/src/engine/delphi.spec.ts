import { describe, expect, it } from '@jest/globals';
import type { DelphiDimension, IndicatorStrength } from '@lantern/domain';
import type { Classification, DelphiHit } from '../types.js';
import { classify, dimensionCombination, type ClassifyOptions } from './delphi.js';

describe('Delphi step 1: is a dimension positive (DOMAIN.md §7.5 item 1)', () => {
  const cases: [IndicatorStrength[], boolean][] = [
    [['S'], false],
    [['S', 'W'], true],
    [['M', 'M'], false],
    [['M', 'M', 'W'], true],
    [['M', 'M', 'M'], true],
    [['M', 'W', 'W', 'W'], false],
    [['S', 'S'], true],
  ];
  it.each(cases)('{%j} is positive: %s', (strengths, positive) => {
    expect(dimensionCombination(strengths) !== null).toBe(positive);
  });

  it.each([
    [['S', 'S'], 'a'],
    [['S', 'M'], 'b'],
    [['S', 'W'], 'b'],
    [['M', 'M', 'M'], 'c'],
    [['M', 'M', 'W'], 'd'],
    [['W', 'W', 'W', 'W'], null],
    [[], null],
  ] as [IndicatorStrength[], string | null][])('{%j} is combination %s', (strengths, combination) => {
    expect(dimensionCombination(strengths)).toBe(combination);
  });
});

/** Hits that make `dimensions` positive (two strong indicators each). */
function positive(...dimensions: DelphiDimension[]): DelphiHit[] {
  return dimensions.flatMap((dimension) => [
    { dimension, indicator: `${dimension} strong one`, strength: 'S' as const, source: 'test' },
    { dimension, indicator: `${dimension} strong two`, strength: 'S' as const, source: 'test' },
  ]);
}

const adult: ClassifyOptions = { child: false, recruitedByIntermediary: false, strictMode: false };

describe('Delphi step 2: label ladder (adults)', () => {
  const cases: [DelphiDimension[], Classification][] = [
    [[], 'none'],
    [['D1', 'D5'], 'none'],
    [['D4'], 'exploited'],
    [['D1', 'D4'], 'deceived_and_exploited'],
    [['D3', 'D4'], 'deceived_and_exploited'],
    [['D4', 'D5'], 'forced_labour'],
    [['D4', 'D6'], 'forced_labour'],
    [['D1', 'D4', 'D5'], 'trafficking'],
    [['D2', 'D4', 'D6'], 'trafficking'],
    [['D3', 'D4', 'D5'], 'trafficking'],
  ];
  it.each(cases)('positive %j -> %s', (dims, label) => {
    expect(classify(positive(...dims), adult).label).toBe(label);
  });

  it('adult trafficking needs a recruitment dimension, D4 and a destination dimension', () => {
    expect(classify(positive('D1', 'D5'), adult).label).not.toBe('trafficking');
    expect(classify(positive('D1', 'D4'), adult).label).not.toBe('trafficking');
    expect(classify(positive('D4', 'D5'), adult).label).not.toBe('trafficking');
    expect(classify(positive('D1', 'D4', 'D5'), adult).label).toBe('trafficking');
  });

  it('counts each (dimension, indicator) once, however many sources evidence it', () => {
    const hits: DelphiHit[] = [
      { dimension: 'D4', indicator: 'excessive working days or hours', strength: 'S', source: 'answers.excessive_hours' },
      { dimension: 'D4', indicator: 'excessive working days or hours', strength: 'S', source: 'answers.no_rest_days' },
    ];
    const result = classify(hits, adult);
    expect(result.dimensions.D4.positive).toBe(false);
    expect(result.dimensions.D4.indicators).toEqual([
      { indicator: 'excessive working days or hours', strength: 'S', sources: ['answers.excessive_hours', 'answers.no_rest_days'] },
    ]);
  });

  it('an indicator counts only within its own dimension', () => {
    const hits: DelphiHit[] = [
      { dimension: 'D2', indicator: 'confiscation of documents', strength: 'M', source: 'a' },
      { dimension: 'D5', indicator: 'confiscation of documents', strength: 'S', source: 'b' },
    ];
    const result = classify(hits, adult);
    expect(result.dimensions.D2.positive).toBe(false);
    expect(result.dimensions.D5.positive).toBe(false);
  });
});

describe('Delphi child rule (Palermo Art. 3(c))', () => {
  const child: ClassifyOptions = { child: true, recruitedByIntermediary: false, strictMode: false };

  it('a recruitment dimension plus D4 is trafficking for a child, not for an adult', () => {
    expect(classify(positive('D3', 'D4'), child).label).toBe('trafficking');
    expect(classify(positive('D3', 'D4'), adult).label).toBe('deceived_and_exploited');
  });

  it('the act of recruitment by an intermediary stands in for the recruitment dimension', () => {
    expect(classify(positive('D4'), { ...child, recruitedByIntermediary: true }).label).toBe('trafficking');
    expect(classify(positive('D4'), child).label).toBe('exploited');
  });

  it('still needs D4', () => {
    expect(classify(positive('D1', 'D5'), { ...child, recruitedByIntermediary: true }).label).toBe('none');
  });
});

describe('Delphi strictMode', () => {
  const strict: ClassifyOptions = { child: false, recruitedByIntermediary: false, strictMode: true };

  it('does not accept abuse of vulnerability (D3, D6) as the means', () => {
    expect(classify(positive('D3', 'D4', 'D5'), strict).label).toBe('forced_labour');
    expect(classify(positive('D1', 'D4', 'D6'), strict).label).toBe('deceived_and_exploited');
    expect(classify(positive('D4', 'D6'), strict).label).toBe('exploited');
  });

  it('accepts deception and coercion', () => {
    expect(classify(positive('D1', 'D4', 'D5'), strict).label).toBe('trafficking');
    expect(classify(positive('D2', 'D4', 'D5'), strict).label).toBe('trafficking');
  });

  it('labels the result as an indicator-based classification', () => {
    const result = classify([], strict);
    expect(result.strictMode).toBe(true);
    expect(result.basis).toMatch(/not a legal determination/);
  });
});
