import type { DataSource } from 'typeorm';

/** Columns that change on reads by design (authentication bookkeeping), left out of the checksums. */
const VOLATILE_COLUMNS = ['last_used_at'];
const KEPT_TABLES = ['lantern_migrations'];

/**
 * Row count and an order-independent checksum of every application table:
 * equal before and after a request sweep means no row was added, removed or changed.
 */
export async function tableChecksums(dataSource: DataSource): Promise<Record<string, { rows: number; md5: string | null }>> {
  const tables: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1)) ORDER BY tablename`,
    [KEPT_TABLES],
  );
  const out: Record<string, { rows: number; md5: string | null }> = {};
  for (const { tablename } of tables) {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS rows, md5(string_agg(md5((to_jsonb(t) - $1::text[])::text), '' ORDER BY md5((to_jsonb(t) - $1::text[])::text))) AS md5
         FROM "${tablename}" t`,
      [VOLATILE_COLUMNS],
    );
    out[tablename] = row;
  }
  return out;
}
