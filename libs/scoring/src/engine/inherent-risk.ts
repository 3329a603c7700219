/**
 * Inherent (prior) risk of a subject from its country, sector and goods,
 * Sedex-style (DOMAIN.md §7.2, §7.4):
 *
 *   InherentRisk (0-10) = min(10, Country (1-6) + Sector (1-4) + Goods (0-2))
 *
 * Country: `countryScore` when the reference data gives a blended 1-6 score;
 * else the US TIP tier rescaled from 1..4 to 1..6 (Tier 1 = 1, Tier 2 = 2.67,
 * Tier 2 Watch List = 4.33, Tier 3 = 6); else (no data, or a TIP "special
 * case") `prior.unknownCountryScore`.
 * Sector: `sectorScore` (1-4) else `prior.unknownSectorScore`.
 * Goods: +2 when the (good, country) pair is on the US DOL TVPRA list for forced
 * labour, +1 when listed for child labour only, +2 when flagged by the EU
 * Forced Labour Regulation database; capped at 2; 0 when no flags are given.
 * Missing inputs are assumed, never read as low risk, and are listed in `assumed`.
 * The reference data itself is loaded elsewhere and passed in.
 */
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../config.js';

/** US TIP tiers, ranked (same codes as the reference-data loader); 'special' cases carry no rank. */
export const TIP_TIERS = ['1', '2', '2WL', '3'] as const;
export type TipTier = (typeof TIP_TIERS)[number] | 'special';

export interface GoodsFlags {
  readonly tvpraForcedLabour?: boolean;
  readonly tvpraChildLabour?: boolean;
  readonly euFlrRisk?: boolean;
}

export interface InherentRiskInput {
  /** Blended country score 1-6 (takes precedence over tipTier). */
  readonly countryScore?: number;
  readonly tipTier?: TipTier;
  /** Sector score 1-4. */
  readonly sectorScore?: number;
  readonly goodsFlags?: GoodsFlags;
}

export interface InherentRisk {
  /** 0-10. */
  readonly score: number;
  readonly country: number;
  readonly sector: number;
  readonly goods: number;
  /** Components that fell back to a default because no data was given. */
  readonly assumed: readonly ('country' | 'sector' | 'goods')[];
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round2 = (x: number): number => Math.round(x * 100) / 100;

function tipToCountry(tier: (typeof TIP_TIERS)[number]): number {
  return 1 + (TIP_TIERS.indexOf(tier) * 5) / 3;
}

function goodsScore(flags: GoodsFlags): number {
  const tvpra = flags.tvpraForcedLabour ? 2 : flags.tvpraChildLabour ? 1 : 0;
  return Math.min(2, tvpra + (flags.euFlrRisk ? 2 : 0));
}

export function inherentRisk(input: InherentRiskInput, config: ScoringConfig = DEFAULT_SCORING_CONFIG): InherentRisk {
  const assumed: ('country' | 'sector' | 'goods')[] = [];
  let country: number;
  if (input.countryScore !== undefined) country = clamp(input.countryScore, 1, 6);
  else if (input.tipTier !== undefined && input.tipTier !== 'special') country = tipToCountry(input.tipTier);
  else {
    country = config.prior.unknownCountryScore;
    assumed.push('country');
  }
  let sector = config.prior.unknownSectorScore;
  if (input.sectorScore !== undefined) sector = clamp(input.sectorScore, 1, 4);
  else assumed.push('sector');
  let goods = 0;
  if (input.goodsFlags !== undefined) goods = goodsScore(input.goodsFlags);
  else assumed.push('goods');
  return { score: round2(Math.min(10, country + sector + goods)), country: round2(country), sector: round2(sector), goods, assumed };
}

/** The prior on the 0-100 scale: inherent risk / 10 x prior.maxScore. */
export function priorScore(prior: InherentRisk, config: ScoringConfig): number {
  return (prior.score / 10) * config.prior.maxScore;
}
