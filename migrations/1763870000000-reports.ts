import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports (issue #5): a request row per report (type, period, paper, options,
 * status and progress), the stored PDF bytes with their SHA-256, page count,
 * generator and methodology versions, data as-of time and the SHA-256 of the
 * canonical JSON of the report model; and explicit shares of one report with
 * another organisation (a regulator), which can then read that report only.
 */
export class Reports1763870000000 implements MigrationInterface {
  name = 'Reports1763870000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_report_organization REFERENCES organizations(id) ON DELETE CASCADE,
        type text NOT NULL CONSTRAINT chk_report_type CHECK (type IN ('supplier_dossier','uk_msa_s54','au_msa_s16','ca_s211','eu_flr','us_far_52_222_50')),
        period_start date NOT NULL,
        period_end date NOT NULL,
        paper text NOT NULL DEFAULT 'A4' CONSTRAINT chk_report_paper CHECK (paper IN ('A4','Letter')),
        supplier_id uuid CONSTRAINT fk_report_supplier REFERENCES suppliers(id) ON DELETE SET NULL,
        options jsonb NOT NULL DEFAULT '{}' CONSTRAINT chk_report_options CHECK (jsonb_typeof(options) = 'object'),
        status text NOT NULL DEFAULT 'queued' CONSTRAINT chk_report_status CHECK (status IN ('queued','running','completed','failed')),
        progress smallint NOT NULL DEFAULT 0 CONSTRAINT chk_report_progress CHECK (progress BETWEEN 0 AND 100),
        error text,
        title text,
        pdf bytea,
        pdf_sha256 char(64),
        size_bytes integer,
        page_count integer,
        generator_version text,
        methodology_version text,
        data_as_of timestamptz,
        model_sha256 char(64),
        created_by_key_id uuid CONSTRAINT fk_report_api_key REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT chk_report_period CHECK (period_end >= period_start),
        CONSTRAINT chk_report_completed CHECK (status <> 'completed' OR (pdf IS NOT NULL AND pdf_sha256 IS NOT NULL AND page_count IS NOT NULL AND model_sha256 IS NOT NULL))
      )`);
    await q.query(`ALTER TABLE reports ALTER COLUMN pdf SET STORAGE EXTERNAL`);
    await q.query(`CREATE INDEX idx_report_org_created ON reports (organization_id, created_at DESC, id)`);

    await q.query(`
      CREATE TABLE report_shares (
        report_id uuid NOT NULL CONSTRAINT fk_report_share_report REFERENCES reports(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL CONSTRAINT fk_report_share_organization REFERENCES organizations(id) ON DELETE CASCADE,
        shared_by_key_id uuid CONSTRAINT fk_report_share_api_key REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_report_share PRIMARY KEY (report_id, organization_id)
      )`);
    await q.query(`CREATE INDEX idx_report_share_organization ON report_shares (organization_id, report_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS report_shares`);
    await q.query(`DROP TABLE IF EXISTS reports`);
  }
}
