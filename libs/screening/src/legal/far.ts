/**
 * FAR 52.222-50(h) compliance-plan test (DOMAIN.md §5.1, §7.5 item 4): a plan
 * is required for any portion of the contract that is for supplies, other
 * than commercially available off-the-shelf (COTS) items, acquired outside
 * the United States, or services performed outside the United States, and
 * whose estimated value exceeds the threshold.
 *
 * The threshold is configurable: $550,000 in the November 2021 clause text
 * (verified); a secondary source reports $700,000 from the 1 October 2025
 * inflation adjustment (verify on acquisition.gov before relying on it).
 */
export const FAR_COMPLIANCE_PLAN_THRESHOLD_USD_2021 = 550_000;
export const FAR_COMPLIANCE_PLAN_THRESHOLD_USD_2025_REPORTED = 700_000;

export interface ContractPortion {
  kind: 'supplies' | 'services';
  /** Supplies only: commercially available off-the-shelf items. */
  cots?: boolean;
  /** Supplies acquired outside the US / services performed outside the US. */
  outsideUs: boolean;
  /** Estimated value in US dollars. */
  valueUsd: number;
}

export interface CompliancePlanAssessment {
  required: boolean;
  thresholdUsd: number;
  /** Indexes of the portions that require a plan. */
  portions: number[];
  reason: string;
}

export function portionNeedsCompliancePlan(p: ContractPortion, thresholdUsd: number): boolean {
  const abroad = p.kind === 'supplies' ? p.outsideUs && p.cots !== true : p.outsideUs;
  return abroad && p.valueUsd > thresholdUsd;
}

export function farCompliancePlan(portions: readonly ContractPortion[], thresholdUsd = FAR_COMPLIANCE_PLAN_THRESHOLD_USD_2021): CompliancePlanAssessment {
  const hits = portions.flatMap((p, i) => (portionNeedsCompliancePlan(p, thresholdUsd) ? [i] : []));
  return {
    required: hits.length > 0,
    thresholdUsd,
    portions: hits,
    reason:
      hits.length > 0
        ? `FAR 52.222-50(h): ${hits.length} portion(s) of non-COTS supplies acquired or services performed outside the US exceed $${thresholdUsd.toLocaleString('en-US')}; a compliance plan and the 52.222-56 certification are required`
        : `FAR 52.222-50(h): no portion of non-COTS supplies acquired or services performed outside the US exceeds $${thresholdUsd.toLocaleString('en-US')}`,
  };
}
