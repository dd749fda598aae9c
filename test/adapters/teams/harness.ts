// Start `aanzet serve` with Teams configured, plus a fake Bot Connector as serviceUrl.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp, type App } from "../../../src/app.js";
import { loadConfig } from "../../../src/config.js";
import { silentLog, type Log } from "../../../src/core/ports.js";
import type { TeamsChannel } from "../../../src/adapters/teams/index.js";
import { serve, type Running } from "../../../src/server/serve.js";
import { startFakeConnector, type FakeConnector } from "./fake-connector.js";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Environment for a test app: memory store, the project's own map and flows. */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    AANZET_STORE: "memory://",
    AANZET_PSEUDONYM_SECRET: "pseudonym-secret-for-tests-0123",
    AANZET_MAP_DIR: join(ROOT, "map"),
    AANZET_FLOWS_DIR: join(ROOT, "flows"),
    AANZET_PROMPTS_DIR: join(ROOT, "prompts"),
    AANZET_TENANT: "t-default",
    LOG_LEVEL: "silent",
    ...extra,
  };
}

export async function makeApp(env: Record<string, string> = {}, log: Log = silentLog): Promise<App> {
  return createApp(loadConfig(testEnv(env)), { root: ROOT, log });
}

export interface TeamsHarness {
  app: App;
  fake: FakeConnector;
  running: Running;
  teams: TeamsChannel;
  url: string;
  /** POST an activity to /api/messages; resolves with the HTTP status and body. */
  post(
    activity: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: string; ms: number }>;
  close(): Promise<void>;
}

export async function startTeams(
  env: Record<string, string> = { AANZET_TEAMS_EMULATOR: "1" },
  opts: { log?: Log; setup?: (app: App) => void } = {},
): Promise<TeamsHarness> {
  const fake = await startFakeConnector();
  const app = await makeApp(env, opts.log);
  opts.setup?.(app);
  const running = await serve(app, 0, "127.0.0.1");
  const teams = running.adapters.find((a) => a.name === "teams") as TeamsChannel | undefined;
  if (!teams) throw new Error("teams adapter not started");
  const url = `http://127.0.0.1:${running.port}/api/messages`;
  return {
    app,
    fake,
    running,
    teams,
    url,
    async post(activity, headers = {}) {
      const t0 = Date.now();
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(activity),
      });
      const body = await res.text();
      return { status: res.status, body, ms: Date.now() - t0 };
    },
    async close() {
      await running.close();
      await fake.close();
      await app.close();
    },
  };
}

let seq = 0;

/** A Teams message activity as the Bot Connector sends it. */
export function teamsMessage(
  serviceUrl: string,
  o: {
    text?: string;
    id?: string;
    kind?: "personal" | "channel" | "groupChat";
    conversationId?: string;
    user?: string;
    userName?: string;
    tenant?: string;
    team?: string;
    mention?: boolean;
    value?: unknown;
  } = {},
): Record<string, unknown> {
  const kind = o.kind ?? "personal";
  const tenant = o.tenant ?? "tenant-1";
  const conversationId =
    o.conversationId ??
    (kind === "personal"
      ? "a:personal-chat-1"
      : kind === "channel"
        ? "19:wijkteam@thread.tacv2;messageid=1700000000000"
        : "19:groupchat@thread.v2");
  const mention = o.mention ?? kind !== "personal";
  const text = o.text === undefined ? undefined : mention ? `<at>aanzet</at> ${o.text}` : o.text;
  return {
    type: "message",
    id: o.id ?? `act-${Date.now()}-${++seq}`,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl,
    from: {
      id: `29:${o.user ?? "user-1"}`,
      name: o.userName ?? "Test Werker",
      aadObjectId: `aad-${o.user ?? "user-1"}`,
    },
    recipient: { id: "28:bot-app-id", name: "aanzet" },
    conversation: { id: conversationId, conversationType: kind, tenantId: tenant, isGroup: kind !== "personal" },
    ...(text !== undefined ? { text, textFormat: "plain" } : {}),
    ...(o.value !== undefined ? { value: o.value } : {}),
    entities: mention
      ? [{ type: "mention", text: "<at>aanzet</at>", mentioned: { id: "28:bot-app-id", name: "aanzet" } }]
      : [],
    channelData: {
      tenant: { id: tenant },
      ...(kind === "channel"
        ? { team: { id: o.team ?? "19:team-noord@thread.tacv2" }, channel: { id: "19:wijkteam@thread.tacv2" } }
        : {}),
    },
  };
}

/** The posted activities' Adaptive Card contents. */
export function cardsOf(activity: { attachments?: Array<{ contentType?: string; content?: unknown }> }): unknown[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    .map((a) => a.content);
}
