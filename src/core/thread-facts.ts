// Facts last the conversation: a reply in the same thread that adds or changes a case fact
// ("en als hij 27 is?", "ze heeft wel een wlz-indicatie") re-answers the thread's question
// with the facts known so far, instead of starting over. Only scrubbed text is kept, for a
// few hours, keyed by thread.
import type { AnswerDecision, Answerer } from "./answer/answerer.js";
import type { CaseFacts } from "./understand/index.js";
import { normalize } from "./text/normalize.js";

export interface ThreadFacts {
  /** The thread's (scrubbed) question that the facts refine. */
  question: string;
  facts: CaseFacts;
}

/** How long a thread remembers its question and facts. */
export const THREAD_FACTS_TTL_MS = 4 * 3_600_000;

export function threadFactsKey(turn: { tenant: string; thread: string }): string {
  return `facts:${turn.tenant}:${turn.thread}`;
}

const FOLLOW_UP_START = /^(en|maar|of|wat|stel|ook|dus|als|ze|zij|hij|die|dat|nee|ja|wel|niet)\b/;

/**
 * The answer to a follow-up in a thread, or undefined when the message is a question of its
 * own. A follow-up is short, states at least one case fact, and either starts like one
 * ("en als ...", "ze heeft wel ...") or gets no confident answer on its own.
 */
export function answerFollowUp(
  answerer: Answerer,
  thread: ThreadFacts,
  text: string,
  opts: { tenant: string; today: string },
): AnswerDecision | undefined {
  const words = normalize(text).split(" ").filter(Boolean);
  if (words.length === 0 || words.length > 14) return undefined;
  const stated = answerer.factsOf(text);
  if (Object.keys(stated).length === 0) return undefined;
  if (!FOLLOW_UP_START.test(words[0]!)) {
    const alone = answerer.answer(text, opts);
    if (alone.answer.status === "answered") return undefined;
  }
  return answerer.answer(thread.question, { ...opts, known: thread.facts, override: stated });
}
