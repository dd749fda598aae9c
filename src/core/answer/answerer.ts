// The deterministic answerer: retrieve map entries for a (scrubbed) question, decide between
// answered / clarify / abstained with a calibrated confidence, and compose the Dutch answer.
// A confident wrong answer is the worst outcome, so every doubt leads to clarify or abstain.
import type { MapEntry } from "../map/schema.js";
import { isValidOn, type RegulationMap } from "../map/regulation-map.js";
import type { Answer } from "../types.js";
import { PLACEHOLDERS } from "../privacy/index.js";
import { type CaseFacts, Understander } from "../understand/index.js";
import {
  assumedRecord,
  assumptionLabel,
  contradicts,
  decidingFact,
  factFactor,
  factPrimary,
  factQuestion,
  openConditions,
} from "./facts-fit.js";
import { actorName } from "../map/vocabulary.js";
import { normalize } from "../text/normalize.js";
import { MapIndex, type ScoredEntry } from "./map-index.js";
import { askingSentences, isStory, needWindows, sentences, STORY } from "./story.js";
import { caseContext, contextFactor, contextualPrimary, promote } from "./context.js";
import {
  ABSTAIN_NOT_COVERED,
  ABSTAIN_OFF_TOPIC,
  EMPTY_QUESTION,
  composeAnswer,
  composeClarify,
  composeFactClarify,
} from "./compose.js";
import { withAppliesOn } from "./compose.js";
import { referenceDate } from "../understand/reference-date.js";

/** Thresholds, tuned on test/eval (see scripts/eval.mjs). */
export const CALIBRATION = {
  /** Below this coverage of the question's terms, the map does not know the question. */
  minCoverage: 0.2,
  /** Minimum summed idf of question terms in the best entry's title/keywords/questions,
   * as a share of the idf of a term unique to one entry (so it holds for any map size). */
  minAnchor: 0.5,
  /** With only one matching term, that term must carry this much of the question. */
  lonelyCoverage: 0.5,
  /** Minimum BM25 score of the best entry to answer at all (same scale as minAnchor). */
  minScore: 0.25,
  /** A runner-up this close (ratio to the best) with another actor may mean: ask which one. */
  clarifyRatio: 0.8,
  /** ...but only when the question holds less evidence for the best one than this (same scale). */
  clarifyEvidence: 0.2,
  /** Below this anchor (same scale as minAnchor), no word of the question names anything in the
   * map's titles, keywords or example questions: the message is not about the social domain. */
  domainAnchor: 0.15,
  /** Score factor for an entry that matches a need the message paraphrased (thesaurus). */
  conceptFactor: 1.5,
  /** Confidence needed to answer one asking sentence of a longer message on its own. */
  sentenceConfidence: 0.75,
  /** Confidence needed to answer without asking. */
  answerConfidence: 0.4,
} as const;

export interface AnswerOptions {
  tenant?: string | undefined;
  /** The day whose law applies, YYYY-MM-DD (entries with validFrom/validUntil). */
  today: string;
  /** Restrict to these entry ids (a clarify choice). */
  onlyEntries?: string[];
  /** Case facts known from earlier turns in the thread; the question can override them. */
  known?: CaseFacts;
  /** Case facts stated later in the thread: they win over what the question says. */
  override?: CaseFacts;
}

export interface AnswerDecision {
  answer: Answer;
  /** Entries offered in a clarify question, in the order shown. */
  options: MapEntry[];
  /** The case facts this answer read (question plus `known`), to keep for the thread. */
  facts?: CaseFacts;
  /** When the clarify asks for one fact: which (a `when:` key such as "wlz" or "ageBelow"). */
  askedFact?: string;
}

function primaryActor(e: MapEntry): string {
  return (e.aanZet.find((a) => a.role === "primary") ?? e.aanZet[0]!).actor;
}

// A placeholder together with the one word that labels it ("bsn [BSN]", "tel [TELEFOON]",
// "mevrouw [NAAM]"): the label only introduced the scrubbed value, so it is no topic word and
// must not dilute the question's coverage either.
const PLACEHOLDER_RE = new RegExp(
  `(?:[\\p{L}.]+\\s*[:(]?\\s*)?(?:${Object.values(PLACEHOLDERS)
    .map((p) => p.replace(/[[\]]/g, "\\$&"))
    .join("|")})`,
  "gu",
);

function stripPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER_RE, " ");
}

const AGE_KEYS = ["age", "turning", "ageAtLeast", "ageUnder"] as const;

/** Later facts win; a new age statement replaces the whole age picture. */
function withOverride(facts: CaseFacts, later: CaseFacts): CaseFacts {
  const out: CaseFacts = { ...facts };
  if (AGE_KEYS.some((k) => later[k] !== undefined)) for (const k of AGE_KEYS) delete out[k];
  return { ...out, ...later };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export class Answerer {
  private readonly indexes = new Map<string, MapIndex>();

  private readonly understander: Understander;
  private readonly askForms: string[];
  private readonly conceptLabels: Map<string, string>;

  constructor(private readonly map: RegulationMap) {
    this.understander = new Understander(map.concepts, map.facts);
    this.askForms = (map.facts.askForms ?? []).map((f) => ` ${normalize(f)} `);
    this.conceptLabels = new Map(map.concepts.map((c) => [c.id, c.label]));
  }

  /**
   * The best entries for a (scrubbed) text, re-ranked by case facts and context, with what
   * was understood. Shared by answers and the Omgekeerde Toets's case matching.
   */
  rank(text: string, opts: AnswerOptions, limit = 6) {
    const index = this.indexFor(opts.tenant);
    // Scrubber placeholders ([NAAM], [BSN], ...) say nothing about the topic.
    // Everyday words reach the map through the thesaurus: "poetsen" adds "huishoudelijke hulp".
    const plain = stripPlaceholders(text);
    const understood = this.understander.understand(plain, opts.known);
    // A scrubbed value can state a fact by itself ("woont op [ADRES]": lives at home); those
    // cues are read on the text with its placeholders, and the words stay out of the search.
    if (plain !== text) {
      const placed = this.understander.understand(text, understood.facts).facts;
      understood.facts = { ...placed, ...understood.facts };
    }
    const facts: CaseFacts = opts.override ? withOverride(understood.facts, opts.override) : understood.facts;
    const analysed = index.analyse(understood.rewritten);
    // Words of a paraphrase the map does not know ("naartoe" in "overdag ergens naartoe") are
    // represented by the concept's label: they must not dilute the question as unknown words.
    const phrase = new Set(understood.phraseWords);
    const query = { ...analysed, unknown: analysed.unknown.filter((u) => !phrase.has(u)) };
    // The stems of the concept labels the message paraphrased: the worker's named need.
    const needStems = new Set(
      index
        .analyse(understood.concepts.map((id) => this.conceptLabels.get(id) ?? "").join(" "))
        .terms.map((t) => t.stem),
    );
    const only = opts.onlyEntries ? new Set(opts.onlyEntries) : undefined;
    // "huurtoeslag in 2025" or "eigen risico per 1 januari" asks about that day's rules, not today's.
    const day = referenceDate(text, opts.today);
    const ctx = caseContext(text);
    const hits = index
      .search(query, 10, (e) => isValidOn(e, day) && (!only || only.has(e.id)))
      .map((h) => ({
        ...h,
        score:
          h.score *
          contextFactor(h.entry, ctx) *
          factFactor(h.entry, facts) *
          (needStems.size > 0 && h.matched.some((m) => needStems.has(m)) ? CALIBRATION.conceptFactor : 1),
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    return { index, query, facts, concepts: understood.concepts, needStems, hits, day };
  }

  /** True when a hit carries enough evidence to answer from (the abstain thresholds). */
  grounded(hit: ScoredEntry, index: MapIndex, needStems?: ReadonlySet<string>): boolean {
    // A lone matched word is a coincidence, unless it is the need the message paraphrased.
    const distinct = new Set(hit.matched);
    const lonely =
      distinct.size === 1 &&
      hit.coverage < CALIBRATION.lonelyCoverage &&
      !(needStems && [...distinct].some((m) => needStems.has(m)));
    return (
      !lonely &&
      hit.coverage >= CALIBRATION.minCoverage &&
      hit.score >= CALIBRATION.minScore * index.maxIdf &&
      hit.anchorIdf >= CALIBRATION.minAnchor * index.maxIdf
    );
  }

  /** True when the message is asked the way "wie is aan zet?" is asked (map/facts.yaml askForms). */
  private asksWhoActs(text: string): boolean {
    const n = ` ${normalize(text)} `;
    return this.askForms.some((f) => n.includes(f));
  }

  /** The case facts one message states (no known facts, no answer). */
  factsOf(text: string): CaseFacts {
    return this.understander.understand(stripPlaceholders(text)).facts;
  }

  /** The index a tenant's questions use (base map plus the tenant's overlay). */
  indexFor(tenant: string | undefined): MapIndex {
    // Tenants without a local overlay share the base index.
    const key = tenant && this.map.hasOverlay(tenant) ? tenant : "";
    let idx = this.indexes.get(key);
    if (!idx) {
      // A tenant's overlay layers on the shared base index instead of copying it.
      idx = new MapIndex(
        this.map.entriesFor(key || undefined),
        key ? { base: this.indexFor(undefined) } : { snapshot: this.map.takeIndexSnapshot() },
      );
      this.indexes.set(key, idx);
    }
    return idx;
  }

  /** Answer one scrubbed question. Pure: no I/O, no logging. */
  answer(question: string, opts: AnswerOptions): AnswerDecision {
    if (isStory(question)) return this.answerStory(question, opts);
    const whole = this.answerOne(question, opts);
    // Chat filler around a question ("Goedemorgen, ik zit met een casus ... Wie betaalt een
    // traplift?") dilutes it: when the whole message is not covered, answer the sentence that
    // asks, with the facts of the whole message.
    if (whole.answer.reason !== "not-covered" || opts.onlyEntries) return whole;
    const parts = sentences(question);
    if (parts.length < 2) return whole;
    const facts = this.understander.understand(stripPlaceholders(question), opts.known).facts;
    for (const s of askingSentences(parts)) {
      const d = this.answerOne(s, { ...opts, known: facts });
      // Only a sentence the map answers with high confidence: a short sentence matches easily.
      if (d.answer.status === "answered" && d.answer.confidence >= CALIBRATION.sentenceConfidence)
        return { ...d, answer: { ...d.answer, question } };
    }
    return whole;
  }

  /**
   * A long story: answer it as a whole when that works; otherwise answer the sentence that
   * asks, with the facts of the whole story. Then list up to three other needs the story
   * holds, each with its counter.
   */
  private answerStory(question: string, opts: AnswerOptions): AnswerDecision {
    const parts = sentences(question);
    const facts = this.understander.understand(stripPlaceholders(question), opts.known).facts;
    const withFacts = { ...opts, known: facts };
    // The sentence that asks names the main need; the story around it gives the facts.
    let main: AnswerDecision | undefined;
    for (const s of askingSentences(parts)) {
      const d = this.answerOne(s, withFacts);
      if (d.answer.status === "answered" || d.answer.status === "clarify") {
        main = { ...d, answer: { ...d.answer, question } };
        break;
      }
    }
    main ??= this.answerOne(question, opts);
    if (main.answer.status !== "answered" || opts.onlyEntries) return main;
    const mainId = main.answer.entries[0]?.id;
    const others: NonNullable<Answer["otherNeeds"]> = [];
    const seen = new Set([mainId]);
    for (const w of needWindows(parts)) {
      if (others.length >= STORY.maxOthers) break;
      const { index, hits } = this.rank(w, withFacts, 2);
      const top = hits[0];
      if (!top || seen.has(top.entry.id) || !this.grounded(top, index)) continue;
      // A need of its own: most of the sentence is about it, not a word in passing.
      if (top.coverage < STORY.needCoverage || this.confidence(top, hits[1]) < STORY.needConfidence) continue;
      if (new Set(top.matched).size < 2) continue;
      seen.add(top.entry.id);
      const item = factPrimary(top.entry, facts) ?? top.entry.aanZet.find((a) => a.role === "primary");
      if (!item) continue;
      others.push({ id: top.entry.id, title: top.entry.title, actor: item.actor });
    }
    if (others.length === 0) return main;
    const lines = others.map((o) => `- ${o.title}: ${actorName(o.actor)}`);
    const answer: Answer = {
      ...main.answer,
      answer: `${main.answer.answer}\nIn je bericht zie ik nog meer vragen:\n${lines.join("\n")}\nStel ze apart als je er meer over wilt weten.`,
      otherNeeds: others,
    };
    return { ...main, answer };
  }

  private answerOne(question: string, opts: AnswerOptions): AnswerDecision {
    const base = { question, aanZet: [], routes: [], entries: [], sources: [], checkLocally: false };
    const text = question.trim();
    if (text.length === 0) {
      return {
        answer: { ...base, status: "abstained", reason: "empty", answer: EMPTY_QUESTION, confidence: 0 },
        options: [],
      };
    }
    const { index, query, facts, hits, day, needStems } = this.rank(text, opts);
    const top = hits[0];
    if (!top || query.terms.length === 0 || top.anchorIdf < CALIBRATION.domainAnchor * index.maxIdf) {
      // Asked as "wie betaalt ...?" it is a social-domain question the map does not know: a gap.
      if (this.asksWhoActs(text)) {
        return {
          answer: { ...base, status: "abstained", reason: "not-covered", answer: ABSTAIN_NOT_COVERED, confidence: 0 },
          options: [],
          facts,
        };
      }
      return {
        answer: { ...base, status: "abstained", reason: "off-topic", answer: ABSTAIN_OFF_TOPIC, confidence: 0 },
        options: [],
        facts,
      };
    }
    const confidence = this.confidence(top, hits[1]);
    const listed = hits.slice(0, 3).map((h) => ({ id: h.entry.id, title: h.entry.title, score: round(h.score) }));
    // One matching word in a question full of other words is a coincidence, not a topic.
    if (!this.grounded(top, index, needStems)) {
      return {
        answer: {
          ...base,
          entries: listed,
          status: "abstained",
          reason: "not-covered",
          answer: ABSTAIN_NOT_COVERED,
          confidence: round(confidence),
        },
        options: [],
      };
    }
    const rivals = opts.onlyEntries ? [] : this.rivals(top, hits, index, facts);
    const rival = rivals[0];
    const fact = rival ? decidingFact(top.entry, rival.entry, facts) : undefined;
    if (rival && fact) {
      const options = [top.entry, rival.entry];
      return {
        answer: {
          ...base,
          entries: listed,
          status: "clarify",
          answer: composeFactClarify(factQuestion(fact, this.map.facts.cues), options),
          confidence: round(confidence),
        },
        options,
        facts,
        askedFact: fact,
      };
    }
    if (rivals.length > 0) {
      const options = [top.entry, ...rivals.map((r) => r.entry)];
      return {
        answer: {
          ...base,
          entries: listed,
          status: "clarify",
          answer: composeClarify(options),
          confidence: round(confidence),
        },
        options,
        facts,
      };
    }
    if (confidence < CALIBRATION.answerConfidence) {
      return {
        answer: {
          ...base,
          entries: listed,
          status: "abstained",
          reason: "not-covered",
          answer: ABSTAIN_NOT_COVERED,
          confidence: round(confidence),
        },
        options: [],
      };
    }
    const answer = withAppliesOn(
      this.answered(top.entry, question, listed, confidence, opts.tenant, facts),
      top.entry,
      day,
      opts.today,
    );
    return { answer, options: [], facts };
  }

  /** The answered form of one entry (also used after a clarify choice). */
  answered(
    entry: MapEntry,
    question: string,
    listed: Answer["entries"],
    confidence: number,
    tenant: string | undefined,
    facts: CaseFacts = {},
  ): Answer {
    const promoted = factPrimary(entry, facts) ?? contextualPrimary(entry, caseContext(question));
    const shown: MapEntry = promoted ? { ...entry, aanZet: promote(entry.aanZet, promoted) } : entry;
    const primaryItem = shown.aanZet.find((a) => a.role === "primary");
    const assumed = openConditions(entry, primaryItem, facts);
    const assumedText =
      assumed.length > 0
        ? `\nIk ga ervan uit: ${assumed.map((a) => assumptionLabel(a, this.map.facts.cues)).join(", ")}. Klopt dat niet? Zeg het, dan kijk ik opnieuw.`
        : "";
    return {
      question,
      status: "answered",
      answer: composeAnswer(shown, confidence, this.map.isLocal(entry.id, tenant)) + assumedText,
      aanZet: shown.aanZet.map((a) => ({ actor: a.actor, law: a.law, role: a.role, note: a.condition })),
      routes: [...entry.routes],
      entries: listed.length > 0 ? listed : [{ id: entry.id, title: entry.title, score: 1 }],
      sources: entry.sources.map((s) => ({ title: s.title, url: s.url })),
      // The label users see is about the answer, not just the match: a rule that is not
      // settled never shows as "hoog".
      confidence: round(entry.certainty === "unsure" ? Math.min(confidence, 0.55) : confidence),
      checkLocally: entry.certainty !== "settled",
      ...(assumed.length > 0 ? { assumed: assumedRecord(assumed) } : {}),
    };
  }

  /**
   * Close runners-up with another primary actor that the question cannot tell apart from
   * the best entry: the question matches no (substantial) term of the best entry that the
   * runner-up lacks. "rolstoel nodig" fits both wheelchair entries; "rolstoel 6 weken" not.
   */
  private rivals(top: ScoredEntry, hits: ScoredEntry[], index: MapIndex, facts: CaseFacts): ScoredEntry[] {
    const actor = primaryActor(top.entry);
    return (
      hits
        .slice(1, 3)
        .filter((h) => h.score >= top.score * CALIBRATION.clarifyRatio && primaryActor(h.entry) !== actor)
        // An entry whose condition the question contradicts is no real alternative.
        .filter((h) => !contradicts(h.entry, facts))
        .filter((h) => h.coverage >= CALIBRATION.minCoverage && h.anchorIdf >= CALIBRATION.minAnchor * index.maxIdf)
        .filter((h) => {
          const theirs = new Set(h.matched);
          const evidence = top.matched.filter((m) => !theirs.has(m)).reduce((sum, m) => sum + index.idfOf(m), 0);
          return evidence < CALIBRATION.clarifyEvidence * index.maxIdf;
        })
        .slice(0, 1)
    );
  }

  /** 0..1 from coverage, absolute score and the margin over the runner-up. */
  private confidence(top: ScoredEntry, second: ScoredEntry | undefined): number {
    const strength = 1 - Math.exp(-top.score / 6);
    const margin = second ? Math.min(1, (top.score - second.score) / Math.max(top.score, 1e-9) / 0.3) : 1;
    const sameActor = second && primaryActor(second.entry) === primaryActor(top.entry);
    const m = sameActor ? 1 : margin;
    return Math.max(0, Math.min(1, 0.45 * top.coverage + 0.35 * strength + 0.2 * m));
  }
}
