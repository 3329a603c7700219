import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one append-only, hash-chained event per state change, per
 * organisation. Rows are never changed: a trigger raises on UPDATE, DELETE and
 * TRUNCATE whoever the caller is (the local development role is a superuser,
 * so grants alone would not stop it). A `lantern_app` role carries the grants a
 * production deployment should run the API and worker with (docs/security.md).
 */
export class AuditTrail1763880000000 implements MigrationInterface {
  name = 'AuditTrail1763880000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT fk_audit_event_organization REFERENCES organizations (id) ON DELETE CASCADE,
        sequence bigint NOT NULL CONSTRAINT chk_audit_event_sequence CHECK (sequence >= 1),
        occurred_at timestamptz NOT NULL,
        actor_api_key_id uuid,
        actor_role text NOT NULL,
        action text NOT NULL CONSTRAINT chk_audit_event_action CHECK (action ~ '^[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+$'),
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        before_digest char(64),
        after_digest char(64),
        previous_hash char(64),
        hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_audit_event_org_sequence ON audit_events (organization_id, sequence)`);
    await q.query(`CREATE INDEX idx_audit_event_org_subject ON audit_events (organization_id, subject_type, subject_id)`);
    await q.query(`CREATE INDEX idx_audit_event_org_action ON audit_events (organization_id, action, sequence)`);
    await q.query(`CREATE INDEX idx_audit_event_org_occurred ON audit_events (organization_id, occurred_at)`);

    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The one exception: erasing a whole organisation (its row cascades here), by the table's owner
        -- (or a superuser) that says so for its transaction. The app role (lantern_app) owns nothing and cannot.
        IF TG_OP = 'DELETE'
           AND current_setting('lantern.audit_erase_organizations', true) = 'on'
           AND pg_has_role(session_user, (SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'MEMBER')
           AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = OLD.organization_id) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER trg_audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);

    // The role a production deployment runs the API and the worker as (NOLOGIN here: the operator
    // gives it LOGIN and a password, or grants it to the login role). Roles are cluster-wide: create once.
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lantern_app') THEN
          CREATE ROLE lantern_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO lantern_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO lantern_app`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO lantern_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lantern_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO lantern_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM lantern_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    // lantern_app is cluster-wide and may serve other databases: it is left in place.
  }
}
