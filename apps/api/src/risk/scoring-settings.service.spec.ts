import { describe, expect, it } from '@jest/globals';
import { overrideIssues } from './scoring-settings.service.js';

describe('overrideIssues', () => {
  it('accepts overrides shaped like the configuration', () => {
    expect(
      overrideIssues({
        ruleWeights: { 'VISA-01': 0.4 },
        prevalence: { saturation: 0.25 },
        delphi: { strictMode: true },
        thresholds: { blockAtScore: { overall: 70 }, zeroToleranceRules: ['DOC-01', 'FEE-04'], blockOnClassifications: ['trafficking'] },
        documents: { exemptHolders: ['government', 'employer'] },
      }),
    ).toEqual([]);
  });

  it('names every unknown key, wrong type and unknown list value', () => {
    expect(
      overrideIssues({
        nonsense: 1,
        ruleWeights: { 'NOT-A-RULE': 0.1, 'FEE-01': 'high' },
        prevalence: { saturation: '0.2', extra: 1 },
        delphi: { strictMode: 'yes' },
        thresholds: { zeroToleranceRules: ['DOC-01', 'NOPE'], blockOnClassifications: 'forced_labour' },
        documents: { exemptHolders: ['landlord'] },
        bands: 5,
      }).map((i) => i.field),
    ).toEqual([
      'nonsense',
      'ruleWeights.NOT-A-RULE',
      'ruleWeights.FEE-01',
      'prevalence.saturation',
      'prevalence.extra',
      'delphi.strictMode',
      'thresholds.zeroToleranceRules',
      'thresholds.blockOnClassifications',
      'documents.exemptHolders',
      'bands',
    ]);
  });
});
