// An inverted index over map entries with Dutch-aware query analysis: stemming, compound
// splitting (woonkostentoeslag -> woonkosten + toeslag), abbreviations and typo tolerance.
// Built once per tenant at start (and on map reload). A query touches only its own terms'
// postings, and a common term's postings only up to CANDIDATE_CAP entries when gathering
// candidates, so cost grows with the query, not with the map. A tenant's index layers its
// overlay on the shared base index: the base is never copied.
import type { MapEntry } from "../map/schema.js";
import { ABBREVIATIONS } from "../text/abbreviations.js";
import { boundedDistance } from "../text/edit-distance.js";
import { STOPWORDS, tokenize } from "../text/normalize.js";
import { stem } from "../text/stem.js";
import {
  BM25_K,
  IndexSegment,
  type TermPostings,
  entryTerms,
  fitsSnapshot,
  headTerms,
  memoStemmer,
} from "./index-segment.js";

/** How much a purely narrative word still counts, relative to a topical one. */
const TOPICAL_BASE = 0.6;

/** A query term after analysis: its stem, how it was found, and how much to trust it. */
export interface QueryTerm {
  stem: string;
  source: string;
  via: "exact" | "compound" | "typo" | "abbreviation";
  trust: number;
}

export interface AnalysedQuery {
  terms: QueryTerm[];
  /** Content tokens of the question that match nothing in the map. */
  unknown: string[];
  /** Stem bigrams of adjacent content tokens, for the phrase bonus. */
  bigrams: string[];
}

export interface ScoredEntry {
  entry: MapEntry;
  score: number;
  /** Summed idf of the query terms found in the entry's title, keywords or questions. */
  anchorIdf: number;
  /** Share of the question's weighted terms that this entry matches (0..1). */
  coverage: number;
  matched: string[];
}

export interface MapIndexOptions {
  /** The shared index of the base map: entries of `entries` that are base entries are read
   * from it; only the others (the tenant's overlay) are indexed here. */
  base?: MapIndex;
  /** A snapshot of this index built before over the same entries (compiled map cache):
   * restored instead of rebuilt. Ignored when it does not fit. */
  snapshot?: unknown;
}

/** Per-query work arrays, shared by a base index and every tenant layered on it (search is
 * synchronous, so one query at a time uses them). */
class Scratch {
  scores = new Float64Array(0);
  stamp = new Uint32Array(0);
  touched = new Int32Array(0);
  epoch = 0;

  ensure(size: number): void {
    if (this.scores.length >= size) return;
    this.scores = new Float64Array(size);
    this.stamp = new Uint32Array(size);
    this.touched = new Int32Array(size);
    this.epoch = 0;
  }
}

/** What the tenant's overlay hides of the base: replaced entries and their statistics. */
interface Shadow {
  entries: Set<number>;
  df: Map<string, number>;
  head: Map<string, number>;
  length: number;
}

interface Top {
  entry: number;
  score: number;
}

export class MapIndex {
  readonly entries: readonly MapEntry[];
  private readonly base: MapIndex | undefined;
  /** The base segment (own, or the shared one) and, for a tenant, its overlay segment. */
  private readonly segments: IndexSegment[];
  private readonly shadow: Shadow | undefined;
  private readonly n: number;
  private readonly avgLength: number;
  private readonly scratch: Scratch;
  /** Base entries by identity, to tell a tenant's own entries from shared ones. */
  private baseNumbers: Map<MapEntry, number> | undefined;

  constructor(entries: readonly MapEntry[], opts: MapIndexOptions = {}) {
    this.entries = entries;
    const base = opts.base && !opts.base.base ? opts.base : undefined;
    if (!base) {
      this.base = undefined;
      this.shadow = undefined;
      this.scratch = new Scratch();
      const seg = new IndexSegment(entries, {
        offset: 0,
        split: (s, known) => this.splitWith(s, 0, known),
        snapshot: fitsSnapshot(opts.snapshot, entries.length) ? opts.snapshot : undefined,
      });
      this.segments = [seg];
      this.n = Math.max(entries.length, 1);
      this.avgLength = seg.totalLength / this.n || 1;
      return;
    }
    this.base = base;
    this.scratch = base.scratch;
    const numbers = base.numbers();
    const present = new Set<number>();
    const own: MapEntry[] = [];
    for (const e of entries) {
      const k = numbers.get(e);
      if (k === undefined) own.push(e);
      else present.add(k);
    }
    const st = memoStemmer();
    const shadow: Shadow = { entries: new Set(), df: new Map(), head: new Map(), length: 0 };
    const baseSeg = base.segments[0]!;
    for (let k = 0; k < base.entries.length; k++) {
      if (present.has(k)) continue;
      const e = base.entries[k]!;
      shadow.entries.add(k);
      shadow.length += baseSeg.lengths[k]!;
      for (const s of entryTerms(e, st).keys()) shadow.df.set(s, (shadow.df.get(s) ?? 0) + 1);
      for (const h of headTerms(e, st)) shadow.head.set(h, (shadow.head.get(h) ?? 0) + 1);
    }
    this.shadow = shadow;
    const baseHas = (s: string): boolean => {
      const p = baseSeg.terms.get(s);
      return !!p && p.df - (shadow.df.get(s) ?? 0) > 0;
    };
    let vocabSeq = 0;
    for (const list of baseSeg.vocab.values()) vocabSeq += list.length;
    const seg = new IndexSegment(own, {
      offset: base.entries.length,
      knownElsewhere: baseHas,
      vocabElsewhere: (raw) => baseSeg.vocab.get(`${raw[0]}${raw.length}`)?.some((w) => w.raw === raw) ?? false,
      seqStart: vocabSeq,
      stemmer: st,
      split: (s, known) => this.splitWith(s, 0, known),
    });
    this.segments = [baseSeg, seg];
    this.n = Math.max(entries.length, 1);
    this.avgLength = (baseSeg.totalLength - shadow.length + seg.totalLength) / this.n || 1;
    this.scratch.ensure(base.entries.length + own.length);
  }

  /** The base index as plain JSON data, for the compiled map cache (undefined for a tenant). */
  snapshot(): unknown {
    return this.base ? undefined : this.segments[0]!.snapshot();
  }

  private numbers(): Map<MapEntry, number> {
    this.baseNumbers ??= new Map(this.entries.map((e, k) => [e, k]));
    return this.baseNumbers;
  }

  /** The entry with this global number. */
  private entryAt(k: number): MapEntry {
    const seg = k < this.segments[0]!.entries.length ? this.segments[0]! : this.segments[1]!;
    return seg.entries[k - seg.offset]!;
  }

  private segmentOf(k: number): IndexSegment {
    return k < this.segments[0]!.entries.length ? this.segments[0]! : this.segments[1]!;
  }

  /** Entries that contain the term itself, in this tenant's view of the map. */
  private df(s: string): number {
    let df = 0;
    for (const seg of this.segments) df += seg.terms.get(s)?.df ?? 0;
    return df - (this.shadow?.df.get(s) ?? 0);
  }

  private has(s: string): boolean {
    return this.df(s) > 0;
  }

  private rawIdf(s: string): number {
    const df = this.df(s);
    if (df <= 0) return 0;
    return Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
  }

  /** Share of a term's entries that name it in title or keywords: topical vs narrative words. */
  private topicality(s: string): number {
    const df = this.df(s);
    if (df <= 0) return 0;
    let head = 0;
    for (const seg of this.segments) head += seg.terms.get(s)?.head ?? 0;
    head -= this.shadow?.head.get(s) ?? 0;
    return Math.min(1, head / df);
  }

  /** The idf of a term found in one entry only: the scale for relative thresholds. */
  get maxIdf(): number {
    return Math.log(1 + (this.n - 0.5) / 1.5);
  }

  idfOf(s: string): number {
    return this.rawIdf(s);
  }

  /** Split a word into 2-3 known stems (with Dutch linking s/e/en), or undefined. */
  private splitCompound(word: string, depth: number): string[] | undefined {
    return this.splitWith(word, depth, (t) => this.known(t));
  }

  private splitWith(word: string, depth: number, known: (token: string) => string | undefined): string[] | undefined {
    if (depth > 2 || word.length < 7) return undefined;
    for (let cut = word.length - 3; cut >= 4; cut--) {
      const head = word.slice(0, cut);
      const headStem = known(head);
      if (!headStem) continue;
      for (const link of ["", "s", "e", "en"]) {
        if (!word.startsWith(link, cut)) continue;
        const tail = word.slice(cut + link.length);
        if (tail.length < 4) continue;
        const tailStem = known(tail);
        if (tailStem) return [headStem, tailStem];
        const deeper = this.splitWith(tail, depth + 1, known);
        if (deeper) return [headStem, ...deeper];
      }
    }
    return undefined;
  }

  /** The longest known head of an unknown compound ("schuldhulpverleningstraject"). */
  private knownHead(word: string): string[] | undefined {
    if (word.length < 9) return undefined;
    for (let cut = word.length - 3; cut >= 6; cut--) {
      const head = this.known(word.slice(0, cut));
      if (head) return [head];
    }
    return undefined;
  }

  private known(token: string): string | undefined {
    if (this.has(token)) return token;
    const s = stem(token);
    return this.has(s) ? s : undefined;
  }

  private typo(token: string): string | undefined {
    if (token.length < 6) return undefined;
    const max = token.length >= 9 ? 2 : 1;
    let best: { stem: string; seq: number } | undefined;
    let bestD = max + 1;
    // Typos rarely hit the first letter, and a word more than `max` letters longer or shorter
    // is never close enough: only those buckets are read, which keeps this cheap on big maps.
    for (const seg of this.segments) {
      for (let len = token.length - max; len <= token.length + max; len++) {
        for (const cand of seg.vocab.get(`${token[0]}${len}`) ?? []) {
          const d = boundedDistance(token, cand.raw, max);
          if (d < bestD || (d === bestD && best && cand.seq < best.seq)) {
            bestD = d;
            best = cand;
          }
        }
      }
    }
    return best?.stem;
  }

  /** Analyse a (scrubbed) question into weighted query terms. */
  analyse(question: string): AnalysedQuery {
    const tokens = tokenize(question);
    const terms: QueryTerm[] = [];
    const unknown: string[] = [];
    const seen = new Set<string>();
    const push = (t: QueryTerm): void => {
      if (seen.has(t.stem)) return;
      seen.add(t.stem);
      terms.push(t);
    };
    const stems: string[] = [];
    for (const tok of tokens) {
      const abbr = ABBREVIATIONS[tok];
      if (abbr) {
        for (const x of abbr.split(" ")) {
          const s = stem(x);
          if (this.has(s)) push({ stem: s, source: tok, via: "abbreviation", trust: 0.9 });
        }
        stems.push(stem(tok));
        continue;
      }
      if (STOPWORDS.has(tok) || tok.length < 2 || /^\d+$/.test(tok)) continue;
      const s = stem(tok);
      stems.push(s);
      if (this.has(s)) {
        push({ stem: s, source: tok, via: "exact", trust: 1 });
        continue;
      }
      if (this.has(tok)) {
        push({ stem: tok, source: tok, via: "exact", trust: 1 });
        continue;
      }
      // Past participles: "verzorgd" -> "verzorg", "geregelt" (typo) -> "geregel".
      const participle = /[dt]$/.test(tok) && tok.length >= 4 ? this.known(tok.slice(0, -1)) : undefined;
      if (participle) {
        push({ stem: participle, source: tok, via: "exact", trust: 0.9 });
        continue;
      }
      const parts = this.splitCompound(tok, 0) ?? this.knownHead(tok);
      if (parts) {
        for (const p of parts) push({ stem: p, source: tok, via: "compound", trust: 0.8 });
        continue;
      }
      const fixed = this.typo(tok);
      if (fixed && this.has(fixed)) {
        push({ stem: fixed, source: tok, via: "typo", trust: 0.8 });
        continue;
      }
      unknown.push(tok);
    }
    const bigrams: string[] = [];
    for (let i = 0; i + 1 < stems.length; i++) bigrams.push(`${stems[i]} ${stems[i + 1]}`);
    return { terms, unknown, bigrams };
  }

  /** Score entries for an analysed query; returns the best `limit`, best first. */
  search(query: AnalysedQuery, limit = 5, accept?: (e: MapEntry) => boolean): ScoredEntry[] {
    const total = this.segments.reduce((n, s) => n + s.entries.length, 0);
    const sc = this.scratch;
    sc.ensure(total);
    if (++sc.epoch === 0xffffffff) {
      sc.stamp.fill(0);
      sc.epoch = 1;
    }
    const { scores, stamp, touched } = sc;
    const epoch = sc.epoch;
    let count = 0;
    const hidden = this.shadow?.entries;
    const avg = this.avgLength;
    const touch = (k: number): void => {
      if (stamp[k] !== epoch) {
        stamp[k] = epoch;
        scores[k] = 0;
        touched[count++] = k;
      }
    };
    // Query terms with their idf (topical words, named in titles/keywords, count more than
    // narrative ones such as "geld"), computed once.
    const weights = query.terms.map((t) => ({
      t,
      raw: this.rawIdf(t.stem),
      idf: this.rawIdf(t.stem) * (TOPICAL_BASE + (1 - TOPICAL_BASE) * this.topicality(t.stem)),
    }));
    let totalIdf = 0;
    const capped: Array<{ p: TermPostings; w: number }> = [];
    for (const { t, idf } of weights) {
      totalIdf += idf * t.trust;
      for (const seg of this.segments) {
        const p = seg.terms.get(t.stem);
        if (!p) continue;
        if (p.topByImpact) {
          // A common term: its best entries become candidates; its weight is added below.
          capped.push({ p, w: idf * t.trust });
          for (const k of p.topByImpact) if (!hidden?.has(k)) touch(k);
          continue;
        }
        const ent = p.entries;
        const tfs = p.tf;
        const lengths = seg.lengths;
        const off = seg.offset;
        for (let j = 0; j < ent.length; j++) {
          const k = ent[j]!;
          if (hidden?.has(k)) continue;
          const tf = tfs[j]!;
          const len = lengths[k - off]!;
          touch(k);
          scores[k] = scores[k]! + (idf * t.trust * tf * (BM25_K + 1)) / (tf + BM25_K * (0.5 + (0.5 * len) / avg));
        }
      }
    }
    for (const { p, w } of capped) {
      for (let c = 0; c < count; c++) {
        const k = touched[c]!;
        const tf = IndexSegment.tfOf(p, k);
        if (tf === 0) continue;
        const seg = this.segmentOf(k);
        const len = seg.lengths[k - seg.offset]!;
        scores[k] = scores[k]! + (w * tf * (BM25_K + 1)) / (tf + BM25_K * (0.5 + (0.5 * len) / avg));
      }
    }
    // The best `limit` by score (ties by id), among entries `accept` lets through.
    const top: Top[] = [];
    const better = (a: Top, b: Top): boolean =>
      a.score > b.score ||
      (a.score === b.score && this.entryAt(a.entry).id.localeCompare(this.entryAt(b.entry).id) < 0);
    for (let c = 0; c < count; c++) {
      const k = touched[c]!;
      let score = scores[k]!;
      if (query.bigrams.length > 0) {
        const seg = this.segmentOf(k);
        const bg = seg.bigrams[k - seg.offset]!;
        for (const b of query.bigrams) if (bg.has(b)) score += 1.5;
      }
      const cand = { entry: k, score };
      if (top.length >= limit && !better(cand, top[top.length - 1]!)) continue;
      if (accept && !accept(this.entryAt(k))) continue;
      let at = top.length;
      while (at > 0 && better(cand, top[at - 1]!)) at--;
      top.splice(at, 0, cand);
      if (top.length > limit) top.pop();
    }
    // Unknown content words weigh like an average term: a question that is mostly about
    // something the map does not know should not look covered.
    // Capped: a long case description has many words the map need not know.
    const unknownWeight = Math.min(query.unknown.length, 4) * 0.2 * this.maxIdf;
    const denominator = totalIdf + unknownWeight;
    return top.map(({ entry: k, score }) => {
      const seg = this.segmentOf(k);
      const anchors = seg.anchors[k - seg.offset]!;
      let matchedIdf = 0;
      let anchorIdf = 0;
      const matched: string[] = [];
      for (const { t, raw, idf } of weights) {
        if (!this.contains(t.stem, k)) continue;
        matchedIdf += idf * t.trust;
        if (anchors.has(t.stem)) anchorIdf += raw * t.trust;
        matched.push(t.stem);
      }
      return {
        entry: this.entryAt(k),
        score,
        anchorIdf,
        coverage: denominator > 0 ? matchedIdf / denominator : 0,
        matched,
      };
    });
  }

  /** True when the entry (global number) has postings for the term. */
  private contains(s: string, k: number): boolean {
    for (const seg of this.segments) {
      const p = seg.terms.get(s);
      if (p && IndexSegment.tfOf(p, k) > 0) return true;
    }
    return false;
  }
}
