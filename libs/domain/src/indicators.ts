/**
 * Indicator codes carried by audit findings (`findings.indicator_code`) and by
 * the interview question catalogue.
 *
 * 1. The 11 ILO indicators of forced labour, in the order of the ILO SAP-FL
 *    booklet "ILO Indicators of Forced Labour" (2012), as stable ids
 *    `ILO-FL-01` .. `ILO-FL-11` (DOMAIN.md §1.1). The ILO gives them no
 *    strong/medium/weak weights; one indicator may suffice in some cases,
 *    several are needed in others.
 * 2. Lantern's platform finding codes for the three headline risks
 *    (`LAN-FEE`, `LAN-VISA`, `LAN-DOC`), cross-referenced to the ILO
 *    indicator they most often evidence.
 *
 * Codes are persisted: never rename or renumber one. `isIndicatorCode` accepts
 * only the codes listed here. To add one (e.g. an audit firm's own code, or an
 * RBA/IRIS criterion), append an entry to `PLATFORM_FINDING_CODES` (or a new
 * list concatenated into `INDICATORS`) with a prefix of 2-10 upper-case letters,
 * a hyphen and an upper-case suffix, add a row to indicators.spec.ts, and
 * mention it in docs/methodology.md. The findings table keeps `indicator_code`
 * as plain text, so no migration is needed.
 */

export interface IndicatorDefinition {
  readonly code: string;
  readonly name: string;
  /** Plain-language meaning (our paraphrase; DOMAIN.md tags the meanings [K]). */
  readonly description: string;
  /** For platform codes: the ILO indicators the finding most often evidences. */
  readonly relatedIlo?: readonly IloIndicatorCode[];
}

export const ILO_FORCED_LABOUR_INDICATORS = [
  {
    code: 'ILO-FL-01',
    name: 'Abuse of vulnerability',
    description:
      "The employer exploits the worker's weak position (irregular or tied migration status, language, poverty, dependence on the employer for job, housing or a relative's job) to impose conditions the worker would otherwise refuse.",
  },
  {
    code: 'ILO-FL-02',
    name: 'Deception',
    description: 'False promises about the type of work, wages, hours, location, employer, housing or legal status, never honoured.',
  },
  {
    code: 'ILO-FL-03',
    name: 'Restriction of movement',
    description: 'Locked in, guarded or monitored at the workplace or in employer housing; cannot come and go freely.',
  },
  {
    code: 'ILO-FL-04',
    name: 'Isolation',
    description: 'Remote or hidden worksite; cut off from family, community, phones or outside help.',
  },
  {
    code: 'ILO-FL-05',
    name: 'Physical and sexual violence',
    description: 'Beatings, sexual violence, or forced use of drugs or alcohol, used to force work or control the worker.',
  },
  {
    code: 'ILO-FL-06',
    name: 'Intimidation and threats',
    description:
      'Threats of violence, of denunciation to immigration or police, of dismissal, wage loss or worse conditions, or of harm to family; persistent verbal abuse.',
  },
  {
    code: 'ILO-FL-07',
    name: 'Retention of identity documents',
    description: 'Employer or recruiter holds the passport, ID or work permit; the worker cannot get it on demand or cannot leave without losing it.',
  },
  {
    code: 'ILO-FL-08',
    name: 'Withholding of wages',
    description: 'Pay systematically and deliberately withheld or deferred to keep the worker from leaving (occasional late payment does not count).',
  },
  {
    code: 'ILO-FL-09',
    name: 'Debt bondage',
    description: 'Work to repay an inflated, manipulated or unrepayable debt, often recruitment fees or travel advances; the debt may pass to relatives.',
  },
  {
    code: 'ILO-FL-10',
    name: 'Abusive working and living conditions',
    description: 'Degrading, hazardous or unsanitary conditions, or severely overcrowded housing, that a free worker would not accept.',
  },
  {
    code: 'ILO-FL-11',
    name: 'Excessive overtime',
    description: 'Hours or days beyond legal limits, overtime forced under threat of penalty, no rest days.',
  },
] as const satisfies readonly IndicatorDefinition[];

export type IloIndicatorCode = (typeof ILO_FORCED_LABOUR_INDICATORS)[number]['code'];

/** Lantern's finding codes for the three headline risks (DOMAIN.md §2.2 mapping, §3, Appendix A). */
export const PLATFORM_FINDING_CODES = [
  {
    code: 'LAN-FEE',
    name: 'Recruitment fees paid by workers',
    description:
      'A worker paid recruitment fees or related costs (ILO 2019 definition; FAR 52.222-50(a)), in any form, including wage deductions and loans, breaching the employer-pays principle.',
    relatedIlo: ['ILO-FL-09'],
  },
  {
    code: 'LAN-VISA',
    name: 'Tied visa or employer-controlled permit',
    description:
      "The worker's right to stay or work depends on one employer or recruiter (sponsorship, permit renewal or exit permit controlled by them), so the worker cannot change employer without permission.",
    relatedIlo: ['ILO-FL-01'],
  },
  {
    code: 'LAN-DOC',
    name: 'Retention of identity documents',
    description:
      'An employer, recruiter or dormitory operator holds passports, ID cards or work permits and the worker cannot get them back on request.',
    relatedIlo: ['ILO-FL-07'],
  },
] as const satisfies readonly IndicatorDefinition[];

export type PlatformFindingCode = (typeof PLATFORM_FINDING_CODES)[number]['code'];
export type IndicatorCode = IloIndicatorCode | PlatformFindingCode;

export const INDICATORS: readonly IndicatorDefinition[] = [...ILO_FORCED_LABOUR_INDICATORS, ...PLATFORM_FINDING_CODES];
export const ILO_INDICATOR_CODES: readonly IloIndicatorCode[] = ILO_FORCED_LABOUR_INDICATORS.map((i) => i.code);
export const INDICATOR_CODES: readonly IndicatorCode[] = INDICATORS.map((i) => i.code as IndicatorCode);

const BY_CODE: ReadonlyMap<string, IndicatorDefinition> = new Map(INDICATORS.map((i) => [i.code, i]));

/** True only for a code listed above (exact, upper case). */
export function isIndicatorCode(value: unknown): value is IndicatorCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

export function isIloIndicatorCode(value: unknown): value is IloIndicatorCode {
  return typeof value === 'string' && value.startsWith('ILO-FL-') && BY_CODE.has(value);
}

export function getIndicator(code: string): IndicatorDefinition | undefined {
  return BY_CODE.get(code);
}

export function indicatorName(code: IndicatorCode): string;
export function indicatorName(code: string): string | undefined;
export function indicatorName(code: string): string | undefined {
  return BY_CODE.get(code)?.name;
}
