import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes on the columns that reference screenings, suppliers and api keys
 * from the screening tables. Without them, deleting an organisation (or a
 * supplier) checks every referencing row by sequential scan for each deleted
 * row: minutes for a few thousand screenings.
 */
export class ScreeningFkIndexes1763860000001 implements MigrationInterface {
  name = 'ScreeningFkIndexes1763860000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX idx_screening_rescreen_of ON screenings (rescreen_of) WHERE rescreen_of IS NOT NULL`);
    await q.query(`CREATE INDEX idx_screening_change_screening ON screening_changes (screening_id) WHERE screening_id IS NOT NULL`);
    await q.query(`CREATE INDEX idx_screening_change_rescreening ON screening_changes (rescreening_id) WHERE rescreening_id IS NOT NULL`);
    await q.query(`CREATE INDEX idx_screening_change_supplier ON screening_changes (supplier_id) WHERE supplier_id IS NOT NULL`);
    await q.query(`CREATE INDEX idx_adjudication_screening ON match_adjudications (screening_id) WHERE screening_id IS NOT NULL`);
    await q.query(`CREATE INDEX idx_supplier_screening_state_org ON supplier_screening_states (organization_id)`);
    await q.query(`CREATE INDEX idx_exclusion_list_snapshot_current ON exclusion_lists (current_snapshot_id) WHERE current_snapshot_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const i of [
      'idx_exclusion_list_snapshot_current', 'idx_supplier_screening_state_org', 'idx_adjudication_screening', 'idx_screening_change_supplier',
      'idx_screening_change_rescreening', 'idx_screening_change_screening', 'idx_screening_rescreen_of',
    ]) {
      await q.query(`DROP INDEX IF EXISTS ${i}`);
    }
  }
}
