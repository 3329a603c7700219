import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Initial schema: tenancy (organizations, users, API keys), the supply chain
 * (suppliers, supply links, sites, recruiters, recruitment engagements), the
 * evidence (audits, findings, worker interviews) and the import pipeline.
 *
 * Conventions: uuid keys, every owned row carries organization_id, snake_case,
 * explicitly named constraints and indexes, timestamptz everywhere, money as
 * bigint minor units next to an ISO 4217 code, yes/no/unknown answers as the
 * tri_answer enum (unknown is never stored as no).
 */
export class InitialSchema1763830000000 implements MigrationInterface {
  name = 'InitialSchema1763830000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE TYPE tri_answer AS ENUM ('yes', 'no', 'unknown')`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CONSTRAINT chk_organization_kind CHECK (kind IN ('company','procurement_authority','regulator','audit_firm')),
        jurisdiction text NOT NULL CONSTRAINT chk_organization_jurisdiction CHECK (jurisdiction ~ '^[A-Z]{2}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_organization_name ON organizations (lower(name))`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_user_organization REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CONSTRAINT chk_user_role CHECK (role IN ('admin','compliance','procurement','auditor','regulator')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_user_email ON users (organization_id, lower(email))`);

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_api_key_organization REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid CONSTRAINT fk_api_key_user REFERENCES users(id) ON DELETE SET NULL,
        name text NOT NULL,
        role text NOT NULL CONSTRAINT chk_api_key_role CHECK (role IN ('admin','compliance','procurement','auditor','regulator')),
        prefix text NOT NULL,
        key_hash text NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_api_key_prefix ON api_keys (prefix)`);
    await q.query(`CREATE INDEX idx_api_key_organization ON api_keys (organization_id)`);

    await q.query(`
      CREATE TABLE suppliers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_supplier_organization REFERENCES organizations(id) ON DELETE CASCADE,
        external_ref text NOT NULL,
        name text NOT NULL,
        country char(2) NOT NULL CONSTRAINT chk_supplier_country CHECK (country ~ '^[A-Z]{2}$'),
        sector text,
        tier smallint NOT NULL DEFAULT 1 CONSTRAINT chk_supplier_tier CHECK (tier BETWEEN 1 AND 10),
        parent_id uuid CONSTRAINT fk_supplier_parent REFERENCES suppliers(id) ON DELETE SET NULL,
        lei char(20) CONSTRAINT chk_supplier_lei CHECK (lei ~ '^[A-Z0-9]{18}[0-9]{2}$'),
        tax_id text,
        duns char(9) CONSTRAINT chk_supplier_duns CHECK (duns ~ '^[0-9]{9}$'),
        os_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_supplier_ref ON suppliers (organization_id, external_ref)`);
    await q.query(`CREATE INDEX idx_supplier_org_country ON suppliers (organization_id, country, id)`);
    await q.query(`CREATE INDEX idx_supplier_org_sector ON suppliers (organization_id, sector, id)`);
    await q.query(`CREATE INDEX idx_supplier_parent ON suppliers (parent_id) WHERE parent_id IS NOT NULL`);
    await q.query(`CREATE INDEX idx_supplier_lei ON suppliers (lei) WHERE lei IS NOT NULL`);
    await q.query(`CREATE INDEX idx_supplier_duns ON suppliers (duns) WHERE duns IS NOT NULL`);

    // Supply-chain edges: supplier_id sells to buyer_id (another supplier of the same
    // organisation). Tier-1 suppliers sell to the organisation itself and have no edge.
    await q.query(`
      CREATE TABLE supply_links (
        organization_id uuid NOT NULL CONSTRAINT fk_supply_link_organization REFERENCES organizations(id) ON DELETE CASCADE,
        supplier_id uuid NOT NULL CONSTRAINT fk_supply_link_supplier REFERENCES suppliers(id) ON DELETE CASCADE,
        buyer_id uuid NOT NULL CONSTRAINT fk_supply_link_buyer REFERENCES suppliers(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_supply_link PRIMARY KEY (supplier_id, buyer_id),
        CONSTRAINT chk_supply_link_not_self CHECK (supplier_id <> buyer_id)
      )`);
    await q.query(`CREATE INDEX idx_supply_link_buyer ON supply_links (buyer_id)`);

    await q.query(`
      CREATE TABLE sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_site_organization REFERENCES organizations(id) ON DELETE CASCADE,
        supplier_id uuid NOT NULL CONSTRAINT fk_site_supplier REFERENCES suppliers(id) ON DELETE CASCADE,
        external_ref text NOT NULL,
        name text NOT NULL,
        address text,
        country char(2) NOT NULL CONSTRAINT chk_site_country CHECK (country ~ '^[A-Z]{2}$'),
        sector text,
        headcount integer CONSTRAINT chk_site_headcount CHECK (headcount >= 0),
        migrant_worker_share numeric(5,4) CONSTRAINT chk_site_migrant_share CHECK (migrant_worker_share BETWEEN 0 AND 1),
        os_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_site_ref ON sites (organization_id, external_ref)`);
    await q.query(`CREATE INDEX idx_site_supplier ON sites (supplier_id)`);
    await q.query(`CREATE INDEX idx_site_org_country ON sites (organization_id, country, id)`);

    await q.query(`
      CREATE TABLE recruiters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_recruiter_organization REFERENCES organizations(id) ON DELETE CASCADE,
        external_ref text NOT NULL,
        name text NOT NULL,
        country char(2) NOT NULL CONSTRAINT chk_recruiter_country CHECK (country ~ '^[A-Z]{2}$'),
        licence_number text,
        licence_status text NOT NULL DEFAULT 'unknown' CONSTRAINT chk_recruiter_licence_status CHECK (licence_status IN ('valid','expired','suspended','revoked','none','unknown')),
        licence_authority text,
        countries_of_operation char(2)[] NOT NULL DEFAULT '{}',
        certifications text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_recruiter_ref ON recruiters (organization_id, external_ref)`);
    await q.query(`CREATE INDEX idx_recruiter_org_country ON recruiters (organization_id, country, id)`);

    await q.query(`
      CREATE TABLE recruitment_engagements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_engagement_organization REFERENCES organizations(id) ON DELETE CASCADE,
        external_ref text NOT NULL,
        recruiter_id uuid NOT NULL CONSTRAINT fk_engagement_recruiter REFERENCES recruiters(id) ON DELETE CASCADE,
        site_id uuid NOT NULL CONSTRAINT fk_engagement_site REFERENCES sites(id) ON DELETE CASCADE,
        origin_country char(2) NOT NULL CONSTRAINT chk_engagement_origin CHECK (origin_country ~ '^[A-Z]{2}$'),
        destination_country char(2) NOT NULL CONSTRAINT chk_engagement_destination CHECK (destination_country ~ '^[A-Z]{2}$'),
        starts_on date,
        ends_on date,
        workers_placed integer CONSTRAINT chk_engagement_workers CHECK (workers_placed >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT chk_engagement_dates CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_engagement_ref ON recruitment_engagements (organization_id, external_ref)`);
    await q.query(`CREATE INDEX idx_engagement_recruiter ON recruitment_engagements (recruiter_id)`);
    await q.query(`CREATE INDEX idx_engagement_site ON recruitment_engagements (site_id)`);

    await q.query(`
      CREATE TABLE audits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_audit_organization REFERENCES organizations(id) ON DELETE CASCADE,
        external_ref text NOT NULL,
        site_id uuid NOT NULL CONSTRAINT fk_audit_site REFERENCES sites(id) ON DELETE CASCADE,
        type text NOT NULL CONSTRAINT chk_audit_type CHECK (type IN ('announced','unannounced','desk','worker_voice')),
        conducted_at timestamptz NOT NULL,
        audit_firm text,
        audit_firm_organization_id uuid CONSTRAINT fk_audit_firm_organization REFERENCES organizations(id) ON DELETE SET NULL,
        standard text,
        summary text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_audit_ref ON audits (organization_id, external_ref)`);
    await q.query(`CREATE INDEX idx_audit_site ON audits (site_id, conducted_at DESC)`);
    await q.query(`CREATE INDEX idx_audit_org_date ON audits (organization_id, conducted_at DESC, id)`);

    await q.query(`
      CREATE TABLE findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_finding_organization REFERENCES organizations(id) ON DELETE CASCADE,
        external_ref text NOT NULL,
        audit_id uuid NOT NULL CONSTRAINT fk_finding_audit REFERENCES audits(id) ON DELETE CASCADE,
        indicator_code text NOT NULL,
        severity text NOT NULL CONSTRAINT chk_finding_severity CHECK (severity IN ('low','medium','high','critical')),
        status text NOT NULL DEFAULT 'open' CONSTRAINT chk_finding_status CHECK (status IN ('open','remediating','closed')),
        description text NOT NULL,
        evidence jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_finding_ref ON findings (organization_id, external_ref)`);
    await q.query(`CREATE INDEX idx_finding_audit ON findings (audit_id)`);
    await q.query(`CREATE INDEX idx_finding_org_indicator ON findings (organization_id, indicator_code)`);

    // Worker interviews. No names and no document numbers are ever stored: the
    // worker is a keyed pseudonym (HMAC-SHA-256 under LANTERN_SECRET_KEY) and
    // free-text testimony is AES-256-GCM ciphertext.
    await q.query(`
      CREATE TABLE interviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_interview_organization REFERENCES organizations(id) ON DELETE CASCADE,
        external_ref text NOT NULL,
        audit_id uuid NOT NULL CONSTRAINT fk_interview_audit REFERENCES audits(id) ON DELETE CASCADE,
        site_id uuid NOT NULL CONSTRAINT fk_interview_site REFERENCES sites(id) ON DELETE CASCADE,
        recruiter_id uuid CONSTRAINT fk_interview_recruiter REFERENCES recruiters(id) ON DELETE SET NULL,
        worker_pseudonym text NOT NULL,
        interviewed_at timestamptz NOT NULL,
        gender text NOT NULL DEFAULT 'undisclosed' CONSTRAINT chk_interview_gender CHECK (gender IN ('female','male','other','undisclosed')),
        origin_country char(2) CONSTRAINT chk_interview_origin CHECK (origin_country ~ '^[A-Z]{2}$'),
        age_at_recruitment smallint CONSTRAINT chk_interview_age CHECK (age_at_recruitment BETWEEN 5 AND 99),
        monthly_wage_minor bigint CONSTRAINT chk_interview_wage CHECK (monthly_wage_minor >= 0),
        wage_currency char(3) CONSTRAINT chk_interview_wage_currency CHECK (wage_currency ~ '^[A-Z]{3}$'),
        passport_holder text NOT NULL DEFAULT 'unknown',
        id_card_holder text NOT NULL DEFAULT 'unknown',
        work_permit_holder text NOT NULL DEFAULT 'unknown',
        documents_accessible_on_request tri_answer NOT NULL DEFAULT 'unknown',
        document_return_days smallint CONSTRAINT chk_interview_return_days CHECK (document_return_days >= 0),
        documents_held_with_consent tri_answer NOT NULL DEFAULT 'unknown',
        documents_withheld_until_debt_repaid tri_answer NOT NULL DEFAULT 'unknown',
        visa_type text NOT NULL DEFAULT 'unknown',
        visa_tied_to_employer tri_answer NOT NULL DEFAULT 'unknown',
        can_change_employer_without_permission tri_answer NOT NULL DEFAULT 'unknown',
        permit_renewal_controlled_by text NOT NULL DEFAULT 'unknown',
        exit_permit_required tri_answer NOT NULL DEFAULT 'unknown',
        security_bond_required tri_answer NOT NULL DEFAULT 'unknown',
        contract_written tri_answer NOT NULL DEFAULT 'unknown',
        contract_in_own_language tri_answer NOT NULL DEFAULT 'unknown',
        contract_signed_before_departure tri_answer NOT NULL DEFAULT 'unknown',
        contract_terms_changed_on_arrival tri_answer NOT NULL DEFAULT 'unknown',
        fees jsonb NOT NULL DEFAULT '[]',
        answers jsonb NOT NULL DEFAULT '{}',
        testimony_ciphertext bytea,
        testimony_key_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT chk_interview_passport_holder CHECK (passport_holder IN ('worker','employer','recruiter','dormitory_operator','government','other','unknown')),
        CONSTRAINT chk_interview_id_card_holder CHECK (id_card_holder IN ('worker','employer','recruiter','dormitory_operator','government','other','unknown')),
        CONSTRAINT chk_interview_work_permit_holder CHECK (work_permit_holder IN ('worker','employer','recruiter','dormitory_operator','government','other','unknown')),
        CONSTRAINT chk_interview_visa_type CHECK (visa_type IN ('employer_sponsored','sector_permit','open_permit','citizen_or_resident','seasonal','undocumented','other','unknown')),
        CONSTRAINT chk_interview_renewal CHECK (permit_renewal_controlled_by IN ('worker','employer','recruiter','government','unknown')),
        CONSTRAINT chk_interview_wage_pair CHECK ((monthly_wage_minor IS NULL) = (wage_currency IS NULL)),
        CONSTRAINT chk_interview_fees_array CHECK (jsonb_typeof(fees) = 'array'),
        CONSTRAINT chk_interview_answers_object CHECK (jsonb_typeof(answers) = 'object'),
        CONSTRAINT chk_interview_testimony_key CHECK ((testimony_ciphertext IS NULL) = (testimony_key_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_interview_ref ON interviews (organization_id, external_ref)`);
    await q.query(`CREATE INDEX idx_interview_site ON interviews (site_id)`);
    await q.query(`CREATE INDEX idx_interview_audit ON interviews (audit_id)`);
    await q.query(`CREATE INDEX idx_interview_recruiter ON interviews (recruiter_id) WHERE recruiter_id IS NOT NULL`);
    await q.query(`CREATE INDEX idx_interview_pseudonym ON interviews (organization_id, worker_pseudonym)`);

    // Import pipeline: the upload is stored whole (in chunks) before any row is read.
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_import_organization REFERENCES organizations(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT chk_import_kind CHECK (kind IN ('suppliers','sites','recruiters','engagements','audits','findings','interviews')),
        format text NOT NULL CONSTRAINT chk_import_format CHECK (format IN ('csv','ndjson')),
        filename text NOT NULL,
        content_sha256 char(64) NOT NULL,
        size_bytes bigint NOT NULL,
        status text NOT NULL DEFAULT 'queued' CONSTRAINT chk_import_status CHECK (status IN ('queued','running','completed','failed')),
        total_rows integer,
        processed_rows integer NOT NULL DEFAULT 0,
        accepted_rows integer NOT NULL DEFAULT 0,
        rejected_rows integer NOT NULL DEFAULT 0,
        error text,
        created_by_key_id uuid CONSTRAINT fk_import_api_key REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_import_content ON imports (organization_id, kind, content_sha256)`);
    await q.query(`CREATE INDEX idx_import_org_created ON imports (organization_id, created_at DESC, id)`);

    await q.query(`
      CREATE TABLE import_chunks (
        import_id uuid NOT NULL CONSTRAINT fk_import_chunk_import REFERENCES imports(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        bytes bytea NOT NULL,
        CONSTRAINT pk_import_chunk PRIMARY KEY (import_id, seq)
      )`);

    await q.query(`
      CREATE TABLE import_rejections (
        id bigserial PRIMARY KEY,
        import_id uuid NOT NULL CONSTRAINT fk_import_rejection_import REFERENCES imports(id) ON DELETE CASCADE,
        line integer NOT NULL,
        field text,
        reason text NOT NULL
      )`);
    await q.query(`CREATE INDEX idx_import_rejection_import ON import_rejections (import_id, line)`);

    // Idempotency-Key replay store for mutating POSTs.
    await q.query(`
      CREATE TABLE idempotency_keys (
        organization_id uuid NOT NULL CONSTRAINT fk_idempotency_organization REFERENCES organizations(id) ON DELETE CASCADE,
        key text NOT NULL,
        request_hash char(64) NOT NULL,
        status_code smallint NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_idempotency_key PRIMARY KEY (organization_id, key)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'idempotency_keys', 'import_rejections', 'import_chunks', 'imports', 'interviews', 'findings', 'audits',
      'recruitment_engagements', 'recruiters', 'sites', 'supply_links', 'suppliers', 'api_keys', 'users', 'organizations',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP TYPE IF EXISTS tri_answer`);
  }
}
