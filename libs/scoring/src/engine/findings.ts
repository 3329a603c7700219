/**
 * Rule FIND-01 (since lantern-risk-1.1.0): site audit findings as an evidence
 * floor per risk.
 *
 * A finding is an auditor's direct observation of a practice at the site
 * ("passports held in the HR office safe"), not a prevalence among sampled
 * workers, so it does not enter the interview evidence blend. Instead each
 * finding that counts sets a floor under the score of the risk its indicator
 * is about:
 *
 *   recency r = 1 up to findings.fullWeightDays after the audit, then linear
 *               to 0 at findings.expiryDays (the finding is then left out)
 *   floor     = lower bound of findings.floorBands[severity] x r
 *               (default: critical -> high band 65, high -> medium band 40,
 *               medium and low -> no floor), 0 for a closed finding
 *   S'_risk   = max(S_risk, highest floor among the risk's findings)
 *   overall'  = max(overall, each S'_risk, highest floor of the `other` findings)
 *
 * Open and remediating findings count (remediation in progress is not
 * verified remediation); closed findings weigh 0 and stay visible, as
 * remediated interview indicators do. Audits dated after the as-of date are
 * ignored. Findings never lower a score, never change confidence (nEffective
 * counts interviews only) and a site without findings is left exactly as it was.
 */
import { ILO_INDICATOR_CODES, indicatorName } from '@lantern/domain';
import { DEFAULT_SCORING_CONFIG, METHODOLOGY_VERSION, type ScoringConfig } from '../config.js';
import type { FindingFacts } from '../facts.js';
import { INDICATOR_GROUPS, RISKS, type Band, type ExplanationNode, type IndicatorGroup, type RiskKey, type Severity } from '../types.js';
import { bandOf, round1, round4 } from './combine.js';
import { GROUP_LABELS, node, scoreNodeId, unionEvidence } from './explanation.js';
import type { GroupAssessment, GroupRiskScore } from './group.js';

export const FINDING_RULE_ID = 'FIND-01';
export const FINDING_RULE_CITATION =
  'ILO Indicators of Forced Labour (2012) [V]; Delphi D5 "confiscation of documents", "debt bondage" (S) [S]; Sedex Radar audit indicator score, amfori BSCI zero-tolerance findings, RBA VAP Priority findings [K]; DOMAIN.md §7.2-7.4 [design]';

/**
 * The indicator group of each finding code. The platform codes and the ILO
 * indicators that name one of the three practices map to that risk (DOMAIN.md
 * Appendix A: passport/ID confiscation = ILO #7; worker-paid fees leading to
 * debt = ILO #9; LAN-VISA is the tied-visa code). Every other ILO indicator is
 * `other`: like the generic interview rules (methodology §3.5) it feeds only the
 * overall score. ILO-FL-01 (abuse of vulnerability) covers far more than a tied
 * permit (poverty, language, dependence for housing), so it is not read as one.
 */
export const FINDING_GROUPS: Readonly<Record<string, IndicatorGroup>> = Object.freeze({
  ...Object.fromEntries(ILO_INDICATOR_CODES.map((code) => [code, 'other' as IndicatorGroup])),
  'ILO-FL-07': 'document_confiscation',
  'ILO-FL-09': 'recruitment_fee',
  'LAN-DOC': 'document_confiscation',
  'LAN-FEE': 'recruitment_fee',
  'LAN-VISA': 'tied_visa',
});

/** Codes whose findings are read (every catalogued code). */
export const FINDING_CODES: readonly string[] = Object.keys(FINDING_GROUPS).sort();

export interface ScoredFinding {
  readonly findingId: string;
  readonly externalRef: string;
  readonly auditId: string;
  readonly indicatorCode: string;
  readonly indicatorName: string;
  readonly group: IndicatorGroup;
  readonly severity: Severity;
  readonly status: FindingFacts['status'];
  readonly auditDate: string;
  /** Whole days from the audit date to the as-of date. */
  readonly ageDays: number;
  /** 0..1 recency weight. */
  readonly recency: number;
  /** Open or remediating: the finding counts. */
  readonly counted: boolean;
  /** The floor it sets under its group's score (0..100; 0 when closed or when its severity sets none). */
  readonly floor: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** Lower bound of a band on the 0-100 scale (low: 0). */
function bandFloor(band: Band, config: ScoringConfig): number {
  return band === 'low' ? 0 : config.bands[band];
}

/** Recency weight of a finding `ageDays` after its audit: 1, then linear down to 0 at expiryDays. */
export function findingRecency(ageDays: number, config: ScoringConfig = DEFAULT_SCORING_CONFIG): number {
  const { fullWeightDays, expiryDays } = config.findings;
  if (ageDays <= fullWeightDays) return 1;
  if (ageDays >= expiryDays) return 0;
  return (expiryDays - ageDays) / (expiryDays - fullWeightDays);
}

/**
 * The findings FIND-01 reads, scored: catalogued codes only, audits dated on
 * or before the as-of date and less than expiryDays before it. Sorted by
 * group (catalogue order), floor (highest first), then finding id.
 */
export function scoreFindings(findings: readonly FindingFacts[], asOf: string, config: ScoringConfig = DEFAULT_SCORING_CONFIG): ScoredFinding[] {
  const today = dayNumber(asOf);
  const out: ScoredFinding[] = [];
  for (const f of findings) {
    const group = FINDING_GROUPS[f.indicatorCode];
    if (group === undefined) continue;
    const ageDays = today - dayNumber(f.auditDate);
    if (!(ageDays >= 0 && ageDays < config.findings.expiryDays)) continue;
    const recency = findingRecency(ageDays, config);
    const counted = f.status !== 'closed';
    out.push({
      findingId: f.findingId,
      externalRef: f.externalRef,
      auditId: f.auditId,
      indicatorCode: f.indicatorCode,
      indicatorName: indicatorName(f.indicatorCode) ?? f.indicatorCode,
      group,
      severity: f.severity,
      status: f.status,
      auditDate: f.auditDate.slice(0, 10),
      ageDays,
      recency: round4(recency),
      counted,
      floor: counted ? round1(bandFloor(config.findings.floorBands[f.severity], config) * recency) : 0,
    });
  }
  const order = (g: IndicatorGroup): number => INDICATOR_GROUPS.indexOf(g);
  return out.sort((a, b) => order(a.group) - order(b.group) || b.floor - a.floor || (a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0));
}

/** Highest floor per indicator group (0 when none). */
export function findingFloors(scored: readonly ScoredFinding[]): Record<IndicatorGroup, number> {
  const floors = Object.fromEntries(INDICATOR_GROUPS.map((g) => [g, 0])) as Record<IndicatorGroup, number>;
  for (const f of scored) floors[f.group] = Math.max(floors[f.group], f.floor);
  return floors;
}

function findingNode(f: ScoredFinding): ExplanationNode {
  return node(
    FINDING_RULE_ID,
    `Audit finding ${f.externalRef}: ${f.indicatorCode} ${f.indicatorName} (${f.severity}, ${f.status}, audit ${f.auditDate})`,
    f.floor / 100,
    {
      findingId: f.findingId,
      externalRef: f.externalRef,
      auditId: f.auditId,
      indicatorCode: f.indicatorCode,
      severity: f.severity,
      status: f.status,
      auditDate: f.auditDate,
      ageDays: f.ageDays,
      recency: f.recency,
      counted: f.counted,
      floor: f.floor,
    },
    [f.findingId],
  );
}

function findingsNode(group: IndicatorGroup, scored: readonly ScoredFinding[], before: number, after: number, floor: number): ExplanationNode {
  const leaves = scored.filter((f) => f.group === group).map(findingNode);
  return node(
    'AUDIT-FINDINGS',
    `Audit findings (${FINDING_RULE_ID}): ${GROUP_LABELS[group]} at least the highest floor of its open or remediating findings`,
    floor / 100,
    { rule: FINDING_RULE_ID, methodologyVersion: METHODOLOGY_VERSION, citation: FINDING_RULE_CITATION, floor, before, after, findings: leaves.length },
    unionEvidence(leaves),
    leaves,
  );
}

/**
 * The site assessment with its audit findings applied (FIND-01). Apply it to
 * the assessment of the site's own evidence, before recruiter propagation.
 * With no finding to read the assessment is returned unchanged.
 */
export function applyAuditFindings(
  site: GroupAssessment,
  findings: readonly FindingFacts[],
  asOf: string,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): GroupAssessment {
  const scored = scoreFindings(findings, asOf, config);
  if (scored.length === 0) return site;
  const floors = findingFloors(scored);

  const raise = (s: GroupRiskScore, floor: number): GroupRiskScore => {
    const score = round1(Math.max(s.score, floor));
    return { ...s, score, band: bandOf(score, config) };
  };
  const risks = Object.fromEntries(RISKS.map((r) => [r, raise(site.risks[r], floors[r])])) as Record<RiskKey, GroupRiskScore>;
  const overall = raise(site.overall, Math.max(floors.other, ...RISKS.map((r) => risks[r].score)));

  const groups = new Set(scored.map((f) => f.group));
  const root = site.explanation;
  const children = root.children.map((c) => {
    const group = INDICATOR_GROUPS.find((g) => scoreNodeId(g) === c.ruleId);
    if (group === undefined || !groups.has(group)) return c;
    const before = group === 'other' ? Number(c.inputs.evidenceScore ?? 0) : site.risks[group].score;
    const after = group === 'other' ? before : risks[group].score;
    const added = findingsNode(group, scored, before, after, floors[group]);
    const kids = [...c.children, added];
    const inputs = group === 'other' ? { ...c.inputs, findingFloor: floors.other } : { ...c.inputs, score: after, band: risks[group].band };
    return { ...c, weight: group === 'other' ? c.weight : round4(after / 100), inputs, evidenceIds: unionEvidence(kids), children: kids };
  });
  const cited = [...new Set(scored.filter((f) => f.counted).map((f) => f.findingId))].sort();
  return {
    ...site,
    risks,
    overall,
    auditFindings: scored,
    explanation: {
      ...root,
      inputs: { ...root.inputs, score: overall.score, band: overall.band, findingFloor: floors.other },
      evidenceIds: [...cited, ...root.evidenceIds.filter((id) => !cited.includes(id))],
      children,
    },
  };
}
