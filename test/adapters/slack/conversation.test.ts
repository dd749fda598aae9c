// Transcripts of talking to aanzet in Slack: a mention answered in its thread, follow-ups
// without a mention, a DM, a flow run in a thread, passive listening, anonymous sparring.
// Real Bolt HTTP receiver and serve(); the Web API is the loopback FakeSlack.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { QuestionRecord } from "../../../src/core/question-log.js";
import { BOT_USER, allText, buttonsOf, nowTs, startSlack, type SlackHarness } from "./harness.js";

let h: SlackHarness;
let seq = 0;
const ev = () => `Ev${Date.now()}${++seq}`;

beforeAll(async () => {
  h = await startSlack({
    env: { AANZET_COACHES: "UCOACH", AANZET_COACHES_CHANNEL: "CCOACH", AANZET_LEADS_CHANNEL: "CLEAD" },
  });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.fake.calls.length = 0;
});

async function questions(): Promise<QuestionRecord[]> {
  const out: QuestionRecord[] = [];
  for await (const [, rec] of h.app.store.scan<QuestionRecord>("q:T1:")) out.push(rec);
  return out;
}

/** Let in-flight listeners finish, then the recorded calls are final. */
const settle = () => new Promise((r) => setTimeout(r, 150));

describe("@aanzet in a channel", () => {
  it("answers in the mention's thread with who is aan zet, law, route, sources, confidence and buttons", async () => {
    const ts = nowTs();
    const res = await h.event(
      { type: "app_mention", user: "UWORKER", text: `<@${BOT_USER}> wie betaalt een traplift?`, ts, channel: "C1" },
      ev(),
    );
    expect(res.status).toBe(200);
    const call = await h.fake.waitForCall("chat.postMessage", (b) => b.channel === "C1");
    expect(call.body.thread_ts).toBe(ts);
    expect(call.auth).toBe("Bearer xoxb-test-token");
    const text = allText(call.body);
    expect(text).toContain("Wie is aan zet");
    expect(text).toContain("Gemeente - Wmo");
    expect(text).toContain("Wet maatschappelijke ondersteuning");
    expect(text).toContain("Lukt dat niet?");
    expect(text).toMatch(/<https:\/\/[^|>]+\|[^>]+>/); // a source as a Slack link
    expect(text).toMatch(/Zekerheid: \*(hoog|redelijk|laag)\*/);
    const labels = buttonsOf(call.body).map((b) => b.text);
    expect(labels).toContain("Start Omgekeerde Toets");
    expect(labels).toContain("Escalatie");
    // The mention itself never reaches the core or the log.
    const recs = await questions();
    expect(recs.some((r) => r.text.includes("<@"))).toBe(false);
    expect(recs.some((r) => r.text.includes("traplift"))).toBe(true);
  });

  it("answers follow-ups in that thread without a new mention, and ignores other threads", async () => {
    const ts = nowTs();
    await h.event(
      { type: "app_mention", user: "UWORKER", text: `<@${BOT_USER}> wie betaalt een traplift?`, ts, channel: "C1" },
      ev(),
    );
    await h.fake.waitForCall("chat.postMessage", (b) => b.thread_ts === ts);
    // Slack also sends the mention as message.channels: it must not be answered twice.
    await h.event(
      {
        type: "message",
        channel_type: "channel",
        user: "UWORKER",
        text: `<@${BOT_USER}> wie betaalt een traplift?`,
        ts,
        channel: "C1",
      },
      ev(),
    );
    const follow = nowTs();
    await h.event(
      {
        type: "message",
        channel_type: "channel",
        user: "UWORKER",
        text: "en wie betaalt een scootmobiel?",
        ts: follow,
        thread_ts: ts,
        channel: "C1",
      },
      ev(),
    );
    await h.fake.waitFor(
      (calls) => calls.filter((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts).length === 2,
    );
    const other = nowTs();
    await h.event(
      {
        type: "message",
        channel_type: "channel",
        user: "UWORKER",
        text: "wie betaalt een rolstoel?",
        ts: nowTs(),
        thread_ts: other,
        channel: "C1",
      },
      ev(),
    );
    await settle();
    expect(h.fake.of("chat.postMessage").filter((c) => c.body.thread_ts === ts)).toHaveLength(2);
    expect(h.fake.of("chat.postMessage").filter((c) => c.body.thread_ts === other)).toHaveLength(0);
  });

  it("stays silent on channel messages without a mention when listening is off", async () => {
    const before = (await questions()).length;
    await h.event(
      {
        type: "message",
        channel_type: "channel",
        user: "UWORKER",
        text: "wie betaalt een traplift eigenlijk?",
        ts: nowTs(),
        channel: "C9",
      },
      ev(),
    );
    await settle();
    expect(h.fake.calls).toHaveLength(0);
    expect((await questions()).length).toBe(before);
  });
});

describe("a DM to aanzet", () => {
  it("is answered in the DM itself, not in a thread", async () => {
    const ts = nowTs();
    await h.event(
      { type: "message", channel_type: "im", user: "UWORKER", text: "wie betaalt een traplift?", ts, channel: "D1" },
      ev(),
    );
    const call = await h.fake.waitForCall("chat.postMessage", (b) => b.channel === "D1");
    expect(call.body.thread_ts).toBeUndefined();
    expect(allText(call.body)).toContain("Gemeente - Wmo");
  });

  it("ignores the bot's own messages and edits", async () => {
    await h.event(
      {
        type: "message",
        channel_type: "im",
        bot_id: "BBOT",
        user: BOT_USER,
        text: "Aan zet: ...",
        ts: nowTs(),
        channel: "D1",
      },
      ev(),
    );
    await h.event(
      { type: "message", subtype: "message_changed", channel_type: "im", ts: nowTs(), channel: "D1" },
      ev(),
    );
    await settle();
    expect(h.fake.of("chat.postMessage")).toHaveLength(0);
  });
});

describe("/toets: a flow in a thread", () => {
  it("starts in a new thread, takes answers there without mentions, and offers choice buttons", async () => {
    const res = await h.command("/toets", "");
    expect(res.status).toBe(200);
    const root = await h.fake.waitForCall("chat.postMessage", (b) => b.channel === "C1" && !b.thread_ts);
    expect(allText(root.body)).toContain("<@UWORKER>");
    const threadTs = String(root.result.ts);
    const first = await h.fake.waitForCall("chat.postMessage", (b) => b.thread_ts === threadTs);
    expect(allText(first.body)).toMatch(/Omgekeerde Toets/i);
    // Navigation buttons come from the flow (terug/stop); the adapter renders them.
    const nav = buttonsOf(first.body).map((b) => b.action_id.replace(/#\d+$/, ""));
    expect(nav).toContain("flow:stop");

    // The worker answers step 1 in the thread, without mentioning the bot.
    await h.event(
      {
        type: "message",
        channel_type: "channel",
        user: "UWORKER",
        text: "Mevrouw wil weer zelf boodschappen kunnen doen.",
        ts: nowTs(),
        thread_ts: threadTs,
        channel: "C1",
      },
      ev(),
    );
    const second = await h.fake.waitFor(
      (calls) => calls.filter((c) => c.method === "chat.postMessage" && c.body.thread_ts === threadTs).at(1),
      3000,
      "step 2",
    );
    const choices = buttonsOf(second.body).filter((b) => b.action_id.startsWith("flow:answer"));
    expect(choices.map((b) => b.value)).toEqual(["ja", "deels", "nee"]);

    // Someone else's press does not move the flow and leaves the buttons for its owner.
    const pick = choices[0]!;
    const stepMessage = {
      type: "message",
      ts: "1.000001",
      thread_ts: threadTs,
      text: String(second.body.text),
      blocks: second.body.blocks,
    };
    await h.press({ ...pick, text: pick.text }, { channel: "C1", message: stepMessage }, "UOTHER");
    await h.fake.waitFor(
      (calls) =>
        calls
          .filter(
            (c) =>
              (c.method === "chat.postMessage" || c.method === "chat.postEphemeral") && c.body.thread_ts === threadTs,
          )
          .at(2),
      3000,
      "the refusal",
    );
    expect(h.fake.of("chat.update")).toHaveLength(0);
    // The owner's press moves the flow on in the same thread and marks the row as chosen.
    const before = h.fake.of("chat.postMessage").filter((c) => c.body.thread_ts === threadTs).length;
    await h.press({ ...pick, text: pick.text }, { channel: "C1", message: stepMessage });
    const third = await h.fake.waitFor(
      (calls) => calls.filter((c) => c.method === "chat.postMessage" && c.body.thread_ts === threadTs).at(before),
      3000,
      "step 3",
    );
    expect(allText(third.body).length).toBeGreaterThan(0);
    const update = await h.fake.waitForCall("chat.update");
    expect(update.body.ts).toBe("1.000001");
    expect(allText(update.body)).toContain(`Gekozen: ${pick.text}`);
    expect(buttonsOf(update.body).filter((b) => b.block_id === pick.block_id)).toHaveLength(0);
  });
});

describe("flow:start under a private /aanzet answer", () => {
  it("opens a thread in the channel and runs the flow there", async () => {
    await h.command("/aanzet", "wie betaalt een traplift?", "UWORKER", "C4");
    const eph = await h.fake.waitForCall("chat.postEphemeral", (b) => b.channel === "C4");
    const start = buttonsOf(eph.body).find((b) => b.action_id.startsWith("flow:start") && b.value === "escalatie")!;
    expect(start).toBeDefined();
    await h.press(start, { channel: "C4" });
    const root = await h.fake.waitForCall("chat.postMessage", (b) => b.channel === "C4" && !b.thread_ts);
    expect(allText(root.body)).toContain("vastgelopen casus");
    const step = await h.fake.waitForCall("chat.postMessage", (b) => b.thread_ts === root.result.ts);
    expect(allText(step.body).length).toBeGreaterThan(10);
  });
});

describe("passive listening", () => {
  it("is switched on by a coach only, announced, logs questions without answering, and switches off", async () => {
    await h.command("/aanzet", "luister aan", "UWORKER", "C5");
    const refused = await h.fake.waitForCall("chat.postEphemeral", (b) => b.channel === "C5");
    expect(allText(refused.body)).toContain("Alleen een coach");
    expect(h.fake.of("chat.postMessage")).toHaveLength(0);

    await h.command("/aanzet", "luister aan", "UCOACH", "C5");
    const announce = await h.fake.waitForCall("chat.postMessage", (b) => b.channel === "C5");
    expect(allText(announce.body)).toContain("luistert vanaf nu mee");

    const before = (await questions()).filter((q) => q.status === "passive").length;
    await h.event(
      {
        type: "message",
        channel_type: "channel",
        user: "UWORKER",
        text: "weet iemand wie een traplift betaalt?",
        ts: nowTs(),
        channel: "C5",
      },
      ev(),
    );
    for (let i = 0; i < 40 && (await questions()).filter((q) => q.status === "passive").length === before; i++)
      await settle();
    const passive = (await questions()).filter((q) => q.status === "passive");
    expect(passive.length).toBe(before + 1);
    expect(passive.at(-1)!.team).toBe("C5");
    expect(h.fake.of("chat.postMessage").filter((c) => c.body.channel === "C5")).toHaveLength(1); // the announcement only

    await h.command("/aanzet", "luister uit", "UCOACH", "C5");
    await h.fake.waitFor(
      (calls) => calls.filter((c) => c.method === "chat.postMessage" && c.body.channel === "C5").length === 2,
    );
    expect(allText(h.fake.of("chat.postMessage").at(-1)!.body)).toContain("luistert niet meer mee");
    await h.event(
      {
        type: "message",
        channel_type: "channel",
        user: "UWORKER",
        text: "en wie betaalt een rolstoel?",
        ts: nowTs(),
        channel: "C5",
      },
      ev(),
    );
    await settle();
    expect((await questions()).filter((q) => q.status === "passive").length).toBe(before + 1);
  });
});

describe("anonymous sparring", () => {
  it("posts the scrubbed question to the coaches without the asker, and relays coach replies by DM once", async () => {
    await h.command("/aanzet", "anoniem Mijn cliënt met BSN 111222333 krijgt geen traplift, wat nu?", "UASKER", "D7");
    const posted = await h.fake.waitForCall("chat.postMessage", (b) => b.channel === "CCOACH");
    const text = allText(posted.body);
    expect(text).toContain("Anonieme vraag");
    expect(text).toContain("traplift");
    expect(text).not.toContain("111222333");
    expect(text).not.toContain("UASKER");
    const ok = await h.fake.waitForCall("chat.postEphemeral", (b) => b.user === "UASKER");
    expect(allText(ok.body)).toContain("zonder jouw naam");

    const rootTs = String(posted.result.ts);
    // The core's sparring plugin keeps the link back to the asker: the coaches' thread points
    // to the case, which holds the asker's pseudonym and (only there) the raw Slack id to DM.
    const link = await h.app.store.get<{ id: string }>(`sparthread:T1:CCOACH:${rootTs}`);
    expect(await h.app.store.get(`spar:T1:${link!.id}`)).toMatchObject({
      user: h.app.bot.pseudonym("T1", "UASKER"),
      address: "UASKER",
      thread: `CCOACH:${rootTs}`,
    });
    const reply = {
      type: "message",
      channel_type: "group",
      user: "UCOACH",
      text: "Vraag een besluit op papier en maak bezwaar.",
      ts: nowTs(),
      thread_ts: rootTs,
      channel: "CCOACH",
    };
    const id = ev();
    await h.event(reply, id);
    await h.event(reply, id, { retryNum: 1 });
    const dm = await h.fake.waitForCall("chat.postMessage", (b) => b.channel === "UASKER");
    expect(allText(dm.body)).toContain("besluit op papier");
    expect(allText(dm.body)).toContain("<@UCOACH>");
    await settle();
    expect(h.fake.of("chat.postMessage").filter((c) => c.body.channel === "UASKER")).toHaveLength(1);
    // The coach's reply is relayed, not answered by the bot in the coaches' thread.
    expect(h.fake.of("chat.postMessage").filter((c) => c.body.thread_ts === rootTs)).toHaveLength(0);
  });

  it("takes `anoniem <vraag>` typed in a DM too, posting it once even when Slack retries", async () => {
    const e = {
      type: "message",
      channel_type: "im",
      user: "UASKER2",
      text: "anoniem Wie betaalt beschermd wonen? Mail gerust naar j.devries@example.nl",
      ts: nowTs(),
      channel: "D8",
    };
    const id = ev();
    await h.event(e, id);
    await h.event(e, id, { retryNum: 1 });
    const posted = await h.fake.waitForCall("chat.postMessage", (b) => b.channel === "CCOACH");
    expect(allText(posted.body)).toContain("beschermd wonen");
    expect(allText(posted.body)).not.toContain("example.nl");
    expect(allText(posted.body)).not.toContain("UASKER2");
    const ok = await h.fake.waitForCall("chat.postMessage", (b) => b.channel === "D8");
    expect(allText(ok.body)).toContain("zonder jouw naam");
    await settle();
    expect(h.fake.of("chat.postMessage").filter((c) => c.body.channel === "CCOACH")).toHaveLength(1);
    const link = await h.app.store.get<{ id: string }>(`sparthread:T1:CCOACH:${String(posted.result.ts)}`);
    expect(await h.app.store.get(`spar:T1:${link!.id}`)).toMatchObject({ address: "UASKER2" });
  });
});
