// Feedback and moderation through the Bot: worker feedback, coach confirm/correct, the
// proposal queue and the audit log.
import { describe, expect, it } from "vitest";
import { PROPOSAL_NEW_ENTRY } from "../../../src/core/learning/index.js";
import type { Reply } from "../../../src/core/types.js";
import { chat, learningBot, press } from "./helpers.js";

const QUESTION = "wie betaalt een traplift voor mevrouw in haar eigen huis?";

function answered(replies: Reply[]): Reply {
  const r = replies.find((x) => x.answer?.status === "answered");
  if (!r) throw new Error(`no answered reply: ${JSON.stringify(replies.map((x) => x.text))}`);
  return r;
}

describe("feedback and moderation", () => {
  it("offers feedback buttons to workers and moderation buttons only to coaches", async () => {
    const { bot } = await learningBot();
    const worker = answered(await bot.handle(chat(QUESTION)));
    const actions = worker.buttons!.map((b) => b.action);
    expect(actions).toContain("feedback:useful");
    expect(actions).toContain("feedback:wrong");
    expect(actions).not.toContain("coach:confirm");
    const coach = answered(await bot.handle(chat(QUESTION, { role: "coach", thread: "t-coach" })));
    const confirm = coach.buttons!.find((b) => b.action === "coach:confirm")!;
    expect(confirm.value).toMatch(/^[a-z0-9-]+\|console:/);
  });

  it("records useful/wrong with who, what and when; a wrong answer reaches the coaches", async () => {
    const { bot, loop } = await learningBot();
    const a = answered(await bot.handle(chat(QUESTION)));
    const recordId = a.buttons!.find((b) => b.action === "feedback:wrong")!.value!;
    const useful = await bot.handle(press("feedback:useful", recordId));
    expect(useful[0]!.text).toMatch(/Dank je/);
    const wrong = await bot.handle(press("feedback:wrong", recordId));
    expect(wrong[0]!.text).toMatch(/coach/);
    const notice = wrong.find((r) => r.target?.kind === "coaches");
    expect(notice?.buttons?.map((b) => b.action)).toEqual(["coach:confirm", "coach:correct"]);
    const audit = await loop.audit.list("t1");
    expect(audit.map((e) => e.action)).toEqual(["feedback.useful", "feedback.wrong"]);
    expect(audit[0]!.who).toMatch(/^u_/);
    expect(audit[0]!.who).not.toBe("U1");
    expect(audit[0]!.target).toBe(recordId);
    expect(audit[0]!.at).toBe("2026-03-20T12:00:00.000Z");
  });

  it("refuses coach buttons and /corrigeer to workers, in Dutch", async () => {
    const { bot, loop } = await learningBot();
    const a = answered(await bot.handle(chat(QUESTION, { role: "coach" })));
    const value = a.buttons!.find((b) => b.action === "coach:confirm")!.value!;
    const refused = await bot.handle(press("coach:confirm", value, { role: "worker" }));
    expect(refused[0]!.text).toMatch(/alleen een maatwerkcoach/i);
    const cmd = await bot.handle(chat("/corrigeer traplift iets anders", { role: "worker" }));
    expect(cmd[0]!.text).toMatch(/alleen een maatwerkcoach/i);
    expect(await loop.proposals.list("t1")).toHaveLength(0);
  });

  it("shows an entry as confirmed after a coach confirms it", async () => {
    const { bot } = await learningBot();
    const before = answered(await bot.handle(chat(QUESTION, { role: "coach" })));
    expect(before.answer!.confirmed).toBeUndefined();
    const value = before.buttons!.find((b) => b.action === "coach:confirm")!.value!;
    const done = await bot.handle(press("coach:confirm", value, { role: "coach" }));
    expect(done[0]!.text).toMatch(/Bevestigd/);
    const after = answered(await bot.handle(chat("traplift nodig voor meneer, wie is aan zet?", { thread: "other" })));
    expect(after.answer!.entries[0]!.id).toBe(value.split("|")[0]);
    expect(after.answer!.confirmed).toEqual({ by: expect.stringMatching(/^u_/), on: "2026-03-20" });
  });

  it("turns a coach's next message after [Verbeteren] into a proposed map change", async () => {
    const { bot, loop } = await learningBot();
    const a = answered(await bot.handle(chat(QUESTION, { role: "coach", user: "C1" })));
    const value = a.buttons!.find((b) => b.action === "coach:correct")!.value!;
    const ask = await bot.handle(press("coach:correct", value, { role: "coach", user: "C1" }));
    expect(ask[0]!.text).toMatch(/volgende bericht/);
    const made = await bot.handle(
      chat("ifStuck: Vraag eerst om een keukentafelgesprek, bel daarna 06-12345678.", { role: "coach", user: "C1" }),
    );
    expect(made[0]!.text).toMatch(/Voorstel p[0-9a-z]+/);
    const [p] = await loop.proposals.list("t1");
    expect(p).toMatchObject({
      entryId: value.split("|")[0],
      field: "ifStuck",
      kind: "correction",
      status: "open",
      date: "2026-03-20",
    });
    expect(p!.text).toContain("[TELEFOON]");
    expect(p!.text).not.toContain("06-12345678");
    expect(p!.author).toMatch(/^u_/);
    expect(p!.question).toBeDefined();
    // The next message is a normal question again.
    const next = await bot.handle(chat(QUESTION, { role: "coach", user: "C1" }));
    expect(next[0]!.answer).toBeDefined();
    expect((await loop.audit.list("t1")).map((e) => e.action)).toEqual(["coach.correct"]);
  });

  it("takes /corrigeer for an existing entry and for a new one", async () => {
    const { bot, loop } = await learningBot();
    const a = answered(await bot.handle(chat(QUESTION, { role: "coach" })));
    const entry = a.answer!.entries[0]!.id;
    await bot.handle(chat(`/corrigeer ${entry} De eigen bijdrage hangt af van het inkomen.`, { role: "coach" }));
    await bot.handle(
      chat(
        "/corrigeer nieuw Wie betaalt de uitvaart van iemand zonder geld? Gemeente, art. 10 Wet op de lijkbezorging.",
        { role: "admin" },
      ),
    );
    const unknown = await bot.handle(chat("/corrigeer bestaat-niet tekst", { role: "coach" }));
    expect(unknown[0]!.text).toMatch(/Ik ken geen kaart/);
    const list = await loop.proposals.list("t1");
    expect(list.map((p) => p.entryId).sort()).toEqual([entry, PROPOSAL_NEW_ENTRY].sort());
    expect(list.find((p) => p.entryId === PROPOSAL_NEW_ENTRY)!.kind).toBe("new-entry");
  });

  it("writes each audit event under its own key and never overwrites one", async () => {
    const { loop, store } = await learningBot();
    for (let i = 0; i < 20; i++)
      await loop.audit.record({ tenant: "t1", who: "u_x", action: "test", target: String(i) });
    const keys: string[] = [];
    for await (const [k] of store.scan("audit:t1:")) keys.push(k);
    expect(new Set(keys).size).toBe(20);
    expect(keys.every((k) => /^audit:t1:2026-03-20T12:00:00\.000Z:[0-9a-f]{12}$/.test(k))).toBe(true);
  });
});
