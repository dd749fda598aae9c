// A clarify question waits per thread for the worker's choice ("1", "2", or more detail).
import type { AnswerDecision, Answerer } from "./answer/answerer.js";
import { withAppliesOn } from "./answer/compose.js";
import type { RegulationMap } from "./map/regulation-map.js";
import { normalize } from "./text/normalize.js";
import type { CaseFacts } from "./understand/index.js";
import { referenceDate } from "./understand/reference-date.js";

/** What resolving a clarify reply needs: the map's entries, the answerer and the day whose law applies. */
export interface ClarifyDeps {
  map: Pick<RegulationMap, "get">;
  answerer: Pick<Answerer, "answer" | "answered" | "factsOf">;
  today: string;
}

export interface PendingClarify {
  question: string;
  options: string[];
  /** The `when:` key the clarify asked about ("wlz", "ageBelow"), when it asked for one fact. */
  fact?: string;
  /** Facts known when the clarify was asked. */
  facts?: CaseFacts;
}

const YES = /^(ja|jawel|jazeker|klopt|zeker|wel|yes|jep|ja hoor)\b/;
const NO = /^(nee|neen|niet|geen|nope|helaas niet)\b/;

/** The fact a short reply to a one-fact question states ("ja", "nee", "16"), if any. */
function replyFact(pending: PendingClarify, reply: string, stated: CaseFacts): CaseFacts {
  const norm = normalize(reply);
  const key = pending.fact;
  if (!key || Object.keys(stated).length > 0) return stated;
  if (key === "ageFrom" || key === "ageBelow") {
    const n = /^(\d{1,3})(?:\s+(?:jaar|jr))?$/.exec(norm);
    return n ? { age: Number(n[1]) } : stated;
  }
  if (key === "wlz" || key === "children" || key === "partner" || key === "refused") {
    if (YES.test(norm)) return { [key]: true };
    if (NO.test(norm)) return { [key]: false };
  }
  return stated;
}

export function clarifyKey(turn: { tenant: string; thread: string }): string {
  return `clarify:${turn.tenant}:${turn.thread}`;
}

/**
 * The answer to a clarify reply: a number or an option's label picks that entry; a short
 * detail ("voor altijd") is added to the first question and matched among the options.
 * Anything else is a new question (undefined).
 */
export function resolveClarify(
  deps: ClarifyDeps,
  pending: PendingClarify,
  reply: string,
  tenant: string,
): AnswerDecision | undefined {
  const entries = pending.options.map((id) => deps.map.get(id, tenant)).filter((e) => e !== undefined);
  if (entries.length === 0) return undefined;
  const n = /^\s*(\d)\s*[.)]?\s*$/.exec(reply);
  const norm = normalize(reply);
  const chosen =
    (n ? entries[Number(n[1]) - 1] : undefined) ??
    entries.find((e) => e.choiceLabel && normalize(e.choiceLabel) === norm);
  if (chosen) {
    const facts = pending.facts ?? {};
    const answer = deps.answerer.answered(chosen, pending.question, [], 0.8, tenant, facts);
    const today = deps.today;
    return {
      answer: withAppliesOn(answer, chosen, referenceDate(pending.question, today), today),
      options: [],
      facts,
    };
  }
  const stated = replyFact(pending, reply, deps.answerer.factsOf(reply));
  if (Object.keys(stated).length > 0) {
    const byFact = deps.answerer.answer(pending.question, {
      tenant,
      today: deps.today,
      onlyEntries: pending.options,
      ...(pending.facts ? { known: pending.facts } : {}),
      override: stated,
    });
    if (byFact.answer.status === "answered") return byFact;
  }
  if (reply.split(/\s+/).length > 8) return undefined;
  const combined = deps.answerer.answer(`${pending.question} ${reply}`, {
    tenant,
    today: deps.today,
    onlyEntries: pending.options,
  });
  return combined.answer.status === "answered" ? combined : undefined;
}
