import type { FieldIssue } from '@lantern/domain';
import { addDays, addMonths, isIsoDay, minDay } from './dates.js';

/**
 * Legal grounds a block can rest on, with the date its period runs from and
 * its default and maximum durations (shared/design/DOMAIN.md §5).
 *
 * - FAR 52.222-50(b) violations are remedied by suspension or debarment under
 *   FAR subpart 9.4 (FAR 22.1704(c), 52.222-50(e)(7)). Debarment "generally
 *   should not exceed 3 years" (FAR 9.406-4(a)(1)); a suspension may not
 *   exceed 12 months unless proceedings start, plus a 6-month extension at the
 *   Department of Justice's request, 18 months in all (FAR 9.407-4(b)).
 * - FAR 22.1503/22.1504 (E.O. 13126 false certification): debarment up to 3 years.
 * - Directive 2014/24/EU Art. 57(1)(f) (conviction by final judgment for child
 *   labour or trafficking, Directive 2011/36/EU Art. 2): where the judgment
 *   sets no period, at most 5 years from the date of the conviction (Art.
 *   57(7)). Where it does, the judgment's period applies and the operator may
 *   not self-clean during it (Art. 57(6), last subparagraph).
 * - Art. 57(4)(a) (breach of the Art. 18(2) labour-law obligations, Annex X
 *   incl. ILO C29 and C105) and 57(4)(c) (grave professional misconduct): at
 *   most 3 years from the date of the relevant event (Art. 57(7)).
 * - An organisation's own supplier policy: not a statutory ground, so the
 *   organisation's limits apply (default 1 year, at most 5).
 *
 * Statuses [K]/[S] in DOMAIN.md apply: FAR thresholds and numbering were
 * revised in 2025; check before relying on a citation in a decision letter.
 */
export const LEGAL_GROUNDS = {
  far_52_222_50_debarment: {
    label: 'FAR 52.222-50(b) violation: debarment (FAR 22.1704(c), 9.406)',
    framework: 'far',
    anchor: 'decision',
    defaultMonths: 36,
    maxMonths: 36,
    citation: 'FAR 52.222-50(b), (e)(7); 22.1704(c); 9.406-4(a)(1)',
  },
  far_52_222_50_suspension: {
    label: 'FAR 52.222-50(b) violation: suspension pending proceedings (FAR 9.407)',
    framework: 'far',
    anchor: 'decision',
    defaultMonths: 12,
    maxMonths: 18,
    citation: 'FAR 52.222-50(e)(7); 22.1704(c); 9.407-4(b)',
  },
  far_22_1503_eo13126: {
    label: 'FAR 22.1503 / E.O. 13126 (forced or indentured child labour certification): debarment',
    framework: 'far',
    anchor: 'decision',
    defaultMonths: 36,
    maxMonths: 36,
    citation: 'FAR 22.1503, 22.1504; 52.222-18',
  },
  eu_2014_24_art57_1_f: {
    label: 'Directive 2014/24/EU Art. 57(1)(f): conviction for child labour or trafficking in human beings',
    framework: 'eu_2014_24',
    anchor: 'conviction',
    defaultMonths: 60,
    maxMonths: 60,
    citation: 'Directive 2014/24/EU Art. 57(1)(f), 57(6), 57(7); Directive 2011/36/EU Art. 2',
  },
  eu_2014_24_art57_4_a: {
    label: 'Directive 2014/24/EU Art. 57(4)(a): breach of social and labour law obligations (Art. 18(2), Annex X incl. ILO C29, C105)',
    framework: 'eu_2014_24',
    anchor: 'event',
    defaultMonths: 36,
    maxMonths: 36,
    citation: 'Directive 2014/24/EU Art. 57(4)(a), 18(2), Annex X, 57(7)',
  },
  eu_2014_24_art57_4_c: {
    label: 'Directive 2014/24/EU Art. 57(4)(c): grave professional misconduct',
    framework: 'eu_2014_24',
    anchor: 'event',
    defaultMonths: 36,
    maxMonths: 36,
    citation: 'Directive 2014/24/EU Art. 57(4)(c), 57(7)',
  },
  organization_policy: {
    label: "The organisation's own supplier policy (contractual, not a statutory exclusion)",
    framework: 'policy',
    anchor: 'decision',
    defaultMonths: 12,
    maxMonths: 60,
    citation: 'Supplier code of conduct / contract terms',
  },
} as const satisfies Record<string, GroundDefinition>;

export interface GroundDefinition {
  label: string;
  framework: 'far' | 'eu_2014_24' | 'policy';
  /** What the period runs from: the block's own start (decision), the conviction, or the event. */
  anchor: 'decision' | 'conviction' | 'event';
  defaultMonths: number;
  maxMonths: number;
  citation: string;
}

export type LegalGround = keyof typeof LEGAL_GROUNDS;
export const LEGAL_GROUND_CODES = Object.keys(LEGAL_GROUNDS) as LegalGround[];

export function isLegalGround(value: unknown): value is LegalGround {
  return typeof value === 'string' && Object.hasOwn(LEGAL_GROUNDS, value);
}

export interface BlockPeriodInput {
  ground: LegalGround;
  /** First day of the block (default: today). */
  startsOn?: string | null;
  /** Last day requested; default: the ground's default duration, capped at the maximum. */
  endsOn?: string | null;
  /** Date of the conviction (Art. 57(1)) or of the relevant event (Art. 57(4)). */
  anchorDate?: string | null;
  /** End of an exclusion period set by a final judgment (EU grounds). */
  judgmentPeriodEndsOn?: string | null;
  today: string;
}

export interface BlockPeriod {
  startsOn: string;
  /** Last day of the block (inclusive). */
  endsOn: string;
  /** The latest lawful last day. */
  maxEndsOn: string;
  /** The date the period runs from (conviction, event or start). */
  anchorDate: string;
  /** True when a judgment set the period (self-cleaning is barred until it ends). */
  courtImposed: boolean;
}

export type BlockPeriodResult = { ok: true; period: BlockPeriod } | { ok: false; issues: FieldIssue[] };

/**
 * The period of a block under its ground, or the issues that make the
 * requested period unlawful. The end is inclusive: a 5-year period from a
 * conviction on 2024-03-01 may last until 2029-02-28.
 */
export function blockPeriod(input: BlockPeriodInput): BlockPeriodResult {
  const g: GroundDefinition = LEGAL_GROUNDS[input.ground];
  const issues: FieldIssue[] = [];
  for (const [field, value] of [
    ['startsOn', input.startsOn],
    ['endsOn', input.endsOn],
    ['anchorDate', input.anchorDate],
    ['judgmentPeriodEndsOn', input.judgmentPeriodEndsOn],
  ] as const) {
    if (value !== undefined && value !== null && !isIsoDay(value)) issues.push({ field, reason: 'must be a calendar date YYYY-MM-DD' });
  }
  if (issues.length > 0) return { ok: false, issues };

  const startsOn = input.startsOn ?? input.today;
  let anchorDate: string;
  if (g.anchor === 'decision') {
    anchorDate = startsOn;
  } else {
    if (!input.anchorDate) {
      return { ok: false, issues: [{ field: 'anchorDate', reason: `is required for ${input.ground}: the date of the ${g.anchor === 'conviction' ? 'conviction' : 'relevant event'} (Art. 57(7))` }] };
    }
    anchorDate = input.anchorDate;
    if (anchorDate > input.today) issues.push({ field: 'anchorDate', reason: `the ${g.anchor} cannot be in the future` });
    if (startsOn < anchorDate) issues.push({ field: 'startsOn', reason: `cannot precede the ${g.anchor} (${anchorDate})` });
  }
  const judgment = input.judgmentPeriodEndsOn ?? null;
  if (judgment !== null && g.framework !== 'eu_2014_24') {
    issues.push({ field: 'judgmentPeriodEndsOn', reason: 'applies to Directive 2014/24/EU grounds only' });
  }
  if (issues.length > 0) return { ok: false, issues };

  // Art. 57(7): the statutory maximum applies "where the period has not been set by final judgment".
  const courtImposed = judgment !== null;
  const maxEndsOn = courtImposed ? judgment : addDays(addMonths(anchorDate, g.maxMonths), -1);
  if (maxEndsOn < startsOn) {
    return {
      ok: false,
      issues: [{ field: 'startsOn', reason: `the lawful period under ${input.ground} ended on ${maxEndsOn} (${courtImposed ? 'end of the period set by the judgment' : `${g.maxMonths} months from the ${g.anchor}`})` }],
    };
  }
  const endsOn = input.endsOn ?? (courtImposed ? maxEndsOn : minDay(addDays(addMonths(anchorDate, g.defaultMonths), -1), maxEndsOn));
  if (endsOn > maxEndsOn) {
    return {
      ok: false,
      issues: [{ field: 'endsOn', reason: `exceeds the maximum for ${input.ground}: ${maxEndsOn} (${courtImposed ? 'period set by the judgment' : `${g.maxMonths} months from the ${g.anchor} ${anchorDate}`})` }],
    };
  }
  if (endsOn < startsOn) return { ok: false, issues: [{ field: 'endsOn', reason: 'cannot precede startsOn' }] };
  return { ok: true, period: { startsOn, endsOn, maxEndsOn, anchorDate, courtImposed } };
}

/**
 * Whether the operator may have self-cleaning measures considered now. Art.
 * 57(6): not during an exclusion period set by a final judgment. Otherwise
 * allowed (for FAR grounds, FAR 9.406-4(c) lets the debarring official reduce
 * the period on remedial measures).
 */
export function selfCleaningAllowed(block: { ground: LegalGround; judgmentPeriodEndsOn: string | null }, today: string): { allowed: boolean; reason: string } {
  if (block.judgmentPeriodEndsOn !== null && today <= block.judgmentPeriodEndsOn) {
    return {
      allowed: false,
      reason: `Self-cleaning is barred until ${block.judgmentPeriodEndsOn}: the exclusion period was set by a final judgment (Directive 2014/24/EU Art. 57(6), last subparagraph)`,
    };
  }
  const g: GroundDefinition = LEGAL_GROUNDS[block.ground];
  return {
    allowed: true,
    reason:
      g.framework === 'far'
        ? 'Remedial measures may justify reducing the period (FAR 9.406-4(c), 52.222-50(f) mitigating factors)'
        : g.framework === 'eu_2014_24'
          ? 'Evidence of reliability may be considered (Directive 2014/24/EU Art. 57(6))'
          : "Remediation may be considered under the organisation's policy",
  };
}
