// The core's view of a language model: chat and embeddings, nothing vendor-specific. The one
// implementation (src/llm/openai-llm.ts) speaks any OpenAI-compatible endpoint; tests run it
// against a loopback fake. Every failure is an LlmFailure with a reason, so callers can fall
// back to the deterministic answer and log a code without ever logging text.
import { AanzetError } from "../errors.js";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatOptions {
  /** Hard limit for the whole call, retries included (ms). */
  budgetMs: number;
  /** Aborts the call early (the caller's own deadline). */
  signal?: AbortSignal | undefined;
  /** Ask for a JSON object as the reply (response_format json_object). */
  json?: boolean | undefined;
  /** Cap on completion tokens. */
  maxTokens?: number | undefined;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatResult {
  text: string;
  usage: LlmUsage;
}

export interface EmbedOptions {
  budgetMs: number;
  signal?: AbortSignal | undefined;
}

export interface EmbedResult {
  vectors: number[][];
  usage: LlmUsage;
}

/** A chat + embeddings model. Implementations must keep to `budgetMs` and throw LlmFailure. */
export interface LlmPort {
  chat(messages: ChatMessage[], opts: ChatOptions): Promise<ChatResult>;
  embed(texts: string[], opts: EmbedOptions): Promise<EmbedResult>;
}

/** Why an LLM step was not used; logged as `LLM_FAILED` with this sub-reason. */
export type LlmFailReason =
  | "budget" // the answer's time budget ran out (also: too little left to try)
  | "timeout" // the endpoint did not answer within the per-attempt timeout
  | "rate_limited" // HTTP 429
  | "http" // another HTTP error status
  | "connection" // endpoint unreachable
  | "malformed" // reply not in the agreed shape (bad JSON, missing field, wrong vector)
  | "refusal" // the model refused, was filtered, or said it does not know
  | "too_long" // reply over the word limit or cut off
  | "ungrounded" // names an actor, law, article, number or URL not in the entries
  | "pii" // reply holds something that looks like personal data
  | "off_topic"; // a rewrite that leads away from what the question already pointed at

export class LlmFailure extends AanzetError {
  readonly reason: LlmFailReason;
  /** A code-level detail safe to log (a status, an id kind), never text. */
  readonly detail: string | undefined;
  constructor(reason: LlmFailReason, detail?: string, options?: { cause?: unknown }) {
    super("LLM_FAILED", `llm step failed: ${reason}${detail ? ` (${detail})` : ""}`, options);
    this.name = "LlmFailure";
    this.reason = reason;
    this.detail = detail;
  }
}

/** The reason of any thrown value: an LlmFailure's own, else "connection". */
export function failReason(err: unknown): { reason: LlmFailReason; detail?: string | undefined } {
  if (err instanceof LlmFailure) return { reason: err.reason, detail: err.detail };
  return { reason: "connection", detail: err instanceof Error ? err.name : undefined };
}
