// Reliability transcripts: signatures checked by Bolt, retries answered once (also by two
// servers sharing a store), 429s waited out, failures answered with a Dutch apology and a
// logged code while the process keeps serving, auth.test called once at start.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../../src/core/ports.js";
import { openStore } from "../../../src/store/open-store.js";
import {
  BOT_USER,
  FakeSlack,
  allText,
  nowTs,
  recordingLog,
  startSlack,
  type LogLine,
  type SlackHarness,
} from "./harness.js";

let seq = 0;
const ev = () => `EvR${Date.now()}${++seq}`;
const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));
const mention = (ts = nowTs(), channel = "C1") => ({
  type: "app_mention",
  user: "UWORKER",
  text: `<@${BOT_USER}> wie betaalt een traplift?`,
  ts,
  channel,
});

describe("with one server", () => {
  let h: SlackHarness;
  let lines: LogLine[];

  beforeAll(async () => {
    const rec = recordingLog();
    lines = rec.lines;
    h = await startSlack({ log: rec.log });
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => {
    h.fake.calls.length = 0;
    lines.length = 0;
  });

  it("refuses a bad signature, a stale timestamp and missing headers with 401, calling no Web API", async () => {
    const body = JSON.stringify({ type: "event_callback", team_id: "T1", event_id: ev(), event: mention() });
    expect((await h.post(body, "application/json", { secret: "wrong-secret" })).status).toBe(401);
    expect((await h.post(body, "application/json", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(
      401,
    );
    const bare = await fetch(h.url, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(bare.status).toBe(401);
    expect((await h.command("/aanzet", "wie betaalt een traplift?", "UWORKER", "C1", { secret: "wrong" })).status).toBe(
      401,
    );
    await settle();
    expect(h.fake.calls).toHaveLength(0);
  });

  it("answers the url_verification challenge Slack sends when you set the request URL", async () => {
    const res = await h.post(
      JSON.stringify({ type: "url_verification", challenge: "abc123", token: "legacy" }),
      "application/json",
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: "abc123" });
  });

  it("acks an event at once and answers a retried delivery (x-slack-retry-num, same event_id) once", async () => {
    const id = ev();
    const e = mention();
    const first = await h.event(e, id);
    expect(first.status).toBe(200);
    expect(first.ms).toBeLessThan(1000);
    const retry = await h.event(e, id, { retryNum: 1 });
    expect(retry.status).toBe(200);
    await h.fake.waitForCall("chat.postMessage");
    await settle();
    expect(h.fake.of("chat.postMessage")).toHaveLength(1);
  });

  it("waits out a 429 with Retry-After and still posts the answer", async () => {
    h.fake.rateLimitOnce("chat.postMessage", 1);
    const e = mention();
    await h.event(e, ev());
    const posted = await h.fake.waitFor(
      (calls) => calls.find((c) => c.method === "chat.postMessage" && c.status === 200),
      5000,
      "the retried post",
    );
    const attempts = h.fake.of("chat.postMessage");
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.status).toBe(429);
    expect(posted.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(posted.body.thread_ts).toBe(e.ts);
    expect(allText(posted.body)).toContain("Gemeente - Wmo");
  });

  it("answers a failing plugin with the Dutch apology, logs a code without message text, and keeps serving", async () => {
    let fail = true;
    h.app.bot.use(async () => {
      if (fail) throw new Error("plugin exploded");
      return undefined;
    });
    try {
      const e = mention();
      await h.event(e, ev());
      const sorry = await h.fake.waitForCall("chat.postMessage");
      expect(sorry.body.thread_ts).toBe(e.ts);
      expect(allText(sorry.body)).toMatch(/^Sorry, er ging iets mis aan mijn kant \(code HANDLER_FAILED\)/);
      expect(lines.some((l) => l.level === "error" && l.obj.code === "HANDLER_FAILED")).toBe(true);
    } finally {
      fail = false;
    }
    const health = await fetch(`http://127.0.0.1:${h.running.port}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok", channels: ["slack"] });
    h.fake.calls.length = 0;
    await h.event(mention(), ev());
    expect(allText((await h.fake.waitForCall("chat.postMessage")).body)).toContain("Gemeente - Wmo");
    expect(JSON.stringify(lines)).not.toContain("traplift");
  });

  it("apologises when Slack refuses the answer, and the next message is answered again", async () => {
    h.fake.errorOnce("chat.postMessage", "internal_error");
    const e = mention();
    await h.event(e, ev());
    const sorry = await h.fake.waitFor(
      (calls) => calls.filter((c) => c.method === "chat.postMessage").at(1),
      3000,
      "the apology",
    );
    expect(allText(sorry.body)).toContain("Sorry, er ging iets mis");
    expect(sorry.body.thread_ts).toBe(e.ts);
    expect(lines.some((l) => l.level === "error" && l.obj.slackError === "internal_error")).toBe(true);
  });
});

describe("when the store fails inside the adapter", () => {
  it("posts the apology in the thread instead of crashing", async () => {
    const real = await openStore("memory://");
    const broken: Store = {
      ...real,
      get: async <T>(key: string): Promise<T | undefined> => {
        if (key.startsWith("slackthread:")) throw new Error("store down");
        return real.get<T>(key);
      },
      set: real.set.bind(real),
      delete: real.delete.bind(real),
      add: real.add.bind(real),
      scan: real.scan.bind(real),
      close: real.close.bind(real),
    };
    const h = await startSlack({ store: broken });
    try {
      const threadTs = nowTs();
      await h.event(
        {
          type: "message",
          channel_type: "channel",
          user: "UWORKER",
          text: "en een scootmobiel?",
          ts: nowTs(),
          thread_ts: threadTs,
          channel: "C1",
        },
        ev(),
      );
      const sorry = await h.fake.waitForCall("chat.postMessage");
      expect(sorry.body.thread_ts).toBe(threadTs);
      expect(allText(sorry.body)).toContain("Sorry, er ging iets mis");
      h.fake.calls.length = 0;
      await h.event(mention(), ev());
      expect(allText((await h.fake.waitForCall("chat.postMessage")).body)).toContain("Gemeente - Wmo");
    } finally {
      await h.close();
    }
  });
});

describe("two servers sharing one store", () => {
  let fake: FakeSlack;
  let a: SlackHarness;
  let b: SlackHarness;
  beforeAll(async () => {
    fake = await FakeSlack.start();
    const url = `sqlite://${join(mkdtempSync(join(tmpdir(), "aanzet-slack-")), "store.sqlite")}`;
    a = await startSlack({ fake, env: { AANZET_STORE: url } });
    b = await startSlack({ fake, env: { AANZET_STORE: url } });
  });
  afterAll(async () => {
    await a?.close(true);
    await b?.close(true);
    await fake?.close();
  });
  afterEach(() => {
    fake.calls.length = 0;
  });

  it("answer a delivery and its retry, sent to different servers at once, once", async () => {
    const id = ev();
    const e = mention();
    const [r1, r2] = await Promise.all([a.event(e, id), b.event(e, id, { retryNum: 1 })]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    await fake.waitForCall("chat.postMessage");
    await settle(300);
    expect(fake.of("chat.postMessage")).toHaveLength(1);
  });
});

describe("bot identity", () => {
  it("calls auth.test once at start when SLACK_BOT_ID/SLACK_BOT_USER_ID are not set, never per event", async () => {
    const h = await startSlack({ authTest: true });
    try {
      expect(h.fake.of("auth.test")).toHaveLength(1);
      for (let i = 0; i < 3; i++) await h.event(mention(), ev());
      await h.fake.waitFor((calls) => calls.filter((c) => c.method === "chat.postMessage").length === 3);
      expect(h.fake.of("auth.test")).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it("refuses to start with one clear error when the token is rejected", async () => {
    const fake = await FakeSlack.start();
    fake.errorOnce("auth.test", "invalid_auth");
    try {
      await expect(startSlack({ fake, authTest: true })).rejects.toThrow(/auth.test failed \(invalid_auth\)/);
    } finally {
      await fake.close();
    }
  });
});
