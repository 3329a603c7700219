import type { FindingInput, ReportInput } from '@lantern/reports';

/** A deterministic supplier dossier large enough for about 20 A4 pages (sites, audits, findings, evidence, assessments). */
export function largeDossierInput(scale = 1): ReportInput {
  const id = (p: number, n: number) => `00000000-0000-4000-8000-${String(p).padStart(4, '0')}${String(n).padStart(8, '0')}`;
  const supplierId = id(1, 1);
  const sites = Array.from({ length: 12 }, (_, i) => ({ id: id(2, i), supplierId, externalRef: `SITE-${i}`, name: `Plant ${i} ${['Chattogram', 'Gazipur', 'Ньюкасл', 'القاهرة', 'मुंबई', '深圳'][i % 6]}`, country: ['BD', 'BD', 'RU', 'EG', 'IN', 'CN'][i % 6]!, sector: 'apparel', headcount: 300 + i * 50, migrantWorkerShare: 0.2 + (i % 5) / 10 }));
  const audits = Array.from({ length: Math.round(40 * scale) }, (_, i) => ({ id: id(3, i), externalRef: `AUD-${String(i).padStart(4, '0')}`, siteId: sites[i % sites.length]!.id, type: ['announced', 'unannounced', 'worker_voice'][i % 3]!, conductedAt: new Date(Date.UTC(2025, i % 12, 1 + (i % 27), 9)).toISOString(), auditFirm: 'Northgate Assurance', standard: 'SMETA 7.0' }));
  const findings: FindingInput[] = Array.from({ length: Math.round(170 * scale) }, (_, i) => ({
    id: id(4, i),
    externalRef: `FND-${String(i).padStart(5, '0')}`,
    auditId: audits[i % audits.length]!.id,
    indicatorCode: `ILO-FL-${String(1 + (i % 11)).padStart(2, '0')}`,
    severity: (['low', 'medium', 'high', 'critical'] as const)[i % 4],
    status: (['open', 'remediating', 'closed'] as const)[i % 3],
    description: `Observation ${i}: workers reported ${['recruitment fees repaid through deductions', 'passports kept by the dormitory operator', 'contracts substituted on arrival', 'overtime beyond legal limits'][i % 4]} at the site.`,
    evidence: [{ kind: 'observation', reference: `photo-${i}` }, { kind: 'document', reference: `doc-${i}` }],
  }));
  return {
    type: 'supplier_dossier',
    organization: { id: id(0, 1), name: 'Benchmark Retail plc', jurisdiction: 'GB', kind: 'company' },
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    supplierId,
    options: {},
    dataAsOf: '2025-12-31T00:00:00.000Z',
    methodologyVersion: 'lantern-risk-1.0.0',
    suppliers: [{ id: supplierId, externalRef: 'SUP-1', name: 'Harbour Textiles Ltd', country: 'BD', sector: 'apparel', tier: 1, parentId: null }],
    sites,
    recruiters: Array.from({ length: 8 }, (_, i) => ({ id: id(5, i), externalRef: `REC-${i}`, name: `Agency ${i}`, country: 'NP', licenceStatus: 'valid', siteIds: [sites[i]!.id], workersPlaced: 20 + i })),
    audits,
    findings,
    interviews: sites.map((s, i) => ({ siteId: s.id, workers: 4 + i * 3, paidRecruitmentFees: i * 2, passportHeldByOther: i, visaTiedToEmployer: i * 2, contractNotInOwnLanguage: i })),
    assessments: {
      available: true,
      rows: sites.map((s, i) => ({ subjectType: 'site' as const, subjectId: s.id, name: s.name, country: s.country, sector: 'apparel', overall: 20 + i * 6, band: (['low', 'medium', 'high', 'critical'] as const)[i % 4], recruitmentFee: 40, tiedVisa: 30, documentConfiscation: 20, confidence: 'medium', sampleSize: 4 + i * 3, methodologyVersion: 'lantern-risk-1.0.0', asOf: '2025-12-31', assessedAt: '2025-12-31T00:00:00.000Z', explanation: ['SCORE-OVERALL: site score', '  FEE-01: recruitment fee (weight 0.4)', '  DOC-01: documents held (weight 0.3)'] })),
    },
    remediation: { available: true, rows: { items: [], records: { total: 10, verified: 6, byKind: { fee_repayment: 10 } } } },
    blocks: { available: true, rows: [] },
  };
}
