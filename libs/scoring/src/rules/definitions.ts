/**
 * The rule catalogue: every rule id the engine can fire, its group, default
 * severity, remediation kind and sources. Source tags follow DOMAIN.md:
 * V checked against the primary text, S against a reputable secondary source,
 * K background knowledge to verify against the primary text, design = Lantern's
 * own design choice (DOMAIN.md §7.4). docs/methodology.md lists the same rules.
 *
 * Rule ids are persisted in assessments: never rename or renumber one.
 */
import { DomainError, INTERVIEW_QUESTIONS, indicatorName, type InterviewQuestion, type InterviewQuestionKey } from '@lantern/domain';
import type { IndicatorGroup, RemediationKind, Severity } from '../types.js';

export type SourceTag = 'V' | 'S' | 'K' | 'design';

export interface SourceRef {
  readonly ref: string;
  readonly tag: SourceTag;
}

export interface RuleDefinition {
  readonly id: string;
  readonly group: IndicatorGroup;
  readonly label: string;
  /** Default severity; FEE-01 scales with the outstanding amount in months of wage. */
  readonly severity: Severity;
  readonly sources: readonly SourceRef[];
  readonly remediation?: RemediationKind;
  /** Interview answers this rule reads itself; every other 'yes' answer goes to the generic ILO/Delphi rule of its question. */
  readonly answerKeys?: readonly InterviewQuestionKey[];
}

const V = (ref: string): SourceRef => ({ ref, tag: 'V' });
const S = (ref: string): SourceRef => ({ ref, tag: 'S' });
const K = (ref: string): SourceRef => ({ ref, tag: 'K' });
const DESIGN = (ref: string): SourceRef => ({ ref, tag: 'design' });

const FAR_FEES = V('FAR 52.222-50(a) "recruitment fees"');
const DELPHI = (indicator: string): SourceRef => S(`ILO/EC Delphi indicators (2009) ${indicator}`);

const TOPIC_RULES: readonly RuleDefinition[] = [
  {
    id: 'FEE-01',
    group: 'recruitment_fee',
    label: 'Worker paid recruitment fees or related costs',
    severity: 'medium',
    remediation: 'repay_fees',
    sources: [K('ILO GP7'), K('ILO Definition of recruitment fees and related costs (2019)'), K('ILO C181 Art. 7'), K('FAR 52.222-50(b)(6)'), FAR_FEES, K('RBA Code v8.0 A.1'), K('IOM IRIS Principle C')],
  },
  {
    id: 'FEE-02',
    group: 'recruitment_fee',
    label: 'Worker paid an illegitimate cost (bond, deposit, bribe or kickback)',
    severity: 'high',
    remediation: 'repay_fees',
    sources: [K('ILO Definition of recruitment fees and related costs (2019), illegitimate costs'), V('FAR 52.222-50(a)(1)(xii)')],
  },
  {
    id: 'FEE-03',
    group: 'recruitment_fee',
    label: 'Recruitment debt: fees financed by a loan or wage deductions, or above the debt threshold',
    severity: 'high',
    remediation: 'repay_fees',
    answerKeys: ['debt_bondage_at_recruitment'],
    sources: [V('ILO-FL-09'), DELPHI('D2 "debt bondage" (M)'), V('FAR 52.222-50(a) "debt bondage"'), DESIGN('DOMAIN.md §7.4 fee severity')],
  },
  {
    id: 'FEE-04',
    group: 'recruitment_fee',
    label: 'Debt bondage at destination: the worker is bound by the debt',
    severity: 'critical',
    answerKeys: ['debt_bondage'],
    sources: [V('ILO-FL-09'), DELPHI('D5 "debt bondage" (S)'), V('FAR 52.222-50(a) "debt bondage"')],
  },
  {
    id: 'FEE-05',
    group: 'recruitment_fee',
    label: 'Worker deceived about fees or recruitment conditions',
    severity: 'medium',
    answerKeys: ['deceived_about_fees'],
    sources: [V('ILO-FL-02'), DELPHI('D1 "deceived about travel and recruitment conditions" (M)'), K('FAR 52.222-50(b)(5)(i)')],
  },
  {
    id: 'DOC-01',
    group: 'document_confiscation',
    label: 'Identity documents confiscated: not accessible on request, or returned after the grace period',
    severity: 'critical',
    remediation: 'return_documents',
    answerKeys: ['documents_retained'],
    sources: [V('ILO-FL-07'), K('ILO GP11'), K('FAR 52.222-50(b)(4)'), K('RBA Code v8.0 A.1'), K('IOM IRIS Principle D'), DELPHI('D5 "confiscation of documents" (S)')],
  },
  {
    id: 'DOC-02',
    group: 'document_confiscation',
    label: 'Identity documents withheld until a debt is repaid',
    severity: 'critical',
    remediation: 'return_documents',
    sources: [V('ILO-FL-07'), V('ILO-FL-09'), K('ILO GP11'), K('FAR 52.222-50(b)(4)'), DELPHI('D5 "confiscation of documents" (S)')],
  },
  {
    id: 'DOC-03',
    group: 'document_confiscation',
    label: 'Identity documents held by a third party without demonstrated consent and free access',
    severity: 'medium',
    remediation: 'return_documents',
    sources: [K('ILO GP11'), K('RBA Code v8.0 A.1 (hold only where the law requires; never deny access)'), K('IOM IRIS Principle D'), DESIGN('DOMAIN.md §7.4 document retention')],
  },
  {
    id: 'DOC-04',
    group: 'document_confiscation',
    label: 'Identity documents taken during recruitment or travel',
    severity: 'high',
    remediation: 'return_documents',
    answerKeys: ['documents_taken_at_recruitment'],
    sources: [V('ILO-FL-07'), DELPHI('D2 "confiscation of documents" (M)'), K('IOM IRIS Principle D')],
  },
  {
    id: 'VISA-01',
    group: 'tied_visa',
    label: 'Work or residence permit tied to one employer or sponsor',
    severity: 'medium',
    remediation: 'transfer_sponsorship',
    sources: [K('ILO GP12'), K('CEDAW GR38 para. 60(a)'), DESIGN('DOMAIN.md §7.4 tied visa as structural risk')],
  },
  {
    id: 'VISA-02',
    group: 'tied_visa',
    label: "Changing employer needs the employer's or recruiter's permission",
    severity: 'high',
    remediation: 'transfer_sponsorship',
    sources: [K('ILO GP12')],
  },
  {
    id: 'VISA-03',
    group: 'tied_visa',
    label: 'Employer or recruiter controls permit renewal or cancellation',
    severity: 'medium',
    remediation: 'transfer_sponsorship',
    sources: [K('ILO GP12'), V('ILO-FL-01')],
  },
  {
    id: 'VISA-04',
    group: 'tied_visa',
    label: 'Exit permit required to leave the country',
    severity: 'high',
    sources: [K('ILO GP11 (freedom to leave a country)'), V('ILO-FL-03')],
  },
  {
    id: 'VISA-05',
    group: 'tied_visa',
    label: 'Security bond required from the worker',
    severity: 'high',
    remediation: 'repay_fees',
    sources: [K('ILO Definition of recruitment fees and related costs (2019), bonds as illegitimate costs'), V('FAR 52.222-50(a)(1)(xii)')],
  },
  {
    id: 'VISA-06',
    group: 'tied_visa',
    label: 'Tied status used to keep the worker (forced to stay, or threatened with denunciation while tied)',
    severity: 'high',
    remediation: 'transfer_sponsorship',
    answerKeys: ['forced_to_stay_with_employer'],
    sources: [DELPHI('D5 "under strong influence" (M), D6 "relationship with authorities/legal status" (M)'), V('ILO-FL-01'), V('ILO-FL-06'), DESIGN('DOMAIN.md §7.4 tied visa with evidence of abuse')],
  },
  {
    id: 'CON-01',
    group: 'other',
    label: 'No written employment contract',
    severity: 'medium',
    remediation: 'fix_contract',
    sources: [K('ILO GP8'), K('FAR 52.222-50(b)(9)'), K('RBA Code v8.0 A.1'), K('IOM IRIS Principle E')],
  },
  {
    id: 'CON-02',
    group: 'other',
    label: 'Contract not in a language the worker understands',
    severity: 'medium',
    remediation: 'fix_contract',
    sources: [K('ILO GP8'), K('FAR 52.222-50(b)(9)'), K('RBA Code v8.0 A.1'), K('IOM IRIS Principle E')],
  },
  {
    id: 'CON-03',
    group: 'other',
    label: 'Migrant worker did not receive the contract before departure',
    severity: 'medium',
    remediation: 'fix_contract',
    sources: [K('ILO GP8'), K('FAR 52.222-50(b)(9)'), K('RBA Code v8.0 A.1')],
  },
  {
    id: 'CON-04',
    group: 'other',
    label: 'Contract terms changed on arrival (contract substitution)',
    severity: 'high',
    remediation: 'fix_contract',
    sources: [V('ILO-FL-02'), K('ILO GP9'), K('IOM IRIS Principle E'), K('RBA Code v8.0 A.1'), K('FAR 52.222-50(b)(5)(i)'), DELPHI('D1 "deceived about content or legality of work contract" (M)')],
  },
  {
    id: 'CHILD-01',
    group: 'other',
    label: 'Recruited under the age of 18',
    severity: 'high',
    sources: [V('IOM IRIS A.3'), V('Palermo Protocol Art. 3(c)-(d)')],
  },
];

/** Catalogue questions read by a topic rule above. */
const OWNED_KEYS: ReadonlySet<string> = new Set(TOPIC_RULES.flatMap((r) => r.answerKeys ?? []));

/** The generic rule a 'yes' answer to `q` fires: its ILO-11 indicator, else its Delphi dimension. */
export function genericRuleId(q: InterviewQuestion): string {
  return q.ilo ?? `DELPHI-${q.dimension}`;
}

const GENERIC_SEVERITY: Readonly<Record<string, Severity>> = {
  'ILO-FL-01': 'medium',
  'ILO-FL-02': 'medium',
  'ILO-FL-03': 'high',
  'ILO-FL-04': 'high',
  'ILO-FL-05': 'critical',
  'ILO-FL-06': 'high',
  'ILO-FL-08': 'high',
  'ILO-FL-10': 'medium',
  'ILO-FL-11': 'medium',
  'DELPHI-D2': 'critical',
  'DELPHI-D4': 'medium',
  'DELPHI-D5': 'high',
};

const DELPHI_LABELS: Readonly<Record<string, string>> = {
  'DELPHI-D2': 'Coercive recruitment: abduction, forced marriage or adoption, or sale',
  'DELPHI-D4': 'Exploitative conditions of work (pay, labour law, social protection, education)',
  'DELPHI-D5': 'Coercion at destination: forced tasks, illicit activities, acting against peers or lying',
};

/** Questions not owned by a topic rule, in catalogue order. */
export const GENERIC_QUESTIONS: readonly (InterviewQuestion & { key: InterviewQuestionKey })[] = INTERVIEW_QUESTIONS.filter(
  (q) => !OWNED_KEYS.has(q.key),
);

function genericRule(id: string): RuleDefinition {
  const questions = GENERIC_QUESTIONS.filter((q) => genericRuleId(q) === id);
  const dimensions = [...new Set(questions.map((q) => q.dimension))].join(', ');
  const severity = GENERIC_SEVERITY[id];
  if (severity === undefined) throw DomainError.internal(`No severity for generic rule ${id}`);
  const isIlo = id.startsWith('ILO-FL-');
  return {
    id,
    group: 'other',
    label: isIlo ? (indicatorName(id) ?? id) : (DELPHI_LABELS[id] ?? id),
    severity,
    answerKeys: questions.map((q) => q.key),
    sources: isIlo ? [V(`ILO Indicators of Forced Labour (2012) ${id}`), DELPHI(dimensions)] : [DELPHI(dimensions)],
  };
}

/** Ids of the generic answer rules, sorted. */
export const GENERIC_RULE_IDS: readonly string[] = [...new Set(GENERIC_QUESTIONS.map(genericRuleId))].sort();

const GENERIC_RULES: readonly RuleDefinition[] = GENERIC_RULE_IDS.map(genericRule);

/** Every rule, in evaluation (and output) order. */
export const RULES: readonly RuleDefinition[] = [...TOPIC_RULES, ...GENERIC_RULES];

const BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): RuleDefinition {
  const rule = BY_ID.get(id);
  if (rule === undefined) throw DomainError.internal(`Unknown rule id ${id}`);
  return rule;
}

/** Sources joined for display: "ILO GP7; FAR 52.222-50(b)(6)". */
export function citation(rule: RuleDefinition): string {
  return rule.sources.map((s) => s.ref).join('; ');
}
