import type { RawRow } from '../parse/rows.js';
import { COPY_NULL as N, copyNullable, copyText, copyTextArray } from '../load/copy-text.js';
import { columnIndex } from './columns.js';
import { readCountry, readInt, readList, readRef, readText, show, type Issues } from './fields.js';
import { unresolved, upsertSql, type KindHandler, type KindSpec, type Queryable, type StagingColumn, type ValidationContext } from './kind-spec.js';

const C = columnIndex('suppliers');

const STAGING: readonly StagingColumn[] = [
  ['external_ref', 'text'],
  ['name', 'text'],
  ['country', 'text'],
  ['sector', 'text'],
  ['tier', 'smallint'],
  ['lei', 'text'],
  ['tax_id', 'text'],
  ['duns', 'text'],
  ['os_id', 'text'],
  ['parent_ref', 'text'],
  ['supplies_to', 'text[]'],
];
const TABLE_COLUMNS = STAGING.slice(0, 9).map(([c]) => c);

const LEI = /^[A-Z0-9]{18}[0-9]{2}$/;
const DUNS = /^\d{9}$/;

/** LEI (ISO 17442): 20 characters, upper-cased, spaces ignored. */
export function normalizeLei(v: string): string | null {
  const s = v.replace(/\s+/g, '').toUpperCase();
  return LEI.test(s) ? s : null;
}

/** D-U-N-S: 9 digits; hyphens and spaces ignored ("15-048-3782"). */
export function normalizeDuns(v: string): string | null {
  const s = v.replace(/[\s-]+/g, '');
  return DUNS.test(s) ? s : null;
}

class SuppliersHandler implements KindHandler {
  readonly staging = STAGING;
  /** Refs accepted earlier in this file (they may be parents / buyers of later rows), with their line. */
  private readonly inFile = new Map<string, number>();

  constructor(
    private readonly ctx: ValidationContext,
    private readonly existing: ReadonlySet<string>,
  ) {}

  private known(ref: string): boolean {
    return this.inFile.has(ref) || this.existing.has(ref);
  }

  validate(row: RawRow, issues: Issues): string | undefined {
    const start = issues.length;
    const ref = readRef(row, C.ref, 'ref', issues, true);
    if (ref !== undefined) {
      const first = this.inFile.get(ref);
      if (first !== undefined) issues.push({ field: 'ref', reason: `duplicate ref ${show(ref)}: line ${first} of this file has the same ref` });
    }
    const name = readText(row, C.name, 'name', issues, true, 500);
    const country = readCountry(row, C.country, 'country', issues, true);
    const sector = readText(row, C.sector, 'sector', issues, false, 200);
    const tier = readInt(row, C.tier, 'tier', issues, 1, 10) ?? 1;

    const parentRef = readRef(row, C.parent_ref, 'parent_ref', issues, false);
    if (parentRef !== undefined) {
      if (parentRef === ref) issues.push({ field: 'parent_ref', reason: 'a supplier cannot be its own parent' });
      else if (!this.known(parentRef)) issues.push({ field: 'parent_ref', reason: unresolved('supplier', parentRef, 'list parents before their subsidiaries, or import them first') });
    }
    const suppliesTo = readList(row, C.supplies_to, 'supplies_to', issues);
    if (suppliesTo !== undefined) {
      for (const buyer of suppliesTo) {
        if (buyer === ref) issues.push({ field: 'supplies_to', reason: 'a supplier cannot supply itself' });
        else if (!this.known(buyer)) issues.push({ field: 'supplies_to', reason: unresolved('supplier', buyer, 'list buyers before their suppliers, or import them first') });
      }
    }

    let lei: string | null = null;
    const leiRaw = readText(row, C.lei, 'lei', issues, false, 40);
    if (leiRaw !== undefined) {
      lei = normalizeLei(leiRaw);
      if (lei === null) issues.push({ field: 'lei', reason: `must be a 20-character LEI (18 letters or digits and 2 check digits); got ${show(leiRaw)}` });
    }
    const taxId = readText(row, C.tax_id, 'tax_id', issues, false, 100);
    let duns: string | null = null;
    const dunsRaw = readText(row, C.duns, 'duns', issues, false, 20);
    if (dunsRaw !== undefined) {
      duns = normalizeDuns(dunsRaw);
      if (duns === null) issues.push({ field: 'duns', reason: `must be a 9-digit D-U-N-S number; got ${show(dunsRaw)}` });
    }
    const osId = readText(row, C.os_id, 'os_id', issues, false, 100);

    if (issues.length > start) return undefined;
    this.inFile.set(ref!, row.line);
    return [
      copyText(ref!),
      copyText(name!),
      country!,
      copyNullable(sector),
      String(tier),
      lei ?? N,
      copyNullable(taxId),
      duns ?? N,
      copyNullable(osId),
      copyNullable(parentRef),
      copyTextArray([...new Set(suppliesTo)]),
    ].join('\t');
  }

  async merge(db: Queryable, staging: string): Promise<void> {
    const org = [this.ctx.organizationId];
    await db.query(upsertSql('suppliers', staging, TABLE_COLUMNS), org);
    // Corporate parent: set (or cleared) from parent_ref once every row of the file exists.
    await db.query(
      `UPDATE suppliers s SET parent_id = p.id, updated_at = now()
         FROM ${staging} t LEFT JOIN suppliers p ON p.organization_id = $1 AND p.external_ref = t.parent_ref
        WHERE s.organization_id = $1 AND s.external_ref = t.external_ref AND s.parent_id IS DISTINCT FROM p.id`,
      org,
    );
    // Trading edges: the row lists every buyer of the supplier; edges no longer listed are removed.
    await db.query(
      `DELETE FROM supply_links l
        USING ${staging} t, suppliers s, suppliers b
        WHERE s.organization_id = $1 AND s.external_ref = t.external_ref AND l.supplier_id = s.id
          AND b.id = l.buyer_id AND NOT (b.external_ref = ANY (t.supplies_to))`,
      org,
    );
    await db.query(
      `INSERT INTO supply_links (organization_id, supplier_id, buyer_id)
       SELECT $1, s.id, b.id
         FROM ${staging} t
         JOIN suppliers s ON s.organization_id = $1 AND s.external_ref = t.external_ref
         CROSS JOIN LATERAL unnest(t.supplies_to) AS r(ref)
         JOIN suppliers b ON b.organization_id = $1 AND b.external_ref = r.ref
       ON CONFLICT (supplier_id, buyer_id) DO NOTHING`,
      org,
    );
  }
}

export const suppliersKind: KindSpec = {
  kind: 'suppliers',
  table: 'suppliers',
  async prepare(db, ctx) {
    const { rows } = await db.query(`SELECT external_ref FROM suppliers WHERE organization_id = $1`, [ctx.organizationId]);
    return new SuppliersHandler(ctx, new Set((rows as { external_ref: string }[]).map((r) => r.external_ref)));
  },
};
