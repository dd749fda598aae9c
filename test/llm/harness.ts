// Apps for the LLM tests: the real composition root with a memory store and a capturing log,
// with or without an LLM endpoint (the loopback fake).
import { createApp, type App } from "../../src/app.js";
import { answerJson } from "../../src/cli/ask.js";
import { loadConfig } from "../../src/config.js";
import type { Log } from "../../src/core/ports.js";
import type { Reply, Turn } from "../../src/core/types.js";
import { openStore } from "../../src/store/open-store.js";
import type { FakeOpenAi } from "./fake-openai.mjs";

export const TODAY = "2026-11-22";

export interface LogLine {
  level: "info" | "warn" | "error" | "debug";
  obj: Record<string, unknown>;
  msg: string;
}

/** A Log that keeps every line (bindings merged), to assert on codes and on what is never logged. */
export class CaptureLog implements Log {
  constructor(
    readonly lines: LogLine[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}
  private push(level: LogLine["level"], obj: Record<string, unknown>, msg: string): void {
    this.lines.push({ level, obj: { ...this.bindings, ...obj }, msg });
  }
  info(obj: Record<string, unknown>, msg: string): void {
    this.push("info", obj, msg);
  }
  warn(obj: Record<string, unknown>, msg: string): void {
    this.push("warn", obj, msg);
  }
  error(obj: Record<string, unknown>, msg: string): void {
    this.push("error", obj, msg);
  }
  debug(obj: Record<string, unknown>, msg: string): void {
    this.push("debug", obj, msg);
  }
  child(bindings: Record<string, unknown>): Log {
    return new CaptureLog(this.lines, { ...this.bindings, ...bindings });
  }
  /** Lines with this code (LLM_FAILED ...) or event (llm.usage ...). */
  find(codeOrEvent: string): LogLine[] {
    return this.lines.filter((l) => l.obj.code === codeOrEvent || l.obj.event === codeOrEvent);
  }
}

/** Environment for an app that uses the fake as its LLM endpoint. */
export function llmEnv(fake: FakeOpenAi, budgetMs = 2500): Record<string, string> {
  return {
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_API_KEY: "test-key-not-secret",
    AANZET_LLM_MODEL: "fake-chat",
    AANZET_EMBED_MODEL: "fake-embed",
    AANZET_LLM_BUDGET_MS: String(budgetMs),
  };
}

export async function makeApp(env: Record<string, string> = {}): Promise<{ app: App; log: CaptureLog }> {
  const log = new CaptureLog();
  const config = loadConfig({
    AANZET_STORE: "memory://",
    AANZET_TODAY: TODAY,
    AANZET_PSEUDONYM_SECRET: "test-secret-0123456789",
    LOG_LEVEL: "silent",
    ...env,
  });
  const app = await createApp(config, { log, store: await openStore("memory://") });
  return { app, log };
}

let n = 0;
/** A direct console question in its own thread (unless given). */
export function q(text: string, extra: Partial<Turn> = {}): Turn {
  n++;
  return {
    id: `llm-${n}`,
    channel: "console",
    tenant: "t1",
    team: "noord",
    thread: `th-${n}`,
    user: "U1",
    role: "worker",
    text,
    direct: true,
    ...extra,
  };
}

/** The reply that carries the answer. */
export async function ask(app: App, turn: Turn): Promise<Reply> {
  const replies = await app.bot.handle(turn);
  const r = replies.find((x) => x.answer) ?? replies[0];
  if (!r) throw new Error("no reply");
  return r;
}

/** The `ask --json` form of a reply's answer, as a string (byte comparison). */
export function json(r: Reply): string {
  return JSON.stringify(r.answer ? answerJson(r.answer) : { text: r.text });
}
