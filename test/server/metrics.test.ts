// GET /metrics on `serve`: Prometheus text with answers by status and the work queue depth,
// which rises while answers wait and falls when they are done; a full queue gives the asker a
// short "druk" reply in the thread; and no message text or Slack ids ever show up there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_USER, TEAM, allText, nowTs, startSlack, type SlackHarness } from "../adapters/slack/harness.js";

let seq = 0;
const ev = () => `EvM${Date.now()}${++seq}`;
const QUESTION = "wie betaalt een traplift voor mevrouw Jansen?";
const mention = (ts = nowTs(), user = "UMETRICSWORKER", channel = "CMETRICS1") => ({
  type: "app_mention",
  user,
  text: `<@${BOT_USER}> ${QUESTION}`,
  ts,
  channel,
});

function value(text: string, name: string, labels = ""): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.split(" ").pop()) : undefined;
}

describe("/metrics", () => {
  let h: SlackHarness;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    h = await startSlack({ env: { AANZET_WORK_CONCURRENCY: "1", AANZET_WORK_QUEUE_MAX: "1" } });
  });
  afterAll(async () => {
    release();
    await h?.close();
  });

  const metrics = async () => {
    const res = await fetch(`http://127.0.0.1:${h.running.port}/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain");
    return res.text();
  };

  it("shows the queue depth rising while answers wait, a busy reply when full, and the depth falling after", async () => {
    let opened!: () => void;
    const gate = new Promise<void>((r) => (opened = r));
    release = opened;
    // Hold every answer until the gate opens: the first runs (and waits), the second queues.
    h.app.bot.use(async () => {
      await gate;
      return undefined;
    });
    const threads = [nowTs(), `${nowTs()}1`, `${nowTs()}2`];
    for (const ts of threads) expect((await h.event(mention(ts), ev())).status).toBe(200);
    const busy = await h.fake.waitFor(
      (calls) => calls.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === threads[2]),
      5000,
      "the busy reply",
    );
    expect(allText(busy.body)).toContain("druk");
    const during = await metrics();
    expect(value(during, "aanzet_work_queue_depth")).toBe(1);
    expect(value(during, "aanzet_work_running")).toBe(1);
    expect(value(during, "aanzet_work_rejected_total")).toBe(1);

    opened();
    for (const ts of threads.slice(0, 2)) {
      const answer = await h.fake.waitFor(
        (calls) => calls.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts),
        10_000,
        `the answer in ${ts}`,
      );
      expect(allText(answer.body)).not.toContain("druk");
    }
    await h.app.work?.idle();
    const after = await metrics();
    expect(value(after, "aanzet_work_queue_depth")).toBe(0);
    expect(value(after, "aanzet_answers_total", '{status="answered"}')).toBeGreaterThanOrEqual(2);
    expect(value(after, "aanzet_ack_seconds_count", '{channel="slack"}')).toBeGreaterThanOrEqual(3);
    expect(value(after, "aanzet_store_available")).toBe(1);
  });

  it("carries no message text and no user, team or channel ids", async () => {
    const text = await metrics();
    for (const secret of ["traplift", "Jansen", "mevrouw", "UMETRICSWORKER", "CMETRICS1", TEAM, BOT_USER])
      expect(text, secret).not.toContain(secret);
  });
});
