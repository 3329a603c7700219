import { PINYIN_SYLLABLES } from '../normalize/pinyin-syllables.js';
import { displaySkeleton, skeleton } from '../normalize/skeleton.js';
import { blendedIdf, priorNeighbour } from '../similarity/idf.js';
import { boundedEditDistance } from '../similarity/edit-distance.js';
import { jaroWinkler } from '../similarity/jaro-winkler.js';

/**
 * In-memory inverted index of normalised names, and the scorer.
 *
 * Candidate generation (what makes a million names answerable in well under
 * a millisecond):
 *  - the vocabulary is keyed by phonetic skeleton, so spelling and
 *    romanisation variants share one posting list;
 *  - a query token also reaches vocabulary tokens within one edit of its
 *    skeleton, through a deletion-neighbourhood table (each vocabulary token's
 *    single-character deletions, hashed): insertions, deletions, substitutions
 *    and adjacent transpositions are all found by exact lookups;
 *  - posting lists are read rarest token first, and reading stops once the
 *    tokens not yet read could not lift any unseen name to `minScore` (the
 *    prefix-filtering bound of similarity joins: a name sharing none of the
 *    read tokens scores at most sqrt(sum of unread w^2 / sum of all w^2)).
 *    Common words ("Textile", "Trading") are therefore rarely read at all.
 *
 * Scoring is Soft TF-IDF (Cohen, Ravikumar & Fienberg 2003, the best
 * performer for name matching in their comparison): tokens of the two names
 * are aligned one-to-one where their Jaro-Winkler similarity is at least
 * TOKEN_THRESHOLD, and the score is the cosine of the IDF-weighted token
 * vectors with each aligned pair counted at its similarity. It is
 * order-insensitive, discounts words every supplier shares, and tolerates
 * typos and transliteration in the words that identify.
 */

/** Token pairs below this Jaro-Winkler similarity (on skeletons) do not align. */
export const TOKEN_THRESHOLD = 0.86;
/** Tokens shorter than this (skeleton) match exactly or not at all. */
export const MIN_FUZZY_LENGTH = 4;
/** Pinyin syllables joined into one word at most (Wulumuqi, Xinjiang Huafu: 2-4). */
const MAX_JOINED_SYLLABLES = 4;
/** Query-token expansions remembered per index (a few hundred bytes each). */
export const MAX_REMEMBERED_EXPANSIONS = 50_000;
/** Deletion keys shared by more vocabulary tokens than this are not followed (bounds the cost of short tokens). */
export const MAX_DELETION_BUCKET = 64;
/** Two-edit pairs need at least this Jaro-Winkler similarity (one-edit pairs: TOKEN_THRESHOLD). */
export const TWO_EDIT_THRESHOLD = 0.93;

/**
 * Similarity of two different token skeletons, 0 when they do not align: one
 * edit apart (Damerau) with Jaro-Winkler >= TOKEN_THRESHOLD, or two edits
 * apart with Jaro-Winkler >= TWO_EDIT_THRESHOLD ("Knitware"/"Knitwear", but
 * not "Eastern"/"Western").
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < MIN_FUZZY_LENGTH || b.length < MIN_FUZZY_LENGTH) return 0;
  const edits = boundedEditDistance(a, b, 2);
  if (edits > 2) return 0;
  const sim = jaroWinkler(a, b);
  return sim >= (edits === 1 ? TOKEN_THRESHOLD : TWO_EDIT_THRESHOLD) ? sim : 0;
}

export interface NameHit {
  /** Caller's record index (what `add` was given). */
  record: number;
  /** Index of the name inside the index (see `nameTokens`). */
  name: number;
  score: number;
  /** Aligned token pairs: query token -> indexed token (skeletons) and their similarity. */
  aligned: { query: string; matched: string; similarity: number }[];
}

export interface SearchOptions {
  minScore: number;
  /** Stop reading posting lists after this many candidate names (degenerate all-common-word queries). */
  maxCandidates?: number;
  /** Hits to return (best per record). */
  limit?: number;
  /** Read every posting list (no pruning bound): for tests that check the bound loses nothing. */
  exhaustive?: boolean;
}

export interface SearchStats {
  candidates: number;
  truncated: boolean;
}

export interface QueryName {
  tokens: readonly string[];
  skeletons: readonly string[];
}

/** FNV-1a 32-bit hash of a string. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** hash32 of `s` without its character at `skip` (no string is built). */
function hash32Without(s: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    if (i === skip) continue;
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Sort (hash, token) pairs by hash: two counting passes of 16 bits (stable, linear). */
function radixSortByHash(hashes: Uint32Array, tokens: Int32Array): [Uint32Array, Int32Array] {
  let h = hashes.slice();
  let t = tokens.slice();
  let h2 = new Uint32Array(h.length);
  let t2 = new Int32Array(t.length);
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < h.length; i++) counts[((h[i]! >>> shift) & 0xffff) + 1]!++;
    for (let b = 0; b < 65536; b++) counts[b + 1]! += counts[b]!;
    for (let i = 0; i < h.length; i++) {
      const pos = counts[(h[i]! >>> shift) & 0xffff]!++;
      h2[pos] = h[i]!;
      t2[pos] = t[i]!;
    }
    [h, h2] = [h2, h];
    [t, t2] = [t2, t];
  }
  return [h, t];
}

/**
 * Start offsets of each run of hashes sharing their top bits (about one entry
 * per slot): a lookup reads one slot and scans a few entries, instead of a
 * binary search over millions (one or two cache misses instead of twenty).
 */
interface HashDirectory {
  shift: number;
  offsets: Uint32Array;
}

function hashDirectory(sorted: Uint32Array): HashDirectory {
  const bits = Math.max(1, Math.min(24, Math.ceil(Math.log2(Math.max(2, sorted.length)))));
  const shift = 32 - bits;
  const offsets = new Uint32Array((1 << bits) + 1);
  for (let i = 0; i < sorted.length; i++) offsets[(sorted[i]! >>> shift) + 1]!++;
  for (let b = 0; b < 1 << bits; b++) offsets[b + 1]! += offsets[b]!;
  return { shift, offsets };
}

/** Collects names, then freezes them into a NameIndex. */
export class NameIndexBuilder {
  private readonly vocab = new Map<string, number>();
  private readonly tokenSkeletons: string[] = [];
  private readonly df: number[] = [];
  private readonly flat: number[] = [];
  private readonly offsets: number[] = [0];
  private readonly records: number[] = [];

  get size(): number {
    return this.records.length;
  }

  /** Add one name of record `record`; returns the name's index. Empty names are kept (they never match). */
  add(record: number, skeletons: readonly string[]): number {
    const seen = new Set<number>();
    for (const s of skeletons) {
      let id = this.vocab.get(s);
      if (id === undefined) {
        id = this.tokenSkeletons.length;
        this.vocab.set(s, id);
        this.tokenSkeletons.push(s);
        this.df.push(0);
      }
      if (!seen.has(id)) {
        this.df[id]!++;
        seen.add(id);
      }
      this.flat.push(id);
    }
    this.offsets.push(this.flat.length);
    this.records.push(record);
    return this.records.length - 1;
  }

  build(): NameIndex {
    return new NameIndex(this.vocab, this.tokenSkeletons, Int32Array.from(this.df), Int32Array.from(this.flat), Int32Array.from(this.offsets), Int32Array.from(this.records));
  }
}

interface Expansion {
  /** vocabulary token id -> similarity */
  readonly sims: ReadonlyMap<number, number>;
  readonly weight: number;
  readonly skeleton: string;
  /** For an unknown skeleton, its first split into two known ones ("intertobacco" -> "inter" + "tobacco"), else null. */
  readonly split: readonly [string, string] | null;
}

export class NameIndex {
  private readonly idf: Float64Array;
  private readonly norms: Float64Array;
  private readonly postings: Int32Array;
  private readonly postingOffsets: Int32Array;
  private readonly delHashes: Uint32Array;
  private readonly delTokens: Int32Array;
  private readonly delDirectory: HashDirectory;
  /** hash32 of every fuzzy-matchable vocabulary token itself, sorted: finds "q minus one character" without building strings. */
  private readonly fullHashes: Uint32Array;
  private readonly fullTokens: Int32Array;
  private readonly fullDirectory: HashDirectory;
  /** Per-name stamp of the last query that saw it (dedupes candidates without allocating). */
  private readonly stamp: Uint32Array;
  private query = 0;
  /**
   * Expansions already computed, by query skeleton. An expansion depends only
   * on the skeleton and this (immutable) index, and bids repeat their words
   * ("trading", "textile", a city): remembering them skips the deletion-table
   * probes and the similarity of every neighbour. Bounded; emptied when full.
   */
  private readonly expansions = new Map<string, Expansion>();

  constructor(
    private readonly vocab: ReadonlyMap<string, number>,
    private readonly tokenSkeletons: readonly string[],
    private readonly df: Int32Array,
    private readonly nameFlat: Int32Array,
    private readonly nameOffsets: Int32Array,
    private readonly nameRecords: Int32Array,
  ) {
    const names = nameRecords.length;
    const vocabSize = tokenSkeletons.length;
    this.idf = new Float64Array(vocabSize);
    for (let t = 0; t < vocabSize; t++) this.idf[t] = blendedIdf(tokenSkeletons[t]!, df[t]!, names);
    this.norms = new Float64Array(names);
    for (let n = 0; n < names; n++) {
      let sum = 0;
      for (let k = nameOffsets[n]!; k < nameOffsets[n + 1]!; k++) sum += this.idf[nameFlat[k]!]! ** 2;
      this.norms[n] = Math.sqrt(sum);
    }
    // Posting lists by counting sort: one Int32Array for all of them.
    this.postingOffsets = new Int32Array(vocabSize + 1);
    for (let n = 0; n < names; n++) {
      let prev = -1;
      for (let k = nameOffsets[n]!; k < nameOffsets[n + 1]!; k++) {
        const t = nameFlat[k]!;
        if (t !== prev) this.postingOffsets[t + 1]!++;
        prev = t;
      }
    }
    for (let t = 0; t < vocabSize; t++) this.postingOffsets[t + 1]! += this.postingOffsets[t]!;
    this.postings = new Int32Array(this.postingOffsets[vocabSize]!);
    const fill = this.postingOffsets.slice(0, vocabSize);
    for (let n = 0; n < names; n++) {
      let prev = -1;
      for (let k = nameOffsets[n]!; k < nameOffsets[n + 1]!; k++) {
        const t = nameFlat[k]!;
        if (t !== prev) this.postings[fill[t]!++] = n;
        prev = t;
      }
    }
    // Deletion neighbourhood of every vocabulary token long enough to be fuzzy-matched, sorted by hash.
    let count = 0;
    for (const s of tokenSkeletons) if (s.length >= MIN_FUZZY_LENGTH) count += s.length;
    const hashes = new Uint32Array(count);
    const tokens = new Int32Array(count);
    let p = 0;
    for (let t = 0; t < vocabSize; t++) {
      const s = tokenSkeletons[t]!;
      if (s.length < MIN_FUZZY_LENGTH) continue;
      for (let i = 0; i < s.length; i++) {
        if (i > 0 && s.charCodeAt(i) === s.charCodeAt(i - 1)) continue;
        hashes[p] = hash32Without(s, i);
        tokens[p++] = t;
      }
    }
    [this.delHashes, this.delTokens] = radixSortByHash(hashes.subarray(0, p), tokens.subarray(0, p));
    const fullCount = tokenSkeletons.reduce((c, s) => c + (s.length >= MIN_FUZZY_LENGTH ? 1 : 0), 0);
    const fh = new Uint32Array(fullCount);
    const ft = new Int32Array(fullCount);
    let f = 0;
    for (let t = 0; t < vocabSize; t++) {
      if (tokenSkeletons[t]!.length < MIN_FUZZY_LENGTH) continue;
      fh[f] = hash32(tokenSkeletons[t]!);
      ft[f++] = t;
    }
    [this.fullHashes, this.fullTokens] = radixSortByHash(fh, ft);
    this.delDirectory = hashDirectory(this.delHashes);
    this.fullDirectory = hashDirectory(this.fullHashes);
    this.stamp = new Uint32Array(names);
  }

  get names(): number {
    return this.nameRecords.length;
  }

  get vocabularySize(): number {
    return this.tokenSkeletons.length;
  }

  /** Record of a name. */
  recordOf(name: number): number {
    return this.nameRecords[name]!;
  }

  /** IDF weight of a token skeleton in this index (unknown tokens weigh most). */
  weight(tokenSkeleton: string): number {
    const id = this.vocab.get(tokenSkeleton);
    return id === undefined ? blendedIdf(tokenSkeleton, 0, this.names) : this.idf[id]!;
  }

  /** Add the tokens stored under hash `h` in a sorted (hash, token) table, unless the bucket is huge. */
  private static lookup(hashes: Uint32Array, tokens: Int32Array, dir: HashDirectory, h: number, out: Set<number>): void {
    const slot = h >>> dir.shift;
    let lo = dir.offsets[slot]!;
    const stop = dir.offsets[slot + 1]!;
    while (lo < stop && hashes[lo]! < h) lo++;
    let end = lo;
    while (end < stop && hashes[end] === h) end++;
    // A deletion key shared by very many tokens (short tokens in a huge vocabulary) says little: skip it.
    if (end - lo > MAX_DELETION_BUCKET) return;
    for (let i = lo; i < end; i++) out.add(tokens[i]!);
  }

  /** Vocabulary tokens similar to a query skeleton, with their similarity (never mutated by callers: shared through the memo). */
  private expand(q: string): Expansion {
    let e = this.expansions.get(q);
    if (e === undefined) {
      if (this.expansions.size >= MAX_REMEMBERED_EXPANSIONS) this.expansions.clear();
      e = this.computeExpansion(q);
      this.expansions.set(q, e);
    }
    return e;
  }

  private computeExpansion(q: string): Expansion {
    const sims = new Map<number, number>();
    const exact = this.vocab.get(q);
    if (exact !== undefined) sims.set(exact, 1);
    if (q.length >= MIN_FUZZY_LENGTH) {
      const near = new Set<number>();
      NameIndex.lookup(this.delHashes, this.delTokens, this.delDirectory, hash32(q), near); // q = t minus one character
      for (let i = 0; i < q.length; i++) {
        if (i > 0 && q.charCodeAt(i) === q.charCodeAt(i - 1)) continue;
        const h = hash32Without(q, i);
        if (q.length > MIN_FUZZY_LENGTH) NameIndex.lookup(this.fullHashes, this.fullTokens, this.fullDirectory, h, near); // t = q minus one character
        NameIndex.lookup(this.delHashes, this.delTokens, this.delDirectory, h, near); // one substitution or adjacent transposition
      }
      // The deletion table reaches some pairs two edits apart ("eastern"/"western"): keep one edit
      // (two for long tokens), and a Jaro-Winkler similarity at the threshold.
      for (const t of near) {
        if (t === exact) continue;
        const s = this.tokenSkeletons[t]!;
        const sim = tokenSimilarity(q, s);
        if (sim > 0) sims.set(t, sim);
      }
    }
    // Weight: the token's own frequency, or that of its closest spelling when it is not in the vocabulary.
    let weight: number;
    if (exact !== undefined) weight = this.idf[exact]!;
    else {
      let best = -1;
      let bestSim = 0;
      for (const [t, s] of sims) if (s > bestSim) [best, bestSim] = [t, s];
      const neighbour = best >= 0 ? null : priorNeighbour(q);
      weight = best >= 0 ? this.idf[best]! : neighbour !== null ? this.weight(neighbour) : blendedIdf(q, 0, this.names);
    }
    return { sims, weight, skeleton: q, split: exact === undefined ? this.knownSplit(q) : null };
  }

  /**
   * Greedy left to right: at each token, the longest run of up to
   * MAX_JOINED_SYLLABLES tokens of at most 6 letters whose concatenation is a
   * known token. Null when nothing joins beyond one adjacent pair (the pair
   * views cover that).
   */
  private joinedSyllables(query: QueryName): string[] | null {
    const { tokens } = query;
    if (tokens.length < 3) return null;
    const out: string[] = [];
    let joins = 0;
    for (let i = 0; i < tokens.length; ) {
      let taken = 1;
      let key = query.skeletons[i]!;
      for (let n = Math.min(MAX_JOINED_SYLLABLES, tokens.length - i); n >= 2; n--) {
        const run = tokens.slice(i, i + n);
        if (run.some((t) => t.length > 6)) continue;
        const candidate = skeleton(run.join(''));
        if (this.vocab.has(candidate)) {
          taken = n;
          key = candidate;
          break;
        }
      }
      if (taken > 1) joins++;
      out.push(key);
      i += taken;
    }
    return joins >= 2 ? out : null;
  }

  /**
   * Each unknown token that reads as 2-MAX_JOINED_SYLLABLES pinyin syllables
   * all known to the index, replaced by them (fewest syllables first); null
   * when no token splits so.
   */
  private splitSyllables(query: QueryName): string[] | null {
    let splits = 0;
    const out: string[] = [];
    for (let i = 0; i < query.tokens.length; i++) {
      const token = query.tokens[i]!;
      const parts = this.vocab.has(query.skeletons[i]!) ? null : this.syllablesOf(token, MAX_JOINED_SYLLABLES);
      if (parts === null) out.push(query.skeletons[i]!);
      else {
        splits++;
        out.push(...parts.map(skeleton));
      }
    }
    return splits > 0 ? out : null;
  }

  /** `word` as the fewest (>= 2, <= max) pinyin syllables each known to the index, or null. */
  private syllablesOf(word: string, max: number): string[] | null {
    if (word.length < 3 || word.length > 6 * max || !/^[a-z]+$/.test(word)) return null;
    for (let pieces = 2; pieces <= max; pieces++) {
      const found = this.splitInto(word, pieces);
      if (found !== null) return found;
    }
    return null;
  }

  private splitInto(word: string, pieces: number): string[] | null {
    if (pieces === 1) return PINYIN_SYLLABLES.has(word) && this.vocab.has(skeleton(word)) ? [word] : null;
    for (let cut = Math.min(6, word.length - 1); cut >= 1; cut--) {
      const head = word.slice(0, cut);
      if (!PINYIN_SYLLABLES.has(head) || !this.vocab.has(skeleton(head))) continue;
      const rest = this.splitInto(word.slice(cut), pieces - 1);
      if (rest !== null) return [head, ...rest];
    }
    return null;
  }

  private knownSplit(key: string): [string, string] | null {
    if (key.length < 6) return null;
    for (let cut = 3; cut <= key.length - 3; cut++) {
      const a = key.slice(0, cut);
      const b = key.slice(cut);
      if (this.vocab.has(a) && this.vocab.has(b)) return [a, b];
    }
    return null;
  }

  /**
   * Names scoring at least `minScore` against the query, best first, one (the
   * best) per record.
   */
  search(query: QueryName, options: SearchOptions, stats?: SearchStats): NameHit[] {
    const views = this.queryViews(query);
    const hits = new Map<number, NameHit>();
    let candidates = 0;
    let truncated = false;
    for (const view of views) {
      const r = this.searchView(view, options, hits);
      candidates += r.candidates;
      truncated ||= r.truncated;
    }
    if (stats) {
      stats.candidates = candidates;
      stats.truncated = truncated;
    }
    const limit = options.limit ?? 20;
    return [...hits.values()].sort((a, b) => b.score - a.score || a.record - b.record).slice(0, limit);
  }

  /** The query as given, plus one variant per adjacent token pair whose concatenation is a known token ("Kor Velin" -> "Korvelin"). */
  private queryViews(query: QueryName): Expansion[][] {
    const base = query.skeletons.map((s) => this.expand(s));
    const views = [base];
    for (let i = 0; i + 1 < query.tokens.length; i++) {
      const merged = query.skeletons[i]! + query.skeletons[i + 1]!;
      if (!this.vocab.has(merged)) continue;
      views.push([...base.slice(0, i), this.expand(merged), ...base.slice(i + 2)]);
    }
    // And one joining runs of short tokens into the longest words the index knows: pinyin
    // syllables of a name written in Han characters ("xin jiang hua fu" -> "xinjiang huafu").
    const joined = this.joinedSyllables(query);
    if (joined !== null) views.push(joined.map((s) => this.expand(s)));
    // And one splitting unknown romanised Chinese words into the syllables the index knows,
    // for names listed in Han characters ("ningbo haifeng" -> "ning bo hai feng").
    const syllables = this.splitSyllables(query);
    if (syllables !== null) views.push(syllables.map((s) => this.expand(s)));
    // And one per unknown token whose skeleton splits into two known ones ("Intertobacco" -> "Inter Tobacco").
    for (let i = 0; i < base.length; i++) {
      const split = base[i]!.split;
      if (split !== null) views.push([...base.slice(0, i), this.expand(split[0]), this.expand(split[1]), ...base.slice(i + 1)]);
    }
    return views;
  }

  private searchView(view: Expansion[], options: SearchOptions, hits: Map<number, NameHit>): SearchStats {
    const maxCandidates = options.maxCandidates ?? 20_000;
    const total = view.reduce((s, e) => s + e.weight * e.weight, 0);
    if (total === 0) return { candidates: 0, truncated: false };
    const qNorm = Math.sqrt(total);
    // Rarest (heaviest) tokens first.
    const order = view.map((_, i) => i).sort((a, b) => view[b]!.weight - view[a]!.weight);
    this.query = (this.query + 1) >>> 0 || 1;
    const stamp = this.query;
    const found: number[] = [];
    let remaining = total;
    let truncated = false;
    for (const i of order) {
      // Names sharing none of the tokens read so far score at most sqrt(remaining / total).
      if (!options.exhaustive && Math.sqrt(Math.max(0, remaining) / total) < options.minScore) break;
      const e = view[i]!;
      for (const t of e.sims.keys()) {
        for (let k = this.postingOffsets[t]!; k < this.postingOffsets[t + 1]!; k++) {
          const n = this.postings[k]!;
          if (this.stamp[n] === stamp) continue;
          this.stamp[n] = stamp;
          found.push(n);
        }
      }
      remaining -= e.weight * e.weight;
      if (found.length >= maxCandidates) {
        truncated = true;
        break;
      }
    }
    for (const n of found) {
      const hit = this.score(view, qNorm, n, options.minScore);
      if (hit === null || hit.score < options.minScore) continue;
      const record = this.nameRecords[n]!;
      const prev = hits.get(record);
      if (prev === undefined || hit.score > prev.score) hits.set(record, hit);
    }
    return { candidates: found.length, truncated };
  }

  /**
   * Soft TF-IDF of the query view against name `n`: a greedy one-to-one
   * alignment (largest weighted similarity first), without allocating for
   * names that score below `minScore`.
   */
  private score(view: Expansion[], qNorm: number, n: number, minScore: number): NameHit | null {
    const start = this.nameOffsets[n]!;
    const len = this.nameOffsets[n + 1]! - start;
    const q = view.length;
    if (q > 32 || len > 32) return this.scoreSlow(view, qNorm, n);
    let usedQ = 0;
    let usedN = 0;
    let dot = 0;
    const picks: number[] = [];
    for (;;) {
      let best = 0;
      let bi = -1;
      let bk = -1;
      let bs = 0;
      for (let i = 0; i < q; i++) {
        if (usedQ & (1 << i)) continue;
        const e = view[i]!;
        for (let k = 0; k < len; k++) {
          if (usedN & (1 << k)) continue;
          const t = this.nameFlat[start + k]!;
          const sim = e.sims.get(t);
          if (sim === undefined) continue;
          const gain = sim * e.weight * this.idf[t]!;
          if (gain > best) [best, bi, bk, bs] = [gain, i, k, sim];
        }
      }
      if (bi < 0) break;
      usedQ |= 1 << bi;
      usedN |= 1 << bk;
      dot += best;
      picks.push(bi, bk, bs);
    }
    const norm = this.norms[n]!;
    const score = norm === 0 ? 0 : Math.min(1, dot / (qNorm * norm));
    if (score < minScore) return null;
    const aligned: NameHit['aligned'] = [];
    for (let p = 0; p < picks.length; p += 3) {
      aligned.push({
        query: displaySkeleton(view[picks[p]!]!.skeleton),
        matched: displaySkeleton(this.tokenSkeletons[this.nameFlat[start + picks[p + 1]!]!]!),
        similarity: Math.round(picks[p + 2]! * 1000) / 1000,
      });
    }
    return { record: this.nameRecords[n]!, name: n, score, aligned };
  }

  /** The same for names or queries of more than 32 tokens. */
  private scoreSlow(view: Expansion[], qNorm: number, n: number): NameHit {
    const start = this.nameOffsets[n]!;
    const end = this.nameOffsets[n + 1]!;
    const pairs: [number, number, number, number][] = [];
    for (let i = 0; i < view.length; i++) {
      const e = view[i]!;
      for (let k = start; k < end; k++) {
        const sim = e.sims.get(this.nameFlat[k]!);
        if (sim !== undefined) pairs.push([sim * e.weight * this.idf[this.nameFlat[k]!]!, i, k, sim]);
      }
    }
    pairs.sort((a, b) => b[0] - a[0]);
    let dot = 0;
    const usedQ = new Uint8Array(view.length);
    const usedN = new Uint8Array(end - start);
    const aligned: NameHit['aligned'] = [];
    for (const [gain, i, k, sim] of pairs) {
      if (usedQ[i] === 1 || usedN[k - start] === 1) continue;
      usedQ[i] = 1;
      usedN[k - start] = 1;
      dot += gain;
      aligned.push({ query: displaySkeleton(view[i]!.skeleton), matched: displaySkeleton(this.tokenSkeletons[this.nameFlat[k]!]!), similarity: Math.round(sim * 1000) / 1000 });
    }
    const norm = this.norms[n]!;
    return { record: this.nameRecords[n]!, name: n, score: norm === 0 ? 0 : Math.min(1, dot / (qNorm * norm)), aligned };
  }
}
