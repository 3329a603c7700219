import { createHash } from 'node:crypto';
import { DEFAULT_THRESHOLDS, decide } from '../decision/decide.js';
import type {
  BlockStatus,
  CountryEvidence,
  Decision,
  PartyDecision,
  PartyRef,
  PartyRole,
  RuleRef,
  ScreeningMatch,
  ScreeningParty,
  SuppressedMatch,
  Thresholds,
} from '../decision/types.js';
import { identifierKey, identifiersCompatible, type Identifier } from '../identifiers.js';
import { farCompliancePlan, type CompliancePlanAssessment, type ContractPortion } from '../legal/far.js';
import { dayOf } from '../legal/dates.js';
import type { ListEffect, ListName, NameKind } from '../lists/types.js';
import { Corpus, partyQuery, type RawMatch } from '../match/corpus.js';
import { nameKey, normalizeName } from '../normalize/normalize-name.js';
import { loadSnapshotCorpus, type SnapshotCorpus } from './corpus-loader.js';
import type { PgPool } from './pg.js';

export interface PartyInput {
  name: string;
  aliases?: string[];
  identifiers?: Identifier[];
  country?: string | null;
}

export interface TenderInput {
  reference?: string;
  title?: string;
  /** Contract portions, for the FAR 52.222-50(h) compliance-plan test. */
  portions?: ContractPortion[];
  /** Override of the FAR compliance-plan threshold (USD). */
  farThresholdUsd?: number;
  [key: string]: unknown;
}

export interface ScreeningRequest {
  bidder: PartyInput;
  subcontractors?: PartyInput[];
  recruiters?: PartyInput[];
  tender?: TenderInput;
}

export interface ScreeningCaller {
  organizationId: string;
}

export interface ListUsed {
  id: string;
  name: string;
  format: string;
  effect: ListEffect;
  snapshotId: string;
  version: number;
  sourceDate: string | null;
  scope: 'organization' | 'platform';
}

export interface BlockBehind {
  id: string;
  status: BlockStatus;
  ground: string;
  scope: 'organization' | 'jurisdiction';
  jurisdiction: string;
  startsOn: string;
  endsOn: string;
  ownedByYou: boolean;
  inForce: boolean;
}

export interface AssessmentBehind {
  subjectType: 'supplier' | 'recruiter';
  subjectId: string;
  name: string;
  band: string | null;
  overall: number | null;
  assessedAt: string | null;
  openRecommendations: number;
}

/** The answer to a screening (what the API returns, less the id and time the recorder adds). */
export interface ScreeningAnswer {
  decision: Decision;
  rule: RuleRef;
  reasons: string[];
  matches: ScreeningMatch[];
  suppressed: SuppressedMatch[];
  parties: PartyDecision[];
  blocks: BlockBehind[];
  assessments: AssessmentBehind[];
  obligations: { farCompliancePlan?: CompliancePlanAssessment };
  lists: ListUsed[];
  thresholds: Thresholds;
}

export interface ScreeningOutcome {
  answer: ScreeningAnswer;
  /** Party keys (normalised name keys) of every screened party, for re-screening and adjudication lookups. */
  partyKeys: string[];
  dataVersion: { lists: { listId: string; snapshotId: string; version: number }[]; context: string };
}

export interface EngineOptions {
  thresholds?: Thresholds;
  /** How long an organisation's context is trusted before its fingerprint is re-checked (default 1000 ms). */
  contextTtlMs?: number;
  /** Snapshots with at most this many entries are loaded before answering; larger ones load in the background while the previous snapshot keeps answering. */
  syncLoadMaxEntries?: number;
  now?: () => Date;
  log?: (message: string) => void;
}

interface ListRow {
  id: string;
  organization_id: string | null;
  name: string;
  format: string;
  effect: ListEffect;
  snapshot_id: string;
  version: number;
  source_date: string | null;
  entry_count: number;
}

interface BlockRow {
  id: string;
  organization_id: string;
  supplier_id: string | null;
  subject_name: string;
  subject_aliases: string[];
  subject_identifiers: Identifier[];
  subject_country: string | null;
  scope: 'organization' | 'jurisdiction';
  jurisdiction: string;
  legal_ground: string;
  status: BlockStatus;
  starts_on: string;
  ends_on: string;
  program: string | null;
  reason: string;
  content_hash: string;
}

interface RegistryRow {
  kind: 'supplier' | 'recruiter';
  id: string;
  external_ref: string;
  name: string;
  country: string;
  identifiers: Identifier[];
  band: string | null;
  overall: number | null;
  assessed_at: string | null;
  open_recommendations: number;
  content_hash: string;
}

interface OrgContext {
  organizationId: string;
  kind: string;
  jurisdiction: string;
  fingerprint: string;
  checkedAt: number;
  lists: { row: ListRow; corpus: SnapshotCorpus }[];
  blocks: BlockRow[];
  blocksCorpus: Corpus;
  registry: RegistryRow[];
  registryCorpus: Corpus;
}

interface EntryRow {
  id: string;
  snapshot_id: string;
  source_id: string;
  caption: string;
  names: ListName[];
  countries: string[];
  identifiers: Identifier[];
  program: string | null;
  authority: string | null;
  reason: string | null;
  starts_on: string | null;
  ends_on: string | null;
  in_force: boolean;
  content_hash: string;
}

interface Adjudication {
  id: string;
  party_key: string;
  record_key: string;
  record_content_hash: string;
  reason: string;
  created_at: Date;
}

const ROLE_ORDER: Record<PartyRole, number> = { bidder: 0, subcontractor: 1, recruiter: 2 };
const STRENGTH_ORDER = { identifier: 0, strong: 1, possible: 2 };

function sha(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function countryEvidence(party: string | null, record: readonly string[]): CountryEvidence {
  if (!party || record.length === 0) return 'unknown';
  return record.includes(party) ? 'agrees' : 'conflicts';
}

/** The parties of a request, in order: bidder, subcontractors, recruiters. */
export function partiesOf(request: ScreeningRequest): ScreeningParty[] {
  const make = (role: PartyRole, index: number, p: PartyInput): ScreeningParty => ({
    role,
    index,
    name: p.name,
    aliases: p.aliases ?? [],
    identifiers: p.identifiers ?? [],
    country: p.country ?? null,
  });
  return [
    make('bidder', 0, request.bidder),
    ...(request.subcontractors ?? []).map((p, i) => make('subcontractor', i, p)),
    ...(request.recruiters ?? []).map((p, i) => make('recruiter', i, p)),
  ];
}

/** The adjudication key of a party: its main name, normalised and order-insensitive. */
export function partyKeyOf(name: string): string {
  return nameKey(normalizeName(name)) || name.trim().toLowerCase();
}

/**
 * Screens bids against an organisation's exclusion lists (its own and the
 * platform-wide ones), its blocks and the blocks published in its
 * jurisdiction, and its supplier register (risk bands, block
 * recommendations). Shared by the API and the worker (re-screening).
 *
 * State is a cache of PostgreSQL, never the record: each snapshot's index is
 * built once per process and shared by every organisation that uses the list;
 * an organisation's context (which snapshots, its blocks, its registry) is
 * re-validated against a fingerprint query at most once per `contextTtlMs`,
 * and immediately after a change made through this process (`invalidate`).
 * Another instance's change is therefore seen within `contextTtlMs`. Whether
 * a list entry is in force is computed from its dates when the match is read.
 */
export class ScreeningEngine {
  private readonly thresholds: Thresholds;
  private readonly ttl: number;
  private readonly syncLoadMaxEntries: number;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;
  private readonly snapshots = new Map<string, Promise<SnapshotCorpus>>();
  private readonly contexts = new Map<string, Promise<OrgContext>>();

  constructor(
    private readonly pool: PgPool,
    options: EngineOptions = {},
  ) {
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.ttl = options.contextTtlMs ?? 1000;
    this.syncLoadMaxEntries = options.syncLoadMaxEntries ?? 50_000;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
  }

  /** Forget an organisation's context (or every one): the next screening re-reads it. */
  invalidate(organizationId?: string): void {
    if (organizationId === undefined) this.contexts.clear();
    else this.contexts.delete(organizationId);
  }

  /** Build (or reuse) the index of a snapshot. */
  snapshot(snapshotId: string): Promise<SnapshotCorpus> {
    let p = this.snapshots.get(snapshotId);
    if (p === undefined) {
      p = loadSnapshotCorpus(this.pool, snapshotId).then((s) => {
        this.log(`snapshot ${snapshotId}: ${s.corpus.records} entries, ${s.corpus.names} names indexed in ${s.loadMs} ms`);
        return s;
      });
      p.catch(() => this.snapshots.delete(snapshotId));
      this.snapshots.set(snapshotId, p);
    }
    return p;
  }

  private async fingerprint(organizationId: string): Promise<{ fingerprint: string; kind: string; jurisdiction: string; lists: ListRow[] } | null> {
    const { rows } = await this.pool.query<{ kind: string; jurisdiction: string; lists: ListRow[]; blocks: string; registry: string; risk: string }>(
      `SELECT o.kind, o.jurisdiction,
         (SELECT coalesce(json_agg(json_build_object('id', l.id, 'organization_id', l.organization_id, 'name', l.name, 'format', l.format, 'effect', l.effect,
                   'snapshot_id', s.id, 'version', s.version, 'source_date', s.source_date, 'entry_count', s.entry_count) ORDER BY l.created_at, l.id), '[]')
            FROM exclusion_lists l JOIN exclusion_list_snapshots s ON s.id = l.current_snapshot_id
           WHERE l.organization_id = o.id OR l.organization_id IS NULL) AS lists,
         (SELECT concat(count(*), '/', max(b.updated_at)) FROM blocks b
           WHERE b.organization_id = o.id
              OR (b.published_at IS NOT NULL AND b.jurisdiction = o.jurisdiction AND o.kind IN ('procurement_authority', 'regulator'))) AS blocks,
         (SELECT concat(count(*), '/', max(updated_at)) FROM suppliers WHERE organization_id = o.id)
           || '|' || (SELECT concat(count(*), '/', max(updated_at)) FROM recruiters WHERE organization_id = o.id) AS registry,
         (SELECT concat(count(*), '/', max(assessed_at)) FROM current_assessments WHERE organization_id = o.id AND subject_type IN ('supplier', 'recruiter'))
           || '|' || (SELECT concat(count(*), '/', max(created_at)) FROM block_recommendations WHERE organization_id = o.id) AS risk
       FROM organizations o WHERE o.id = $1`,
      [organizationId],
    );
    const r = rows[0];
    if (r === undefined) return null;
    const lists = r.lists.map((l) => ({ ...l, version: Number(l.version), entry_count: Number(l.entry_count) }));
    return { kind: r.kind, jurisdiction: r.jurisdiction, lists, fingerprint: sha([lists.map((l) => l.snapshot_id), r.blocks, r.registry, r.risk, dayOf(this.now())]) };
  }

  private async loadBlocks(organizationId: string, jurisdiction: string, kind: string): Promise<BlockRow[]> {
    const { rows } = await this.pool.query<BlockRow & { updated_at: Date }>(
      `SELECT b.id, b.organization_id, b.supplier_id, b.subject_name, b.subject_aliases, b.subject_identifiers, b.subject_country, b.scope,
              b.jurisdiction, b.legal_ground, b.status, b.starts_on::text, b.ends_on::text, b.reason, b.updated_at
         FROM blocks b
        WHERE b.organization_id = $1 OR (b.published_at IS NOT NULL AND b.jurisdiction = $2 AND $3)
        ORDER BY b.created_at, b.id`,
      [organizationId, jurisdiction, kind === 'procurement_authority' || kind === 'regulator'],
    );
    return rows.map((b) => ({
      ...b,
      program: null,
      content_hash: sha([b.subject_name, b.subject_aliases, b.subject_identifiers, b.subject_country, b.status, b.legal_ground, b.starts_on, b.ends_on, b.scope]),
    }));
  }

  private async loadRegistry(organizationId: string): Promise<RegistryRow[]> {
    const { rows } = await this.pool.query<Omit<RegistryRow, 'content_hash' | 'identifiers'> & { lei: string | null; duns: string | null; tax_id: string | null; os_id: string | null; licence_number: string | null }>(
      `WITH subjects AS (
         SELECT 'supplier' AS kind, s.id, s.external_ref, s.name, s.country, s.lei, s.duns, s.tax_id, s.os_id, NULL::text AS licence_number
           FROM suppliers s WHERE s.organization_id = $1
         UNION ALL
         SELECT 'recruiter', r.id, r.external_ref, r.name, r.country, NULL, NULL, NULL, NULL, r.licence_number
           FROM recruiters r WHERE r.organization_id = $1)
       SELECT x.*, ca.band, ca.overall::float8 AS overall, ca.assessed_at::text AS assessed_at,
              (SELECT count(*)::int FROM block_recommendations br
                WHERE br.organization_id = $1 AND br.subject_type = x.kind AND br.subject_id = x.id AND br.assessment_id = ca.assessment_id
                  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.recommendation_id = br.id)) AS open_recommendations
         FROM subjects x
         LEFT JOIN current_assessments ca ON ca.organization_id = $1 AND ca.subject_type = x.kind AND ca.subject_id = x.id`,
      [organizationId],
    );
    return rows.map((r) => {
      const identifiers: Identifier[] = [];
      if (r.lei) identifiers.push({ scheme: 'lei', value: r.lei });
      if (r.duns) identifiers.push({ scheme: 'duns', value: r.duns });
      if (r.tax_id) identifiers.push({ scheme: 'tax', value: r.tax_id, country: r.country });
      if (r.os_id) identifiers.push({ scheme: 'os_id', value: r.os_id });
      if (r.licence_number) identifiers.push({ scheme: 'other', value: r.licence_number, country: r.country });
      return {
        kind: r.kind,
        id: r.id,
        external_ref: r.external_ref,
        name: r.name,
        country: r.country,
        identifiers,
        band: r.band,
        overall: r.overall,
        assessed_at: r.assessed_at,
        open_recommendations: r.open_recommendations ?? 0,
        content_hash: sha([r.name, r.country, identifiers]),
      };
    });
  }

  private async buildContext(organizationId: string, fp: NonNullable<Awaited<ReturnType<ScreeningEngine['fingerprint']>>>, previous: OrgContext | undefined): Promise<OrgContext> {
    const lists: OrgContext['lists'] = [];
    for (const row of fp.lists) {
      const cached = this.snapshots.get(row.snapshot_id);
      const old = previous?.lists.find((l) => l.row.id === row.id);
      if (cached === undefined && old !== undefined && row.entry_count > this.syncLoadMaxEntries) {
        // A large refresh: keep answering from the previous snapshot until the new one is indexed.
        this.snapshot(row.snapshot_id).then(
          () => this.invalidate(organizationId),
          (err: Error) => this.log(`snapshot ${row.snapshot_id} failed to load: ${err.message}`),
        );
        lists.push(old);
        continue;
      }
      lists.push({ row, corpus: await this.snapshot(row.snapshot_id) });
    }
    const [blocks, registry] = await Promise.all([this.loadBlocks(organizationId, fp.jurisdiction, fp.kind), this.loadRegistry(organizationId)]);
    const blocksCorpus = Corpus.build(
      blocks.map((b) => ({
        names: [b.subject_name, ...b.subject_aliases].map((n, i) => ({ kind: (i === 0 ? 'primary' : 'alias') as NameKind, tokens: normalizeName(n).tokens })),
        identifierKeys: b.subject_identifiers.map(identifierKey),
      })),
    );
    const registryCorpus = Corpus.build(
      registry.map((r) => ({ names: [{ kind: 'primary' as const, tokens: normalizeName(r.name).tokens }], identifierKeys: r.identifiers.map(identifierKey) })),
    );
    const replaced = (previous?.lists ?? []).map((l) => l.corpus.snapshotId).filter((id) => !lists.some((l) => l.corpus.snapshotId === id));
    const ctx: OrgContext = { organizationId, kind: fp.kind, jurisdiction: fp.jurisdiction, fingerprint: fp.fingerprint, checkedAt: Date.now(), lists, blocks, blocksCorpus, registry, registryCorpus };
    if (replaced.length > 0) this.release(replaced, ctx);
    return ctx;
  }

  /**
   * Forget the indexes of snapshots a refresh replaced, unless another cached
   * context still answers from them (a million-entry index is a gigabyte).
   */
  private release(snapshotIds: string[], fresh: OrgContext): void {
    void Promise.all([...this.contexts.values()].map((p) => p.catch(() => null))).then((ctxs) => {
      const used = new Set([...ctxs, fresh].flatMap((c) => (c === null || c.organizationId === fresh.organizationId && c !== fresh ? [] : c.lists.map((l) => l.corpus.snapshotId))));
      for (const id of snapshotIds) if (!used.has(id)) this.snapshots.delete(id);
    });
  }

  private async context(organizationId: string): Promise<OrgContext> {
    const cached = this.contexts.get(organizationId);
    if (cached !== undefined) {
      const ctx = await cached;
      if (Date.now() - ctx.checkedAt < this.ttl) return ctx;
      const revalidate = (async () => {
        const fp = await this.fingerprint(organizationId);
        if (fp === null) throw new Error(`organization ${organizationId} not found`);
        if (fp.fingerprint === ctx.fingerprint) {
          ctx.checkedAt = Date.now();
          return ctx;
        }
        return this.buildContext(organizationId, fp, ctx);
      })();
      // Concurrent requests share one revalidation; a failure is not cached.
      this.contexts.set(organizationId, revalidate);
      revalidate.catch(() => this.contexts.delete(organizationId));
      return revalidate;
    }
    const build = (async () => {
      const fp = await this.fingerprint(organizationId);
      if (fp === null) throw new Error(`organization ${organizationId} not found`);
      return this.buildContext(organizationId, fp, undefined);
    })();
    this.contexts.set(organizationId, build);
    build.catch(() => this.contexts.delete(organizationId));
    return build;
  }

  /**
   * Screen a bid. Pure of side effects: the caller records the answer.
   * `registry: false` leaves out the organisation's own supplier register (to
   * re-check the suppliers themselves against lists and blocks).
   */
  async screen(caller: ScreeningCaller, request: ScreeningRequest, options: { registry?: boolean } = {}): Promise<ScreeningOutcome> {
    const ctx = await this.context(caller.organizationId);
    const today = dayOf(this.now());
    const parties = partiesOf(request);
    const refs: PartyRef[] = parties.map((p) => ({ role: p.role, index: p.index, name: p.name }));

    type Pending = { party: ScreeningParty; ref: PartyRef; raw: RawMatch };
    const listHits: (Pending & { list: OrgContext['lists'][number] })[] = [];
    const blockHits: Pending[] = [];
    const registryHits: Pending[] = [];
    for (const [i, party] of parties.entries()) {
      const q = partyQuery(party.name, party.aliases, party.identifiers);
      const ref = refs[i]!;
      for (const list of ctx.lists) for (const raw of list.corpus.corpus.match(q, this.thresholds)) listHits.push({ party, ref, raw, list });
      for (const raw of ctx.blocksCorpus.match(q, this.thresholds)) blockHits.push({ party, ref, raw });
      if (options.registry !== false) for (const raw of ctx.registryCorpus.match(q, this.thresholds)) registryHits.push({ party, ref, raw });
    }

    const matches: ScreeningMatch[] = [];
    if (listHits.length > 0) {
      const ids = [...new Set(listHits.map((h) => h.list.corpus.entryIds[h.raw.record]!))];
      const { rows } = await this.pool.query<EntryRow>(
        `SELECT e.id, e.snapshot_id, e.source_id, e.caption, e.names, e.countries, e.identifiers, e.program, e.authority, e.reason,
                e.starts_on::text, e.ends_on::text, e.content_hash,
                (NOT e.inactive AND (e.starts_on IS NULL OR e.starts_on <= $2::date) AND (e.ends_on IS NULL OR e.ends_on >= $2::date)) AS in_force
           FROM exclusion_entries e WHERE e.id = ANY($1::bigint[])`,
        [ids, today],
      );
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      for (const h of listHits) {
        const e = byId.get(h.list.corpus.entryIds[h.raw.record]!);
        if (e === undefined) continue; // the snapshot was superseded and cleaned up in between
        const m = this.toMatch(h.party, h.ref, h.raw, {
          key: `list:${h.list.row.id}:${e.source_id}`,
          id: e.id,
          names: e.names,
          countries: e.countries,
          identifiers: e.identifiers,
          contentHash: e.content_hash,
        });
        if (m === null) continue;
        m.source = 'exclusion_list';
        Object.assign(m.record, {
          inForce: e.in_force,
          list: {
            id: h.list.row.id,
            name: h.list.row.name,
            format: h.list.row.format,
            effect: h.list.row.effect,
            snapshotId: h.list.row.snapshot_id,
            version: h.list.row.version,
            sourceDate: h.list.row.source_date,
          },
          program: e.program,
          authority: e.authority,
          reason: e.reason,
          startsOn: e.starts_on,
          endsOn: e.ends_on,
        });
        matches.push(m);
      }
    }
    for (const h of blockHits) {
      const b = ctx.blocks[h.raw.record]!;
      const names: ListName[] = [b.subject_name, ...b.subject_aliases].map((n, i) => ({ name: n, kind: i === 0 ? 'primary' : 'alias' }));
      const m = this.toMatch(h.party, h.ref, h.raw, {
        key: `block:${b.id}`,
        id: b.id,
        names,
        countries: b.subject_country ? [b.subject_country] : [],
        identifiers: b.subject_identifiers,
        contentHash: b.content_hash,
      });
      if (m === null) continue;
      const started = b.starts_on <= today;
      const ended = b.ends_on < today;
      const status: BlockStatus = b.status === 'active' && ended ? 'expired' : b.status;
      m.source = 'block';
      Object.assign(m.record, {
        inForce: status === 'active' && started && !ended,
        startsOn: b.starts_on,
        endsOn: b.ends_on,
        reason: b.reason,
        block: {
          status,
          ground: b.legal_ground,
          scope: b.scope,
          jurisdiction: b.jurisdiction,
          ownedByYou: b.organization_id === caller.organizationId,
          supplierId: b.supplier_id,
          upcoming: status === 'active' && !started,
        },
      });
      matches.push(m);
    }
    for (const h of registryHits) {
      const r = ctx.registry[h.raw.record]!;
      const m = this.toMatch(h.party, h.ref, h.raw, {
        key: `${r.kind}:${r.id}`,
        id: r.id,
        names: [{ name: r.name, kind: 'primary' }],
        countries: [r.country],
        identifiers: r.identifiers,
        contentHash: r.content_hash,
      });
      if (m === null) continue;
      m.source = 'supplier';
      Object.assign(m.record, {
        inForce: false,
        supplier: { kind: r.kind, externalRef: r.external_ref, riskBand: r.band, overall: r.overall, assessedAt: r.assessed_at, openRecommendations: r.open_recommendations },
      });
      matches.push(m);
    }

    // Adjudication memory: a dismissed pair stays dismissed while the record is unchanged.
    const suppressed: SuppressedMatch[] = [];
    let kept = matches;
    if (matches.length > 0) {
      const partyKeys = [...new Set(matches.map((m) => partyKeyOf(m.party.name)))];
      const { rows: adjudications } = await this.pool.query<Adjudication>(
        `SELECT id, party_key, record_key, record_content_hash, reason, created_at FROM match_adjudications
          WHERE organization_id = $1 AND revoked_at IS NULL AND party_key = ANY($2::text[]) AND record_key = ANY($3::text[])`,
        [caller.organizationId, partyKeys, [...new Set(matches.map((m) => m.record.key))]],
      );
      if (adjudications.length > 0) {
        kept = [];
        for (const m of matches) {
          const a = adjudications.find((x) => x.party_key === partyKeyOf(m.party.name) && x.record_key === m.record.key);
          if (a !== undefined && a.record_content_hash === m.record.contentHash) {
            suppressed.push({ match: m, adjudication: { id: a.id, reason: a.reason, decidedAt: a.created_at.toISOString() } });
            continue;
          }
          if (a !== undefined) (m as ScreeningMatch & { adjudication?: unknown }).adjudication = { id: a.id, stale: true, decidedAt: a.created_at.toISOString(), note: 'dismissed as a false positive, but the record has changed since' };
          kept.push(m);
        }
      }
    }
    kept.sort(
      (a, b) =>
        ROLE_ORDER[a.party.role] - ROLE_ORDER[b.party.role] || a.party.index - b.party.index || STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] || b.score - a.score,
    );

    const result = decide(refs, kept);
    const blocksBehind: BlockBehind[] = [];
    const assessments: AssessmentBehind[] = [];
    for (const m of kept) {
      if (m.source === 'block' && m.record.block && !blocksBehind.some((b) => b.id === m.record.id)) {
        blocksBehind.push({
          id: m.record.id,
          status: m.record.block.status,
          ground: m.record.block.ground,
          scope: m.record.block.scope,
          jurisdiction: m.record.block.jurisdiction ?? '',
          startsOn: m.record.startsOn ?? '',
          endsOn: m.record.endsOn ?? '',
          ownedByYou: m.record.block.ownedByYou,
          inForce: m.record.inForce,
        });
      }
      const s = m.record.supplier as (NonNullable<ScreeningMatch['record']['supplier']> & { kind?: 'supplier' | 'recruiter'; overall?: number | null }) | undefined;
      if (m.source === 'supplier' && s && (s.riskBand !== null || s.openRecommendations > 0) && !assessments.some((a) => a.subjectId === m.record.id)) {
        assessments.push({
          subjectType: s.kind ?? 'supplier',
          subjectId: m.record.id,
          name: m.record.name,
          band: s.riskBand,
          overall: s.overall ?? null,
          assessedAt: s.assessedAt,
          openRecommendations: s.openRecommendations,
        });
      }
    }
    const obligations: ScreeningAnswer['obligations'] = {};
    if (request.tender?.portions !== undefined && request.tender.portions.length > 0) {
      obligations.farCompliancePlan = farCompliancePlan(request.tender.portions, request.tender.farThresholdUsd);
    }
    const lists: ListUsed[] = ctx.lists.map((l) => ({
      id: l.row.id,
      name: l.row.name,
      format: l.row.format,
      effect: l.row.effect,
      snapshotId: l.corpus.snapshotId,
      version: l.row.version,
      sourceDate: l.row.source_date,
      scope: l.row.organization_id === null ? 'platform' : 'organization',
    }));
    return {
      answer: {
        decision: result.decision,
        rule: result.rule,
        reasons: result.reasons,
        matches: kept,
        suppressed,
        parties: result.parties,
        blocks: blocksBehind,
        assessments,
        obligations,
        lists,
        thresholds: this.thresholds,
      },
      partyKeys: [...new Set(parties.map((p) => partyKeyOf(p.name)))],
      dataVersion: { lists: ctx.lists.map((l) => ({ listId: l.row.id, snapshotId: l.corpus.snapshotId, version: l.row.version })), context: ctx.fingerprint },
    };
  }

  /** A raw match as an answer match (null when an identifier match turns out incompatible and no name matched). */
  private toMatch(
    party: ScreeningParty,
    ref: PartyRef,
    raw: RawMatch,
    rec: { key: string; id: string; names: ListName[]; countries: string[]; identifiers: Identifier[]; contentHash: string },
  ): ScreeningMatch | null {
    let strength = raw.strength;
    let score = raw.score;
    const matchedIdentifiers: { scheme: string; value: string }[] = [];
    if (raw.identifierKeys.length > 0) {
      for (const key of raw.identifierKeys) {
        const mine = party.identifiers.find((i) => identifierKey(i) === key);
        const theirs = rec.identifiers.find((i) => identifierKey(i) === key);
        if (mine && theirs && identifiersCompatible({ ...mine, country: mine.country ?? party.country }, theirs)) matchedIdentifiers.push({ scheme: mine.scheme, value: mine.value });
      }
      if (matchedIdentifiers.length === 0) {
        if (raw.nameOrdinal < 0) return null;
        // Identifier numbers agree but their countries do not: fall back to the name evidence.
        score = raw.nameScore ?? 0;
        if (score < this.thresholds.review) return null;
        strength = score >= this.thresholds.strong && raw.nameKind !== 'weak' ? 'strong' : 'possible';
      }
    }
    const matched = raw.nameOrdinal >= 0 ? rec.names[raw.nameOrdinal] : undefined;
    const primary = rec.names.find((n) => n.kind === 'primary') ?? rec.names[0];
    const country = countryEvidence(party.country, rec.countries);
    const fields: ScreeningMatch['fieldsMatched'] = [];
    if (matchedIdentifiers.length > 0) fields.push('identifier');
    if (matched !== undefined) fields.push('name');
    if (country === 'agrees') fields.push('country');
    return {
      party: ref,
      source: 'exclusion_list',
      record: {
        key: rec.key,
        id: rec.id,
        name: primary?.name ?? rec.key,
        matchedName: matched?.name ?? primary?.name ?? '',
        matchedNameKind: matched?.kind ?? 'primary',
        countries: rec.countries,
        identifiers: rec.identifiers,
        contentHash: rec.contentHash,
        inForce: false,
      },
      score: Math.round(score * 1000) / 1000,
      strength,
      fieldsMatched: fields,
      evidence: {
        ...(matchedIdentifiers.length > 0 ? { identifiers: matchedIdentifiers } : {}),
        ...(raw.aligned.length > 0 ? { tokens: raw.aligned, partyName: raw.partyName } : {}),
        country,
      },
    };
  }
}
