// The outage, end to end (issue 12): `aanzet serve` with Slack on a real Redis. Redis is
// killed mid-traffic, serve is killed (-9) and started again during the outage, then Redis comes
// back. Every mention is answered from the map, none twice (Slack retries before and after the
// restart included), and every question record is in Redis afterwards. Needs redis-server and
// `npm run build` (the test script builds first).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { BOT_ID, BOT_USER, FakeSlack, ROOT, SECRET, SlackClient, allText, nowTs } from "../adapters/slack/harness.js";
import { type FakeConnector, startFakeConnector } from "../adapters/teams/fake-connector.js";
import { teamsMessage } from "../adapters/teams/harness.js";
import { PrivateRedis, REDIS_BINARY } from "./redis-server.js";

const QUESTIONS = ["wie betaalt een traplift?", "wie betaalt een scootmobiel?", "wie betaalt huishoudelijke hulp?"];

let redis: PrivateRedis;
let fake: FakeSlack;
let connector: FakeConnector;
let dataDir: string;
let serve: { child: ChildProcess; client: SlackClient; stderr: () => string } | undefined;

async function startServe(): Promise<{ child: ChildProcess; client: SlackClient; stderr: () => string }> {
  const child = spawn(process.execPath, [`${ROOT}bin/aanzet.js`, "serve", "--port", "0", "--host", "127.0.0.1"], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      SLACK_BOT_TOKEN: "xoxb-outage-test",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_BOT_ID: BOT_ID,
      SLACK_BOT_USER_ID: BOT_USER,
      AANZET_STORE: redis.url,
      AANZET_DATA_DIR: join(dataDir, "data"),
      AANZET_STORE_TIMEOUT_MS: "500",
      AANZET_PSEUDONYM_SECRET: "pseudonym-secret-for-tests-0123",
      AANZET_RATE_USER_PER_MIN: "0",
      AANZET_RATE_CHANNEL_PER_MIN: "0",
      AANZET_PURGE_HOURS: "0",
      AANZET_TEAMS_EMULATOR: "1",
      AANZET_TEAMS_TYPING_MS: "60000",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const end = Date.now() + 30_000;
  while (!/listening on port (\d+)/.test(stderr)) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`aanzet serve did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const port = Number(/listening on port (\d+)/.exec(stderr)![1]);
  return { child, client: new SlackClient(fake, port), stderr: () => stderr };
}

async function kill(s: { child: ChildProcess } | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!s || s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once("exit", r));
  s.child.kill(signal);
  await exited;
}

async function health(): Promise<{ store: { available: boolean }; questionLog: { pending: number } }> {
  const res = await fetch(`http://127.0.0.1:${serve!.client.port}/healthz`);
  return (await res.json()) as { store: { available: boolean }; questionLog: { pending: number } };
}

async function waitFor(pred: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Mention {
  ts: string;
  eventId: string;
  event: Record<string, unknown>;
}

let seq = 0;
function mention(i: number): Mention {
  const ts = nowTs();
  return {
    ts,
    eventId: `EvOutage${++seq}`,
    event: {
      type: "app_mention",
      user: `UW${i}`,
      text: `<@${BOT_USER}> ${QUESTIONS[i % QUESTIONS.length]}`,
      ts,
      channel: "C1",
    },
  };
}

/** A Teams personal message, delivered `1 + redeliveries` times with the same id; waits for the answer. */
async function askTeams(activity: Record<string, unknown>, redeliveries: number): Promise<void> {
  for (let i = 0; i <= redeliveries; i++) {
    const res = await fetch(`http://127.0.0.1:${serve!.client.port}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBeLessThan(300);
  }
  await connector.waitFor((p) => p.some((x) => x.replyToId === activity.id && x.activity.type === "message"), 10_000);
}

const teamsAnswers = (id: unknown) => connector.messages().filter((p) => p.replyToId === id);

const postsIn = (ts: string) => fake.of("chat.postMessage").filter((c) => c.body.thread_ts === ts);

/** Send a mention (and `retries` Slack retries of it) and wait for its answer in the thread. */
async function ask(m: Mention, retries: number): Promise<void> {
  expect((await serve!.client.event(m.event, m.eventId)).status).toBe(200);
  for (let r = 1; r <= retries; r++)
    expect((await serve!.client.event(m.event, m.eventId, { retryNum: r })).status).toBe(200);
  await fake.waitForCall("chat.postMessage", (b) => b.thread_ts === m.ts, 10_000);
}

describe.skipIf(!REDIS_BINARY)(
  `serve through a Redis outage with a restart in it${REDIS_BINARY ? "" : " (SKIPPED: no redis-server binary)"}`,
  () => {
    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), "aanzet-outage-serve-"));
      redis = await PrivateRedis.start();
      fake = await FakeSlack.start();
      connector = await startFakeConnector();
      serve = await startServe();
    }, 60_000);

    afterAll(async () => {
      await kill(serve, "SIGTERM");
      await fake?.close();
      await connector?.close();
      await redis?.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("answers every mention once from the map and writes every question record after Redis is back", async () => {
      const before = [0, 1, 2].map(mention);
      const during = [0, 1, 2, 3, 4].map(mention);
      const afterRestart = [1, 2, 3].map(mention);
      const teams = [0, 1, 2].map((i) =>
        teamsMessage(connector.url, { text: QUESTIONS[i]!, id: `act-outage-${i}`, user: `teams-${i}` }),
      );

      for (const m of before) await ask(m, 1);
      await redis.stop();
      for (const m of during) await ask(m, 1);
      await askTeams(teams[0]!, 1);

      // A crash in the middle of the outage; the new process starts with Redis still down.
      await kill(serve, "SIGKILL");
      const spill = readdirSync(join(dataDir, "data")).filter((f) => f.startsWith("outage-spill-"));
      expect(spill).toHaveLength(1);
      // Only scrubbed records and keys: no Slack user id, no raw event, in the spill file.
      expect(readFileSync(join(dataDir, "data", spill[0]!), "utf8")).not.toMatch(/UW\d/);
      serve = await startServe();
      expect((await health()).store.available).toBe(false);
      expect((await health()).questionLog.pending).toBe(during.length + 1); // and the Teams question

      // Slack retries what the crashed process got: nothing is answered twice.
      for (const m of during) expect((await serve.client.event(m.event, m.eventId, { retryNum: 2 })).status).toBe(200);
      for (const m of afterRestart) await ask(m, 1);
      await askTeams(teams[0]!, 0); // redelivered after the restart: not answered again
      await askTeams(teams[1]!, 1);

      await redis.start();
      await waitFor(async () => (await health()).store.available, "/healthz to say the store is back");
      await waitFor(async () => (await health()).questionLog.pending === 0, "the spilled records to be written");

      await askTeams(teams[2]!, 1);
      await new Promise((r) => setTimeout(r, 300));
      for (const t of teams) expect(teamsAnswers(t.id), String(t.id)).toHaveLength(1);

      const all = [...before, ...during, ...afterRestart];
      for (const m of all) {
        const posts = postsIn(m.ts);
        expect(posts, m.eventId).toHaveLength(1);
        expect(allText(posts[0]!.body)).toMatch(/Wmo|Gemeente/);
        expect(allText(posts[0]!.body)).not.toContain("STORE_UNAVAILABLE");
      }

      const store = await openStore(redis.url);
      try {
        const ids: string[] = [];
        for await (const [key] of store.scan("q:")) ids.push(key);
        expect(ids.sort()).toEqual(
          [...all.map((m) => `q:T1:slack:${m.eventId}`), ...teams.map((t) => `q:tenant-1:teams:${t.id}`)].sort(),
        );
      } finally {
        await store.close();
      }
      expect(readdirSync(join(dataDir, "data")).filter((f) => f.startsWith("outage-spill-"))).toEqual([]);
      expect(serve.stderr()).not.toContain("traplift");
    }, 120_000);
  },
);
