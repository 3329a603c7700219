import { identifierKey, type Identifier } from '../identifiers.js';
import { NameIndex, NameIndexBuilder, type NameHit } from '../index/name-index.js';
import { NAME_KINDS, type NameKind } from '../lists/types.js';
import { normalizeName, type NormalizedName } from '../normalize/normalize-name.js';
import { skeleton } from '../normalize/skeleton.js';
import type { AlignedToken, MatchStrength, Thresholds } from '../decision/types.js';

/** One name of a record, already normalised (tokens; skeletons are derived). */
export interface CorpusName {
  kind: NameKind;
  tokens: readonly string[];
}

export interface CorpusRecordInput {
  names: readonly CorpusName[];
  /** identifierKey() of each identifier. */
  identifierKeys: readonly string[];
}

/** The names and identifiers of a party, ready to search. */
export interface PartyQuery {
  names: NormalizedName[];
  identifierKeys: string[];
}

export interface RawMatch {
  /** Record index in the corpus (insertion order). */
  record: number;
  score: number;
  /** The best name score (also for a record matched by identifier), null when no name matched. */
  nameScore: number | null;
  strength: MatchStrength;
  /** Position of the matched name among the record's names (-1 for an identifier-only match). */
  nameOrdinal: number;
  nameKind: NameKind | null;
  /** The party's name that matched (its main name or an alias). */
  partyName: string | null;
  identifierKeys: string[];
  aligned: AlignedToken[];
}

/** The party's names (main + aliases) normalised, and its identifier keys. */
export function partyQuery(name: string, aliases: readonly string[], identifiers: readonly Identifier[]): PartyQuery {
  const names = [name, ...aliases].map(normalizeName).filter((n) => n.tokens.length > 0);
  return { names, identifierKeys: [...new Set(identifiers.map(identifierKey))] };
}

/**
 * A searchable set of records (the entries of one list snapshot, an
 * organisation's blocks, its suppliers): the name index plus an exact
 * identifier map. Records are numbered in insertion order.
 */
export class Corpus {
  private constructor(
    readonly index: NameIndex,
    private readonly nameKinds: Uint8Array,
    private readonly nameOrdinals: Uint16Array,
    private readonly identifiers: Map<string, number | number[]>,
    readonly records: number,
  ) {}

  static build(records: Iterable<CorpusRecordInput>): Corpus {
    const builder = new CorpusBuilder();
    for (const rec of records) builder.add(rec);
    return builder.build();
  }

  /** @internal used by CorpusBuilder */
  static fromParts(index: NameIndex, kinds: Uint8Array, ordinals: Uint16Array, identifiers: Map<string, number | number[]>, records: number): Corpus {
    return new Corpus(index, kinds, ordinals, identifiers, records);
  }

  get names(): number {
    return this.index.names;
  }

  /**
   * Records matching the party by identifier (exact) or by name (score at or
   * above `thresholds.review`), the best name per record. A record matched by
   * identifier carries strength `identifier` (and its best name score, if any).
   * Weak aliases (FtM `weakAlias`) never make a match stronger than `possible`.
   */
  match(party: PartyQuery, thresholds: Thresholds, limit = 20): RawMatch[] {
    const byRecord = new Map<number, RawMatch>();
    for (const key of party.identifierKeys) {
      const hit = this.identifiers.get(key);
      if (hit === undefined) continue;
      for (const record of typeof hit === 'number' ? [hit] : hit) {
        const m = byRecord.get(record);
        if (m) m.identifierKeys.push(key);
        else byRecord.set(record, { record, score: 1, nameScore: null, strength: 'identifier', nameOrdinal: -1, nameKind: null, partyName: null, identifierKeys: [key], aligned: [] });
      }
    }
    for (const name of party.names) {
      const hits: NameHit[] = this.index.search(name, { minScore: thresholds.review, limit });
      for (const h of hits) {
        const kind = NAME_KINDS[this.nameKinds[h.name]!] ?? 'alias';
        let strength: MatchStrength = h.score >= thresholds.strong ? 'strong' : 'possible';
        if (kind === 'weak') strength = 'possible';
        const prev = byRecord.get(h.record);
        if (prev !== undefined && prev.strength === 'identifier') {
          // Identifier matches keep score 1; remember which name agrees as well.
          if (prev.nameScore === null || h.score > prev.nameScore) {
            Object.assign(prev, { nameScore: h.score, nameOrdinal: this.nameOrdinals[h.name]!, nameKind: kind, partyName: name.original, aligned: h.aligned });
          }
          continue;
        }
        if (prev !== undefined && prev.score >= h.score) continue;
        byRecord.set(h.record, {
          record: h.record,
          score: h.score,
          nameScore: h.score,
          strength,
          nameOrdinal: this.nameOrdinals[h.name]!,
          nameKind: kind,
          partyName: name.original,
          identifierKeys: [],
          aligned: h.aligned,
        });
      }
    }
    return [...byRecord.values()].sort((a, b) => b.score - a.score || a.record - b.record).slice(0, limit);
  }
}

/** Adds records one at a time (a loader streaming a million rows never holds them all). */
export class CorpusBuilder {
  private readonly names = new NameIndexBuilder();
  private readonly kinds: number[] = [];
  private readonly ordinals: number[] = [];
  private readonly identifiers = new Map<string, number | number[]>();
  private count = 0;

  get records(): number {
    return this.count;
  }

  /** Add a record; returns its index. */
  add(rec: CorpusRecordInput): number {
    const r = this.count++;
    rec.names.forEach((n, ordinal) => {
      if (n.tokens.length === 0) return;
      this.names.add(r, n.tokens.map(skeleton));
      this.kinds.push(NAME_KINDS.indexOf(n.kind));
      this.ordinals.push(Math.min(ordinal, 0xffff));
    });
    for (const key of rec.identifierKeys) {
      const prev = this.identifiers.get(key);
      if (prev === undefined) this.identifiers.set(key, r);
      else if (typeof prev === 'number') {
        if (prev !== r) this.identifiers.set(key, [prev, r]);
      } else if (!prev.includes(r)) prev.push(r);
    }
    return r;
  }

  build(): Corpus {
    return Corpus.fromParts(this.names.build(), Uint8Array.from(this.kinds), Uint16Array.from(this.ordinals), this.identifiers, this.count);
  }
}
