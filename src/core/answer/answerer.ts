// The deterministic answerer: retrieve map entries for a (scrubbed) question, decide between
// answered / clarify / abstained with a calibrated confidence, and compose the Dutch answer.
// A confident wrong answer is the worst outcome, so every doubt leads to clarify or abstain.
import type { MapEntry } from "../map/schema.js";
import { isValidOn, type RegulationMap } from "../map/regulation-map.js";
import type { Answer } from "../types.js";
import { PLACEHOLDERS } from "../privacy/index.js";
import { Understander } from "../understand/index.js";
import { MapIndex, type ScoredEntry } from "./map-index.js";
import { askedYear, caseContext, contextFactor, contextualPrimary, promote } from "./context.js";
import { ABSTAIN_NOT_COVERED, ABSTAIN_OFF_TOPIC, EMPTY_QUESTION, composeAnswer, composeClarify } from "./compose.js";

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
  /** Confidence needed to answer without asking. */
  answerConfidence: 0.4,
} as const;

export interface AnswerOptions {
  tenant?: string | undefined;
  /** The day whose law applies, YYYY-MM-DD (entries with validFrom/validUntil). */
  today: string;
  /** Restrict to these entry ids (a clarify choice). */
  onlyEntries?: string[];
}

export interface AnswerDecision {
  answer: Answer;
  /** Entries offered in a clarify question, in the order shown. */
  options: MapEntry[];
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

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export class Answerer {
  private readonly indexes = new Map<string, MapIndex>();

  private readonly understander: Understander;
  private readonly conceptLabels: Map<string, string>;

  constructor(private readonly map: RegulationMap) {
    this.understander = new Understander(map.concepts, map.facts);
    this.conceptLabels = new Map(map.concepts.map((c) => [c.id, c.label]));
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
    const base = { question, aanZet: [], routes: [], entries: [], sources: [], checkLocally: false };
    const text = question.trim();
    if (text.length === 0) {
      return {
        answer: { ...base, status: "abstained", reason: "empty", answer: EMPTY_QUESTION, confidence: 0 },
        options: [],
      };
    }
    const index = this.indexFor(opts.tenant);
    // Scrubber placeholders ([NAAM], [BSN], ...) say nothing about the topic.
    // Everyday words reach the map through the thesaurus: "poetsen" adds "huishoudelijke hulp".
    const { concepts } = this.understander.understand(text);
    const labels = concepts.map((id) => this.conceptLabels.get(id) ?? "").join(" ");
    const query = index.analyse(`${stripPlaceholders(text)} ${labels}`);
    const only = opts.onlyEntries ? new Set(opts.onlyEntries) : undefined;
    // "huurtoeslag in 2025" asks about the rules of that year, not today's.
    const year = askedYear(text, opts.today);
    const day = year ? `${year}-07-01` : opts.today;
    const ctx = caseContext(text);
    const hits = index
      .search(query, 10, (e) => isValidOn(e, day) && (!only || only.has(e.id)))
      .map((h) => ({ ...h, score: h.score * contextFactor(h.entry, ctx) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 6);
    const top = hits[0];
    if (!top || query.terms.length === 0 || top.anchorIdf < CALIBRATION.domainAnchor * index.maxIdf) {
      return {
        answer: { ...base, status: "abstained", reason: "off-topic", answer: ABSTAIN_OFF_TOPIC, confidence: 0 },
        options: [],
      };
    }
    const confidence = this.confidence(top, hits[1]);
    const listed = hits.slice(0, 3).map((h) => ({ id: h.entry.id, title: h.entry.title, score: round(h.score) }));
    // One matching word in a question full of other words is a coincidence, not a topic.
    const lonely = new Set(top.matched).size === 1 && top.coverage < CALIBRATION.lonelyCoverage;
    if (
      lonely ||
      top.coverage < CALIBRATION.minCoverage ||
      top.score < CALIBRATION.minScore * index.maxIdf ||
      top.anchorIdf < CALIBRATION.minAnchor * index.maxIdf
    ) {
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
    const rivals = only ? [] : this.rivals(top, hits, index);
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
    const answer = this.answered(top.entry, question, listed, confidence, opts.tenant);
    if (year) answer.answer += `\nDit zijn de regels van ${year}. Vraag je naar nu? Stel je vraag dan zonder jaartal.`;
    return { answer, options: [] };
  }

  /** The answered form of one entry (also used after a clarify choice). */
  answered(
    entry: MapEntry,
    question: string,
    listed: Answer["entries"],
    confidence: number,
    tenant: string | undefined,
  ): Answer {
    const promoted = contextualPrimary(entry, caseContext(question));
    const shown: MapEntry = promoted ? { ...entry, aanZet: promote(entry.aanZet, promoted) } : entry;
    return {
      question,
      status: "answered",
      answer: composeAnswer(shown, confidence, this.map.isLocal(entry.id, tenant)),
      aanZet: shown.aanZet.map((a) => ({ actor: a.actor, law: a.law, role: a.role, note: a.condition })),
      routes: [...entry.routes],
      entries: listed.length > 0 ? listed : [{ id: entry.id, title: entry.title, score: 1 }],
      sources: entry.sources.map((s) => ({ title: s.title, url: s.url })),
      // The label users see is about the answer, not just the match: a rule that is not
      // settled never shows as "hoog".
      confidence: round(entry.certainty === "unsure" ? Math.min(confidence, 0.55) : confidence),
      checkLocally: entry.certainty !== "settled",
    };
  }

  /**
   * Close runners-up with another primary actor that the question cannot tell apart from
   * the best entry: the question matches no (substantial) term of the best entry that the
   * runner-up lacks. "rolstoel nodig" fits both wheelchair entries; "rolstoel 6 weken" not.
   */
  private rivals(top: ScoredEntry, hits: ScoredEntry[], index: MapIndex): ScoredEntry[] {
    const actor = primaryActor(top.entry);
    return hits
      .slice(1, 3)
      .filter((h) => h.score >= top.score * CALIBRATION.clarifyRatio && primaryActor(h.entry) !== actor)
      .filter((h) => h.coverage >= CALIBRATION.minCoverage && h.anchorIdf >= CALIBRATION.minAnchor * index.maxIdf)
      .filter((h) => {
        const theirs = new Set(h.matched);
        const evidence = top.matched.filter((m) => !theirs.has(m)).reduce((sum, m) => sum + index.idfOf(m), 0);
        return evidence < CALIBRATION.clarifyEvidence * index.maxIdf;
      })
      .slice(0, 1);
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
