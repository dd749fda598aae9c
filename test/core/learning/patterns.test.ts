// Recurring-question detection through the real Bot: grouping, the rule of three, lead
// notices, once-only membership, per-tenant settings and bounded cost per question.
import { describe, expect, it } from "vitest";
import { knelpuntJson, saveSettings } from "../../../src/core/learning/index.js";
import { TenantIndex, POSTING_CAP } from "../../../src/core/learning/patterns-index.js";
import type { QuestionRecord } from "../../../src/core/question-log.js";
import { parseJsonl } from "../../../src/import/jsonl.js";
import { replay, replayTurn } from "../../../src/import/replay.js";
import { FakeClock } from "../../helpers/bot.js";
import { learningBot, replayFixture } from "./helpers.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES } from "./helpers.js";

describe("pattern detection (done-when)", () => {
  it("one problem asked three times in other words by two teams is exactly one candidate; look-alikes are none", async () => {
    const { bot, loop } = await learningBot();
    const summary = await replayFixture(bot, "done-when.jsonl");
    const list = (await loop.knelpunten.list("t1")).map(knelpuntJson);
    expect(list).toHaveLength(1);
    expect(list[0]!.status).toBe("candidate");
    expect([...list[0]!.messageIds].sort()).toEqual(["dw-02", "dw-04", "dw-07"]);
    expect(list[0]!.cases).toBe(3);
    expect(list[0]!.teams).toEqual(["noord", "zuid"]);
    // The leads were told once, when the third case arrived.
    expect(summary.notices).toHaveLength(1);
    expect(summary.notices[0]!.target).toEqual({ kind: "leads" });
    expect(summary.notices[0]!.text).toMatch(/Nieuw mogelijk knelpunt/);
  });

  it("keeps the JSON contract keys exactly", async () => {
    const { bot, loop } = await learningBot();
    await replayFixture(bot, "done-when.jsonl");
    const [k] = (await loop.knelpunten.list("t1")).map(knelpuntJson);
    expect(Object.keys(k!)).toEqual([
      "id",
      "status",
      "title",
      "cases",
      "teams",
      "firstSeen",
      "lastSeen",
      "messageIds",
      "entries",
      "laws",
    ]);
    expect(Date.parse(k!.firstSeen)).toBe(Date.parse("2026-02-03T10:00:00+01:00"));
    expect(Date.parse(k!.lastSeen)).toBe(Date.parse("2026-02-24T13:20:00+01:00"));
  });

  it("needs two teams: three cases from one team stay below the rule", async () => {
    const { bot, loop } = await learningBot();
    const { messages } = parseJsonl(readFileSync(join(FIXTURES, "done-when.jsonl"), "utf8"));
    await replay(
      bot,
      messages.map((m) => ({ ...m, team: "noord" })),
      { tenant: "t1" },
    );
    expect((await loop.knelpunten.list("t1")).filter((k) => k.status === "candidate")).toHaveLength(0);
    expect((await loop.knelpunten.list("t1", { includeOpen: true })).some((k) => k.cases === 3)).toBe(true);
  });

  it("counts a thread once: three messages in one conversation are one case", async () => {
    const { bot, loop } = await learningBot();
    const { messages } = parseJsonl(readFileSync(join(FIXTURES, "done-when.jsonl"), "utf8"));
    await replay(
      bot,
      messages.map((m) => ({ ...m, thread: "one-thread" })),
      { tenant: "t1" },
    );
    expect(await loop.knelpunten.list("t1")).toHaveLength(0);
  });

  it("follows per-tenant settings (four cases needed)", async () => {
    const { bot, loop, store } = await learningBot();
    await saveSettings(store, "t1", { minCases: 4 });
    await replayFixture(bot, "done-when.jsonl");
    expect(await loop.knelpunten.list("t1")).toHaveLength(0);
    // Another tenant keeps the defaults.
    await replayFixture(bot, "done-when.jsonl", "t2");
    expect(await loop.knelpunten.list("t2")).toHaveLength(1);
  });

  it("respects the window: the same cases spread over more than 8 weeks are no candidate", async () => {
    const { bot, loop } = await learningBot(new FakeClock(new Date("2026-09-01T00:00:00Z")));
    const { messages } = parseJsonl(readFileSync(join(FIXTURES, "done-when.jsonl"), "utf8"));
    const spread = messages.map((m) => {
      const shift = m.id === "dw-04" ? 40 : m.id === "dw-07" ? 90 : 0;
      return { ...m, at: new Date(m.at.getTime() + shift * 86_400_000) };
    });
    await replay(
      bot,
      spread.sort((a, b) => a.at.getTime() - b.at.getTime()),
      { tenant: "t1" },
    );
    expect(await loop.knelpunten.list("t1")).toHaveLength(0);
  });

  it("places a question once, even when it is delivered again", async () => {
    const { bot, loop } = await learningBot();
    const { messages } = parseJsonl(readFileSync(join(FIXTURES, "done-when.jsonl"), "utf8"));
    const rec = (m: (typeof messages)[number]): QuestionRecord => ({
      id: `replay:${m.id}`,
      messageId: m.id,
      tenant: "t1",
      team: m.team,
      user: "u",
      thread: `replay:${m.id}`,
      channel: "replay",
      text: m.text,
      status: "passive",
      entries: [],
      actors: [],
      laws: [],
      at: m.at.toISOString(),
    });
    const first = await loop.detector.observe(rec(messages[1]!));
    const again = await loop.detector.observe(rec(messages[1]!));
    expect(first.group).toBeDefined();
    expect(again.skipped).toBe("duplicate");
    // Bot-level redelivery (same channel message id) never reaches the log twice either.
    expect(await bot.handle(replayTurn(messages[3]!, "t1"))).toEqual([]);
    expect(await bot.handle(replayTurn(messages[3]!, "t1"))).toEqual([]);
    const all = await loop.knelpunten.list("t1", { includeOpen: true });
    expect(all.flatMap((k) => k.messageIds).filter((id) => id === "dw-04")).toHaveLength(1);
  });

  it("keeps chat noise and replies out of every group", async () => {
    const { loop } = await learningBot();
    const base = {
      tenant: "t1",
      team: "noord",
      user: "u",
      channel: "replay" as const,
      status: "passive" as const,
      entries: [],
      actors: [],
      laws: [],
      at: "2026-02-01T10:00:00Z",
    };
    const noise = await loop.detector.observe({
      ...base,
      id: "n1",
      messageId: "n1",
      thread: "n1",
      text: "Wie kan vrijdag mijn dienst overnemen?",
    });
    const reply = await loop.detector.observe({
      ...base,
      id: "n2",
      messageId: "n2",
      thread: "n2",
      text: "Bij ons gaat dat via bijzondere bijstand, vraag het W&I.",
    });
    expect(noise.skipped).toBe("noise");
    expect(reply.skipped).toBe("reply");
  });

  it("survives a restart: the index is rebuilt from the store", async () => {
    const first = await learningBot();
    const { messages } = parseJsonl(readFileSync(join(FIXTURES, "done-when.jsonl"), "utf8"));
    await replay(first.bot, messages.slice(0, 4), { tenant: "t1" });
    // A second process on the same store continues the same groups.
    const { installLearning } = await import("../../../src/core/learning/index.js");
    const { makeBot } = await import("../../helpers/bot.js");
    const second = await makeBot({ store: first.store, clock: first.clock });
    const loop2 = installLearning(second.bot);
    await replay(second.bot, messages.slice(4), { tenant: "t1" });
    const list = (await loop2.knelpunten.list("t1")).map(knelpuntJson);
    expect(list).toHaveLength(1);
    expect([...list[0]!.messageIds].sort()).toEqual(["dw-02", "dw-04", "dw-07"]);
  });
});

describe("pattern index cost", () => {
  it("scores a bounded number of groups per question, however many are stored", () => {
    const idx = new TenantIndex();
    const vec = (i: number) =>
      new Map<string, number>([
        [`c:common`, 1],
        [`c:topic${i % 50}`, 1.5],
        [`s:word${i}`, 0.8],
        [`s:other${i % 7}`, 0.8],
      ]);
    for (let i = 0; i < 20_000; i++) idx.add(`g${i}`, vec(i), i);
    idx.best(vec(20_001));
    // At most POSTING_CAP groups per used feature, whatever the index size.
    expect(idx.lastScored).toBeLessThanOrEqual(POSTING_CAP * 4);
    expect(idx.size).toBe(20_000);
  });
});
