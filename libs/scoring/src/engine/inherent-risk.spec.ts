import { describe, expect, it } from '@jest/globals';
import { resolveConfig } from '../config.js';
import { inherentRisk, priorScore } from './inherent-risk.js';

describe('inherentRisk (Sedex-style country + sector + goods, capped at 10)', () => {
  it.each([
    [{ countryScore: 6, sectorScore: 4, goodsFlags: { tvpraForcedLabour: true } }, 10],
    [{ countryScore: 1, sectorScore: 1, goodsFlags: {} }, 2],
    [{ countryScore: 3, sectorScore: 2, goodsFlags: { tvpraChildLabour: true } }, 6],
    [{ countryScore: 3, sectorScore: 2, goodsFlags: { tvpraChildLabour: true, euFlrRisk: true } }, 7],
  ])('%j -> %d', (input, score) => {
    expect(inherentRisk(input).score).toBe(score);
  });

  it.each([
    ['1', 1],
    ['2', 2.67],
    ['2WL', 4.33],
    ['3', 6],
  ] as const)('TIP tier %s rescales to country score %d', (tipTier, country) => {
    expect(inherentRisk({ tipTier, sectorScore: 1, goodsFlags: {} }).country).toBe(country);
  });

  it('prefers a blended country score over the TIP tier', () => {
    expect(inherentRisk({ countryScore: 2, tipTier: '3' }).country).toBe(2);
  });

  it('assumes configurable mid-range scores for missing data, never low risk, and says so', () => {
    expect(inherentRisk({})).toEqual({ score: 6, country: 3.5, sector: 2.5, goods: 0, assumed: ['country', 'sector', 'goods'] });
    expect(inherentRisk({ tipTier: 'special' }).assumed).toContain('country');
    expect(inherentRisk({}, resolveConfig({ prior: { unknownCountryScore: 6, unknownSectorScore: 4 } })).score).toBe(10);
  });

  it('clamps out-of-range inputs', () => {
    expect(inherentRisk({ countryScore: 9, sectorScore: 0, goodsFlags: {} })).toMatchObject({ country: 6, sector: 1 });
  });

  it('maps to a prior score of at most prior.maxScore', () => {
    const config = resolveConfig();
    expect(priorScore(inherentRisk({ countryScore: 6, sectorScore: 4, goodsFlags: {} }), config)).toBe(70);
    expect(priorScore(inherentRisk({ countryScore: 1, sectorScore: 1, goodsFlags: {} }), config)).toBe(14);
  });
});
