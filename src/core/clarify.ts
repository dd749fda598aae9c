// A clarify question waits per thread for the worker's choice ("1", "2", or more detail).
import type { AnswerDecision, Answerer } from "./answer/answerer.js";
import type { RegulationMap } from "./map/regulation-map.js";
import { normalize } from "./text/normalize.js";

/** What resolving a clarify reply needs: the map's entries, the answerer and the day whose law applies. */
export interface ClarifyDeps {
  map: Pick<RegulationMap, "get">;
  answerer: Pick<Answerer, "answer" | "answered">;
  today: string;
}

export interface PendingClarify {
  question: string;
  options: string[];
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
    return { answer: deps.answerer.answered(chosen, pending.question, [], 0.8, tenant), options: [] };
  }
  if (reply.split(/\s+/).length > 8) return undefined;
  const combined = deps.answerer.answer(`${pending.question} ${reply}`, {
    tenant,
    today: deps.today,
    onlyEntries: pending.options,
  });
  return combined.answer.status === "answered" ? combined : undefined;
}
