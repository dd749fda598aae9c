// Real parts for Slack tests: `serve()` with config.slack set, Bolt's HTTP receiver, the
// loopback FakeSlack as SLACK_API_URL, and requests signed like Slack signs them.
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp, type App } from "../../../src/app.js";
import { loadConfig } from "../../../src/config.js";
import { silentLog, type Log, type Store } from "../../../src/core/ports.js";
import { serve, type Running } from "../../../src/server/serve.js";
import { openStore } from "../../../src/store/open-store.js";
import { BOT_ID, BOT_USER, FakeSlack } from "./fake-slack.js";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const SECRET = "test-signing-secret-0123456789";
export const TEAM = "T1";

/** Slack's v0 request signature: HMAC-SHA256 over `v0:${ts}:${body}` with the signing secret. */
export function sign(body: string, ts = Math.floor(Date.now() / 1000), secret = SECRET): Record<string, string> {
  const sig = createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(ts), "x-slack-signature": `v0=${sig}` };
}

/** A Slack message ts for "now" (seconds.micro), unique per call. */
let tsSeq = 0;
export function nowTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(++tsSeq).padStart(6, "0")}`;
}

export interface SendOptions {
  retryNum?: number;
  /** Sign with this secret instead of the right one. */
  secret?: string;
  /** Sign with this timestamp (seconds). */
  timestamp?: number;
}

/** Sends signed Slack requests to a server on loopback port `port`. */
export class SlackClient {
  constructor(
    readonly fake: FakeSlack,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/slack/events`;
  }

  async post(
    body: string,
    contentType: string,
    o: SendOptions = {},
  ): Promise<{ status: number; text: string; ms: number }> {
    const headers: Record<string, string> = { "content-type": contentType, ...sign(body, o.timestamp, o.secret) };
    if (o.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(o.retryNum);
      headers["x-slack-retry-reason"] = "http_timeout";
    }
    const t0 = Date.now();
    const res = await fetch(this.url, { method: "POST", headers, body });
    return { status: res.status, text: await res.text(), ms: Date.now() - t0 };
  }

  /** An Events API delivery (event_callback). */
  event(event: Record<string, unknown>, eventId: string, o: SendOptions = {}) {
    const body = JSON.stringify({
      token: "legacy",
      team_id: TEAM,
      api_app_id: "A1",
      event: { event_ts: event.ts, ...event },
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true }],
    });
    return this.post(body, "application/json", o);
  }

  /** A slash command (form-encoded like Slack sends it). */
  command(command: string, text: string, user = "UWORKER", channel = "C1", o: SendOptions = {}) {
    const trigger = `trig-${Math.random().toString(36).slice(2)}`;
    const params = new URLSearchParams({
      token: "legacy",
      team_id: TEAM,
      team_domain: "wijkteam",
      channel_id: channel,
      channel_name: "wijkteam-noord",
      user_id: user,
      user_name: "worker",
      command,
      text,
      api_app_id: "A1",
      response_url: this.fake.responseUrl(trigger),
      trigger_id: trigger,
    });
    return this.post(params.toString(), "application/x-www-form-urlencoded", o);
  }

  /** An interactivity payload (block_actions, view_submission): form field `payload`. */
  interaction(payload: Record<string, unknown>, o: SendOptions = {}) {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(body, "application/x-www-form-urlencoded", o);
  }

  /** A button press on a message (ephemeral when `message` is omitted). */
  press(
    button: { action_id: string; value?: string; text?: string; block_id?: string },
    where: { channel: string; message?: Record<string, unknown>; threadTs?: string },
    user = "UWORKER",
  ) {
    const trigger = `trig-${Math.random().toString(36).slice(2)}`;
    return this.interaction({
      type: "block_actions",
      team: { id: TEAM, domain: "wijkteam" },
      user: { id: user, username: "worker", team_id: TEAM },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: trigger,
      response_url: this.fake.responseUrl(trigger),
      container: where.message
        ? { type: "message", message_ts: where.message.ts, channel_id: where.channel, is_ephemeral: false }
        : {
            type: "message",
            message_ts: nowTs(),
            channel_id: where.channel,
            is_ephemeral: true,
            ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
          },
      channel: { id: where.channel, name: "wijkteam-noord" },
      ...(where.message ? { message: where.message } : {}),
      actions: [
        {
          type: "button",
          action_id: button.action_id,
          block_id: button.block_id ?? "buttons-0",
          text: { type: "plain_text", text: button.text ?? button.action_id },
          ...(button.value !== undefined ? { value: button.value } : {}),
          action_ts: nowTs(),
        },
      ],
    });
  }
}

/** A running `serve()` with Slack configured, plus its client and fake. */
export class SlackHarness extends SlackClient {
  constructor(
    fake: FakeSlack,
    readonly app: App,
    readonly running: Running,
  ) {
    super(fake, running.port);
  }

  async close(keepFake = false): Promise<void> {
    await this.running.close();
    await this.app.close();
    if (!keepFake) await this.fake.close();
  }
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Share a FakeSlack between two servers ("two processes"). */
  fake?: FakeSlack;
  store?: Store;
  log?: Log;
  /** Leave SLACK_BOT_ID / SLACK_BOT_USER_ID unset so the adapter calls auth.test once. */
  authTest?: boolean;
}

/** Start `serve()` with Slack configured against a fresh FakeSlack. */
export async function startSlack(o: StartOptions = {}): Promise<SlackHarness> {
  const fake = o.fake ?? (await FakeSlack.start());
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    AANZET_STORE: "memory://",
    AANZET_PSEUDONYM_SECRET: "pseudonym-secret-for-tests-0123",
    LOG_LEVEL: "silent",
    // Content from this checkout (PROJECT_ROOT points elsewhere when tests run the TS sources).
    AANZET_MAP_DIR: join(ROOT, "map"),
    AANZET_FLOWS_DIR: join(ROOT, "flows"),
    AANZET_PROMPTS_DIR: join(ROOT, "prompts"),
    ...(o.authTest ? {} : { SLACK_BOT_ID: BOT_ID, SLACK_BOT_USER_ID: BOT_USER }),
    ...o.env,
  };
  const config = loadConfig(env);
  const store = o.store ?? (await openStore(config.store));
  const app = await createApp(config, { root: ROOT, log: o.log ?? silentLog, store });
  const running = await serve(app, 0, "127.0.0.1");
  return new SlackHarness(fake, app, running);
}

/** Collect text of a posted message: fallback text plus every mrkdwn/plain text in its blocks. */
export function allText(body: Record<string, unknown>): string {
  const parts: string[] = [String(body.text ?? "")];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.text === "string") parts.push(o.text);
      for (const [k, x] of Object.entries(o)) if (k !== "text" || typeof x !== "string") walk(x);
    }
  };
  walk(body.blocks);
  walk(body.view);
  return parts.join("\n");
}

/** Every button (action_id, value, label) in a posted message's blocks. */
export function buttonsOf(
  body: Record<string, unknown>,
): Array<{ action_id: string; value?: string; text: string; block_id: string }> {
  const out: Array<{ action_id: string; value?: string; text: string; block_id: string }> = [];
  const blocks = (body.blocks ?? (body.view as { blocks?: unknown[] } | undefined)?.blocks ?? []) as Array<
    Record<string, unknown>
  >;
  for (const b of blocks) {
    if (b.type !== "actions") continue;
    for (const e of b.elements as Array<Record<string, unknown>>) {
      const btn: { action_id: string; value?: string; text: string; block_id: string } = {
        action_id: String(e.action_id),
        text: String((e.text as { text: string }).text),
        block_id: String(b.block_id),
      };
      if (typeof e.value === "string") btn.value = e.value;
      out.push(btn);
    }
  }
  return out;
}

export { BOT_USER, BOT_ID, FakeSlack };

export interface LogLine {
  level: string;
  obj: Record<string, unknown>;
  msg: string;
}

/** A Log that keeps every line (children included), to check codes and the absence of text. */
export function recordingLog(): { log: Log; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const make = (bindings: Record<string, unknown>): Log => ({
    info: (obj, msg) => void lines.push({ level: "info", obj: { ...bindings, ...obj }, msg }),
    warn: (obj, msg) => void lines.push({ level: "warn", obj: { ...bindings, ...obj }, msg }),
    error: (obj, msg) => void lines.push({ level: "error", obj: { ...bindings, ...obj }, msg }),
    debug: (obj, msg) => void lines.push({ level: "debug", obj: { ...bindings, ...obj }, msg }),
    child: (b) => make({ ...bindings, ...b }),
  });
  return { log: make({}), lines };
}
