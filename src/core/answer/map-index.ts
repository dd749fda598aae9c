// An inverted index over map entries with Dutch-aware query analysis: stemming, compound
// splitting (woonkostentoeslag -> woonkosten + toeslag), abbreviations and typo tolerance.
// Built once per tenant at start (and on map reload); a query touches only its own terms'
// postings, so cost grows with the query, not with the map.
import type { MapEntry } from "../map/schema.js";
import { ABBREVIATIONS } from "../text/abbreviations.js";
import { boundedDistance } from "../text/edit-distance.js";
import { STOPWORDS, tokenize } from "../text/normalize.js";
import { stem } from "../text/stem.js";

/** Field weights: what a worker types is most like titles, keywords and example questions. */
const FIELD_WEIGHTS = {
  title: 3,
  keywords: 3,
  questions: 2,
  summary: 1,
  conditions: 0.6,
  knelpunten: 0.5,
} as const;

const BM25_K = 1.2;
/** How much a purely narrative word still counts, relative to a topical one. */
const TOPICAL_BASE = 0.6;

interface Posting {
  entry: number;
  weight: number;
}

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

function addText(target: Map<string, number>, text: string, weight: number): void {
  for (const tok of tokenize(text)) {
    if (STOPWORDS.has(tok) || tok.length < 2) continue;
    const s = stem(tok);
    target.set(s, (target.get(s) ?? 0) + weight);
  }
}

function bigramsOf(text: string): string[] {
  const toks = tokenize(text)
    .filter((t) => !STOPWORDS.has(t))
    .map(stem);
  const out: string[] = [];
  for (let i = 0; i + 1 < toks.length; i++) out.push(`${toks[i]} ${toks[i + 1]}`);
  return out;
}

export class MapIndex {
  readonly entries: readonly MapEntry[];
  private readonly postings = new Map<string, Posting[]>();
  private readonly idf = new Map<string, number>();
  /** Share of a term's entries that name it in title or keywords: topical vs narrative words. */
  private readonly topicality = new Map<string, number>();
  private readonly lengths: number[] = [];
  private avgLength = 1;
  /** Raw (unstemmed) vocabulary tokens by stem, for typo lookup and compound splitting. */
  private readonly rawVocab = new Map<string, string>();
  private readonly byFirstLetter = new Map<string, string[]>();
  private readonly entryBigrams: Set<string>[] = [];
  /** Stems of each entry's title, keywords and questions: what an on-topic question must hit. */
  private readonly anchors: Set<string>[] = [];

  constructor(entries: readonly MapEntry[]) {
    this.entries = entries;
    const docFreq = new Map<string, number>();
    entries.forEach((e, i) => {
      const terms = new Map<string, number>();
      addText(terms, e.title, FIELD_WEIGHTS.title);
      for (const k of e.keywords) addText(terms, k, FIELD_WEIGHTS.keywords);
      for (const q of e.questions) addText(terms, q, FIELD_WEIGHTS.questions);
      addText(terms, e.summary, FIELD_WEIGHTS.summary);
      for (const a of e.aanZet) addText(terms, a.condition, FIELD_WEIGHTS.conditions);
      for (const k of e.knelpunten) addText(terms, k, FIELD_WEIGHTS.knelpunten);
      let length = 0;
      for (const [s, w] of terms) {
        length += w;
        (this.postings.get(s) ?? this.postings.set(s, []).get(s)!).push({ entry: i, weight: w });
        docFreq.set(s, (docFreq.get(s) ?? 0) + 1);
      }
      this.lengths.push(length);
      const anchor = new Set<string>();
      for (const t of [e.title, ...e.keywords, ...e.questions]) {
        for (const tok of tokenize(t)) if (!STOPWORDS.has(tok) && tok.length >= 2) anchor.add(stem(tok));
      }
      this.anchors.push(anchor);
      const bg = new Set<string>();
      for (const t of [e.title, ...e.keywords, ...e.questions]) for (const b of bigramsOf(t)) bg.add(b);
      this.entryBigrams.push(bg);
      for (const text of [e.title, ...e.keywords, ...e.questions, e.summary]) {
        for (const tok of tokenize(text)) {
          if (tok.length < 4 || STOPWORDS.has(tok) || /\d/.test(tok)) continue;
          if (!this.rawVocab.has(tok)) {
            this.rawVocab.set(tok, stem(tok));
            const first = tok[0]!;
            (this.byFirstLetter.get(first) ?? this.byFirstLetter.set(first, []).get(first)!).push(tok);
          }
        }
      }
    });
    const n = Math.max(entries.length, 1);
    for (const [s, df] of docFreq) this.idf.set(s, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    const headFreq = new Map<string, number>();
    for (const e of entries) {
      const heads = new Set<string>();
      for (const t of [e.title, ...e.keywords]) for (const tok of tokenize(t)) heads.add(stem(tok));
      for (const h of heads) headFreq.set(h, (headFreq.get(h) ?? 0) + 1);
    }
    for (const [s, df] of docFreq) this.topicality.set(s, Math.min(1, (headFreq.get(s) ?? 0) / df));
    this.avgLength = this.lengths.reduce((a, b) => a + b, 0) / n || 1;
    // Compound parts of the entry's own words count too, at half weight: an entry about
    // "woonkostentoeslag" also answers "toeslag voor woonkosten".
    this.addCompoundParts();
  }

  /** Index each entry's compound words under their parts as well (at reduced weight). */
  private addCompoundParts(): void {
    const extra: Array<[string, Posting]> = [];
    for (const [s, list] of this.postings) {
      if (s.length < 8) continue;
      const parts = this.splitCompound(s, 0);
      if (!parts) continue;
      for (const p of list) for (const part of parts) extra.push([part, { entry: p.entry, weight: p.weight * 0.5 }]);
    }
    for (const [part, posting] of extra) {
      const list = this.postings.get(part);
      if (!list) continue;
      const same = list.find((x) => x.entry === posting.entry);
      if (same) same.weight = Math.max(same.weight, posting.weight);
      else list.push(posting);
    }
  }

  /** The idf of a term found in one entry only: the scale for relative thresholds. */
  get maxIdf(): number {
    const n = Math.max(this.entries.length, 1);
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  idfOf(s: string): number {
    return this.idf.get(s) ?? 0;
  }

  /** Split a word into 2-3 known stems (with Dutch linking s/e/en), or undefined. */
  private splitCompound(word: string, depth: number): string[] | undefined {
    if (depth > 2 || word.length < 7) return undefined;
    for (let cut = word.length - 3; cut >= 4; cut--) {
      const head = word.slice(0, cut);
      const headStem = this.known(head);
      if (!headStem) continue;
      for (const link of ["", "s", "e", "en"]) {
        if (!word.startsWith(link, cut)) continue;
        const tail = word.slice(cut + link.length);
        if (tail.length < 4) continue;
        const tailStem = this.known(tail);
        if (tailStem) return [headStem, tailStem];
        const deeper = this.splitCompound(tail, depth + 1);
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
    if (this.postings.has(token)) return token;
    const s = stem(token);
    return this.postings.has(s) ? s : undefined;
  }

  private typo(token: string): string | undefined {
    if (token.length < 6) return undefined;
    const max = token.length >= 9 ? 2 : 1;
    let best: string | undefined;
    let bestD = max + 1;
    // Typos rarely hit the first letter; looking only there keeps this cheap on big maps.
    for (const cand of this.byFirstLetter.get(token[0]!) ?? []) {
      const d = boundedDistance(token, cand, max);
      if (d < bestD) {
        bestD = d;
        best = cand;
        if (d === 1 && max === 1) break;
      }
    }
    return best === undefined ? undefined : this.rawVocab.get(best);
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
          if (this.postings.has(s)) push({ stem: s, source: tok, via: "abbreviation", trust: 0.9 });
        }
        stems.push(stem(tok));
        continue;
      }
      if (STOPWORDS.has(tok) || tok.length < 2 || /^\d+$/.test(tok)) continue;
      const s = stem(tok);
      stems.push(s);
      if (this.postings.has(s)) {
        push({ stem: s, source: tok, via: "exact", trust: 1 });
        continue;
      }
      if (this.postings.has(tok)) {
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
      if (fixed && this.postings.has(fixed)) {
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
    const scores = new Map<number, { score: number; matchedIdf: number; anchorIdf: number; matched: string[] }>();
    let totalIdf = 0;
    for (const t of query.terms) {
      // Topical words (named in titles/keywords) count more than narrative ones ("geld").
      const idf =
        (this.idf.get(t.stem) ?? 0) * (TOPICAL_BASE + (1 - TOPICAL_BASE) * (this.topicality.get(t.stem) ?? 0));
      totalIdf += idf * t.trust;
      for (const p of this.postings.get(t.stem) ?? []) {
        const len = this.lengths[p.entry]!;
        const tf = p.weight;
        const part = (idf * t.trust * tf * (BM25_K + 1)) / (tf + BM25_K * (0.5 + (0.5 * len) / this.avgLength));
        const cur = scores.get(p.entry) ?? { score: 0, matchedIdf: 0, anchorIdf: 0, matched: [] };
        cur.score += part;
        cur.matchedIdf += idf * t.trust;
        if (this.anchors[p.entry]!.has(t.stem)) cur.anchorIdf += (this.idf.get(t.stem) ?? 0) * t.trust;
        cur.matched.push(t.stem);
        scores.set(p.entry, cur);
      }
    }
    // Unknown content words weigh like an average term: a question that is mostly about
    // something the map does not know should not look covered.
    // Capped: a long case description has many words the map need not know.
    const unknownWeight = Math.min(query.unknown.length, 4) * 0.2 * this.maxIdf;
    const denominator = totalIdf + unknownWeight;
    const out: ScoredEntry[] = [];
    for (const [i, s] of scores) {
      const entry = this.entries[i]!;
      if (accept && !accept(entry)) continue;
      let score = s.score;
      const bg = this.entryBigrams[i]!;
      for (const b of query.bigrams) if (bg.has(b)) score += 1.5;
      out.push({
        entry,
        score,
        anchorIdf: s.anchorIdf,
        coverage: denominator > 0 ? s.matchedIdf / denominator : 0,
        matched: s.matched,
      });
    }
    out.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
    return out.slice(0, limit);
  }
}
