import type { RawRow } from '../parse/rows.js';
import { COPY_NULL as N, copyNullable, copyText } from '../load/copy-text.js';
import { columnIndex } from './columns.js';
import { readCountry, readInt, readRef, readShare, readText, type Issues } from './fields.js';
import { loadRefMap, unresolved, upsertSql, type KindHandler, type KindSpec, type Queryable, type StagingColumn, type ValidationContext } from './kind-spec.js';

const C = columnIndex('sites');

const STAGING: readonly StagingColumn[] = [
  ['external_ref', 'text'],
  ['supplier_id', 'uuid'],
  ['name', 'text'],
  ['address', 'text'],
  ['country', 'text'],
  ['sector', 'text'],
  ['headcount', 'integer'],
  ['migrant_worker_share', 'numeric(5,4)'],
  ['os_id', 'text'],
];

class SitesHandler implements KindHandler {
  readonly staging = STAGING;

  constructor(
    private readonly ctx: ValidationContext,
    private readonly suppliers: ReadonlyMap<string, string>,
  ) {}

  validate(row: RawRow, issues: Issues): string | undefined {
    const start = issues.length;
    const ref = readRef(row, C.ref, 'ref', issues, true);
    let supplierId: string | undefined;
    const supplierRef = readRef(row, C.supplier_ref, 'supplier_ref', issues, true);
    if (supplierRef !== undefined) {
      supplierId = this.suppliers.get(supplierRef);
      if (supplierId === undefined) issues.push({ field: 'supplier_ref', reason: unresolved('supplier', supplierRef, 'import the suppliers first') });
    }
    const name = readText(row, C.name, 'name', issues, true, 500);
    const address = readText(row, C.address, 'address', issues, false, 1000);
    const country = readCountry(row, C.country, 'country', issues, true);
    const sector = readText(row, C.sector, 'sector', issues, false, 200);
    const headcount = readInt(row, C.headcount, 'headcount', issues, 0, 10_000_000);
    const share = readShare(row, C.migrant_worker_share, 'migrant_worker_share', issues);
    const osId = readText(row, C.os_id, 'os_id', issues, false, 100);
    if (issues.length > start) return undefined;
    return [
      copyText(ref!),
      supplierId!,
      copyText(name!),
      copyNullable(address),
      country!,
      copyNullable(sector),
      headcount === undefined ? N : String(headcount),
      share ?? N,
      copyNullable(osId),
    ].join('\t');
  }

  async merge(db: Queryable, staging: string): Promise<void> {
    await db.query(upsertSql('sites', staging, STAGING.map(([c]) => c)), [this.ctx.organizationId]);
  }
}

export const sitesKind: KindSpec = {
  kind: 'sites',
  table: 'sites',
  async prepare(db, ctx) {
    return new SitesHandler(ctx, await loadRefMap(db, 'suppliers', ctx.organizationId));
  },
};
