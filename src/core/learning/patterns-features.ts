// Features of one logged question for recurring-question detection: domain concepts (from the
// thesaurus), content-word stems weighted by how specific they are in the map, the matched map
// entry and the laws involved. Deterministic and cheap: no I/O, no model.
import type { MapEntry } from "../map/schema.js";
import type { QuestionRecord } from "../question-log.js";
import { ABBREVIATIONS } from "../text/abbreviations.js";
import { STOPWORDS, normalize, tokenize } from "../text/normalize.js";
import { stem } from "../text/stem.js";
import { CHAT_WORDS, CONCEPTS, GENERIC_WORDS, NOT_CONCEPT, PHRASES } from "./patterns-lexicon.js";
import { ageBands, questionKind } from "./patterns-text.js";

export { ageBands, looksLikeReply, questionKind } from "./patterns-text.js";

const CONCEPT_WEIGHT = new Map(CONCEPTS.map(([id, w]) => [id, w]));
import type { SparseVector } from "./types.js";

/** Feature weights outside the thesaurus; tuned on test/fixtures/patterns. */
export const FEATURE_WEIGHTS = {
  /** A generic word: present, but hardly telling. */
  generic: 0.25,
  /** A content word the map does not know (often specific, sometimes chat noise). */
  unknownWord: 0.8,
  /** Range for content words the map knows, from common to rare in the map. */
  mapWordMin: 0.35,
  mapWordMax: 1.1,
  /** The entry an answered question got. */
  answeredEntry: 1.3,
  /** The best entry in the entry activation (explicit semantic analysis over the map). */
  entryActivation: 1.2,
  /** The best entry of a question the bot could not answer (a weaker hint). */
  consideredEntry: 0.4,
  law: 0.35,
  /** The kind of question: a blockage (knelpunt) or a procedure (how-to). */
  questionKind: 1.3,
  /** An age band (under 18, 18-20, 21-26, 67+). */
  ageBand: 1.2,
  /** A pair of concepts in one question: problems are combinations ("detentie" + "huur"). */
  conceptPair: 0.45,
} as const;

export const TUNING = {
  conceptGamma: 1,
  /** Entry activation: best score below this means "the map does not know this". */
  esaMinScore: 4,
  /** Best score and coverage at which the activation is fully trusted. */
  esaFullScore: 12,
  esaFullCoverage: 0.5,
  /** Entries used, and how close to the best they must score. */
  esaTop: 5,
  esaMinRelative: 0.5,
};

interface ConceptHit {
  concept: string;
  weight: number;
}

/** Thesaurus lookup: exact normalised words first, then stems of the listed words. */
const EXACT = new Map<string, ConceptHit[]>();
const STEMMED = new Map<string, ConceptHit[]>();
{
  const put = (m: Map<string, ConceptHit[]>, key: string, hit: ConceptHit): void => {
    const list = m.get(key) ?? m.set(key, []).get(key)!;
    if (!list.some((h) => h.concept === hit.concept)) list.push(hit);
  };
  for (const [concept, weight, words] of CONCEPTS) {
    for (const raw of words.split(/\s+/)) {
      for (const w of tokenize(raw)) {
        put(EXACT, w, { concept, weight });
        put(STEMMED, stem(w), { concept, weight });
      }
    }
  }
}

/** How specific each stem is across the map's entries (document frequency). */
export class MapVocabulary {
  private readonly df = new Map<string, number>();
  readonly size: number;

  constructor(entries: readonly MapEntry[]) {
    this.size = entries.length;
    for (const e of entries) {
      const seen = new Set<string>();
      const texts = [e.title, e.summary, ...e.keywords, ...e.questions, ...e.knelpunten];
      for (const t of texts) for (const tok of tokenize(t)) if (!STOPWORDS.has(tok)) seen.add(stem(tok));
      for (const s of seen) this.df.set(s, (this.df.get(s) ?? 0) + 1);
    }
  }

  has(s: string): boolean {
    return this.df.has(s);
  }

  /** Weight of a content stem: rare in the map = telling; unknown = FEATURE_WEIGHTS.unknownWord. */
  weight(s: string): number {
    const df = this.df.get(s);
    if (df === undefined) return FEATURE_WEIGHTS.unknownWord;
    const idf = Math.log((this.size + 1) / (df + 0.5)) / Math.log(this.size + 1 || 2);
    const { mapWordMin: lo, mapWordMax: hi } = FEATURE_WEIGHTS;
    return Math.max(lo, Math.min(hi, lo + (hi - lo) * idf));
  }
}

export interface QuestionFeatures {
  vector: SparseVector;
  /** Concepts found, strongest first. */
  concepts: string[];
  /** Total weight of domain evidence (concepts and words the map knows). */
  domain: number;
  /** The text has team-logistics or small-talk words (rooster, vrijdag, lunch, ...). */
  chat: boolean;
}

const PLACEHOLDER = /\[[A-Z]+\]/g;
// Chat shorthand that tokenising would break apart.
const SHORTHAND: Array<[RegExp, string]> = [
  [/\bw\s*&\s*i\b/gi, " werkeninkomen "],
  [/\bwerk\s*(en|&)\s*inkomen\b/gi, " werkeninkomen "],
];

function setMax(v: SparseVector, key: string, w: number): void {
  if (w > (v.get(key) ?? 0)) v.set(key, w);
}

/** Split a long unknown word into known parts (Dutch compounds: "tandartskosten"). */
function splitCompound(word: string, known: (w: string) => boolean, depth = 0): string[] | undefined {
  if (depth > 2 || word.length < 7) return undefined;
  for (let cut = word.length - 3; cut >= 4; cut--) {
    const head = word.slice(0, cut);
    if (!known(head)) continue;
    for (const link of ["", "s", "e", "en"]) {
      if (!word.startsWith(link, cut)) continue;
      const tail = word.slice(cut + link.length);
      if (tail.length < 3) continue;
      if (known(tail)) return [head, tail];
      const deeper = splitCompound(tail, known, depth + 1);
      if (deeper) return [head, ...deeper];
    }
  }
  return undefined;
}

function lexicon(tok: string): ConceptHit[] | undefined {
  if (NOT_CONCEPT.has(tok)) return undefined;
  return EXACT.get(tok) ?? STEMMED.get(stem(tok));
}

/** The feature vector of a scrubbed question plus its answer metadata. */
/** A map entry the question resembles, with its retrieval score (BM25) and coverage. */
export interface MapHit {
  id: string;
  score: number;
  coverage: number;
}

/** Finds the map entries a question resembles (the answerer's index); optional. */
export type MapSearch = (tenant: string, text: string) => MapHit[];

/**
 * Entry-activation features: a question is described by the map entries it resembles, each
 * weighted by its score relative to the best (explicit semantic analysis over the map). Two
 * paraphrases light up the same entries even when they share few words, and even when the
 * bot could not answer them.
 */
export function entryActivation(hits: readonly MapHit[]): Array<[string, number]> {
  const top = hits[0];
  if (!top || top.score < TUNING.esaMinScore) return [];
  // A weak or thinly covered best match says little about the question.
  const trust = Math.min(1, top.score / TUNING.esaFullScore) * Math.min(1, top.coverage / TUNING.esaFullCoverage);
  const out: Array<[string, number]> = [];
  for (const h of hits.slice(0, TUNING.esaTop)) {
    const rel = h.score / top.score;
    if (rel < TUNING.esaMinRelative) break;
    out.push([`e:${h.id}`, FEATURE_WEIGHTS.entryActivation * rel * trust]);
  }
  return out;
}

export function extractFeatures(
  rec: Pick<QuestionRecord, "text" | "entries" | "actors" | "laws">,
  vocab: MapVocabulary,
  hits?: readonly MapHit[],
): QuestionFeatures {
  let text = rec.text.replace(PLACEHOLDER, " ");
  for (const [re, to] of SHORTHAND) text = text.replace(re, to);
  const v: SparseVector = new Map();
  const concepts = new Map<string, number>();
  let domain = 0;
  const known = (w: string): boolean => w.length >= 4 && (lexicon(w) !== undefined || vocab.has(stem(w)));

  const word = (tok: string, factor: number): void => {
    const hits = lexicon(tok);
    if (hits) {
      for (const h of hits) {
        const w = Math.pow(h.weight, TUNING.conceptGamma) * factor;
        setMax(v, `c:${h.concept}`, w);
        concepts.set(h.concept, Math.max(concepts.get(h.concept) ?? 0, w));
      }
      return;
    }
    if (STOPWORDS.has(tok) || tok.length < 3 || /^\d+$/.test(tok)) return;
    const s = stem(tok);
    if (GENERIC_WORDS.has(tok) || GENERIC_WORDS.has(s)) {
      setMax(v, `s:${s}`, FEATURE_WEIGHTS.generic * factor);
      return;
    }
    if (!vocab.has(s) && tok.length >= 8) {
      const parts = splitCompound(tok, known);
      // Only splits that reach the thesaurus: "tandartskosten" yes, "achteruit" (acht+eruit) no.
      if (parts && parts.some((p) => lexicon(p) !== undefined)) {
        for (const p of parts) word(p, factor * 0.85);
        return;
      }
    }
    setMax(v, `s:${s}`, vocab.weight(s) * factor);
    if (vocab.has(s)) domain += 0.3 * factor;
  };

  for (const tok of tokenize(text)) {
    const abbr = ABBREVIATIONS[tok];
    if (abbr && !lexicon(tok)) {
      for (const x of abbr.split(" ")) word(x, 0.9);
      continue;
    }
    word(tok, 1);
  }

  const normalised = normalize(text);
  for (const [re, concept] of PHRASES) {
    if (!re.test(normalised)) continue;
    const w = Math.pow(CONCEPT_WEIGHT.get(concept) ?? 1, TUNING.conceptGamma);
    setMax(v, `c:${concept}`, w);
    concepts.set(concept, Math.max(concepts.get(concept) ?? 0, w));
  }
  const kind = questionKind(normalised);
  if (kind) setMax(v, `x:${kind}`, FEATURE_WEIGHTS.questionKind);
  for (const band of ageBands(normalised)) {
    setMax(v, `c:${band}`, FEATURE_WEIGHTS.ageBand);
    concepts.set(band, FEATURE_WEIGHTS.ageBand);
  }

  const ranked = [...concepts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [, w] of ranked) domain += w;
  // Pairs of the strongest concepts: two questions about "detentie + huur" share the pair,
  // a question about "detentie + id-bewijs" shares only one concept.
  const top = ranked.slice(0, 5);
  for (let i = 0; i < top.length; i++) {
    for (let j = i + 1; j < top.length; j++) {
      const [a, wa] = top[i]!;
      const [b, wb] = top[j]!;
      const key = a < b ? `p:${a}+${b}` : `p:${b}+${a}`;
      setMax(v, key, FEATURE_WEIGHTS.conceptPair * Math.sqrt(wa * wb));
    }
  }
  const answered = rec.actors.length > 0;
  const entry = rec.entries[0];
  if (hits) {
    for (const [k, w] of entryActivation(hits)) setMax(v, k, w);
  } else if (entry) {
    // Not domain evidence on its own: the answerer also "answers" chat noise now and then.
    setMax(v, `e:${entry}`, answered ? FEATURE_WEIGHTS.answeredEntry : FEATURE_WEIGHTS.consideredEntry);
  }
  for (const law of rec.laws.slice(0, 3)) setMax(v, `l:${law}`, FEATURE_WEIGHTS.law);
  const chat = tokenize(text).some((t) => CHAT_WORDS.has(t));
  return { vector: v, concepts: ranked.map(([c]) => c), domain, chat };
}

/** Minimum evidence for a question to take part in grouping (keeps chat noise out). */
export const MIN_DOMAIN = 1.2;

/** True when the features carry enough domain content to be grouped. */
export function groupable(f: QuestionFeatures): boolean {
  if (f.domain < MIN_DOMAIN) return false;
  // "Wie neemt vrijdag mijn dienst over? Ik moet naar de tandarts." is chat, not a case.
  if (f.chat && f.concepts.length < 2) return false;
  let informative = 0;
  for (const [k, w] of f.vector)
    if ((k.startsWith("c:") || k.startsWith("s:")) && w > FEATURE_WEIGHTS.generic) informative++;
  return informative >= 2;
}
