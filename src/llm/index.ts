// Builds the LLM runtime for the composition root: the openai-backed port, the shared budget
// book and the cached question embedder. Imported (lazily) only when an LLM is configured.
import { BudgetBook, CachedEmbedder, countingPort, type LlmRuntime, newLlmStats } from "../core/llm/index.js";
import type { Log, Store } from "../core/ports.js";
import { scrubbingLlm } from "../core/privacy/scrubbing-llm.js";
import { OpenAiLlm, type OpenAiLlmConfig } from "./openai-llm.js";

export { OpenAiLlm, retryPlan, type OpenAiLlmConfig } from "./openai-llm.js";

export interface LlmDeps {
  store: Store;
  log: Log;
  /** Embeddings are kept as long as the questions they were made from. */
  retentionDays: number;
  /** Tenant for embedder callers that do not pass one. */
  tenant: string;
  /** Scrubs what is sent to the endpoint (user messages, texts to embed). */
  scrub?: ((text: string) => string) | undefined;
}

export function createLlmRuntime(cfg: OpenAiLlmConfig, deps: LlmDeps): LlmRuntime {
  const stats = newLlmStats();
  const raw = new OpenAiLlm(cfg);
  const port = countingPort(deps.scrub ? scrubbingLlm(raw, deps.scrub) : raw, stats);
  const budgets = new BudgetBook();
  const embedder = new CachedEmbedder({
    llm: port,
    store: deps.store,
    log: deps.log,
    budgetMs: cfg.budgetMs,
    ttlMs: deps.retentionDays * 86_400_000,
    defaultTenant: deps.tenant,
    budgets,
  });
  return { port, budgetMs: cfg.budgetMs, budgets, embedder, stats };
}
