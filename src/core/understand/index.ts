// Understanding a worker's message the way a coach does: which concepts of the map it names
// (through the curated thesaurus in map/thesaurus/) and which case facts it states (through
// the cues in map/facts.yaml, with negation). One understanding serves the answerer, the
// flows and recurring-question detection. Pure: no I/O.
//
// This is the shared contract (first version). Keep the exported names and shapes stable;
// improve what is behind them.
import type { Concept, FactCue } from "../map/schema.js";
import { normalize } from "../text/normalize.js";

/** Case facts read from a message. Absent = not stated. */
export interface CaseFacts {
  age?: number;
  /** "wordt 18", "over twee maanden 18": the age the person is about to reach. */
  turning?: number;
  wlz?: boolean | "aangevraagd";
  setting?: string;
  /** Settings the message rules out ("kan niet naar huis", "niet meer thuis"). */
  notSetting?: string[];
  income?: string;
  debt?: string[];
  children?: boolean;
  partner?: boolean;
  duration?: string;
  refused?: boolean;
}

export interface Understanding {
  /** Concept ids named by the message, most specific first. */
  concepts: string[];
  facts: CaseFacts;
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

  constructor(concepts: readonly Concept[], facts: { cues: readonly FactCue[]; negations: readonly string[] }) {
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
    for (const p of this.phrases) {
      if (indexOf(toks, p.tokens) >= 0 && !concepts.includes(p.concept)) concepts.push(p.concept);
    }
    const facts: CaseFacts = { ...known };
    for (const { tokens: cueToks, cue } of this.cues) {
      const at = indexOf(toks, cueToks);
      if (at < 0) continue;
      const negated = this.negatedAt(toks, at);
      applyCue(facts, cue, negated);
    }
    const age = readAge(toks);
    if (age !== undefined) facts.age = age;
    return { concepts, facts };
  }

  private negatedAt(toks: string[], at: number): boolean {
    const window = toks.slice(Math.max(0, at - 4), at);
    return this.negations.some((n) => indexOf(window, n) >= 0);
  }
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

const AGE_RE = /^(\d{1,3})$/;

/** "17 jaar", "17 jr", "van 17": a plain first version; see the understanding issue. */
function readAge(toks: string[]): number | undefined {
  for (let i = 0; i < toks.length; i++) {
    const m = AGE_RE.exec(toks[i]!);
    if (!m) continue;
    const next = toks[i + 1];
    if (next === "jaar" || next === "jr" || next === "j") {
      const n = Number(m[1]);
      if (n <= 110) return n;
    }
  }
  return undefined;
}

function tokens(text: string): string[] {
  return normalize(text).split(" ").filter(Boolean);
}

function indexOf(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
