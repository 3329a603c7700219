import type { Decision, DecisionResult, PartyDecision, PartyRef, RuleRef, ScreeningMatch, Thresholds } from './types.js';

/**
 * Thresholds on the Soft TF-IDF name score, chosen on the labelled evaluation
 * set (test/fixtures/screening/name-pairs.jsonl; docs/screening.md has the
 * precision and recall at each).
 */
export const DEFAULT_THRESHOLDS: Thresholds = { review: 0.8, strong: 0.92 };

/** Supplier risk bands (from the scoring pipeline) that send a bid to review. */
export const HIGH_RISK_BANDS: ReadonlySet<string> = new Set(['high', 'very_high', 'critical']);

/**
 * The rules, most severe first. The first that fires for a party decides its
 * outcome; the bid's outcome is the most severe party outcome, and the bid's
 * deciding rule is that party's.
 */
export const RULES = {
  identifierExcluded: {
    id: 'identifier-excluded',
    decision: 'blocked',
    description: 'An identifier of the party equals that of an in-force exclusion (list entry or active block)',
  },
  nameExcluded: {
    id: 'name-excluded',
    decision: 'blocked',
    description: 'The name matches an in-force exclusion strongly (score at or above the strong threshold) and the countries do not conflict',
  },
  possibleExclusion: {
    id: 'possible-exclusion',
    decision: 'review',
    description: 'The name may match an in-force exclusion (score between the review and strong thresholds, or a strong match whose country conflicts)',
  },
  reviewList: {
    id: 'review-list',
    decision: 'review',
    description: 'The party matches an in-force entry of a list whose hits are reviewed rather than blocking (e.g. World Bank cross-debarment)',
  },
  blockPending: {
    id: 'block-pending',
    decision: 'review',
    description: 'The party matches a proposed or suspended block',
  },
  highRiskSupplier: {
    id: 'high-risk-supplier',
    decision: 'review',
    description: 'The party matches one of your suppliers with a high-risk assessment or an open block recommendation',
  },
  noMatch: {
    id: 'no-exclusion-match',
    decision: 'clear',
    description: 'No in-force exclusion, pending block or high-risk assessment matches the party',
  },
} as const satisfies Record<string, RuleRef & { decision: Decision }>;

type RuleKey = keyof typeof RULES;
const SEVERITY: Record<Decision, number> = { clear: 0, review: 1, blocked: 2 };

function describeParty(p: PartyRef): string {
  return p.role === 'bidder' ? `Bidder "${p.name}"` : `${p.role === 'subcontractor' ? 'Subcontractor' : 'Recruiter'} #${p.index + 1} "${p.name}"`;
}

function describeRecord(m: ScreeningMatch): string {
  const r = m.record;
  switch (m.source) {
    case 'exclusion_list':
      return `"${r.name}" on ${r.list?.name ?? 'an exclusion list'}${r.program ? `, ${r.program}` : ''}${r.endsOn ? `, until ${r.endsOn}` : ', no end date'}`;
    case 'block':
      return `${r.block?.upcoming ? 'upcoming' : (r.block?.status ?? '')} block of "${r.name}" under ${r.block?.ground ?? 'a legal ground'}${r.block?.upcoming && r.startsOn ? ` from ${r.startsOn}` : ''}${r.endsOn ? ` until ${r.endsOn}` : ''}${r.block?.scope === 'jurisdiction' && !r.block.ownedByYou ? ` (published in ${r.block.jurisdiction})` : ''}`;
    case 'supplier':
      return `your ${r.supplier?.kind ?? 'supplier'} "${r.name}" (${r.supplier?.externalRef ?? r.id})`;
  }
}

function how(m: ScreeningMatch): string {
  if (m.strength === 'identifier') return `identifier ${m.evidence.identifiers?.map((i) => `${i.scheme} ${i.value}`).join(', ')}`;
  const via = m.record.matchedNameKind === 'primary' ? 'name' : `${m.record.matchedNameKind} name "${m.record.matchedName}"`;
  return `${via}, score ${m.score.toFixed(2)}${m.evidence.country === 'conflicts' ? ', country differs' : m.evidence.country === 'agrees' ? ', same country' : ''}`;
}

/** Which rule a single match fires (null: informational only). */
function ruleOf(m: ScreeningMatch): RuleKey | null {
  const r = m.record;
  if (m.source === 'exclusion_list') {
    if (!r.inForce) return null;
    if (r.list?.effect === 'review') return 'reviewList';
    if (m.strength === 'identifier') return 'identifierExcluded';
    if (m.strength === 'strong' && m.evidence.country !== 'conflicts') return 'nameExcluded';
    return 'possibleExclusion';
  }
  if (m.source === 'block') {
    const status = r.block?.status;
    if (status === 'active' && r.inForce) {
      if (m.strength === 'identifier') return 'identifierExcluded';
      if (m.strength === 'strong' && m.evidence.country !== 'conflicts') return 'nameExcluded';
      return 'possibleExclusion';
    }
    if (status === 'proposed' || status === 'suspended' || r.block?.upcoming === true) return 'blockPending';
    return null;
  }
  const s = r.supplier;
  if (s && ((s.riskBand !== null && HIGH_RISK_BANDS.has(s.riskBand)) || s.openRecommendations > 0)) return 'highRiskSupplier';
  return null;
}

const ORDER: RuleKey[] = ['identifierExcluded', 'nameExcluded', 'possibleExclusion', 'reviewList', 'blockPending', 'highRiskSupplier'];

function reasonFor(rule: RuleKey, m: ScreeningMatch): string {
  const who = describeParty(m.party);
  const what = describeRecord(m);
  switch (rule) {
    case 'identifierExcluded':
    case 'nameExcluded': {
      const flow =
        m.party.role === 'bidder'
          ? ''
          : m.party.role === 'subcontractor'
            ? ' The subcontractor must be replaced before award (Directive 2014/24/EU Art. 71(6)(b); FAR 9.405-2, 52.222-50(i) flow-down).'
            : ' The recruiter may not be used (FAR 52.222-50(b)(5)(ii), (i) flow-down; ILO General Principles for Fair Recruitment).';
      return `${who} is excluded: ${what}; matched by ${how(m)}.${flow}`;
    }
    case 'possibleExclusion':
      return `${who} may be excluded: possible match with ${what}; matched by ${how(m)}. An officer must confirm or dismiss it.`;
    case 'reviewList':
      return `${who} matches ${what}; matched by ${how(m)}. Hits on this list are reviewed, not blocking.`;
    case 'blockPending':
      return `${who} matches a ${what}; matched by ${how(m)}.`;
    case 'highRiskSupplier': {
      const s = m.record.supplier!;
      const parts = [s.riskBand && HIGH_RISK_BANDS.has(s.riskBand) ? `risk band ${s.riskBand}${s.assessedAt ? ` (assessed ${s.assessedAt})` : ''}` : null, s.openRecommendations > 0 ? `${s.openRecommendations} open block recommendation(s)` : null].filter(Boolean);
      return `${who} is ${what} with ${parts.join(' and ')} (matched by ${how(m)}).`;
    }
    case 'noMatch':
      return `${who}: no match.`;
  }
}

/**
 * Decide a screening from its (hydrated, not suppressed) matches. Matches that
 * fire no rule (ended exclusions, lifted blocks, low-risk suppliers) are
 * reported as information.
 */
export function decide(parties: readonly PartyRef[], matches: readonly ScreeningMatch[]): DecisionResult {
  const reasons: string[] = [];
  const partyDecisions: PartyDecision[] = [];
  for (const party of parties) {
    const mine = matches.filter((m) => m.party.role === party.role && m.party.index === party.index);
    const fired = new Map<RuleKey, ScreeningMatch[]>();
    for (const m of mine) {
      const rule = ruleOf(m);
      if (rule !== null) fired.set(rule, [...(fired.get(rule) ?? []), m]);
    }
    const top = ORDER.find((k) => fired.has(k)) ?? 'noMatch';
    for (const k of ORDER) for (const m of fired.get(k) ?? []) reasons.push(reasonFor(k, m));
    for (const m of mine) {
      if (ruleOf(m) !== null) continue;
      if (m.source === 'exclusion_list') reasons.push(`${describeParty(party)} matches ${describeRecord(m)}, not in force today (informational); matched by ${how(m)}.`);
      else if (m.source === 'block') reasons.push(`${describeParty(party)} matches a ${describeRecord(m)} (informational); matched by ${how(m)}.`);
    }
    const rule = RULES[top];
    partyDecisions.push({ party, decision: rule.decision, rule: { id: rule.id, description: rule.description } });
  }
  let worst = partyDecisions[0];
  for (const p of partyDecisions) if (worst === undefined || SEVERITY[p.decision] > SEVERITY[worst.decision]) worst = p;
  const decision = worst?.decision ?? 'clear';
  const rule = worst?.rule ?? { id: RULES.noMatch.id, description: RULES.noMatch.description };
  if (decision === 'clear') reasons.unshift(`No in-force exclusion, pending block or high-risk assessment matches any of the ${parties.length} screened part${parties.length === 1 ? 'y' : 'ies'}.`);
  return { decision, rule, reasons, parties: partyDecisions };
}
