// A clarify question waits per thread for the worker's choice ("1", "2", or more detail).
import type { AnswerDecision } from "./answer/answerer.js";
import { withAppliesOn } from "./answer/compose.js";
import type { Bot } from "./bot.js";
import { normalize } from "./text/normalize.js";
import { referenceDate } from "./understand/reference-date.js";

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
  bot: Bot,
  pending: PendingClarify,
  reply: string,
  tenant: string,
): AnswerDecision | undefined {
  const entries = pending.options.map((id) => bot.map.get(id, tenant)).filter((e) => e !== undefined);
  if (entries.length === 0) return undefined;
  const n = /^\s*(\d)\s*[.)]?\s*$/.exec(reply);
  const norm = normalize(reply);
  const chosen =
    (n ? entries[Number(n[1]) - 1] : undefined) ??
    entries.find((e) => e.choiceLabel && normalize(e.choiceLabel) === norm);
  if (chosen) {
    const answer = bot.answerer.answered(chosen, pending.question, [], 0.8, tenant);
    const today = bot.today();
    return { answer: withAppliesOn(answer, chosen, referenceDate(pending.question, today), today), options: [] };
  }
  if (reply.split(/\s+/).length > 8) return undefined;
  const combined = bot.answerer.answer(`${pending.question} ${reply}`, {
    tenant,
    today: bot.today(),
    onlyEntries: pending.options,
  });
  return combined.answer.status === "answered" ? combined : undefined;
}
