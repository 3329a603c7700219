/**
 * Supply-chain roll-up and recruiter propagation.
 *
 * Supplier: per risk and overall, the worst of its own sites' scores and of its
 * direct sub-suppliers' scores multiplied by `supplyChain.depthDiscount` (d):
 *
 *   S_supplier = max( max over sites S_site, max over sub-suppliers d x S_sub )
 *
 * A sub-supplier's own assessment already holds its tiers below, so a tier k
 * levels down weighs d^k. Callers assess bottom-up and break cycles in the
 * supply graph. A supplier with no assessed site or sub-supplier gets its
 * inherent-risk prior with zero confidence.
 *
 * Recruiter propagation raises a site's recruitment-fee score toward the
 * recruitment-fee scores of the recruiters that placed its workers, weighted
 * by each recruiter's share of the site's workers (shares summing above 1 are
 * normalised):
 *
 *   S' = S + sum_i share_i x max(0, R_i - S)
 *
 * It never lowers a score and never exceeds the highest recruiter score.
 */
import { CLASSIFICATION_DISCLAIMER, DEFAULT_SCORING_CONFIG, METHODOLOGY_VERSION, type ScoringConfig } from '../config.js';
import { RISKS, type Confidence, type ExplanationNode, type RiskKey, type RiskScore } from '../types.js';
import { clamp01, confidence, riskScore, round1 } from './combine.js';
import { GROUP_LABELS, node, scoreNodeId, unionEvidence } from './explanation.js';
import type { GroupAssessment, GroupSubject } from './group.js';
import { priorScore, type InherentRisk } from './inherent-risk.js';

/** What the roll-up reads from a site, recruiter or supplier assessment. */
export interface ScoredAssessment {
  readonly subject: GroupSubject;
  readonly risks: Readonly<Record<RiskKey, RiskScore>>;
  readonly overall: RiskScore;
  readonly confidence: Confidence;
  readonly explanation: ExplanationNode;
}

export interface SupplierContributor {
  readonly subject: GroupSubject;
  readonly relation: 'site' | 'sub_supplier';
  readonly discount: number;
  /** The contributor's overall score after the discount. */
  readonly overall: number;
}

export interface SupplierAssessment extends ScoredAssessment {
  readonly kind: 'supplier';
  readonly methodologyVersion: string;
  readonly contributors: readonly SupplierContributor[];
  readonly prior: InherentRisk;
  readonly disclaimer: string;
}

export interface SupplierInputs {
  readonly sites: readonly ScoredAssessment[];
  readonly subSuppliers: readonly ScoredAssessment[];
}

export function assessSupplier(
  subject: GroupSubject,
  inputs: SupplierInputs,
  prior: InherentRisk,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): SupplierAssessment {
  const d = config.supplyChain.depthDiscount;
  const parts = [
    ...inputs.sites.map((a) => ({ a, relation: 'site' as const, discount: 1 })),
    ...inputs.subSuppliers.map((a) => ({ a, relation: 'sub_supplier' as const, discount: d })),
  ];
  const fallback = priorScore(prior, config);
  const worst = (pick: (a: ScoredAssessment) => number): number =>
    parts.length === 0 ? fallback : Math.max(...parts.map((p) => p.discount * pick(p.a)));

  const risks = Object.fromEntries(RISKS.map((r) => [r, riskScore(worst((a) => a.risks[r].score), config)])) as Record<RiskKey, RiskScore>;
  const overall = riskScore(worst((a) => a.overall.score), config);
  const nEffective = parts.reduce((s, p) => s + p.discount * p.a.confidence.nEffective, 0);
  const k = config.prior.weight;
  const contributors = parts.map((p) => ({ subject: p.a.subject, relation: p.relation, discount: p.discount, overall: riskScore(p.discount * p.a.overall.score, config).score }));

  const children =
    parts.length === 0
      ? [node('PRIOR-INHERENT', 'No assessed site or sub-supplier: inherent risk as a prior', 1, { inherent: prior.score, priorScore: overall.score })]
      : parts.map((p) =>
          node(
            'SUPPLY-CHAIN',
            `${p.relation === 'site' ? 'Own site' : 'Sub-supplier'} ${p.a.subject.id}`,
            p.discount,
            { relation: p.relation, subjectType: p.a.subject.type, subjectId: p.a.subject.id, discount: p.discount, overall: p.a.overall.score },
            p.a.explanation.evidenceIds,
          ),
        );
  return {
    kind: 'supplier',
    methodologyVersion: METHODOLOGY_VERSION,
    subject,
    risks,
    overall,
    contributors,
    confidence: confidence(nEffective + k === 0 ? 0 : nEffective / (nEffective + k), nEffective, config),
    prior,
    explanation: node(
      scoreNodeId('overall'),
      `${GROUP_LABELS.overall}: worst of own sites and sub-suppliers (depth discount ${d} per tier)`,
      1,
      { score: overall.score, band: overall.band, depthDiscount: d, contributors: parts.length },
      unionEvidence(children, config.prevalence.evidenceSampleSize),
      children,
    ),
    disclaimer: CLASSIFICATION_DISCLAIMER,
  };
}

export interface RecruiterShare {
  readonly assessment: ScoredAssessment;
  /** Share of the site's workers this recruiter placed, 0..1. */
  readonly workerShare: number;
}

export function propagateRecruiterRisk(
  site: GroupAssessment,
  recruiters: readonly RecruiterShare[],
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): GroupAssessment {
  const shares = recruiters.map((r) => clamp01(r.workerShare));
  const total = shares.reduce((a, b) => a + b, 0);
  const scale = total > 1 ? 1 / total : 1;
  const own = site.risks.recruitment_fee;
  const raises = recruiters.map((r, i) => shares[i]! * scale * Math.max(0, r.assessment.risks.recruitment_fee.score - own.score));
  const fee = riskScore(own.score + raises.reduce((a, b) => a + b, 0), config);
  const overall = riskScore(Math.max(site.overall.score, fee.score), config);

  const propagation = node(
    'RECRUITER-PROPAGATION',
    "Recruiters' recruitment-fee risk, weighted by their share of the site's workers",
    fee.score - own.score,
    { before: own.score, after: fee.score },
    unionEvidence(recruiters.map((r) => r.assessment.explanation), config.prevalence.evidenceSampleSize),
    recruiters.map((r, i) =>
      node(
        'RECRUITER-PROPAGATION',
        `Recruiter ${r.assessment.subject.id}`,
        shares[i]! * scale,
        { recruiterId: r.assessment.subject.id, workerShare: shares[i]!, recruiterScore: r.assessment.risks.recruitment_fee.score, raise: round1(raises[i]!) },
        r.assessment.explanation.evidenceIds,
      ),
    ),
  );
  const feeNodeId = scoreNodeId('recruitment_fee');
  const root = site.explanation;
  const children = root.children.map((c) =>
    c.ruleId === feeNodeId ? { ...c, weight: fee.score / 100, inputs: { ...c.inputs, score: fee.score, band: fee.band }, children: [...c.children, propagation] } : c,
  );
  return {
    ...site,
    risks: { ...site.risks, recruitment_fee: { ...own, ...fee } },
    overall: { ...site.overall, ...overall },
    explanation: { ...root, inputs: { ...root.inputs, score: overall.score, band: overall.band }, children },
  };
}
