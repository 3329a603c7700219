import type { Identifier } from '../identifiers.js';
import type { ListEffect, NameKind } from '../lists/types.js';

export const DECISIONS = ['clear', 'review', 'blocked'] as const;
export type Decision = (typeof DECISIONS)[number];

export const PARTY_ROLES = ['bidder', 'subcontractor', 'recruiter'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** A party of a bid to screen: the bidder, a declared subcontractor or a recruitment agency. */
export interface ScreeningParty {
  role: PartyRole;
  /** Position among the parties of its role (0 for the bidder). */
  index: number;
  name: string;
  aliases: string[];
  identifiers: Identifier[];
  /** Alpha-2, where declared. */
  country: string | null;
}

export interface PartyRef {
  role: PartyRole;
  index: number;
  name: string;
}

export const MATCH_SOURCES = ['exclusion_list', 'block', 'supplier'] as const;
export type MatchSource = (typeof MATCH_SOURCES)[number];

export const BLOCK_STATUSES = ['proposed', 'active', 'suspended', 'lifted', 'expired'] as const;
export type BlockStatus = (typeof BLOCK_STATUSES)[number];

/** How well the record matched the party. */
export type MatchStrength = 'identifier' | 'strong' | 'possible';
export type CountryEvidence = 'agrees' | 'conflicts' | 'unknown';

export interface AlignedToken {
  query: string;
  matched: string;
  similarity: number;
}

/** A matched record, as the answer shows it (every field that decided something is here). */
export interface ScreeningMatch {
  party: PartyRef;
  source: MatchSource;
  record: {
    /** Stable key of the record for adjudications: `list:<listId>:<sourceId>`, `block:<id>`, `supplier:<id>`. */
    key: string;
    id: string;
    name: string;
    matchedName: string;
    matchedNameKind: NameKind;
    countries: string[];
    identifiers: Identifier[];
    /** SHA-256 of the record's content: an adjudication holds only while it is unchanged. */
    contentHash: string;
    /** In force today (list entries: from their dates and status; blocks: active and within their period). */
    inForce: boolean;
    list?: { id: string; name: string; format: string; effect: ListEffect; snapshotId: string; version: number; sourceDate: string | null };
    program?: string | null;
    authority?: string | null;
    reason?: string | null;
    startsOn?: string | null;
    endsOn?: string | null;
    block?: {
      status: BlockStatus;
      ground: string;
      scope: 'organization' | 'jurisdiction';
      jurisdiction: string | null;
      ownedByYou: boolean;
      supplierId: string | null;
      /** Active, but its period has not started yet. */
      upcoming?: boolean;
    };
    supplier?: {
      kind?: 'supplier' | 'recruiter';
      externalRef: string;
      riskBand: string | null;
      overall?: number | null;
      assessedAt: string | null;
      openRecommendations: number;
    };
  };
  score: number;
  strength: MatchStrength;
  fieldsMatched: ('identifier' | 'name' | 'country')[];
  evidence: {
    identifiers?: { scheme: string; value: string }[];
    tokens?: AlignedToken[];
    /** The party's name (main or alias) the tokens come from. */
    partyName?: string | null;
    country: CountryEvidence;
  };
  /** Set when the pair was dismissed as a false positive but the record has changed since (so it is raised again). */
  adjudication?: { id: string; stale: true; decidedAt: string; note: string };
}

export interface SuppressedMatch {
  match: ScreeningMatch;
  adjudication: { id: string; reason: string; decidedAt: string };
}

export interface RuleRef {
  id: string;
  description: string;
}

export interface PartyDecision {
  party: PartyRef;
  decision: Decision;
  rule: RuleRef;
}

export interface DecisionResult {
  decision: Decision;
  rule: RuleRef;
  reasons: string[];
  parties: PartyDecision[];
}

export interface Thresholds {
  /** At or above: a possible match an officer reviews. */
  review: number;
  /** At or above (and no country conflict): a match strong enough to block on. */
  strong: number;
}
