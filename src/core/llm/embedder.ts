// Embeddings of scrubbed questions for recurring-question grouping (the learning loop's
// QuestionEmbedder). Cached per question in the store (`emb:<tenant>:<hash>`), so a question
// is sent at most once per retention period. Spends what is left of the answer's LLM budget
// when called in the same turn; a failure returns undefined and grouping stays lexical.
import { createHash } from "node:crypto";
import type { QuestionEmbedder } from "../learning/types.js";
import type { Log, Store } from "../ports.js";
import { scrub } from "../privacy/index.js";
import { type BudgetBook, Deadline, monotonicNow, type MonotonicNow } from "./budget.js";
import { failReason, LlmFailure, type LlmPort } from "./port.js";

export interface EmbedderOptions {
  llm: LlmPort;
  store: Store;
  log: Log;
  /** Budget of a call outside an answer (passive messages, replay), ms. */
  budgetMs: number;
  /** How long a cached vector is kept (the question log's retention), ms. */
  ttlMs: number;
  /** Tenant for callers that do not pass one. */
  defaultTenant: string;
  budgets?: BudgetBook | undefined;
  /** Share of the embedding cosine in grouping similarity (QuestionEmbedder.weight). */
  weight?: number | undefined;
  now?: MonotonicNow | undefined;
}

/** Store key of a question's embedding. */
export function embeddingKey(tenant: string, scrubbedText: string): string {
  const hash = createHash("sha256").update(scrubbedText).digest("hex").slice(0, 32);
  return `emb:${tenant}:${hash}`;
}

export class CachedEmbedder implements QuestionEmbedder {
  readonly weight: number | undefined;

  constructor(private readonly o: EmbedderOptions) {
    this.weight = o.weight;
  }

  /** The vector of a scrubbed question, or undefined when the service is unavailable. */
  async embed(text: string, tenant: string = this.o.defaultTenant): Promise<number[] | undefined> {
    const safe = scrub(text).text;
    if (safe.trim().length === 0) return undefined;
    const key = embeddingKey(tenant, safe);
    const cached = await this.o.store.get<number[]>(key).catch(() => undefined);
    if (Array.isArray(cached) && cached.length > 0) return cached;
    const deadline = this.o.budgets?.take(text) ?? new Deadline(this.o.budgetMs, this.o.now ?? monotonicNow);
    try {
      if (!deadline.allows()) throw new LlmFailure("budget", "no_time_left");
      const { vectors, usage } = await this.o.llm.embed([safe], { budgetMs: deadline.remaining() });
      const v = vectors[0];
      if (!v || v.length === 0 || !v.every((x) => Number.isFinite(x))) throw new LlmFailure("malformed", "vector");
      this.o.log.debug(
        { event: "llm.embed", tenant, promptTokens: usage.promptTokens, dims: v.length },
        "question embedded",
      );
      await this.o.store.set(key, v, this.o.ttlMs).catch((err: unknown) => {
        this.o.log.warn(
          { code: "STORE_ERROR", err: err instanceof Error ? err.name : undefined },
          "embedding not cached",
        );
      });
      return v;
    } catch (err) {
      const { reason, detail } = failReason(err);
      this.o.log.warn({ code: "LLM_FAILED", reason, detail, task: "embed", tenant }, "embedding skipped");
      return undefined;
    }
  }
}
