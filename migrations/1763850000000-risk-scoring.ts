import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Risk scoring (issue #3): organisation scoring settings, scoring runs, the
 * append-only assessment history with a current pointer per subject, verified
 * remediation records, and the block recommendations and remediation items
 * thresholds raise.
 *
 * `assessments` is history: a trigger refuses every UPDATE and every DELETE,
 * except the cascade that removes a whole organisation (tenant erasure), so an
 * assessment, once written, never changes. (TRUNCATE is an administrative
 * operation outside the application's reach: grant the application role no
 * TRUNCATE privilege in production; the test and benchmark harnesses use it.)
 * `current_assessments` is the mutable pointer (one row per subject) that
 * lists sort and filter on.
 */
export class RiskScoring1763850000000 implements MigrationInterface {
  name = 'RiskScoring1763850000000';

  public async up(q: QueryRunner): Promise<void> {
    // Overrides of the scoring configuration (DeepPartial<ScoringConfig>, validated with resolveConfig)
    // and the organisation's own sector scores (1-4) for the inherent-risk prior.
    await q.query(`
      CREATE TABLE scoring_settings (
        organization_id uuid PRIMARY KEY CONSTRAINT fk_scoring_settings_organization REFERENCES organizations(id) ON DELETE CASCADE,
        config_overrides jsonb NOT NULL DEFAULT '{}' CONSTRAINT chk_scoring_settings_overrides CHECK (jsonb_typeof(config_overrides) = 'object'),
        sector_scores jsonb NOT NULL DEFAULT '{}' CONSTRAINT chk_scoring_settings_sectors CHECK (jsonb_typeof(sector_scores) = 'object'),
        version integer NOT NULL DEFAULT 1,
        updated_by_key_id uuid CONSTRAINT fk_scoring_settings_api_key REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE scoring_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_scoring_run_organization REFERENCES organizations(id) ON DELETE CASCADE,
        job_id text,
        scope text NOT NULL CONSTRAINT chk_scoring_run_scope CHECK (scope IN ('organization','sites')),
        reason text NOT NULL,
        as_of date NOT NULL,
        methodology_version text NOT NULL,
        config jsonb NOT NULL,
        status text NOT NULL DEFAULT 'running' CONSTRAINT chk_scoring_run_status CHECK (status IN ('running','completed','failed')),
        stats jsonb NOT NULL DEFAULT '{}',
        error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX idx_scoring_run_org ON scoring_runs (organization_id, started_at DESC)`);

    await q.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_assessment_organization REFERENCES organizations(id) ON DELETE CASCADE,
        run_id uuid CONSTRAINT fk_assessment_run REFERENCES scoring_runs(id),
        subject_type text NOT NULL CONSTRAINT chk_assessment_subject_type CHECK (subject_type IN ('worker','site','supplier','recruiter')),
        subject_id uuid NOT NULL,
        methodology_version text NOT NULL,
        as_of date NOT NULL,
        overall numeric(4,1) NOT NULL CONSTRAINT chk_assessment_overall CHECK (overall BETWEEN 0 AND 100),
        band text NOT NULL CONSTRAINT chk_assessment_band CHECK (band IN ('low','medium','high','critical')),
        recruitment_fee numeric(4,1) NOT NULL CONSTRAINT chk_assessment_fee CHECK (recruitment_fee BETWEEN 0 AND 100),
        tied_visa numeric(4,1) NOT NULL CONSTRAINT chk_assessment_visa CHECK (tied_visa BETWEEN 0 AND 100),
        document_confiscation numeric(4,1) NOT NULL CONSTRAINT chk_assessment_documents CHECK (document_confiscation BETWEEN 0 AND 100),
        confidence text NOT NULL CONSTRAINT chk_assessment_confidence CHECK (confidence IN ('low','medium','high')),
        confidence_value numeric(5,4) NOT NULL,
        n_effective numeric(12,4) NOT NULL,
        sample_size integer NOT NULL CONSTRAINT chk_assessment_sample_size CHECK (sample_size >= 0),
        explanation jsonb COMPRESSION lz4 NOT NULL,
        details jsonb COMPRESSION lz4 NOT NULL,
        inputs_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_assessment_subject ON assessments (organization_id, subject_type, subject_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX idx_assessment_run ON assessments (run_id)`);
    await q.query(`
      CREATE FUNCTION lantern_assessments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The one exception: the organisation itself is being deleted (its rows cascade away).
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM organizations WHERE id = OLD.organization_id) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'assessments are append-only: % of assessment % refused', TG_OP, OLD.id
          USING ERRCODE = 'integrity_constraint_violation', HINT = 'write a new assessment instead';
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_assessments_append_only BEFORE UPDATE OR DELETE ON assessments
      FOR EACH ROW EXECUTE FUNCTION lantern_assessments_append_only()`);
    // The current assessment of each subject, with what lists filter and sort on copied in.
    await q.query(`
      CREATE TABLE current_assessments (
        organization_id uuid NOT NULL CONSTRAINT fk_current_assessment_organization REFERENCES organizations(id) ON DELETE CASCADE,
        subject_type text NOT NULL CONSTRAINT chk_current_assessment_subject_type CHECK (subject_type IN ('worker','site','supplier','recruiter')),
        subject_id uuid NOT NULL,
        assessment_id uuid NOT NULL CONSTRAINT fk_current_assessment_assessment REFERENCES assessments(id),
        name text,
        country char(2),
        sector text,
        overall numeric(4,1) NOT NULL,
        band text NOT NULL,
        recruitment_fee numeric(4,1) NOT NULL,
        tied_visa numeric(4,1) NOT NULL,
        document_confiscation numeric(4,1) NOT NULL,
        confidence text NOT NULL,
        n_effective numeric(12,4) NOT NULL,
        sample_size integer NOT NULL,
        methodology_version text NOT NULL,
        as_of date NOT NULL,
        assessed_at timestamptz NOT NULL,
        CONSTRAINT pk_current_assessment PRIMARY KEY (organization_id, subject_type, subject_id)
      )`);
    await q.query(`CREATE INDEX idx_current_assessment_rank ON current_assessments (organization_id, subject_type, overall DESC, subject_id)`);
    await q.query(`CREATE INDEX idx_current_assessment_band ON current_assessments (organization_id, subject_type, band, overall DESC, subject_id)`);
    await q.query(`CREATE INDEX idx_current_assessment_country ON current_assessments (organization_id, subject_type, country, overall DESC, subject_id)`);
    await q.query(`CREATE INDEX idx_current_assessment_assessment ON current_assessments (assessment_id)`);

    // Remediation of one worker's case (employer pays): fees repaid, documents returned,
    // sponsorship transferred. Only verified records change later assessments.
    await q.query(`
      CREATE TABLE remediation_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_remediation_record_organization REFERENCES organizations(id) ON DELETE CASCADE,
        interview_id uuid NOT NULL CONSTRAINT fk_remediation_record_interview REFERENCES interviews(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT chk_remediation_record_kind CHECK (kind IN ('fee_repayment','document_return','sponsorship_transfer')),
        amount_minor bigint CONSTRAINT chk_remediation_record_amount CHECK (amount_minor > 0),
        currency char(3) CONSTRAINT chk_remediation_record_currency CHECK (currency ~ '^[A-Z]{3}$'),
        occurred_on date NOT NULL,
        evidence jsonb NOT NULL DEFAULT '[]' CONSTRAINT chk_remediation_record_evidence CHECK (jsonb_typeof(evidence) = 'array'),
        note text,
        recorded_by_key_id uuid CONSTRAINT fk_remediation_record_recorder REFERENCES api_keys(id) ON DELETE SET NULL,
        verified boolean NOT NULL DEFAULT false,
        verified_at timestamptz,
        verified_by_key_id uuid CONSTRAINT fk_remediation_record_verifier REFERENCES api_keys(id) ON DELETE SET NULL,
        verification_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT chk_remediation_record_money CHECK ((kind = 'fee_repayment') = (amount_minor IS NOT NULL AND currency IS NOT NULL)),
        CONSTRAINT chk_remediation_record_verified CHECK (verified = (verified_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX idx_remediation_record_interview ON remediation_records (interview_id) WHERE verified`);
    await q.query(`CREATE INDEX idx_remediation_record_org ON remediation_records (organization_id, created_at, id)`);

    await q.query(`
      CREATE TABLE block_recommendations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_block_recommendation_organization REFERENCES organizations(id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL CONSTRAINT fk_block_recommendation_assessment REFERENCES assessments(id),
        run_id uuid CONSTRAINT fk_block_recommendation_run REFERENCES scoring_runs(id),
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        reason text NOT NULL,
        rule_ids text[] NOT NULL,
        severity text NOT NULL CONSTRAINT chk_block_recommendation_severity CHECK (severity IN ('low','medium','high','critical')),
        evidence_ids jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_block_recommendation_assessment ON block_recommendations (assessment_id)`);
    await q.query(`CREATE INDEX idx_block_recommendation_org ON block_recommendations (organization_id, subject_type, subject_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE remediation_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_remediation_item_organization REFERENCES organizations(id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL CONSTRAINT fk_remediation_item_assessment REFERENCES assessments(id),
        run_id uuid CONSTRAINT fk_remediation_item_run REFERENCES scoring_runs(id),
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        kind text NOT NULL CONSTRAINT chk_remediation_item_kind CHECK (kind IN ('repay_fees','return_documents','fix_contract','transfer_sponsorship')),
        rule_ids text[] NOT NULL,
        workers integer NOT NULL,
        amounts jsonb NOT NULL DEFAULT '[]',
        responsible text NOT NULL DEFAULT 'employer',
        evidence_ids jsonb NOT NULL,
        explanation text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_remediation_item_assessment ON remediation_items (assessment_id)`);
    await q.query(`CREATE INDEX idx_remediation_item_org ON remediation_items (organization_id, subject_type, subject_id, created_at DESC)`);

    // Outbox of sites whose data changed: written by the API (in the same transaction as the
    // change, or right after it) and claimed by the next `score-sites` job of the organisation.
    await q.query(`
      CREATE TABLE scoring_pending_sites (
        organization_id uuid NOT NULL CONSTRAINT fk_scoring_pending_organization REFERENCES organizations(id) ON DELETE CASCADE,
        site_id uuid NOT NULL CONSTRAINT fk_scoring_pending_site REFERENCES sites(id) ON DELETE CASCADE,
        requested_at timestamptz NOT NULL DEFAULT now(),
        reason text NOT NULL,
        CONSTRAINT pk_scoring_pending_site PRIMARY KEY (organization_id, site_id)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['scoring_pending_sites', 'remediation_items', 'block_recommendations', 'remediation_records', 'current_assessments']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP TABLE IF EXISTS assessments`);
    await q.query(`DROP FUNCTION IF EXISTS lantern_assessments_append_only()`);
    for (const t of ['scoring_runs', 'scoring_settings']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
