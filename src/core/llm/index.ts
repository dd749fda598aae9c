// Public surface of the optional LLM: the port, the answer decorator, the embedder, prompts.
import type { BudgetBook } from "./budget.js";
import type { LlmStats } from "./counting-port.js";
import type { CachedEmbedder } from "./embedder.js";
import type { LlmPort } from "./port.js";

export { LlmAssist, REWRITE_BELOW, type LlmAssistOptions } from "./assist.js";
export { BudgetBook, Deadline, MIN_CALL_MS, monotonicNow, type MonotonicNow } from "./budget.js";
export { CachedEmbedder, embeddingKey, type EmbedderOptions } from "./embedder.js";
export { checkGrounding, type Grounding, type GroundingResult } from "./grounding.js";
export {
  LlmFailure,
  failReason,
  type ChatMessage,
  type ChatOptions,
  type ChatResult,
  type EmbedOptions,
  type EmbedResult,
  type LlmFailReason,
  type LlmPort,
  type LlmUsage,
} from "./port.js";
export {
  PROMPT_NAMES,
  PROMPT_SPECS,
  checkTemplate,
  renderPrompt,
  type PromptName,
  type PromptSet,
  type PromptTemplate,
} from "./prompts.js";
export { findMentions } from "./vocabulary-terms.js";
export { countingPort, newLlmStats, type LlmStats } from "./counting-port.js";

/** What the composition root hands to features when an LLM is configured. */
export interface LlmRuntime {
  port: LlmPort;
  /** Total LLM time per answer, retries included (ms). */
  budgetMs: number;
  budgets: BudgetBook;
  embedder: CachedEmbedder;
  /** Call counts for /metrics. */
  stats?: LlmStats;
}
