// The done-when, through the real CLI: `aanzet serve` with SLACK_BOT_TOKEN,
// SLACK_SIGNING_SECRET and SLACK_API_URL pointing at the loopback fake. Needs `npm run build`
// (the test script builds first).
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_USER, FakeSlack, SECRET, SlackClient, allText, nowTs, ROOT } from "./harness.js";

let fake: FakeSlack;
let child: ChildProcess;
let port = 0;
let stderr = "";

/** Talks to the spawned server with the harness's signing helpers. */
let h: SlackClient;

beforeAll(async () => {
  fake = await FakeSlack.start();
  child = spawn(
    process.execPath,
    ["--disable-warning=ExperimentalWarning", `${ROOT}bin/aanzet.js`, "serve", "--port", "0", "--host", "127.0.0.1"],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        SLACK_BOT_TOKEN: "xoxb-cli-test",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        AANZET_STORE: "memory://",
        AANZET_PSEUDONYM_SECRET: "pseudonym-secret-for-tests-0123",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const end = Date.now() + 20_000;
  while (!/listening on port (\d+)/.test(stderr)) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`aanzet serve did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  port = Number(/listening on port (\d+)/.exec(stderr)![1]);
  h = new SlackClient(fake, port);
}, 30_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  await fake?.close();
});

describe("npx aanzet serve with Slack", () => {
  it("called auth.test once at start and serves /healthz on the same port", async () => {
    expect(fake.of("auth.test")).toHaveLength(1);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await res.json()).toMatchObject({ status: "ok", channels: ["slack"] });
  });

  it("answers a signed app_mention in its thread within 3 s", async () => {
    const ts = nowTs();
    const t0 = Date.now();
    const res = await h.event(
      { type: "app_mention", user: "UWORKER", text: `<@${BOT_USER}> wie betaalt een traplift?`, ts, channel: "C1" },
      "EvCLI1",
    );
    expect(res.status).toBe(200);
    const call = await fake.waitForCall("chat.postMessage", (b) => b.thread_ts === ts, 3000);
    expect(call.at - t0).toBeLessThan(3000);
    expect(allText(call.body)).toContain("Gemeente - Wmo");
  });

  it("refuses a bad signature with 401", async () => {
    const before = fake.calls.length;
    const res = await h.event(
      { type: "app_mention", user: "UWORKER", text: "hoi", ts: nowTs(), channel: "C1" },
      "EvCLI2",
      { secret: "not-the-secret" },
    );
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.calls.length).toBe(before);
  });

  it("answers a retried event once only", async () => {
    const ts = nowTs();
    const e = {
      type: "app_mention",
      user: "UWORKER",
      text: `<@${BOT_USER}> wie betaalt een scootmobiel?`,
      ts,
      channel: "C2",
    };
    expect((await h.event(e, "EvCLI3")).status).toBe(200);
    expect((await h.event(e, "EvCLI3", { retryNum: 1 })).status).toBe(200);
    expect((await h.event(e, "EvCLI3", { retryNum: 2 })).status).toBe(200);
    await fake.waitForCall("chat.postMessage", (b) => b.thread_ts === ts);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.of("chat.postMessage").filter((c) => c.body.thread_ts === ts)).toHaveLength(1);
  });

  it("acks /aanzet under 3 s and then answers the asker", async () => {
    const res = await h.command("/aanzet", "wie betaalt een traplift?", "UCLI", "C3");
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const eph = await fake.waitForCall("chat.postEphemeral", (b) => b.user === "UCLI", 3000);
    expect(allText(eph.body)).toContain("Plaats in kanaal");
  });

  it("logs no message text", () => {
    expect(stderr).not.toContain("traplift");
    expect(stderr).not.toContain("scootmobiel");
  });
});
