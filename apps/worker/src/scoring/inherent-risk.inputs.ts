/**
 * Reference data behind the inherent-risk prior (methodology §6):
 *
 * - Country: the US TIP tier of the subject's country, from the newest year
 *   that country is ranked in the `us-tip-tiers` dataset (a "special case"
 *   year counts as unranked, so the score is assumed).
 * - Sector: the organisation's own sector scores (scoring settings,
 *   `sectorScores`, 1-4). Lantern ships no sector table: without one the
 *   methodology's assumed sector score applies and the prior says so.
 * - Goods: the sector is mapped to the goods it plausibly makes
 *   (SECTOR_GOODS, a Lantern design table; the sector text itself also counts
 *   when it names a good), and those goods are looked up for the subject's
 *   country in the USDOL lists loaded as reference data: `usdol-tvpra-goods`
 *   (forced-labour and child-labour flags) and `usdol-eo13126-products`
 *   (forced or indentured child labour, counted as a forced-labour flag).
 *   A subject without a sector has its goods component assumed; a sector
 *   with no listed good for the country scores 0.
 */
import { inherentRisk, type GoodsFlags, type InherentRisk, type ScoringConfig, type TipTier } from '@lantern/scoring';
import type { QueryFn } from '@lantern/platform';

/** Keywords of a sector (lower case, substring match) and the goods (canonical USDOL spelling) they point to. */
export const SECTOR_GOODS: readonly { readonly keywords: readonly string[]; readonly goods: readonly string[] }[] = [
  { keywords: ['apparel', 'garment', 'clothing'], goods: ['Garments', 'Textiles'] },
  { keywords: ['textile', 'yarn', 'fabric', 'spinning'], goods: ['Textiles', 'Thread/yarn', 'Cotton', 'Silk fabric', 'Embellished textiles', 'Textiles (hand-woven)', 'Textiles (jute)'] },
  { keywords: ['footwear', 'shoe'], goods: ['Footwear', 'Footwear (sandals)', 'Leather'] },
  { keywords: ['leather'], goods: ['Leather', 'Leather goods/accessories'] },
  { keywords: ['electronic', 'electrical', 'component', 'semiconductor'], goods: ['Electronics'] },
  { keywords: ['rubber'], goods: ['Rubber'] },
  { keywords: ['mining', 'mineral', 'metal', 'smelt'], goods: ['Gold', 'Tin', 'Cassiterite (tin ore)', 'Coal', 'Coltan (tantalum ore)', 'Wolframite (tungsten ore)', 'Heterogenite (cobalt ore)', 'Diamonds', 'Copper', 'Zinc', 'Silver', 'Iron'] },
  { keywords: ['fish', 'seafood', 'aquaculture', 'shrimp'], goods: ['Fish', 'Shrimp', 'Shellfish', 'Dried fish', 'Tilapia (fish)', 'Nile perch (fish)', 'Lobsters'] },
  { keywords: ['crop', 'agricultur', 'farm', 'plantation'], goods: ['Cotton', 'Oil (palm)', 'Rubber', 'Sugarcane', 'Tobacco', 'Coffee', 'Cocoa', 'Rice', 'Tea', 'Vanilla'] },
  { keywords: ['palm'], goods: ['Oil (palm)'] },
  { keywords: ['brick', 'construction', 'quarr'], goods: ['Bricks', 'Bricks (clay)', 'Cement', 'Stones', 'Granite', 'Gravel (crushed stones)', 'Sand'] },
  { keywords: ['carpet', 'rug'], goods: ['Carpets'] },
  { keywords: ['toy'], goods: ['Toys'] },
  { keywords: ['furniture', 'timber', 'wood', 'forest'], goods: ['Furniture', 'Timber', 'Teak'] },
];

const canonical = (good: string): string => {
  const s = good.trim().replace(/\s+/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
};

export function goodsForSector(sector: string): string[] {
  const s = sector.toLowerCase();
  const goods = new Set<string>([canonical(sector)]);
  for (const entry of SECTOR_GOODS) if (entry.keywords.some((k) => s.includes(k))) for (const g of entry.goods) goods.add(canonical(g));
  return [...goods];
}

export interface PriorSources {
  tipTier: TipTier | null;
  tipYear: number | null;
  sectorScore: number | null;
  goods: { good: string; dataset: string; forcedLabour: boolean; childLabour: boolean }[];
}

export interface PriorSubject {
  country: string | null;
  sector: string | null;
}

/** The organisation-independent reference data, loaded once per run. */
export class InherentRiskReference {
  private constructor(
    private readonly tiers: ReadonlyMap<string, { tier: TipTier; year: number }>,
    private readonly goods: ReadonlyMap<string, readonly { good: string; dataset: string; forcedLabour: boolean; childLabour: boolean }[]>,
    private readonly sectorScores: ReadonlyMap<string, number>,
    private readonly config: ScoringConfig,
  ) {}

  static async load(query: QueryFn, sectorScores: Record<string, number>, config: ScoringConfig): Promise<InherentRiskReference> {
    const tierRows = await query<{ country: string; tier: TipTier; year: number }>(
      `SELECT DISTINCT ON (t.country) t.country, t.tier, t.year
         FROM reference_tip_tiers t JOIN reference_datasets d ON d.id = t.dataset_id
        WHERE d.name = 'us-tip-tiers'
        ORDER BY t.country, t.year DESC`,
    );
    const goodsRows = await query<{ country: string; good: string; dataset: string; forced_labour: boolean; child_labour: boolean }>(
      `SELECT g.country, g.good, d.name AS dataset, g.forced_labour, g.child_labour
         FROM reference_goods g JOIN reference_datasets d ON d.id = g.dataset_id
        WHERE d.name IN ('usdol-tvpra-goods', 'usdol-eo13126-products')
        ORDER BY g.country, g.good, d.name`,
    );
    const goods = new Map<string, { good: string; dataset: string; forcedLabour: boolean; childLabour: boolean }[]>();
    for (const r of goodsRows) {
      const list = goods.get(r.country.trim()) ?? [];
      list.push({ good: canonical(r.good), dataset: r.dataset, forcedLabour: r.forced_labour, childLabour: r.child_labour });
      goods.set(r.country.trim(), list);
    }
    const sectors = new Map(Object.entries(sectorScores).map(([k, v]) => [k.trim().toLowerCase(), v]));
    return new InherentRiskReference(new Map(tierRows.map((r) => [r.country.trim(), { tier: r.tier, year: r.year }])), goods, sectors, config);
  }

  /** The prior of a subject and the reference rows behind it. */
  prior(subject: PriorSubject, options: { goods: boolean } = { goods: true }): { prior: InherentRisk; sources: PriorSources } {
    const tip = subject.country === null ? undefined : this.tiers.get(subject.country);
    const sectorScore = subject.sector === null ? undefined : this.sectorScores.get(subject.sector.trim().toLowerCase());
    let goodsFlags: GoodsFlags | undefined;
    let matched: PriorSources['goods'] = [];
    if (!options.goods) goodsFlags = {};
    else if (subject.sector !== null && subject.sector.trim() !== '') {
      const wanted = new Set(goodsForSector(subject.sector));
      matched = (subject.country === null ? [] : (this.goods.get(subject.country) ?? [])).filter((g) => wanted.has(g.good));
      goodsFlags = {
        tvpraForcedLabour: matched.some((g) => g.forcedLabour),
        tvpraChildLabour: matched.some((g) => g.childLabour),
      };
    }
    const prior = inherentRisk(
      {
        ...(tip !== undefined ? { tipTier: tip.tier } : {}),
        ...(sectorScore !== undefined ? { sectorScore } : {}),
        ...(goodsFlags !== undefined ? { goodsFlags } : {}),
      },
      this.config,
    );
    return { prior, sources: { tipTier: tip?.tier ?? null, tipYear: tip?.year ?? null, sectorScore: sectorScore ?? null, goods: matched } };
  }
}
