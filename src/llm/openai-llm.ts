// The LlmPort on the `openai` client: any OpenAI-compatible endpoint (OpenAI, Azure OpenAI's
// v1 endpoint, Ollama, vLLM). The only file that imports `openai`. Every call keeps to its
// budget twice over: the client's per-attempt timeout and retries are sized so that
// (maxRetries + 1) x timeout <= budget (the SDK retries timeouts and 429s on its own), and an
// AbortController cancels whatever still runs when the budget is spent.
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  OpenAIError,
  RateLimitError,
} from "openai";
import {
  LlmFailure,
  type ChatMessage,
  type ChatOptions,
  type ChatResult,
  type EmbedOptions,
  type EmbedResult,
  type LlmPort,
} from "../core/llm/port.js";

export interface OpenAiLlmConfig {
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
  model: string;
  embedModel: string;
  budgetMs: number;
}

/** An attempt shorter than this is not worth a retry: one attempt gets the whole budget. */
export const MIN_ATTEMPT_MS = 1000;

/** Per-attempt timeout and retries for a budget: (maxRetries + 1) x timeoutMs <= budgetMs. */
export function retryPlan(budgetMs: number): { maxRetries: number; timeoutMs: number } {
  const maxRetries = budgetMs >= 2 * MIN_ATTEMPT_MS ? 1 : 0;
  return { maxRetries, timeoutMs: Math.max(1, Math.floor(budgetMs / (maxRetries + 1))) };
}

/** The failure reason of an SDK error. `expired`: our own budget timer fired. */
function toFailure(err: unknown, expired: boolean): LlmFailure {
  if (err instanceof LlmFailure) return err;
  if (expired || err instanceof APIUserAbortError) return new LlmFailure("budget", "expired", { cause: err });
  if (err instanceof RateLimitError) return new LlmFailure("rate_limited", "429", { cause: err });
  if (err instanceof APIConnectionTimeoutError) return new LlmFailure("timeout", undefined, { cause: err });
  if (err instanceof APIConnectionError) return new LlmFailure("connection", undefined, { cause: err });
  if (err instanceof APIError) return new LlmFailure("http", String(err.status ?? "-"), { cause: err });
  if (err instanceof OpenAIError || err instanceof SyntaxError)
    return new LlmFailure("malformed", err.name, { cause: err });
  return new LlmFailure("connection", err instanceof Error ? err.name : undefined, { cause: err });
}

export class OpenAiLlm implements LlmPort {
  private readonly client: OpenAI;

  constructor(private readonly cfg: OpenAiLlmConfig) {
    const plan = retryPlan(cfg.budgetMs);
    this.client = new OpenAI({
      // A local model (Ollama, vLLM) needs no key, but the client insists on one.
      apiKey: cfg.apiKey ?? "not-needed",
      baseURL: cfg.baseUrl ?? "https://api.openai.com/v1",
      organization: null,
      project: null,
      webhookSecret: null,
      timeout: plan.timeoutMs,
      maxRetries: plan.maxRetries,
      // The SDK's own logging could print request details; the bot logs codes only.
      logLevel: "off",
    });
  }

  async chat(messages: ChatMessage[], opts: ChatOptions): Promise<ChatResult> {
    return this.withBudget(opts.budgetMs, opts.signal, async (req) => {
      const res = await this.client.chat.completions.create(
        {
          model: this.cfg.model,
          messages,
          temperature: 0.2,
          ...(opts.maxTokens ? { max_tokens: opts.maxTokens } : {}),
          ...(opts.json ? { response_format: { type: "json_object" as const } } : {}),
        },
        req,
      );
      const choice = res.choices?.[0];
      if (!choice) throw new LlmFailure("malformed", "no_choice");
      if (choice.message?.refusal) throw new LlmFailure("refusal", "refused");
      if (choice.finish_reason === "content_filter") throw new LlmFailure("refusal", "filtered");
      if (choice.finish_reason === "length") throw new LlmFailure("too_long", "cut_off");
      const text = choice.message?.content;
      if (typeof text !== "string" || text.trim().length === 0) throw new LlmFailure("malformed", "empty");
      return {
        text,
        usage: { promptTokens: res.usage?.prompt_tokens ?? 0, completionTokens: res.usage?.completion_tokens ?? 0 },
      };
    });
  }

  async embed(texts: string[], opts: EmbedOptions): Promise<EmbedResult> {
    if (texts.length === 0) return { vectors: [], usage: { promptTokens: 0, completionTokens: 0 } };
    return this.withBudget(opts.budgetMs, opts.signal, async (req) => {
      // Without encoding_format the SDK asks for base64, which not every compatible server speaks.
      const res = await this.client.embeddings.create(
        { model: this.cfg.embedModel, input: texts, encoding_format: "float" },
        req,
      );
      const data = Array.isArray(res.data) ? [...res.data].sort((a, b) => a.index - b.index) : [];
      const vectors = data.map((d) => d.embedding);
      if (
        vectors.length !== texts.length ||
        !vectors.every((v) => Array.isArray(v) && v.every((x) => typeof x === "number"))
      ) {
        throw new LlmFailure("malformed", "embeddings");
      }
      return { vectors, usage: { promptTokens: res.usage?.prompt_tokens ?? 0, completionTokens: 0 } };
    });
  }

  /** Run one request within `budgetMs`: sized timeout/retries, plus a hard abort at the end. */
  private async withBudget<T>(
    budgetMs: number,
    signal: AbortSignal | undefined,
    run: (req: { signal: AbortSignal; timeout: number; maxRetries: number }) => Promise<T>,
  ): Promise<T> {
    if (budgetMs <= 0) throw new LlmFailure("budget", "no_time_left");
    const ctrl = new AbortController();
    const onAbort = (): void => ctrl.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    let expired = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        expired = true;
        ctrl.abort();
        reject(new LlmFailure("budget", "expired"));
      }, budgetMs);
    });
    const { maxRetries, timeoutMs } = retryPlan(budgetMs);
    try {
      return await Promise.race([run({ signal: ctrl.signal, timeout: timeoutMs, maxRetries }), deadline]);
    } catch (err) {
      throw toFailure(err, expired || !!signal?.aborted);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }
}
