// Lead review in chat: list, accept, reject (with the map-proposal offer), merge, snooze,
// by button and by typed command; refusals for other roles; everything audited.
import { describe, expect, it } from "vitest";
import { knelpuntJson } from "../../../src/core/learning/index.js";
import { chat, learningBot, press, replayFixture } from "./helpers.js";

async function withCandidates() {
  const env = await learningBot();
  await replayFixture(env.bot, "stream.jsonl");
  const list = await env.loop.knelpunten.list("t1");
  const ids = list.filter((k) => k.status === "candidate").map((k) => k.id);
  expect(ids.length).toBeGreaterThanOrEqual(4);
  return { ...env, ids };
}

const lead = { role: "lead" as const, user: "L1", thread: "lead-thread" };

describe("lead review in chat", () => {
  it("lists candidates with cases, teams, dates, trend, examples and buttons", async () => {
    const { bot, ids } = await withCandidates();
    const [reply] = await bot.handle(chat("/knelpunten", lead));
    expect(reply!.text).toMatch(/kandidaat-knelpunten/);
    expect(reply!.text).toMatch(/casussen · teams: /);
    expect(reply!.text).toMatch(/Trend: /);
    expect(reply!.text).toContain(ids[0]!);
    const actions = new Set(reply!.buttons!.map((b) => b.action));
    expect(actions).toEqual(new Set(["lead:accept", "lead:reject", "lead:merge", "lead:snooze"]));
  });

  it("refuses lead commands and buttons to workers and coaches", async () => {
    const { bot, ids, loop } = await withCandidates();
    for (const role of ["worker", "coach"] as const) {
      expect((await bot.handle(chat("/knelpunten", { role })))[0]!.text).toMatch(/alleen een programmalead/i);
      expect((await bot.handle(press("lead:accept", ids[0], { role })))[0]!.text).toMatch(/alleen een programmalead/i);
    }
    expect((await loop.knelpunten.list("t1")).find((k) => k.id === ids[0])!.status).toBe("candidate");
  });

  it("accepts, rejects, merges and snoozes by typed commands", async () => {
    const { bot, ids, loop, clock } = await withCandidates();
    const [a, b, c, d] = ids as [string, string, string, string];
    expect((await bot.handle(chat(`/accepteer ${a}`, lead)))[0]!.text).toMatch(/Geaccepteerd/);
    const rejected = await bot.handle(chat(`/afwijzen ${b} past binnen bestaande regels`, lead));
    expect(rejected[0]!.text).toMatch(/Afgewezen/);
    expect(rejected[0]!.buttons?.[0]?.action).toBe("lead:proposal");
    const before = (await loop.knelpunten.list("t1")).find((k) => k.id === c)!;
    const target = (await loop.knelpunten.list("t1")).find((k) => k.id === d)!;
    expect((await bot.handle(chat(`/samenvoegen ${d} ${c}`, lead)))[0]!.text).toMatch(/Samengevoegd/);
    expect((await bot.handle(chat(`/snooze ${d} 7`, lead)))[0]!.text).toMatch(/staat stil tot 2026-03-27/);
    const after = new Map((await loop.knelpunten.list("t1")).map((k) => [k.id, knelpuntJson(k)]));
    expect(after.get(a)!.status).toBe("accepted");
    expect(after.get(b)!.status).toBe("rejected");
    expect(after.get(c)!.status).toBe("merged");
    expect(after.get(d)!.status).toBe("snoozed");
    expect(after.get(d)!.messageIds).toEqual(expect.arrayContaining([...before.messageIds, ...target.messageIds]));
    // A snooze ends by itself.
    clock.advance(8 * 86_400_000);
    expect((await loop.knelpunten.list("t1")).find((k) => k.id === d)!.status).toBe("candidate");
    const actions = (await loop.audit.list("t1")).filter((e) => e.action.startsWith("lead.")).map((e) => e.action);
    expect(actions).toEqual(["lead.accept", "lead.reject", "lead.merge", "lead.snooze"]);
  });

  it("asks for the reason after [Afwijzen] and offers a map proposal", async () => {
    const { bot, ids, loop } = await withCandidates();
    const ask = await bot.handle(press("lead:reject", ids[0], lead));
    expect(ask[0]!.text).toMatch(/Waarom/);
    const done = await bot.handle(chat("Past binnen de bestaande regels: bijzondere bijstand kan dit al.", lead));
    expect(done[0]!.text).toMatch(/Afgewezen/);
    const made = await bot.handle(press("lead:proposal", ids[0], lead));
    expect(made[0]!.text).toMatch(/Voorstel p[0-9a-z]+ gemaakt/);
    const [p] = await loop.proposals.list("t1");
    expect(p).toMatchObject({ kind: "faq", groupId: ids[0] });
    const k = (await loop.knelpunten.list("t1")).find((x) => x.id === ids[0])!;
    expect(k.review).toMatchObject({
      status: "rejected",
      reason: expect.stringMatching(/Past binnen/),
      proposal: p!.id,
    });
  });

  it("merges with [Samenvoegen] and the other id typed next; unknown ids get a clear answer", async () => {
    const { bot, ids, loop } = await withCandidates();
    await bot.handle(press("lead:merge", ids[1], lead));
    const done = await bot.handle(chat(ids[0]!, lead));
    expect(done[0]!.text).toMatch(new RegExp(`${ids[1]} hoort nu bij ${ids[0]}`));
    expect((await loop.knelpunten.list("t1")).find((k) => k.id === ids[1])!.status).toBe("merged");
    expect((await bot.handle(chat("/accepteer kbestaatniet", lead)))[0]!.text).toMatch(/Ik ken geen knelpunt/);
    expect((await bot.handle(chat(`/samenvoegen ${ids[0]} ${ids[0]}`, lead)))[0]!.text).toMatch(/twee verschillende/);
  });

  it("routes questions that match a merged group to the group it went into", async () => {
    const { bot, ids, loop } = await withCandidates();
    const [into, from] = ids as [string, string];
    await bot.handle(chat(`/samenvoegen ${into} ${from}`, lead));
    const sample = (await loop.knelpunten.list("t1", { includeOpen: true })).find((k) => k.id === from)!.examples[0]!;
    const placed = await loop.detector.observe({
      id: "replay:new-1",
      messageId: "new-1",
      tenant: "t1",
      team: "oost",
      user: "u",
      thread: "x",
      channel: "replay",
      text: sample,
      status: "passive",
      entries: [],
      actors: [],
      laws: [],
      at: "2026-03-15T10:00:00Z",
    });
    expect(placed.group).toBe(into);
  });
});
