// A loopback stand-in for Slack's Web API (SLACK_API_URL) and response_url endpoint. It
// records every call (method, parsed body, time) and answers ok:true like Slack would;
// tests can queue one-off answers (a 429 with Retry-After, a platform error).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Call {
  method: string;
  body: Record<string, unknown>;
  at: number;
  /** Authorization header: the bot token must be sent with every Web API call. */
  auth?: string | undefined;
  /** What the fake answered (e.g. the ts of a posted message). */
  result: Record<string, unknown>;
  status: number;
}

type Canned = { status: number; headers?: Record<string, string>; json: Record<string, unknown> };

export const BOT_USER = "UBOT";
export const BOT_ID = "BBOT";

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (type?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client JSON-encodes nested values (blocks, view) inside the form.
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (data += c));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

export class FakeSlack {
  readonly calls: Call[] = [];
  /** Users per Slack user group (usergroups.users.list). */
  readonly groups = new Map<string, string[]>();
  /** The WebSocket URL apps.connections.open hands out (Socket Mode). */
  socketUrl = "ws://127.0.0.1:9/";
  private readonly canned = new Map<string, Canned[]>();
  private seq = 0;
  private constructor(
    private readonly server: Server,
    readonly base: string,
  ) {}

  /** Web API base URL for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A response_url for a command or action payload. */
  responseUrl(id: string): string {
    return `${this.base}/response/${id}`;
  }

  static async start(): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      void fake!.handle(req).then(({ status, headers, json }) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(json));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSlack(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** Answer the next call of `method` with this (once). */
  once(method: string, answer: Canned): void {
    const list = this.canned.get(method) ?? [];
    list.push(answer);
    this.canned.set(method, list);
  }

  /** Slack's rate limit answer: HTTP 429 with Retry-After in seconds. */
  rateLimitOnce(method: string, seconds = 1): void {
    this.once(method, {
      status: 429,
      headers: { "retry-after": String(seconds) },
      json: { ok: false, error: "ratelimited" },
    });
  }

  /** A platform error (HTTP 200, ok:false), e.g. not_in_channel. */
  errorOnce(method: string, error: string): void {
    this.once(method, { status: 200, json: { ok: false, error } });
  }

  private async handle(req: IncomingMessage): Promise<Canned> {
    const raw = await read(req);
    const path = (req.url ?? "").split("?")[0]!;
    const method = path.startsWith("/response/") ? "response_url" : path.replace(/^\/api\//, "");
    const body = parseBody(raw, req.headers["content-type"]);
    // A canned answer (429, platform error) is recorded as an attempt, too.
    const out = this.canned.get(method)?.shift() ?? { status: 200, json: this.answer(method, body) };
    this.calls.push({
      method,
      body,
      at: Date.now(),
      auth: req.headers.authorization,
      result: out.json,
      status: out.status,
    });
    return out;
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, "0")}`;
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: BOT_USER, bot_id: BOT_ID, team_id: "T1", user: "aanzet" };
      case "chat.postMessage": {
        // Posting to a user id lands in the bot's DM with them (a D… channel).
        const channel = String(body.channel ?? "");
        return { ok: true, ts, channel: channel.startsWith("U") ? `D${channel.slice(1)}` : channel, message: { ts } };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts };
      case "apps.connections.open":
        return { ok: true, url: this.socketUrl };
      case "usergroups.users.list":
        return { ok: true, users: this.groups.get(String(body.usergroup)) ?? [] };
      case "views.open":
      case "views.publish":
        return { ok: true, view: { id: `V${this.seq}` } };
      default:
        return { ok: true };
    }
  }

  /** Calls of one method that Slack would have accepted. */
  ok(method: string): Call[] {
    return this.calls.filter((c) => c.method === method && c.status === 200 && c.result.ok === true);
  }

  /** Calls of one method (successful or not). */
  of(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Wait until `pred` holds over the recorded calls; polls, fails after `timeoutMs`. */
  async waitFor<T>(
    pred: (calls: Call[]) => T | undefined | false,
    timeoutMs = 3000,
    what = "a Web API call",
  ): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const hit = pred(this.calls);
      if (hit) return hit;
      if (Date.now() > end)
        throw new Error(
          `timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(", ") || "none"}`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The first call of `method` matching `match`, waited for. */
  waitForCall(
    method: string,
    match: (body: Record<string, unknown>) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<Call> {
    return this.waitFor((calls) => calls.find((c) => c.method === method && match(c.body)), timeoutMs, method);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
  }
}
