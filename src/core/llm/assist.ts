// The optional LLM step after the deterministic answer (an answer decorator). In order, within
// one time budget per answer:
//  (a) understanding: a low-confidence clarify/abstain is retried with a rewritten question; the
//      result counts only if it is answered, more confident, and about an entry the original
//      question already pointed at (the model may settle a doubt, never change the subject);
//  (b) phrasing: an answered question is phrased from its entry; kept only if grounded.
// Any failure (budget, 429, bad JSON, refusal, ungrounded) leaves the deterministic answer and
// logs LLM_FAILED with a reason. Logs carry ids, codes and token counts, never text.
import type { Answerer } from "../answer/answerer.js";
import { MAX_ANSWER_WORDS } from "../answer/compose.js";
import type { AnswerDecorator, SafeTurn } from "../bot.js";
import type { RegulationMap } from "../map/regulation-map.js";
import type { Log } from "../ports.js";
import { scrub } from "../privacy/index.js";
import type { Answer } from "../types.js";
import { type BudgetBook, Deadline, monotonicNow, type MonotonicNow } from "./budget.js";
import { checkGrounding } from "./grounding.js";
import { keptLines, parsePhrase, phraseRequest, wordCount } from "./phrase.js";
import { failReason, LlmFailure, type ChatMessage, type ChatResult, type LlmPort } from "./port.js";
import type { PromptSet } from "./prompts.js";
import { parseRewrite, retrievalTexts, rewriteMessages } from "./rewrite.js";

/** Below this confidence a clarify or abstain is worth a rewrite. */
export const REWRITE_BELOW = 0.75;

export interface LlmAssistOptions {
  llm: LlmPort;
  prompts: PromptSet;
  answerer: Answerer;
  map: RegulationMap;
  log: Log;
  /** Total LLM time per answer, retries included (ms). */
  budgetMs: number;
  /** The day whose law applies (the bot's today). */
  today: () => string;
  /** Shared with the embedder, so a question's embedding spends the same budget. */
  budgets?: BudgetBook | undefined;
  now?: MonotonicNow | undefined;
}

type Task = "rewrite" | "phrase";

class Tally {
  calls = 0;
  promptTokens = 0;
  completionTokens = 0;
  add(r: ChatResult): void {
    this.promptTokens += r.usage.promptTokens;
    this.completionTokens += r.usage.completionTokens;
  }
}

export class LlmAssist {
  private readonly now: MonotonicNow;

  constructor(private readonly o: LlmAssistOptions) {
    this.now = o.now ?? monotonicNow;
  }

  /** The decorator for Bot.decorate: never throws, never slower than the budget. */
  readonly decorator: AnswerDecorator = async (answer, turn) => {
    const started = this.now();
    const deadline = new Deadline(this.o.budgetMs, this.now);
    this.o.budgets?.start(answer.question, deadline);
    const tally = new Tally();
    let out = answer;
    let rewritten = false;
    let phrased = false;
    if (this.wantsRewrite(answer)) {
      const better = await this.attempt("rewrite", turn, () => this.rewrite(answer, turn, deadline, tally));
      if (better) {
        out = better;
        rewritten = true;
      }
    }
    if (out.status === "answered" && out.aanZet.length > 0) {
      const text = await this.attempt("phrase", turn, () => this.phrase(out, turn, deadline, tally));
      if (text !== undefined) {
        out = { ...out, answer: text };
        phrased = true;
      }
    }
    if (tally.calls > 0) {
      this.o.log.info(
        {
          event: "llm.usage",
          tenant: turn.tenant,
          turnId: turn.id,
          calls: tally.calls,
          promptTokens: tally.promptTokens,
          completionTokens: tally.completionTokens,
          ms: Math.round(this.now() - started),
          rewritten,
          phrased,
        },
        "llm usage",
      );
    }
    return out;
  };

  private wantsRewrite(a: Answer): boolean {
    return a.status !== "answered" && a.confidence < REWRITE_BELOW && a.question.trim().length > 0;
  }

  /** Run one step; a failure is logged with its reason and becomes undefined. */
  private async attempt<T>(task: Task, turn: SafeTurn, step: () => Promise<T | undefined>): Promise<T | undefined> {
    try {
      return await step();
    } catch (err) {
      const { reason, detail } = failReason(err);
      this.o.log.warn(
        { code: "LLM_FAILED", reason, detail, task, tenant: turn.tenant, turnId: turn.id },
        "llm step skipped",
      );
      return undefined;
    }
  }

  /** Send scrubbed messages within what is left of the deadline. */
  private async call(
    messages: ChatMessage[],
    deadline: Deadline,
    tally: Tally,
    maxTokens: number,
  ): Promise<ChatResult> {
    if (!deadline.allows()) throw new LlmFailure("budget", "no_time_left");
    // Defence in depth: everything was scrubbed already; scrub again right before it leaves.
    const sent = messages.map((m) => ({ role: m.role, content: scrub(m.content).text }));
    tally.calls++;
    const res = await this.o.llm.chat(sent, { budgetMs: deadline.remaining(), json: true, maxTokens });
    tally.add(res);
    return res;
  }

  /** Entries a rewrite may lead to: the clarify options, or the best candidate of an abstain. */
  private allowedEntries(answer: Answer, tenant: string): string[] {
    if (answer.status === "clarify") {
      const again = this.o.answerer.answer(answer.question, { tenant, today: this.o.today() });
      return again.options.map((e) => e.id);
    }
    return answer.entries.slice(0, 1).map((e) => e.id);
  }

  private async rewrite(answer: Answer, turn: SafeTurn, deadline: Deadline, tally: Tally): Promise<Answer | undefined> {
    const allowed = this.allowedEntries(answer, turn.tenant);
    if (allowed.length === 0) return undefined;
    const res = await this.call(
      rewriteMessages(this.o.prompts, answer.question, MAX_ANSWER_WORDS),
      deadline,
      tally,
      300,
    );
    const answered = retrievalTexts(parseRewrite(res.text))
      .map((text) => this.o.answerer.answer(text, { tenant: turn.tenant, today: this.o.today() }).answer)
      .filter((a) => a.status === "answered" && a.confidence > answer.confidence)
      .sort((a, b) => b.confidence - a.confidence);
    if (answered.length === 0) return undefined;
    const next = answered.find((a) => allowed.includes(a.entries[0]?.id ?? ""));
    if (!next) throw new LlmFailure("off_topic", "entry_not_a_candidate");
    // The record and `ask --json` keep the worker's own (scrubbed) question.
    return { ...next, question: answer.question };
  }

  private async phrase(answer: Answer, turn: SafeTurn, deadline: Deadline, tally: Tally): Promise<string | undefined> {
    const id = answer.entries[0]?.id;
    const entry = id ? this.o.map.get(id, turn.tenant) : undefined;
    if (!entry) return undefined;
    const req = phraseRequest(this.o.prompts, answer, entry, answer.question);
    const res = await this.call(req.messages, deadline, tally, 400);
    const text = parsePhrase(res.text);
    if (/dat weet ik niet/i.test(text)) throw new LlmFailure("refusal", "does_not_know");
    if (wordCount(text) > MAX_ANSWER_WORDS) throw new LlmFailure("too_long", String(wordCount(text)));
    if (scrub(text).text !== text) throw new LlmFailure("pii");
    const grounded = checkGrounding(text, req.grounding);
    if (!grounded.ok) throw new LlmFailure("ungrounded", grounded.detail);
    return [text, ...keptLines(answer.answer)].join("\n");
  }
}
