// Understanding a worker's message the way a coach does: which concepts of the map it names
// (through the curated thesaurus in map/thesaurus/) and which case facts it states (through
// the cues in map/facts.yaml, with negation). One understanding serves the answerer, the
// flows and recurring-question detection. Pure: no I/O.
//
// This is the shared contract (first version). Keep the exported names and shapes stable;
// improve what is behind them.
import type { Concept, FactCue } from "../map/schema.js";
import { normalize } from "../text/normalize.js";
import { readAges } from "./age.js";

export { matchWhen, factOf, type WhenMatch, type WhenKey } from "./when.js";
export { readAges, decidingAge, type AgeFacts } from "./age.js";

export type { CaseFacts } from "./types.js";
import type { CaseFacts } from "./types.js";

export interface Understanding {
  /** Concept ids named by the message, most specific first. */
  concepts: string[];
  facts: CaseFacts;
  /**
   * The message as the index should read it: its words, minus those a fact rules out ("geen
   * wlz"), plus the label of each concept it paraphrases ("poetsen" adds "huishoudelijke hulp").
   */
  rewritten: string;
  /** The words of the message that belong to a concept phrase ("overdag ergens naartoe"). */
  phraseWords: string[];
}

interface Phrase {
  tokens: string[];
  concept: string;
}

/** Built once per map; `understand` is cheap per message. */
export class Understander {
  private readonly phrases: Phrase[];
  private readonly cues: Array<{ tokens: string[]; cue: FactCue }>;
  private readonly negations: string[][];
  private readonly labels: Map<string, string>;

  constructor(concepts: readonly Concept[], facts: { cues: readonly FactCue[]; negations: readonly string[] }) {
    this.labels = new Map(concepts.map((c) => [c.id, c.label]));
    this.phrases = concepts
      .flatMap((c) => [c.label, ...c.phrases].map((p) => ({ tokens: tokens(p), concept: c.id })))
      .filter((p) => p.tokens.length > 0)
      .sort((a, b) => b.tokens.length - a.tokens.length);
    this.cues = facts.cues
      .flatMap((cue) => cue.cues.map((c) => ({ tokens: tokens(c), cue })))
      .filter((c) => c.tokens.length > 0)
      .sort((a, b) => b.tokens.length - a.tokens.length);
    this.negations = facts.negations.map(tokens).sort((a, b) => b.length - a.length);
  }

  /** Concepts and facts of one (scrubbed) message; `known` facts from earlier turns are kept
   * unless the message states otherwise. */
  understand(text: string, known: CaseFacts = {}): Understanding {
    const toks = tokens(text);
    const concepts: string[] = [];
    const taken = new Set<number>();
    for (const p of this.phrases) {
      const at = indexOfFree(toks, p.tokens, taken);
      if (at < 0) continue;
      if (!concepts.includes(p.concept)) concepts.push(p.concept);
      for (let i = at; i < at + p.tokens.length; i++) taken.add(i);
    }

    const facts: CaseFacts = { ...known };
    // Longest cues first; a token used by one cue is not read again by a shorter one
    // ("wlz aangevraagd" is not also "wlz").
    // Per fact: "alleenstaande moeder" is about children and about having no partner.
    const usedBy = new Map<string, Set<number>>();
    const absent = new Set<number>();
    for (const { tokens: cueToks, cue } of this.cues) {
      let used = usedBy.get(cue.fact);
      if (!used) usedBy.set(cue.fact, (used = new Set<number>()));
      const at = indexOfFree(toks, cueToks, used);
      if (at < 0) continue;
      for (let i = at; i < at + cueToks.length; i++) used.add(i);
      const negated = this.negatedAt(toks, at);
      applyCue(facts, cue, negated);
      // "geen wlz": the message says the thing is absent, so its word is no evidence for it.
      if (statesAbsence(cue, negated)) for (let i = at; i < at + cueToks.length; i++) absent.add(i);
    }
    // The words stay (they are evidence too); the labels of the concepts are added.
    const out = toks.filter((t, i) => t !== BREAK && !absent.has(i));
    for (const c of concepts) out.push(this.labels.get(c) ?? "");
    const rewritten = out.join(" ").trim();
    const ages = readAges(text);
    if (Object.keys(ages).length > 0) {
      // A new age statement replaces the whole age picture of earlier turns.
      delete facts.age;
      delete facts.turning;
      delete facts.ageAtLeast;
      delete facts.ageUnder;
      Object.assign(facts, ages);
    }
    const phraseWords = [...taken].map((i) => toks[i]!);
    return { concepts, facts, rewritten, phraseWords };
  }

  /** A negation word at most three words before the cue, in the same clause. */
  private negatedAt(toks: string[], at: number): boolean {
    let from = at;
    while (from > 0 && at - from < 3 && !CLAUSE_BREAK.has(toks[from - 1]!)) from--;
    const window = toks.slice(from, at);
    return this.negations.some((n) => indexOf(window, n) >= 0);
  }
}

/**
 * "geen wlz", "zonder wlz-indicatie": the message rules the Wlz out, so the word must not pull
 * the answer to Wlz entries. Only for the Wlz: "krijgt geen bijstand" is still a question about
 * bijstand, and "kan niet naar huis" about leaving the hospital.
 */
function statesAbsence(cue: FactCue, negated: boolean): boolean {
  if (cue.fact !== "wlz") return false;
  return negated ? cue.value === true : cue.value === false;
}

function applyCue(facts: CaseFacts, cue: FactCue, negated: boolean): void {
  const v = cue.value;
  switch (cue.fact) {
    case "setting":
      if (negated) facts.notSetting = [...new Set([...(facts.notSetting ?? []), String(v)])];
      else facts.setting = String(v);
      return;
    case "debt":
      if (!negated) facts.debt = [...new Set([...(facts.debt ?? []), String(v)])];
      return;
    case "wlz":
      facts.wlz = negated ? false : (v as boolean | "aangevraagd");
      return;
    case "children":
    case "partner":
    case "refused":
      facts[cue.fact] = negated ? !v : Boolean(v);
      return;
    case "income":
    case "duration":
      if (!negated) facts[cue.fact] = String(v);
      return;
  }
}

const BREAK = "qqbreak";
const CLAUSE_BREAK = new Set([BREAK, "en", "maar", "want", "omdat", "dus", "of", "terwijl", "toen"]);

/** Tokens with a break marker where punctuation ended a clause, so cues don't span clauses. */
function tokens(text: string): string[] {
  return normalize(text.replace(/[,.;:!?()]+(?=\s|$)/g, ` ${BREAK} `))
    .split(" ")
    .filter(Boolean);
}

function indexOfFree(hay: string[], needle: string[], used: ReadonlySet<number>): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (used.has(i + j) || hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function indexOf(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
