import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { parseExchangeRates, parseGoodsList, parseTipTiers, type Unresolved } from './parsers.js';

export type ReferenceKind = 'tip_tiers' | 'tvpra_goods' | 'eo13126_goods';

export interface ReferenceDatasetInput {
  /** Snapshot name; loading the same name again replaces the earlier snapshot atomically. */
  name: string;
  kind: ReferenceKind;
  source: string;
  vintage: string;
  licence: string;
  content: Buffer;
}

export interface LoadedDataset {
  id: string;
  name: string;
  rowCount: number;
  unresolved: Unresolved[];
  contentSha256: string;
  unchanged: boolean;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Load one reference snapshot in a single transaction (old snapshot of the same name removed in it). */
export async function loadReferenceDataset(ds: DataSource, input: ReferenceDatasetInput): Promise<LoadedDataset> {
  const text = input.content.toString('utf8');
  const hash = sha256(input.content);
  return ds.transaction(async (em) => {
    const [existing] = (await em.query(`SELECT id, row_count, unresolved FROM reference_datasets WHERE name = $1 AND content_sha256 = $2`, [
      input.name,
      hash,
    ])) as Array<{ id: string; row_count: number; unresolved: Unresolved[] }>;
    if (existing) {
      return { id: existing.id, name: input.name, rowCount: existing.row_count, unresolved: existing.unresolved, contentSha256: hash, unchanged: true };
    }
    const parsed =
      input.kind === 'tip_tiers' ? parseTipTiers(text) : parseGoodsList(text, input.kind === 'tvpra_goods' ? 'tvpra' : 'eo13126');
    await em.query(`DELETE FROM reference_datasets WHERE name = $1`, [input.name]);
    const [{ id }] = (await em.query(
      `INSERT INTO reference_datasets (name, kind, source, vintage, licence, content_sha256, row_count, unresolved)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [input.name, input.kind, input.source, input.vintage, input.licence, hash, parsed.rows.length, JSON.stringify(parsed.unresolved)],
    )) as Array<{ id: string }>;
    if (input.kind === 'tip_tiers') {
      const rows = parsed.rows as Array<{ country: string; year: number; tier: string }>;
      await em.query(
        `INSERT INTO reference_tip_tiers (dataset_id, country, year, tier)
         SELECT $1, * FROM unnest($2::char(2)[], $3::smallint[], $4::text[])`,
        [id, rows.map((r) => r.country), rows.map((r) => r.year), rows.map((r) => r.tier)],
      );
    } else {
      const rows = parsed.rows as Array<{ country: string; good: string; childLabour: boolean; forcedLabour: boolean }>;
      await em.query(
        `INSERT INTO reference_goods (dataset_id, country, good, child_labour, forced_labour)
         SELECT $1, * FROM unnest($2::char(2)[], $3::text[], $4::boolean[], $5::boolean[])`,
        [id, rows.map((r) => r.country), rows.map((r) => r.good), rows.map((r) => r.childLabour), rows.map((r) => r.forcedLabour)],
      );
    }
    return { id, name: input.name, rowCount: parsed.rows.length, unresolved: parsed.unresolved, contentSha256: hash, unchanged: false };
  });
}

export interface ExchangeRateLoad {
  inserted: number;
  updated: number;
  unresolved: Unresolved[];
}

/**
 * Upsert dated exchange rates for an organisation (or Lantern-wide when
 * organizationId is null). `illustrative` marks rates that are not a real
 * source (the demo's), so reports can say so.
 */
export async function loadExchangeRates(
  emOrDs: DataSource | EntityManager,
  input: { organizationId: string | null; content: Buffer; source: string; illustrative: boolean },
): Promise<ExchangeRateLoad> {
  const parsed = parseExchangeRates(input.content.toString('utf8'));
  const rows = parsed.rows;
  const result = (await emOrDs.query(
    `INSERT INTO exchange_rates (organization_id, base, quote, rate, valid_from, source, illustrative)
     SELECT $1::uuid, b, q, r, v, $6, $7 FROM unnest($2::char(3)[], $3::char(3)[], $4::numeric[], $5::date[]) AS t(b, q, r, v)
     ON CONFLICT (COALESCE(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), base, quote, valid_from)
     DO UPDATE SET rate = EXCLUDED.rate, source = EXCLUDED.source, illustrative = EXCLUDED.illustrative
     RETURNING (xmax = 0) AS inserted`,
    [
      input.organizationId,
      rows.map((r) => r.base),
      rows.map((r) => r.quote),
      rows.map((r) => String(r.rate)),
      rows.map((r) => r.validFrom),
      input.source,
      input.illustrative,
    ],
  )) as Array<{ inserted: boolean }>;
  const inserted = result.filter((r) => r.inserted).length;
  return { inserted, updated: result.length - inserted, unresolved: parsed.unresolved };
}
