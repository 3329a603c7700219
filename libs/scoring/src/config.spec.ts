import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SCORING_CONFIG, METHODOLOGY_VERSION, resolveConfig } from './config.js';

describe('configuration', () => {
  it('has a methodology version', () => {
    expect(METHODOLOGY_VERSION).toMatch(/^lantern-risk-\d+\.\d+\.\d+$/);
  });

  it('merges overrides deeply and leaves the defaults untouched', () => {
    const config = resolveConfig({ delphi: { strictMode: true }, ruleWeights: { 'VISA-01': 0.5 } });
    expect(config.delphi).toEqual({ strictMode: true, childAge: 18 });
    expect(config.ruleWeights).toEqual({ 'VISA-01': 0.5 });
    expect(DEFAULT_SCORING_CONFIG.delphi.strictMode).toBe(false);
    expect(Object.isFrozen(config.delphi)).toBe(true);
  });

  it('replaces arrays rather than merging them', () => {
    expect(resolveConfig({ thresholds: { zeroToleranceRules: ['FEE-01'] } }).thresholds.zeroToleranceRules).toEqual(['FEE-01']);
  });

  it.each([
    [{ bands: { high: 30 } }, 'bands'],
    [{ severityWeights: { high: 1.5 } }, 'severityWeights.high'],
    [{ supplyChain: { depthDiscount: -0.1 } }, 'supplyChain.depthDiscount'],
    [{ prevalence: { saturation: 0 } }, 'prevalence.saturation'],
    [{ fees: { severityMonths: { high: 4 } } }, 'fees.severityMonths'],
  ])('rejects %j naming %s', (override, field) => {
    expect(() => resolveConfig(override)).toThrow(expect.objectContaining({ code: 'validation_failed', details: [expect.objectContaining({ field })] }));
  });
});
