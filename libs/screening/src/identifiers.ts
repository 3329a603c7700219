/**
 * Identifiers of companies and persons, matched exactly after normalisation.
 * Schemes are short codes; FollowTheMoney property names map onto them.
 */
export const IDENTIFIER_SCHEMES = [
  'lei', // ISO 17442 Legal Entity Identifier
  'duns', // Dun & Bradstreet
  'uei', // SAM.gov Unique Entity ID
  'cage', // US CAGE code
  'npi', // US National Provider Identifier
  'registration', // company register number (with country)
  'tax', // tax number (with country)
  'vat', // EU VAT number
  'inn', // Russian taxpayer number
  'ogrn', // Russian state registration number
  'okpo', // Russian statistics code
  'imo', // vessel or company IMO number
  'swift', // SWIFT / BIC
  'os_id', // Open Supply Hub production-location id
  'wb_supplier', // World Bank supplier id (SUPP_ID)
  'id', // other national identity number
  'other',
] as const;
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

export interface Identifier {
  scheme: IdentifierScheme;
  value: string;
  /** Issuing country (alpha-2), where the scheme is national. */
  country?: string | null;
}

/** FollowTheMoney identifier properties (followthemoney_schemata.json, type `identifier`) -> scheme. */
export const FTM_IDENTIFIER_PROPERTIES: Readonly<Record<string, IdentifierScheme>> = {
  leiCode: 'lei',
  dunsCode: 'duns',
  uniqueEntityId: 'uei',
  cageCode: 'cage',
  npiCode: 'npi',
  registrationNumber: 'registration',
  taxNumber: 'tax',
  irsCode: 'tax',
  vatCode: 'vat',
  innCode: 'inn',
  ogrnCode: 'ogrn',
  okpoCode: 'okpo',
  imoNumber: 'imo',
  swiftBic: 'swift',
  idNumber: 'id',
  voenCode: 'tax',
  bvdId: 'other',
  permId: 'other',
  licenseNumber: 'other',
};

/** Schemes whose numbers are only unique within a country: a match needs compatible countries. */
const NATIONAL_SCHEMES: ReadonlySet<IdentifierScheme> = new Set(['registration', 'tax', 'id', 'other']);

export function isIdentifierScheme(value: unknown): value is IdentifierScheme {
  return typeof value === 'string' && (IDENTIFIER_SCHEMES as readonly string[]).includes(value);
}

/** Upper case, no spaces, dots, dashes or slashes: "12-345.678 /a" -> "12345678A". */
export function normalizeIdentifierValue(value: string): string {
  return value.normalize('NFKC').toUpperCase().replace(/[\s.\-/_]/g, '');
}

/** Lookup key of an identifier: `scheme:VALUE`. */
export function identifierKey(id: Pick<Identifier, 'scheme' | 'value'>): string {
  return `${id.scheme}:${normalizeIdentifierValue(id.value)}`;
}

/** Whether two identifiers with the same key denote the same holder (national schemes need the same or an unknown country). */
export function identifiersCompatible(a: Identifier, b: Identifier): boolean {
  if (!NATIONAL_SCHEMES.has(a.scheme)) return true;
  return !a.country || !b.country || a.country === b.country;
}
