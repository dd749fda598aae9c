// One immutable slice of the inverted index: the postings of a list of entries (the shared
// base map, or one tenant's overlay), in compact typed arrays. A MapIndex layers a tenant's
// overlay segment on the base segment, so an extra tenant costs what its overlay costs.
import type { MapEntry } from "../map/schema.js";
import { STOPWORDS, tokenize } from "../text/normalize.js";
import { stem } from "../text/stem.js";

/** Field weights: what a worker types is most like titles, keywords and example questions. */
export const FIELD_WEIGHTS = {
  title: 3,
  keywords: 3,
  questions: 2,
  summary: 1,
  conditions: 0.6,
  knelpunten: 0.5,
} as const;

export const BM25_K = 1.2;

/** Postings longer than this are read in impact order and only this far when gathering
 * candidates (their weight still counts in full for every candidate): a common word costs
 * the same on a 5,000-entry map as on a 250-entry one. Above the size of the real map, so
 * there every query is exact. */
export const CANDIDATE_CAP = 256;

/** A term's postings: entries (global numbers, ascending) with their weighted term frequency. */
export interface TermPostings {
  readonly entries: Int32Array;
  readonly tf: Float64Array;
  /** Entries with the highest BM25 impact first, at most CANDIDATE_CAP; only for long lists. */
  readonly topByImpact: Int32Array | undefined;
  /** Entries that contain the term itself (compound parts excluded): the idf's document frequency. */
  readonly df: number;
  /** Entries that name the term in title or keywords (any token, stopwords included). */
  readonly head: number;
}

/** A stem cache for one build: the same words recur in every entry. */
export type Stemmer = (token: string) => string;

export function memoStemmer(): Stemmer {
  const memo = new Map<string, string>();
  return (tok) => {
    let s = memo.get(tok);
    if (s === undefined) {
      s = stem(tok);
      memo.set(tok, s);
    }
    return s;
  };
}

/** Tokens of a text; one entry's build reads each text several times, so it memoises. */
export type Tokenizer = (text: string) => readonly string[];

function addText(target: Map<string, number>, text: string, weight: number, st: Stemmer, tk: Tokenizer): void {
  for (const tok of tk(text)) {
    if (STOPWORDS.has(tok) || tok.length < 2) continue;
    const s = st(tok);
    target.set(s, (target.get(s) ?? 0) + weight);
  }
}

/** The weighted stems of one entry, in a fixed field order (the order decides float sums). */
export function entryTerms(e: MapEntry, st: Stemmer, tk: Tokenizer = tokenize): Map<string, number> {
  const terms = new Map<string, number>();
  addText(terms, e.title, FIELD_WEIGHTS.title, st, tk);
  for (const k of e.keywords) addText(terms, k, FIELD_WEIGHTS.keywords, st, tk);
  for (const q of e.questions) addText(terms, q, FIELD_WEIGHTS.questions, st, tk);
  addText(terms, e.summary, FIELD_WEIGHTS.summary, st, tk);
  for (const a of e.aanZet) addText(terms, a.condition, FIELD_WEIGHTS.conditions, st, tk);
  for (const k of e.knelpunten) addText(terms, k, FIELD_WEIGHTS.knelpunten, st, tk);
  return terms;
}

/** Stems named in title or keywords (any token): what makes a word topical. */
export function headTerms(e: MapEntry, st: Stemmer, tk: Tokenizer = tokenize): Set<string> {
  const heads = new Set<string>();
  for (const t of [e.title, ...e.keywords]) for (const tok of tk(t)) heads.add(st(tok));
  return heads;
}

function bigramsOf(text: string, st: Stemmer, tk: Tokenizer): string[] {
  const toks = tk(text)
    .filter((t) => !STOPWORDS.has(t))
    .map(st);
  const out: string[] = [];
  for (let i = 0; i + 1 < toks.length; i++) out.push(`${toks[i]} ${toks[i + 1]}`);
  return out;
}

/** Raw vocabulary token for typo lookup, with its stem and its place in reading order. */
export interface VocabWord {
  raw: string;
  stem: string;
  seq: number;
}

interface Building {
  entries: number[];
  tf: number[];
  df: number;
  head: number;
  at?: Map<number, number>;
}

export interface SegmentOptions {
  /** Global number of this segment's first entry. */
  offset: number;
  /** A stem known elsewhere (the base, for an overlay): compound parts may point there too. */
  knownElsewhere?: (s: string) => boolean;
  /** A raw token already in another segment's typo vocabulary. */
  vocabElsewhere?: (raw: string) => boolean;
  /** First sequence number for this segment's typo vocabulary. */
  seqStart?: number;
  stemmer?: Stemmer;
  /** Splits a compound stem into known stems (set by the owning index). */
  split: (s: string, known: (token: string) => string | undefined) => string[] | undefined;
  /** A segment built before over the same entries (see snapshot()): restored, not rebuilt. */
  snapshot?: SegmentSnapshot | undefined;
}

/** A built segment as plain JSON data, for the compiled map cache. */
export interface SegmentSnapshot {
  version: 1;
  size: number;
  terms: Array<[string, number[], number[], number[] | null, number, number]>;
  lengths: number[];
  totalLength: number;
  anchors: string[][];
  bigrams: string[][];
  vocab: Array<[string, Array<[string, string, number]>]>;
}

/** True when `snap` looks like a snapshot of a segment over `size` entries. */
export function fitsSnapshot(snap: unknown, size: number): snap is SegmentSnapshot {
  const s = snap as Partial<SegmentSnapshot> | undefined;
  return (
    !!s &&
    s.version === 1 &&
    s.size === size &&
    Array.isArray(s.terms) &&
    s.lengths?.length === size &&
    s.anchors?.length === size &&
    s.bigrams?.length === size &&
    Array.isArray(s.vocab)
  );
}

export class IndexSegment {
  readonly entries: readonly MapEntry[];
  readonly offset: number;
  readonly terms = new Map<string, TermPostings>();
  /** Document length per entry (local number). */
  readonly lengths: Float64Array;
  readonly totalLength: number;
  readonly anchors: Set<string>[] = [];
  readonly bigrams: Set<string>[] = [];
  /** Typo vocabulary by first letter and length. */
  readonly vocab = new Map<string, VocabWord[]>();
  readonly vocabSize: number;

  constructor(entries: readonly MapEntry[], opts: SegmentOptions) {
    this.entries = entries;
    this.offset = opts.offset;
    const snap = opts.snapshot;
    if (snap) {
      for (const [s, ent, tf, top, df, head] of snap.terms) {
        this.terms.set(s, {
          entries: Int32Array.from(ent),
          tf: Float64Array.from(tf),
          topByImpact: top ? Int32Array.from(top) : undefined,
          df,
          head,
        });
      }
      this.lengths = Float64Array.from(snap.lengths);
      this.totalLength = snap.totalLength;
      for (const a of snap.anchors) this.anchors.push(new Set(a));
      for (const b of snap.bigrams) this.bigrams.push(new Set(b));
      let size = 0;
      for (const [key, words] of snap.vocab) {
        this.vocab.set(
          key,
          words.map(([raw, stem, seq]) => ({ raw, stem, seq })),
        );
        size += words.length;
      }
      this.vocabSize = size;
      return;
    }
    const st = opts.stemmer ?? memoStemmer();
    const building = new Map<string, Building>();
    this.lengths = new Float64Array(entries.length);
    let total = 0;
    let seq = opts.seqStart ?? 0;
    const seen = new Set<string>();
    const heads: Set<string>[] = [];
    entries.forEach((e, i) => {
      const g = this.offset + i;
      const memo = new Map<string, readonly string[]>();
      const tk: Tokenizer = (text) => {
        let t = memo.get(text);
        if (!t) memo.set(text, (t = tokenize(text)));
        return t;
      };
      const terms = entryTerms(e, st, tk);
      heads.push(headTerms(e, st, tk));
      let length = 0;
      for (const [s, w] of terms) {
        length += w;
        let b = building.get(s);
        if (!b) building.set(s, (b = { entries: [], tf: [], df: 0, head: 0 }));
        b.entries.push(g);
        b.tf.push(w);
        b.df++;
      }
      this.lengths[i] = length;
      total += length;
      const anchor = new Set<string>();
      for (const t of [e.title, ...e.keywords, ...e.questions]) {
        for (const tok of tk(t)) if (!STOPWORDS.has(tok) && tok.length >= 2) anchor.add(st(tok));
      }
      this.anchors.push(anchor);
      const bg = new Set<string>();
      for (const t of [e.title, ...e.keywords, ...e.questions]) for (const x of bigramsOf(t, st, tk)) bg.add(x);
      this.bigrams.push(bg);
      for (const text of [e.title, ...e.keywords, ...e.questions, e.summary]) {
        for (const tok of tk(text)) {
          if (tok.length < 4 || STOPWORDS.has(tok) || /\d/.test(tok)) continue;
          if (seen.has(tok) || opts.vocabElsewhere?.(tok)) continue;
          seen.add(tok);
          const key = `${tok[0]}${tok.length}`;
          const list = this.vocab.get(key) ?? this.vocab.set(key, []).get(key)!;
          list.push({ raw: tok, stem: st(tok), seq: seq++ });
        }
      }
    });
    this.vocabSize = seen.size;
    this.totalLength = total;
    for (const h0 of heads) {
      for (const h of h0) {
        const b = building.get(h);
        if (b) b.head++;
      }
    }
    this.addCompoundParts(building, opts, st);
    const avg = total / Math.max(entries.length, 1) || 1;
    for (const [s, b] of building) this.terms.set(s, this.freeze(b, avg));
  }

  /** Index each entry's compound words under their parts as well, at half weight: an entry
   * about "woonkostentoeslag" also answers "toeslag voor woonkosten". */
  private addCompoundParts(building: Map<string, Building>, opts: SegmentOptions, st: Stemmer): void {
    const has = (s: string): boolean => building.has(s) || !!opts.knownElsewhere?.(s);
    const known = (token: string): string | undefined => {
      if (has(token)) return token;
      const s = st(token);
      return has(s) ? s : undefined;
    };
    const extra: Array<[string, number, number]> = [];
    for (const [s, b] of building) {
      if (s.length < 8) continue;
      const parts = opts.split(s, known);
      if (!parts) continue;
      for (let k = 0; k < b.entries.length; k++)
        for (const part of parts) extra.push([part, b.entries[k]!, b.tf[k]! * 0.5]);
    }
    for (const [part, entry, weight] of extra) {
      let b = building.get(part);
      if (!b) {
        // A part only the base knows: this overlay's entries join it (no document frequency).
        if (!opts.knownElsewhere?.(part)) continue;
        building.set(part, (b = { entries: [], tf: [], df: 0, head: 0 }));
      }
      if (!b.at) b.at = new Map(b.entries.map((x, k) => [x, k]));
      const k = b.at.get(entry);
      if (k !== undefined) b.tf[k] = Math.max(b.tf[k]!, weight);
      else {
        b.at.set(entry, b.entries.length);
        b.entries.push(entry);
        b.tf.push(weight);
      }
    }
  }

  private freeze(b: Building, avg: number): TermPostings {
    const order = b.entries.map((_, k) => k);
    if (b.at) order.sort((x, y) => b.entries[x]! - b.entries[y]!);
    const entries = Int32Array.from(order, (k) => b.entries[k]!);
    const tf = Float64Array.from(order, (k) => b.tf[k]!);
    let topByImpact: Int32Array | undefined;
    if (entries.length > CANDIDATE_CAP) {
      const impact = (k: number): number => {
        const len = this.lengths[entries[k]! - this.offset]!;
        return tf[k]! / (tf[k]! + BM25_K * (0.5 + (0.5 * len) / avg));
      };
      const byImpact = Array.from(entries, (_, k) => k).sort((x, y) => impact(y) - impact(x));
      topByImpact = Int32Array.from(byImpact.slice(0, CANDIDATE_CAP), (k) => entries[k]!);
    }
    return { entries, tf, topByImpact, df: b.df, head: b.head };
  }

  /** This segment as plain data (see SegmentOptions.snapshot). */
  snapshot(): SegmentSnapshot {
    return {
      version: 1,
      size: this.entries.length,
      terms: [...this.terms].map(([s, p]) => [
        s,
        Array.from(p.entries),
        Array.from(p.tf),
        p.topByImpact ? Array.from(p.topByImpact) : null,
        p.df,
        p.head,
      ]),
      lengths: Array.from(this.lengths),
      totalLength: this.totalLength,
      anchors: this.anchors.map((a) => [...a]),
      bigrams: this.bigrams.map((b) => [...b]),
      vocab: [...this.vocab].map(([k, words]) => [k, words.map((w) => [w.raw, w.stem, w.seq])]),
    };
  }

  /** The weighted term frequency of a term in one entry (global number), or 0. */
  static tfOf(p: TermPostings, entry: number): number {
    let lo = 0;
    let hi = p.entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = p.entries[mid]!;
      if (v === entry) return p.tf[mid]!;
      if (v < entry) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
