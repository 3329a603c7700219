import { normalizeCountry } from '@lantern/domain';
import { FTM_IDENTIFIER_PROPERTIES, type Identifier } from '../identifiers.js';
import { dedupeNames, parseListDate, type EntrySchema, type ListIssue, type ListName, type ParsedList, type ParsedListEntry } from './types.js';

/** FtM schemata that become list entries (the matchable legal entities and vessels). */
const ENTRY_SCHEMATA: ReadonlySet<string> = new Set(['Company', 'Organization', 'LegalEntity', 'Person', 'PublicBody', 'Vessel']);
/** Properties of type `country` (followthemoney_schemata.json) on those schemata. */
const COUNTRY_PROPERTIES = ['country', 'jurisdiction', 'mainCountry', 'nationality', 'citizenship', 'flag'];

interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, unknown[]>;
  datasets?: string[];
  topics?: string[];
  referents?: string[];
}

function values(e: FtmEntity, prop: string): string[] {
  const v = e.properties?.[prop];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}

function earliest(dates: string[]): string | null {
  const ok = dates.map((d) => parseListDate(d)).flatMap((d) => (d.ok && d.date !== null ? [d.date] : []));
  return ok.length === 0 ? null : ok.sort()[0]!;
}

function latest(dates: string[]): string | null {
  const ok = dates.map((d) => parseListDate(d)).flatMap((d) => (d.ok && d.date !== null ? [d.date] : []));
  return ok.length === 0 ? null : ok.sort()[ok.length - 1]!;
}

/**
 * FollowTheMoney entities as JSON lines (the OpenSanctions / Aleph export).
 * Legal entities and vessels become entries; `Sanction` entities pointing at
 * them (`entity`) give programme, authority, reason and start/end dates;
 * `Address` entities referenced through `addressEntity` give a country when
 * the entity has none. Multilingual `name` values are aliases of the caption;
 * `previousName` is a former name, `weakAlias` a weak alias.
 */
export function parseFtm(text: string): ParsedList {
  const issues: ListIssue[] = [];
  const byId = new Map<string, FtmEntity>();
  const order: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let e: FtmEntity;
    try {
      e = JSON.parse(line) as FtmEntity;
    } catch (err) {
      issues.push({ line: i + 1, reason: `not JSON: ${(err as Error).message}` });
      return;
    }
    if (typeof e?.id !== 'string' || typeof e.schema !== 'string' || typeof e.properties !== 'object' || e.properties === null) {
      issues.push({ line: i + 1, reason: 'not a FollowTheMoney entity (needs id, schema, properties)' });
      return;
    }
    byId.set(e.id, e);
    order.push(e.id);
  });

  const sanctionsOf = new Map<string, FtmEntity[]>();
  for (const e of byId.values()) {
    if (e.schema !== 'Sanction') continue;
    for (const target of values(e, 'entity')) sanctionsOf.set(target, [...(sanctionsOf.get(target) ?? []), e]);
  }

  const entries: ParsedListEntry[] = [];
  for (const id of order) {
    const e = byId.get(id)!;
    if (!ENTRY_SCHEMATA.has(e.schema)) continue;
    const allNames = values(e, 'name');
    const caption = e.caption && allNames.includes(e.caption) ? e.caption : allNames[0];
    if (caption === undefined) {
      issues.push({ reason: `entity ${e.id} has no name: skipped` });
      continue;
    }
    const names: ListName[] = [
      { name: caption, kind: 'primary' },
      ...allNames.map((n) => ({ name: n, kind: 'alias' as const })),
      ...values(e, 'alias').map((n) => ({ name: n, kind: 'alias' as const })),
      ...values(e, 'previousName').map((n) => ({ name: n, kind: 'former' as const })),
      ...values(e, 'weakAlias').map((n) => ({ name: n, kind: 'weak' as const })),
    ];
    const countries = new Set<string>();
    for (const p of COUNTRY_PROPERTIES) for (const c of values(e, p)) {
      const code = normalizeCountry(c);
      if (code !== null) countries.add(code);
    }
    const addresses: string[] = [];
    for (const ref of values(e, 'addressEntity')) {
      const a = byId.get(ref);
      if (a === undefined) continue;
      addresses.push(...values(a, 'full'));
      if (countries.size === 0) for (const c of values(a, 'country')) {
        const code = normalizeCountry(c);
        if (code !== null) countries.add(code);
      }
    }
    const identifiers: Identifier[] = [];
    const country = countries.size === 1 ? [...countries][0]! : null;
    for (const [prop, scheme] of Object.entries(FTM_IDENTIFIER_PROPERTIES)) {
      for (const v of values(e, prop)) identifiers.push({ scheme, value: v, country });
    }
    const sanctions = sanctionsOf.get(e.id) ?? [];
    const startDates = sanctions.flatMap((s) => [...values(s, 'startDate'), ...values(s, 'listingDate')]);
    const endDates = sanctions.flatMap((s) => values(s, 'endDate'));
    // Open-ended unless every sanction has an end date.
    const endsOn = sanctions.length > 0 && sanctions.every((s) => values(s, 'endDate').length > 0) ? latest(endDates) : null;
    entries.push({
      sourceId: e.id,
      schema: e.schema as EntrySchema,
      names: dedupeNames(names),
      countries: [...countries].sort(),
      identifiers,
      program: [...new Set(sanctions.flatMap((s) => values(s, 'program')))].join('; ') || (e.topics ?? values(e, 'topics')).join(', ') || null,
      authority: [...new Set(sanctions.flatMap((s) => values(s, 'authority')))].join('; ') || null,
      reason: [...new Set(sanctions.flatMap((s) => values(s, 'reason')))].join('; ') || values(e, 'notes').join('; ') || null,
      startsOn: earliest(startDates) ?? earliest(values(e, 'createdAt')),
      endsOn,
      sourceStatus: [...new Set(sanctions.flatMap((s) => values(s, 'status')))].join('; ') || null,
      inactive: false,
      details: {
        addresses: addresses.length > 0 ? addresses : undefined,
        datasets: e.datasets,
        topics: values(e, 'topics').length > 0 ? values(e, 'topics') : undefined,
        position: values(e, 'position').length > 0 ? values(e, 'position') : undefined,
        birthDate: values(e, 'birthDate')[0],
      },
    });
  }
  return { format: 'ftm', entries, issues };
}
