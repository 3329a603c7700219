import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Identifier } from '../identifiers.js';

/** Import formats of external exclusion lists (field lists: shared/data/interop/list_and_registry_formats.json). */
export const LIST_FORMATS = ['ftm', 'sam_exclusions', 'worldbank_debarred', 'cbp_wro', 'uflpa'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/**
 * What an in-force entry of a list does to a bid: `exclude` (a strong match
 * blocks it: SAM.gov exclusions, UFLPA Entity List, active CBP WROs) or
 * `review` (a match sends it to an officer: World Bank cross-debarment,
 * sanctions data in FtM).
 */
export const LIST_EFFECTS = ['exclude', 'review'] as const;
export type ListEffect = (typeof LIST_EFFECTS)[number];

export const DEFAULT_LIST_EFFECT: Readonly<Record<ListFormat, ListEffect>> = {
  ftm: 'review',
  sam_exclusions: 'exclude',
  worldbank_debarred: 'review',
  cbp_wro: 'exclude',
  uflpa: 'exclude',
};

export const NAME_KINDS = ['primary', 'alias', 'former', 'subsidiary', 'weak'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export const ENTRY_SCHEMAS = ['Company', 'Organization', 'LegalEntity', 'Person', 'PublicBody', 'Vessel'] as const;
export type EntrySchema = (typeof ENTRY_SCHEMAS)[number];

export interface ListName {
  name: string;
  kind: NameKind;
}

/** One listed party, in the list-independent shape every importer produces. */
export interface ParsedListEntry {
  /** Stable key of the entry within its list (used to diff snapshots and to remember adjudications). */
  sourceId: string;
  schema: EntrySchema;
  names: ListName[];
  countries: string[];
  identifiers: Identifier[];
  /** Programme, sub-list or exclusion type, as the source words it. */
  program: string | null;
  authority: string | null;
  reason: string | null;
  /** YYYY-MM-DD; null when the source gives none. */
  startsOn: string | null;
  /** YYYY-MM-DD; null = no end ("Indefinite"). */
  endsOn: string | null;
  /** Status as the source states it, where it states one (CBP: Active / Partially Active / Inactive). */
  sourceStatus: string | null;
  /** True when the source's status says the listing no longer applies (independently of dates). */
  inactive: boolean;
  details: Record<string, unknown>;
}

export interface ListIssue {
  /** 1-based line (CSV/JSONL) or item number (JSON), where known. */
  line?: number;
  reason: string;
}

export interface ParsedList {
  format: ListFormat;
  entries: ParsedListEntry[];
  issues: ListIssue[];
}

/** Bytes as text: UTF-8 when valid (BOM dropped), else Latin-1 (the CBP CSV is Latin-1). */
export function decodeText(bytes: Uint8Array | string): string {
  if (typeof bytes === 'string') return bytes.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** CSV rows as objects keyed by trimmed header; quoted fields may span lines. */
export function parseCsvRecords(text: string): { records: Record<string, string>[]; lines: number[] } {
  const lines: number[] = [];
  const records = parse(text, {
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    relax_column_count: true,
    trim: false,
    on_record: (record: Record<string, string>, context: { lines: number }) => {
      lines.push(context.lines);
      return record;
    },
  }) as Record<string, string>[];
  return { records, lines };
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Words meaning "no end date". */
const OPEN_ENDED = /^(indefinite|indefinitely|permanent|permanently|ongoing|none|n\/a|-)$/i;

export type ParsedDate = { ok: true; date: string | null } | { ok: false };

/**
 * A date as list publishers write it: ISO (`2024-03-01`, `2024-03-01T00:00:00`,
 * partial `2024` / `2024-03` = first day), US `03/01/2024`, `01-MAR-2024`,
 * `March 1, 2024`. Empty and `Indefinite`/`Permanent`/`Ongoing` give null.
 */
export function parseListDate(input: string | null | undefined): ParsedDate {
  const s = (input ?? '').trim();
  if (s === '' || OPEN_ENDED.test(s)) return { ok: true, date: null };
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) {
    const d = isoDate(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1));
    return d === null ? { ok: false } : { ok: true, date: d };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const d = isoDate(Number(m[3]), Number(m[1]), Number(m[2]));
    return d === null ? { ok: false } : { ok: true, date: d };
  }
  m = /^(\d{1,2})[- ]([A-Za-z]{3})[a-z]*[- ,]+(\d{4})$/.exec(s);
  if (m && MONTHS[m[2]!.toLowerCase()] !== undefined) {
    const d = isoDate(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
    return d === null ? { ok: false } : { ok: true, date: d };
  }
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m && MONTHS[m[1]!.toLowerCase()] !== undefined) {
    const d = isoDate(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]));
    return d === null ? { ok: false } : { ok: true, date: d };
  }
  return { ok: false };
}

/** Short stable id from parts (for sources without their own ids). */
export function stableId(prefix: string, ...parts: (string | null | undefined)[]): string {
  const h = createHash('sha256').update(parts.map((p) => (p ?? '').trim().toLowerCase()).join('\u241f')).digest('hex');
  return `${prefix}-${h.slice(0, 16)}`;
}

/** SHA-256 of an entry's content (what a re-import compares, and what an adjudication remembers). */
export function entryContentHash(e: ParsedListEntry): string {
  const canonical = {
    schema: e.schema,
    names: [...e.names].map((n) => `${n.kind}:${n.name}`).sort(),
    countries: [...e.countries].sort(),
    identifiers: e.identifiers.map((i) => `${i.scheme}:${i.value}:${i.country ?? ''}`).sort(),
    program: e.program,
    authority: e.authority,
    reason: e.reason,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    sourceStatus: e.sourceStatus,
    inactive: e.inactive,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** Unique, non-empty names, first occurrence (and its kind) wins. */
export function dedupeNames(names: ListName[]): ListName[] {
  const seen = new Set<string>();
  const out: ListName[] = [];
  for (const n of names) {
    const name = n.name.replace(/\s+/g, ' ').trim();
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ name, kind: n.kind });
  }
  return out;
}
