// A loopback Bot Connector (the service Teams runs at `serviceUrl`): records every activity
// the bot posts, so tests see what a Teams user would see. Speaks the v3 REST routes the SDK
// calls: replyToActivity, sendToConversation and createConversation.
import { createServer, type Server } from "node:http";

export interface Posted {
  conversationId: string;
  replyToId?: string;
  authorization?: string;
  activity: Record<string, unknown> & {
    type?: string;
    text?: string;
    replyToId?: string;
    attachments?: Array<{ contentType?: string; content?: unknown }>;
  };
}

export interface FakeConnector {
  url: string;
  posted: Posted[];
  created: Array<Record<string, unknown>>;
  /** Messages only (no typing indicators). */
  messages(): Posted[];
  /** Make the next `n` activity posts fail with this HTTP status. */
  failNext(n: number, status?: number): void;
  waitFor(pred: (posted: Posted[]) => boolean, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const posted: Posted[] = [];
  const created: Array<Record<string, unknown>> = [];
  let failures = 0;
  let failStatus = 400;
  let n = 0;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const act = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
      if (req.method === "POST" && act) {
        if (failures > 0) {
          failures--;
          send(failStatus, { error: { code: "Fake", message: "failing on purpose" } });
          return;
        }
        const entry: Posted = { conversationId: decodeURIComponent(act[1]!), activity: body };
        if (act[2]) entry.replyToId = decodeURIComponent(act[2]);
        if (req.headers.authorization) entry.authorization = req.headers.authorization;
        posted.push(entry);
        send(200, { id: `posted-${++n}` });
        return;
      }
      if (req.method === "POST" && url.pathname === "/v3/conversations") {
        created.push(body);
        send(200, { id: `a:personal-${++n}`, activityId: "" });
        return;
      }
      send(404, { error: "not found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    posted,
    created,
    messages: () => posted.filter((p) => p.activity.type === "message"),
    failNext(count, status = 400) {
      failures = count;
      failStatus = status;
    },
    async waitFor(pred, ms = 5000) {
      const until = Date.now() + ms;
      while (!pred(posted)) {
        if (Date.now() > until)
          throw new Error(`fake connector: condition not met within ${ms} ms (${posted.length} posted)`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
