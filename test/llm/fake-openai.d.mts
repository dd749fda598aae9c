// Types of the loopback OpenAI-compatible fake (fake-openai.mjs).
export interface FakeRequest {
  path: string;
  body: any;
  raw: string;
  at: number;
}
export interface FakeContext {
  body: any;
  task: "rewrite" | "phrase" | "other" | "embed";
  path: string;
}
export interface ReplySpec {
  content?: string;
  json?: unknown;
  raw?: string;
  status?: number;
  headers?: Record<string, string>;
  refusal?: string;
  finishReason?: string;
  delayMs?: number;
}
export type Behaviour = (ctx: FakeContext) => ReplySpec;
export interface FakeOpenAi {
  baseUrl: string;
  requests: FakeRequest[];
  replies: Array<string | null>;
  chat: Behaviour;
  embed: Behaviour;
  reset(): void;
  close(): Promise<void>;
}
export function startFakeOpenAi(): Promise<FakeOpenAi>;
export function taskOf(body: any): "rewrite" | "phrase" | "other";
export function entriesOf(body: any): any[] | undefined;
export function userDataOf(body: any): Record<string, string> | undefined;
export function groundedPhrase(body: any): string;
export const wellBehaved: Behaviour;
export const hashEmbeddings: Behaviour;
