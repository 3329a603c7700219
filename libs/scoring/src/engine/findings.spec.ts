import { describe, expect, it } from '@jest/globals';
import { INDICATOR_CODES } from '@lantern/domain';
import { METHODOLOGY_VERSION, resolveConfig } from '../config.js';
import type { FindingFacts, WorkerFacts } from '../facts.js';
import { AS_OF, RATES, aCleanWorker } from '../testing.js';
import type { ExplanationNode } from '../types.js';
import { FINDING_GROUPS, applyAuditFindings, findingRecency, scoreFindings } from './findings.js';
import { assessGroup } from './group.js';
import { inherentRisk } from './inherent-risk.js';
import { assessSupplier, propagateRecruiterRisk } from './supply-chain.js';
import { evaluateThresholds } from './thresholds.js';
import { assessWorker } from './worker.js';

const site = { type: 'site', id: 'site-1' } as const;
const prior = inherentRisk({ countryScore: 2, sectorScore: 2, goodsFlags: {} }); // 4 / 10 -> prior 28
const clean = (id: string): WorkerFacts => aCleanWorker({ interviewId: id });
const cleanSite = () => assessGroup(site, Array.from({ length: 30 }, (_, i) => assessWorker(clean(`int-${String(i).padStart(3, '0')}`), { rates: RATES, asOf: AS_OF })), prior);

const aFinding = (over: Partial<FindingFacts> = {}): FindingFacts => ({
  findingId: 'f-1',
  externalRef: 'FND-1',
  auditId: 'aud-1',
  siteId: 'site-1',
  indicatorCode: 'LAN-DOC',
  severity: 'critical',
  status: 'open',
  auditDate: '2025-05-01',
  ...over,
});

const nodes = (root: ExplanationNode, ruleId: string): ExplanationNode[] => [...(root.ruleId === ruleId ? [root] : []), ...root.children.flatMap((c) => nodes(c, ruleId))];
const child = (root: ExplanationNode, ruleId: string): ExplanationNode => root.children.find((c) => c.ruleId === ruleId)!;

describe('FIND-01 mapping of indicator codes', () => {
  it('maps every catalogued code; only the codes about the three practices reach a risk', () => {
    expect(Object.keys(FINDING_GROUPS).sort()).toEqual([...INDICATOR_CODES].sort());
    const risky = Object.entries(FINDING_GROUPS).filter(([, g]) => g !== 'other');
    expect(Object.fromEntries(risky)).toEqual({
      'ILO-FL-07': 'document_confiscation',
      'LAN-DOC': 'document_confiscation',
      'ILO-FL-09': 'recruitment_fee',
      'LAN-FEE': 'recruitment_fee',
      'LAN-VISA': 'tied_visa',
    });
    expect(FINDING_GROUPS['ILO-FL-11']).toBe('other');
    expect(FINDING_GROUPS['ILO-FL-01']).toBe('other');
  });
});

describe('FIND-01 weights', () => {
  it('sets the floor from the severity (one band below it) and the recency of the audit', () => {
    const [critical, high, medium, low] = scoreFindings(
      [
        aFinding({ findingId: 'a', severity: 'critical' }),
        aFinding({ findingId: 'b', severity: 'high' }),
        aFinding({ findingId: 'c', severity: 'medium' }),
        aFinding({ findingId: 'd', severity: 'low' }),
      ],
      AS_OF,
    );
    expect([critical!.floor, high!.floor, medium!.floor, low!.floor]).toEqual([65, 40, 0, 0]);
    expect(critical).toMatchObject({ group: 'document_confiscation', counted: true, ageDays: 60, recency: 1, indicatorName: 'Retention of identity documents' });
  });

  it('decays linearly after a year and drops audits of two years ago or more, and audits after the as-of date', () => {
    expect(findingRecency(0)).toBe(1);
    expect(findingRecency(365)).toBe(1);
    expect(findingRecency(547.5)).toBe(0.5);
    expect(findingRecency(730)).toBe(0);
    const scored = scoreFindings(
      [
        aFinding({ findingId: 'year', auditDate: '2024-06-30' }), // 365 days: full
        aFinding({ findingId: 'half', auditDate: '2023-12-31' }), // 547 days
        aFinding({ findingId: 'old', auditDate: '2023-07-01' }), // 730 days: out
        aFinding({ findingId: 'future', auditDate: '2025-07-01' }), // after the as-of date: out
        aFinding({ findingId: 'today', auditDate: '2025-06-30' }),
      ],
      AS_OF,
    );
    expect(scored.map((f) => [f.findingId, f.floor])).toEqual([
      ['today', 65],
      ['year', 65],
      ['half', 32.6],
    ]);
  });

  it('counts open and remediating findings; a closed one weighs 0 but stays listed', () => {
    const scored = scoreFindings([aFinding({ findingId: 'o' }), aFinding({ findingId: 'r', status: 'remediating' }), aFinding({ findingId: 'c', status: 'closed' })], AS_OF);
    expect(scored.map((f) => [f.findingId, f.counted, f.floor])).toEqual([
      ['o', true, 65],
      ['r', true, 65],
      ['c', false, 0],
    ]);
  });

  it('ignores codes outside the catalogue', () => {
    expect(scoreFindings([aFinding({ indicatorCode: 'RBA-A1' })], AS_OF)).toEqual([]);
  });

  it('follows the configuration: floor bands, band bounds and the decay window', () => {
    const config = resolveConfig({ bands: { high: 60 }, findings: { floorBands: { critical: 'critical', medium: 'medium' }, fullWeightDays: 30, expiryDays: 90 } });
    const scored = scoreFindings([aFinding({ findingId: 'a', auditDate: '2025-06-01' }), aFinding({ findingId: 'b', severity: 'medium', auditDate: '2025-05-01' })], AS_OF, config);
    expect(scored.map((f) => [f.findingId, f.floor])).toEqual([
      ['a', 85],
      ['b', 20], // medium band 40 x (90 - 60) / 60
    ]);
    expect(() => resolveConfig({ findings: { expiryDays: 10, fullWeightDays: 20 } })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => resolveConfig({ findings: { floorBands: { high: 'severe' as never } } })).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'findings.floorBands.high' })] }));
  });
});

describe('applyAuditFindings', () => {
  it('leaves a site without findings exactly as it was', () => {
    const before = cleanSite();
    expect(applyAuditFindings(before, [], AS_OF)).toBe(before);
    expect(applyAuditFindings(before, [aFinding({ auditDate: '2020-01-01' })], AS_OF)).toBe(before);
  });

  it('a critical open confiscation finding puts the document-confiscation score at the high band whatever the interviews say', () => {
    const before = cleanSite();
    expect(before.risks.document_confiscation.band).toBe('low');
    const after = applyAuditFindings(before, [aFinding()], AS_OF);
    expect(after.risks.document_confiscation).toMatchObject({ score: 65, band: 'high', evidenceScore: before.risks.document_confiscation.evidenceScore });
    expect(after.overall).toMatchObject({ score: 65, band: 'high' });
    expect(after.risks.recruitment_fee).toEqual(before.risks.recruitment_fee);
    expect(after.risks.tied_visa).toEqual(before.risks.tied_visa);
    expect(after.confidence).toEqual(before.confidence);
    expect(after.methodologyVersion).toBe(METHODOLOGY_VERSION);
  });

  it('never lowers a score', () => {
    const before = cleanSite();
    const after = applyAuditFindings(before, [aFinding({ severity: 'high', indicatorCode: 'LAN-VISA' })], AS_OF);
    expect(after.risks.tied_visa.score).toBe(Math.max(before.risks.tied_visa.score, 40));
    const lower = applyAuditFindings(after, [aFinding({ severity: 'high', indicatorCode: 'LAN-VISA', findingId: 'f-2' })], AS_OF);
    expect(lower.risks.tied_visa.score).toBe(after.risks.tied_visa.score);
  });

  it('other ILO indicators raise only the overall score', () => {
    const before = cleanSite();
    const after = applyAuditFindings(before, [aFinding({ indicatorCode: 'ILO-FL-11', severity: 'critical' })], AS_OF);
    expect(after.risks).toEqual(before.risks);
    expect(after.overall).toMatchObject({ score: 65, band: 'high' });
    const other = child(after.explanation, 'SCORE-OTHER');
    expect(child(other, 'AUDIT-FINDINGS').evidenceIds).toEqual(['f-1']);
  });

  it('explains each finding used: id, external ref, indicator, severity, audit date, rule and methodology version', () => {
    const after = applyAuditFindings(cleanSite(), [aFinding(), aFinding({ findingId: 'f-0', externalRef: 'FND-0', status: 'closed' })], AS_OF);
    const doc = child(after.explanation, 'SCORE-DOCUMENT-CONFISCATION');
    expect(doc.inputs).toMatchObject({ score: 65, band: 'high' });
    const group = child(doc, 'AUDIT-FINDINGS');
    expect(group.inputs).toMatchObject({ rule: 'FIND-01', methodologyVersion: METHODOLOGY_VERSION, floor: 65, after: 65 });
    expect(group.evidenceIds).toEqual(['f-0', 'f-1']);
    const [used, closed] = nodes(after.explanation, 'FIND-01');
    expect(used!.inputs).toEqual({
      findingId: 'f-1',
      externalRef: 'FND-1',
      auditId: 'aud-1',
      indicatorCode: 'LAN-DOC',
      severity: 'critical',
      status: 'open',
      auditDate: '2025-05-01',
      ageDays: 60,
      recency: 1,
      counted: true,
      floor: 65,
    });
    expect(used!.label).toContain('FND-1');
    expect(closed!.inputs).toMatchObject({ findingId: 'f-0', status: 'closed', counted: false, floor: 0 });
    // The root cites the findings used (not the closed one) first.
    expect(after.explanation.evidenceIds[0]).toBe('f-1');
    expect(after.explanation.evidenceIds).not.toContain('f-0');
    expect(after.explanation.inputs).toMatchObject({ score: 65, band: 'high' });
  });

  it('closing the finding gives back the assessment without it (scores and bands)', () => {
    const before = cleanSite();
    const closed = applyAuditFindings(before, [aFinding({ status: 'closed' })], AS_OF);
    expect(closed.risks).toEqual(before.risks);
    expect(closed.overall).toEqual(before.overall);
  });

  it('composes with recruiter propagation and the supplier roll-up', () => {
    const withFinding = applyAuditFindings(cleanSite(), [aFinding({ indicatorCode: 'ILO-FL-09', severity: 'high' })], AS_OF);
    expect(withFinding.risks.recruitment_fee.score).toBe(40);
    const recruiter = { ...cleanSite(), subject: { type: 'recruiter', id: 'rec-1' } as const, risks: { ...withFinding.risks, recruitment_fee: { ...withFinding.risks.recruitment_fee, score: 80 } } };
    const propagated = propagateRecruiterRisk(withFinding, [{ assessment: recruiter, workerShare: 0.5 }]);
    expect(propagated.risks.recruitment_fee.score).toBe(60); // 40 + 0.5 x (80 - 40)
    const supplier = assessSupplier({ type: 'supplier', id: 'sup-1' }, { sites: [applyAuditFindings(cleanSite(), [aFinding()], AS_OF)], subSuppliers: [] }, prior);
    expect(supplier.risks.document_confiscation).toEqual({ score: 65, band: 'high' });
  });

  it('cites the findings in a score block when a floor reaches the block threshold', () => {
    const config = resolveConfig({ findings: { floorBands: { critical: 'critical' } } });
    const after = applyAuditFindings(cleanSite(), [aFinding()], AS_OF, config);
    const { blocks } = evaluateThresholds(after, config.thresholds);
    expect(blocks.find((b) => b.reason.startsWith('Document-confiscation'))).toMatchObject({ ruleIds: ['FIND-01'], evidenceIds: ['f-1'] });
    expect(evaluateThresholds(cleanSite()).blocks).toEqual([]);
  });
});
