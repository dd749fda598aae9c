// Types for slack-load.mjs (used from TypeScript tests).
import type { ChildProcess } from "node:child_process";

export const BOT_USER: string;
export const BOT_ID: string;
export const QUESTIONS: string[];

export interface Post {
  channel: string;
  thread_ts?: string;
  text: string;
  at: number;
}

export interface TeamsPost {
  conversationId: string;
  replyToId?: string;
  type: string;
  text: string;
}

export function startFakeSlack(): Promise<{
  apiUrl: string;
  serviceUrl: string;
  posts: Post[];
  teamsPosts: TeamsPost[];
  readonly calls: number;
  close(): Promise<void>;
}>;

export interface Served {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<number | null>;
}
export function startServe(o: {
  root: string;
  env: Record<string, string>;
  name?: string;
  startTimeoutMs?: number;
}): Promise<Served>;
export function signature(body: string, secret: string, ts?: number): Record<string, string>;
export function eventBody(o: { team: string; eventId: string; event: Record<string, unknown> }): string;
export function deliver(
  url: string,
  body: string,
  secret: string,
  o?: { retryNum?: number; contentType?: string },
): Promise<{ status: number; ms: number; error?: string }>;
export function pool<T>(jobs: Array<() => Promise<T>>, limit: number): Promise<T[]>;
export function settle(
  progress: () => number,
  done: () => boolean,
  o?: { quietMs?: number; timeoutMs?: number },
): Promise<void>;
export function percentile(sorted: number[], p: number): number;
