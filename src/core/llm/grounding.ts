// The grounding check: an LLM-phrased answer may only say what the given map entries say.
// Every actor, law, article, number and URL in the text must occur in those entries (or, for
// numbers and names, in the worker's own question), and the first actor named must be the
// deterministic primary actor. Anything else and the worker gets the deterministic answer.
// Conservative on purpose: a rejected good phrasing costs style, an accepted bad one costs trust.
import { GEMEENTE_FAMILY, findMentions, type Mention } from "./vocabulary-terms.js";

export interface Grounding {
  /** Actor id the answer must name first. */
  primaryActor: string;
  /** Actor and law ids of the answer's aanZet items. */
  actors: readonly string[];
  laws: readonly string[];
  /** Source URLs of the entries. */
  urls: readonly string[];
  /** All text the model was given: entry fields, actor and law names, source titles, question. */
  text: string;
}

export type GroundingResult = { ok: true } | { ok: false; detail: string };

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>()"'\]]+/giu;
const NUMBER_RE = /\d+(?:[.,:]\d+)*/gu;
const LAWLIKE_RE = /(?<![\p{L}\p{N}])\p{L}{3,}wet(?:ten|boek)?(?![\p{L}\p{N}])/giu;
const WET_NAME_RE = /(?<![\p{L}\p{N}])Wet\s+(?:op\s+(?:de|het)\s+)?[\p{L}-]+/gu;
const ACRONYM_RE = /(?<![\p{L}\p{N}])\p{Lu}{2,7}(?![\p{L}\p{N}])/gu;
// Law abbreviations look like W + consonant (Wmo, Wlz, Wtcg); Dutch words go W + vowel or Wr.
const W_ABBREV_RE = /(?<![\p{L}\p{N}])W[b-df-hj-np-qs-tv-z][a-z]{0,4}(?![\p{L}\p{N}])/gu;

function normUrl(u: string): string {
  return u
    .replace(/[.,;:!?]+$/, "")
    .replace(/^https?:\/\//i, "")
    .replace(/^www\./i, "")
    .replace(/\/+$/, "")
    .toLowerCase();
}

function inside(m: { start: number; end: number }, spans: readonly Mention[]): boolean {
  return spans.some((s) => m.start >= s.start && m.end <= s.end);
}

function wordIn(haystack: string, word: string): boolean {
  const esc = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, "iu").test(haystack);
}

function numbersOf(text: string): Set<string> {
  return new Set([...text.matchAll(NUMBER_RE)].map((m) => m[0].replace(/[.,:]$/, "")));
}

function actorAllowed(id: string, allowed: ReadonlySet<string>): boolean {
  if (id === GEMEENTE_FAMILY)
    return allowed.has(GEMEENTE_FAMILY) || [...allowed].some((a) => a.startsWith("gemeente-"));
  return allowed.has(id);
}

function sameActor(mentioned: string, primary: string): boolean {
  return mentioned === primary || (mentioned === GEMEENTE_FAMILY && primary.startsWith("gemeente-"));
}

/** Check an LLM answer text against its grounding. `detail` is safe to log (ids and kinds only). */
export function checkGrounding(answer: string, g: Grounding): GroundingResult {
  const mentions = findMentions(answer);
  const given = findMentions(g.text);
  const actors = new Set([...g.actors, ...given.filter((m) => m.kind === "actor").map((m) => m.id)]);
  const laws = new Set([...g.laws, ...given.filter((m) => m.kind === "law").map((m) => m.id)]);

  const first = mentions.find((m) => m.kind === "actor");
  if (!first) return { ok: false, detail: "no_actor" };
  if (!sameActor(first.id, g.primaryActor)) return { ok: false, detail: `first_actor:${first.id}` };
  for (const m of mentions) {
    if (m.kind === "actor" && !actorAllowed(m.id, actors)) return { ok: false, detail: `actor:${m.id}` };
    if (m.kind === "law" && !laws.has(m.id)) return { ok: false, detail: `law:${m.id}` };
  }

  const urls = new Set(g.urls.map(normUrl));
  for (const m of answer.matchAll(URL_RE)) {
    if (!urls.has(normUrl(m[0]))) return { ok: false, detail: "url" };
  }
  const withoutUrls = answer.replace(URL_RE, " ");

  const known = numbersOf(g.text);
  for (const n of numbersOf(withoutUrls)) {
    if (!known.has(n)) return { ok: false, detail: "number" };
  }

  // Names that look like a law or an agency but are not in the vocabulary: only fine when the
  // entries (or the question) use the same word.
  const named = findMentions(withoutUrls);
  const unknown = (re: RegExp, detail: string): GroundingResult | undefined => {
    for (const m of withoutUrls.matchAll(re)) {
      if (inside({ start: m.index, end: m.index + m[0].length }, named)) continue;
      if (!wordIn(g.text, m[0])) return { ok: false, detail };
    }
    return undefined;
  };
  return (
    unknown(LAWLIKE_RE, "unknown_law") ??
    unknown(WET_NAME_RE, "unknown_law") ??
    unknown(W_ABBREV_RE, "unknown_law") ??
    unknown(ACRONYM_RE, "unknown_name") ?? { ok: true }
  );
}
