import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Procurement screening and blocks (issue #4).
 *
 * - Exclusion lists: named lists with versioned snapshots (source, licence,
 *   date, content hash). A snapshot's entries are loaded while it is
 *   `loading` (invisible), then one transaction makes it `current` and the
 *   previous one `superseded`: a refresh replaces a snapshot atomically.
 *   Lists of an organisation are private to it; lists with no organisation
 *   are platform-wide (loaded by the operator).
 * - Blocks: subject, scope, legal ground, period (enforced per ground by the
 *   application, recorded here with its maximum), evidence, decision maker and
 *   reason; every transition in block_transitions; self-cleaning submissions
 *   and appeals.
 * - Screenings: every screening as asked and answered (who, when, input,
 *   answer); re-screening changes; adjudicated false positives.
 */
export class Screening1763860000000 implements MigrationInterface {
  name = 'Screening1763860000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exclusion_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid CONSTRAINT fk_exclusion_list_organization REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL,
        format text NOT NULL CONSTRAINT chk_exclusion_list_format CHECK (format IN ('ftm','sam_exclusions','worldbank_debarred','cbp_wro','uflpa')),
        effect text NOT NULL CONSTRAINT chk_exclusion_list_effect CHECK (effect IN ('exclude','review')),
        source text NOT NULL,
        source_url text,
        licence text NOT NULL,
        description text,
        current_snapshot_id uuid,
        created_by_key_id uuid CONSTRAINT fk_exclusion_list_api_key REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_exclusion_list_name ON exclusion_lists (coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`,
    );
    await q.query(`CREATE INDEX idx_exclusion_list_org ON exclusion_lists (organization_id, created_at, id)`);

    await q.query(`
      CREATE TABLE exclusion_list_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL CONSTRAINT fk_snapshot_list REFERENCES exclusion_lists(id) ON DELETE CASCADE,
        version integer NOT NULL,
        status text NOT NULL DEFAULT 'loading' CONSTRAINT chk_snapshot_status CHECK (status IN ('loading','current','superseded','failed')),
        source_date date,
        retrieved_at timestamptz,
        filename text,
        content_sha256 char(64) NOT NULL,
        size_bytes bigint NOT NULL,
        entry_count integer NOT NULL DEFAULT 0,
        name_count integer NOT NULL DEFAULT 0,
        issue_count integer NOT NULL DEFAULT 0,
        issues jsonb NOT NULL DEFAULT '[]',
        diff jsonb,
        normalizer_version smallint NOT NULL,
        error text,
        created_by_key_id uuid CONSTRAINT fk_snapshot_api_key REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        superseded_at timestamptz,
        CONSTRAINT uq_snapshot_version UNIQUE (list_id, version)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_snapshot_current ON exclusion_list_snapshots (list_id) WHERE status = 'current'`);
    await q.query(`CREATE INDEX idx_snapshot_list_created ON exclusion_list_snapshots (list_id, created_at, id)`);
    await q.query(`
      ALTER TABLE exclusion_lists ADD CONSTRAINT fk_exclusion_list_current_snapshot
        FOREIGN KEY (current_snapshot_id) REFERENCES exclusion_list_snapshots(id) ON DELETE SET NULL`);

    // One row per listed party. `match_keys` holds one line per name, "<kind>\\t<normalised tokens>",
    // in the order of `names`; `identifier_keys` the normalised "scheme:VALUE" keys. Both are what the
    // in-memory index is built from, without re-normalising a million names.
    await q.query(`
      CREATE TABLE exclusion_entries (
        id bigserial PRIMARY KEY,
        snapshot_id uuid NOT NULL CONSTRAINT fk_entry_snapshot REFERENCES exclusion_list_snapshots(id) ON DELETE CASCADE,
        source_id text NOT NULL,
        schema text NOT NULL,
        caption text NOT NULL,
        names jsonb NOT NULL,
        countries text[] NOT NULL DEFAULT '{}',
        identifiers jsonb NOT NULL DEFAULT '[]',
        program text,
        authority text,
        reason text,
        starts_on date,
        ends_on date,
        source_status text,
        inactive boolean NOT NULL DEFAULT false,
        details jsonb NOT NULL DEFAULT '{}',
        match_keys text NOT NULL,
        identifier_keys text NOT NULL DEFAULT '',
        content_hash char(64) NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_entry_source ON exclusion_entries (snapshot_id, source_id)`);

    await q.query(`
      CREATE TABLE blocks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_block_organization REFERENCES organizations(id) ON DELETE CASCADE,
        supplier_id uuid CONSTRAINT fk_block_supplier REFERENCES suppliers(id) ON DELETE SET NULL,
        recommendation_id uuid CONSTRAINT fk_block_recommendation REFERENCES block_recommendations(id) ON DELETE SET NULL,
        subject_name text NOT NULL,
        subject_aliases text[] NOT NULL DEFAULT '{}',
        subject_identifiers jsonb NOT NULL DEFAULT '[]',
        subject_country char(2) CONSTRAINT chk_block_subject_country CHECK (subject_country ~ '^[A-Z]{2}$'),
        scope text NOT NULL CONSTRAINT chk_block_scope CHECK (scope IN ('organization','jurisdiction')),
        jurisdiction char(2) NOT NULL CONSTRAINT chk_block_jurisdiction CHECK (jurisdiction ~ '^[A-Z]{2}$'),
        legal_ground text NOT NULL,
        status text NOT NULL CONSTRAINT chk_block_status CHECK (status IN ('proposed','active','suspended','lifted','expired')),
        anchor_date date NOT NULL,
        judgment_period_ends_on date,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        max_ends_on date NOT NULL,
        evidence jsonb NOT NULL DEFAULT '[]' CONSTRAINT chk_block_evidence CHECK (jsonb_typeof(evidence) = 'array'),
        decision_maker text NOT NULL,
        reason text NOT NULL,
        published_at timestamptz,
        created_by_key_id uuid CONSTRAINT fk_block_api_key REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT chk_block_period CHECK (ends_on >= starts_on AND ends_on <= max_ends_on),
        CONSTRAINT chk_block_published_scope CHECK (published_at IS NULL OR scope = 'jurisdiction')
      )`);
    await q.query(`CREATE INDEX idx_block_org ON blocks (organization_id, created_at, id)`);
    await q.query(`CREATE INDEX idx_block_published ON blocks (jurisdiction, status) WHERE published_at IS NOT NULL`);
    await q.query(`CREATE INDEX idx_block_supplier ON blocks (supplier_id) WHERE supplier_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_block_recommendation ON blocks (recommendation_id) WHERE recommendation_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE block_transitions (
        id bigserial PRIMARY KEY,
        block_id uuid NOT NULL CONSTRAINT fk_block_transition_block REFERENCES blocks(id) ON DELETE CASCADE,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        decision_maker text,
        reason text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        actor_key_id uuid CONSTRAINT fk_block_transition_api_key REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX idx_block_transition_block ON block_transitions (block_id, id)`);

    await q.query(`
      CREATE TABLE block_self_cleaning (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        block_id uuid NOT NULL CONSTRAINT fk_self_cleaning_block REFERENCES blocks(id) ON DELETE CASCADE,
        submitted_on date NOT NULL,
        compensation text,
        cooperation text,
        measures jsonb NOT NULL DEFAULT '[]' CONSTRAINT chk_self_cleaning_measures CHECK (jsonb_typeof(measures) = 'array'),
        evidence jsonb NOT NULL DEFAULT '[]' CONSTRAINT chk_self_cleaning_evidence CHECK (jsonb_typeof(evidence) = 'array'),
        status text NOT NULL DEFAULT 'submitted' CONSTRAINT chk_self_cleaning_status CHECK (status IN ('submitted','accepted','rejected')),
        decision_maker text,
        statement_of_reasons text,
        reviewed_at timestamptz,
        submitted_by_key_id uuid CONSTRAINT fk_self_cleaning_submitter REFERENCES api_keys(id) ON DELETE SET NULL,
        reviewed_by_key_id uuid CONSTRAINT fk_self_cleaning_reviewer REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_self_cleaning_block ON block_self_cleaning (block_id, created_at)`);

    await q.query(`
      CREATE TABLE block_appeals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        block_id uuid NOT NULL CONSTRAINT fk_appeal_block REFERENCES blocks(id) ON DELETE CASCADE,
        filed_on date NOT NULL,
        appellant text NOT NULL,
        forum text,
        grounds text NOT NULL,
        status text NOT NULL DEFAULT 'filed' CONSTRAINT chk_appeal_status CHECK (status IN ('filed','upheld','dismissed','withdrawn')),
        decided_on date,
        decision_maker text,
        outcome text,
        recorded_by_key_id uuid CONSTRAINT fk_appeal_api_key REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_appeal_block ON block_appeals (block_id, created_at)`);

    await q.query(`
      CREATE TABLE screenings (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL CONSTRAINT fk_screening_organization REFERENCES organizations(id) ON DELETE CASCADE,
        api_key_id uuid CONSTRAINT fk_screening_api_key REFERENCES api_keys(id) ON DELETE SET NULL,
        actor_role text NOT NULL,
        trigger text NOT NULL DEFAULT 'request' CONSTRAINT chk_screening_trigger CHECK (trigger IN ('request','rescreen')),
        rescreen_of uuid CONSTRAINT fk_screening_rescreen_of REFERENCES screenings(id) ON DELETE SET NULL,
        bidder_name text NOT NULL,
        tender_reference text,
        decision text NOT NULL CONSTRAINT chk_screening_decision CHECK (decision IN ('clear','review','blocked')),
        rule_id text NOT NULL,
        match_count integer NOT NULL,
        input jsonb NOT NULL,
        answer jsonb NOT NULL,
        party_keys text[] NOT NULL,
        data_version jsonb NOT NULL,
        duration_ms real NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX idx_screening_org_created ON screenings (organization_id, created_at, id)`);
    await q.query(`CREATE INDEX idx_screening_org_decision ON screenings (organization_id, decision, created_at)`);

    await q.query(`
      CREATE TABLE screening_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_screening_change_organization REFERENCES organizations(id) ON DELETE CASCADE,
        trigger_kind text NOT NULL CONSTRAINT chk_screening_change_trigger CHECK (trigger_kind IN ('list_snapshot','block')),
        trigger_id uuid NOT NULL,
        trigger_summary text NOT NULL,
        subject_kind text NOT NULL CONSTRAINT chk_screening_change_subject CHECK (subject_kind IN ('screening','supplier')),
        screening_id uuid CONSTRAINT fk_screening_change_screening REFERENCES screenings(id) ON DELETE CASCADE,
        supplier_id uuid CONSTRAINT fk_screening_change_supplier REFERENCES suppliers(id) ON DELETE CASCADE,
        rescreening_id uuid CONSTRAINT fk_screening_change_rescreening REFERENCES screenings(id) ON DELETE SET NULL,
        subject_name text NOT NULL,
        previous_decision text NOT NULL,
        new_decision text NOT NULL,
        added_matches jsonb NOT NULL DEFAULT '[]',
        removed_matches jsonb NOT NULL DEFAULT '[]',
        acknowledged_at timestamptz,
        acknowledged_by_key_id uuid CONSTRAINT fk_screening_change_ack_key REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_screening_change_org ON screening_changes (organization_id, created_at, id)`);

    await q.query(`
      CREATE TABLE supplier_screening_states (
        supplier_id uuid PRIMARY KEY CONSTRAINT fk_supplier_screening_state_supplier REFERENCES suppliers(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL CONSTRAINT fk_supplier_screening_state_organization REFERENCES organizations(id) ON DELETE CASCADE,
        decision text NOT NULL,
        match_keys text[] NOT NULL DEFAULT '{}',
        checked_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE match_adjudications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_adjudication_organization REFERENCES organizations(id) ON DELETE CASCADE,
        party_key text NOT NULL,
        party_name text NOT NULL,
        record_key text NOT NULL,
        record_name text NOT NULL,
        record_content_hash char(64) NOT NULL,
        verdict text NOT NULL CONSTRAINT chk_adjudication_verdict CHECK (verdict IN ('false_positive')),
        reason text NOT NULL,
        screening_id uuid CONSTRAINT fk_adjudication_screening REFERENCES screenings(id) ON DELETE SET NULL,
        decided_by_key_id uuid CONSTRAINT fk_adjudication_api_key REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by_key_id uuid CONSTRAINT fk_adjudication_revoker REFERENCES api_keys(id) ON DELETE SET NULL,
        revoke_reason text
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_adjudication_pair ON match_adjudications (organization_id, party_key, record_key) WHERE revoked_at IS NULL`,
    );
    await q.query(`CREATE INDEX idx_adjudication_org ON match_adjudications (organization_id, created_at, id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'match_adjudications', 'supplier_screening_states', 'screening_changes', 'screenings', 'block_appeals', 'block_self_cleaning',
      'block_transitions', 'blocks', 'exclusion_entries',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`ALTER TABLE exclusion_lists DROP CONSTRAINT IF EXISTS fk_exclusion_list_current_snapshot`);
    await q.query(`DROP TABLE IF EXISTS exclusion_list_snapshots`);
    await q.query(`DROP TABLE IF EXISTS exclusion_lists`);
  }
}
