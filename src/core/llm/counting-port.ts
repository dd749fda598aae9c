// Counts what goes through an LlmPort, for /metrics: calls by kind, failures by reason, and
// budget overruns (a call cut off because the answer's time budget ran out). Counts only:
// no text, no user.
import { type ChatMessage, type ChatOptions, type EmbedOptions, LlmFailure, type LlmPort } from "./port.js";

export interface LlmStats {
  calls: { chat: number; embed: number };
  /** Failed calls by LlmFailReason ("other" for anything that is no LlmFailure). */
  failures: Map<string, number>;
  budgetOverruns: number;
}

export function newLlmStats(): LlmStats {
  return { calls: { chat: 0, embed: 0 }, failures: new Map(), budgetOverruns: 0 };
}

/** The same port, counting into `stats`. */
export function countingPort(port: LlmPort, stats: LlmStats): LlmPort {
  const failed = (err: unknown): never => {
    const reason = err instanceof LlmFailure ? err.reason : "other";
    stats.failures.set(reason, (stats.failures.get(reason) ?? 0) + 1);
    if (reason === "budget") stats.budgetOverruns++;
    throw err;
  };
  return {
    chat(messages: ChatMessage[], opts: ChatOptions) {
      stats.calls.chat++;
      return port.chat(messages, opts).catch(failed);
    },
    embed(texts: string[], opts: EmbedOptions) {
      stats.calls.embed++;
      return port.embed(texts, opts).catch(failed);
    },
  };
}
