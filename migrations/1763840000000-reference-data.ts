import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data behind the inherent-risk prior (country and product lists)
 * and the dated exchange-rate table used to convert worker-paid fees. Every
 * dataset is a named, versioned snapshot with its source, vintage, licence and
 * content hash; loading a new snapshot of the same name replaces the old one
 * atomically (one transaction).
 */
export class ReferenceData1763840000000 implements MigrationInterface {
  name = 'ReferenceData1763840000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reference_datasets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CONSTRAINT chk_reference_dataset_kind CHECK (kind IN ('tip_tiers','tvpra_goods','eo13126_goods')),
        source text NOT NULL,
        vintage text NOT NULL,
        licence text NOT NULL,
        content_sha256 char(64) NOT NULL,
        row_count integer NOT NULL,
        unresolved jsonb NOT NULL DEFAULT '[]',
        loaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_reference_dataset_name ON reference_datasets (name)`);

    await q.query(`
      CREATE TABLE reference_tip_tiers (
        dataset_id uuid NOT NULL CONSTRAINT fk_tip_tier_dataset REFERENCES reference_datasets(id) ON DELETE CASCADE,
        country char(2) NOT NULL,
        year smallint NOT NULL,
        tier text NOT NULL CONSTRAINT chk_tip_tier CHECK (tier IN ('1','2','2WL','3','special')),
        CONSTRAINT pk_reference_tip_tier PRIMARY KEY (dataset_id, country, year)
      )`);
    await q.query(`CREATE INDEX idx_tip_tier_country ON reference_tip_tiers (country, year DESC)`);

    await q.query(`
      CREATE TABLE reference_goods (
        dataset_id uuid NOT NULL CONSTRAINT fk_reference_good_dataset REFERENCES reference_datasets(id) ON DELETE CASCADE,
        country char(2) NOT NULL,
        good text NOT NULL,
        child_labour boolean NOT NULL,
        forced_labour boolean NOT NULL,
        CONSTRAINT pk_reference_good PRIMARY KEY (dataset_id, country, good)
      )`);
    await q.query(`CREATE INDEX idx_reference_good_country ON reference_goods (country)`);

    // organization_id NULL = rates shipped with Lantern (illustrative unless the source says otherwise).
    await q.query(`
      CREATE TABLE exchange_rates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid CONSTRAINT fk_exchange_rate_organization REFERENCES organizations(id) ON DELETE CASCADE,
        base char(3) NOT NULL CONSTRAINT chk_exchange_rate_base CHECK (base ~ '^[A-Z]{3}$'),
        quote char(3) NOT NULL CONSTRAINT chk_exchange_rate_quote CHECK (quote ~ '^[A-Z]{3}$'),
        rate numeric(24,10) NOT NULL CONSTRAINT chk_exchange_rate_positive CHECK (rate > 0),
        valid_from date NOT NULL,
        source text NOT NULL,
        illustrative boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT chk_exchange_rate_pair CHECK (base <> quote)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_exchange_rate ON exchange_rates (COALESCE(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), base, quote, valid_from)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['exchange_rates', 'reference_goods', 'reference_tip_tiers', 'reference_datasets']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
