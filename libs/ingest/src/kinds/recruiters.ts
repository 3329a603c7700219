import { LICENCE_STATUSES, RECRUITER_CERTIFICATIONS } from '@lantern/domain';
import type { RawRow } from '../parse/rows.js';
import { copyNullable, copyText, copyTextArray } from '../load/copy-text.js';
import { columnIndex } from './columns.js';
import { countryCode, normalizeToken, readCountry, readEnum, readList, readRef, readText, show, type Issues } from './fields.js';
import { upsertSql, type KindHandler, type KindSpec, type Queryable, type StagingColumn, type ValidationContext } from './kind-spec.js';

const C = columnIndex('recruiters');

const STAGING: readonly StagingColumn[] = [
  ['external_ref', 'text'],
  ['name', 'text'],
  ['country', 'text'],
  ['licence_number', 'text'],
  ['licence_status', 'text'],
  ['licence_authority', 'text'],
  ['countries_of_operation', 'char(2)[]'],
  ['certifications', 'text[]'],
];

class RecruitersHandler implements KindHandler {
  readonly staging = STAGING;

  constructor(private readonly ctx: ValidationContext) {}

  validate(row: RawRow, issues: Issues): string | undefined {
    const start = issues.length;
    const ref = readRef(row, C.ref, 'ref', issues, true);
    const name = readText(row, C.name, 'name', issues, true, 500);
    const country = readCountry(row, C.country, 'country', issues, true);
    const licenceNumber = readText(row, C.licence_number, 'licence_number', issues, false, 100);
    const licenceStatus = readEnum(row, C.licence_status, 'licence_status', issues, LICENCE_STATUSES, 'unknown');
    const licenceAuthority = readText(row, C.licence_authority, 'licence_authority', issues, false, 500);

    const countries: string[] = [];
    const rawCountries = readList(row, C.countries_of_operation, 'countries_of_operation', issues);
    rawCountries?.forEach((c, i) => {
      const code = countryCode(c);
      if (code === null) issues.push({ field: `countries_of_operation[${i}]`, reason: `unknown country ${show(c)} (use ISO 3166-1 codes or English names)` });
      else if (!countries.includes(code)) countries.push(code);
    });

    const certifications: string[] = [];
    const rawCertifications = readList(row, C.certifications, 'certifications', issues);
    rawCertifications?.forEach((c, i) => {
      const t = normalizeToken(c);
      if (!(RECRUITER_CERTIFICATIONS as readonly string[]).includes(t)) {
        issues.push({ field: `certifications[${i}]`, reason: `must be one of ${RECRUITER_CERTIFICATIONS.join(', ')}; got ${show(c)}` });
      } else if (!certifications.includes(t)) certifications.push(t);
    });

    if (issues.length > start) return undefined;
    return [
      copyText(ref!),
      copyText(name!),
      country!,
      copyNullable(licenceNumber),
      licenceStatus!,
      copyNullable(licenceAuthority),
      copyTextArray(countries),
      copyTextArray(certifications),
    ].join('\t');
  }

  async merge(db: Queryable, staging: string): Promise<void> {
    await db.query(upsertSql('recruiters', staging, STAGING.map(([c]) => c)), [this.ctx.organizationId]);
  }
}

export const recruitersKind: KindSpec = {
  kind: 'recruiters',
  table: 'recruiters',
  async prepare(_db, ctx) {
    return new RecruitersHandler(ctx);
  },
};
