import { describe, expect, it } from "vitest";
import type { QuestionRecord } from "../../src/core/question-log.js";
import { openStore } from "../../src/store/open-store.js";
import { FlakyStore, makeBot, turn } from "../helpers/bot.js";

async function records(
  store: { scan<T>(p: string): AsyncIterable<[string, T]> },
  tenant = "t1",
): Promise<QuestionRecord[]> {
  const out: QuestionRecord[] = [];
  for await (const [, r] of store.scan<QuestionRecord>(`q:${tenant}:`)) out.push(r);
  return out;
}

describe("bot pipeline", () => {
  it("answers a question and logs it scrubbed, with a pseudonymous user", async () => {
    const { bot, store } = await makeBot();
    const [reply] = await bot.handle(turn("mevrouw De Vries (bsn 111222333) wil een traplift", { user: "U-REAL" }));
    expect(reply?.answer?.status).toBe("answered");
    expect(reply?.text).toMatch(/^Aan zet: Gemeente - Wmo/);
    const [rec] = await records(store);
    expect(rec?.text).not.toContain("111222333");
    expect(rec?.text).not.toContain("Vries");
    expect(rec?.user).toMatch(/^u_[0-9a-f]{20}$/);
    expect(JSON.stringify(rec)).not.toContain("U-REAL");
    expect(rec?.status).toBe("answered");
  });

  it("answers a redelivered message only once", async () => {
    const { bot } = await makeBot();
    const t = turn("wie betaalt een traplift?", { id: "evt-1" });
    expect(await bot.handle(t)).toHaveLength(1);
    expect(await bot.handle({ ...t })).toEqual([]);
  });

  it("refuses a 50 kB message politely, without storing it", async () => {
    const { bot, store } = await makeBot();
    const [reply] = await bot.handle(turn("traplift ".repeat(6000)));
    expect(reply?.text).toMatch(/te lang/);
    expect(reply?.answer).toBeUndefined();
    expect(await records(store)).toEqual([]);
  });

  it("resolves a clarify question with the worker's choice in the same thread", async () => {
    const { bot } = await makeBot();
    const [first] = await bot.handle(turn("rolstoel nodig, wie betaalt?", { thread: "c1" }));
    if (first?.answer?.status !== "clarify")
      throw new Error(`expected clarify, got ${first?.answer?.status}: ${first?.text}`);
    expect(first.text).toMatch(/1\. .*\n2\. /);
    const [second] = await bot.handle(turn("2", { thread: "c1" }));
    expect(second?.answer?.status).toBe("answered");
    // The same question with choice 1 in another thread names another actor: the number
    // really picked the second option, not just any answer.
    await bot.handle(turn("rolstoel nodig, wie betaalt?", { thread: "c2" }));
    const [viaOne] = await bot.handle(turn("1", { thread: "c2" }));
    expect(viaOne?.answer?.status).toBe("answered");
    expect(second?.answer?.aanZet[0]?.actor).toBeTruthy();
    expect(second?.answer?.aanZet[0]?.actor).not.toBe(viaOne?.answer?.aanZet[0]?.actor);
  });

  it("keeps answering from the map when the store is down, says logging is delayed, and catches up", async () => {
    const flaky = new FlakyStore(await openStore("memory://"));
    const { bot } = await makeBot({ store: flaky });
    flaky.down = true;
    const [reply] = await bot.handle(turn("wie betaalt een traplift?"));
    expect(reply?.answer?.status).toBe("answered");
    expect(reply?.text).toMatch(/nu even niet opslaan/);
    expect(bot.questions.pending).toBe(1);
    flaky.down = false;
    await bot.handle(turn("wie betaalt wijkverpleging?"));
    expect(bot.questions.pending).toBe(0);
    expect(await records(flaky)).toHaveLength(2);
  });

  it("logs passive messages for pattern detection without answering", async () => {
    const { bot, store } = await makeBot();
    expect(await bot.handle(turn("weet iemand wie een traplift betaalt?", { direct: false }))).toEqual([]);
    const [rec] = await records(store);
    expect(rec?.status).toBe("passive");
  });

  it("explains unknown commands and offers help", async () => {
    const { bot } = await makeBot();
    const [r] = await bot.handle(turn("/frobnicate"));
    expect(r?.text).toMatch(/ken ik niet.*\/help/);
    const [h] = await bot.handle(turn("/help"));
    expect(h?.text).toMatch(/wie betaalt een traplift/);
  });

  it("keeps tenants apart in the question log", async () => {
    const { bot, store } = await makeBot();
    await bot.handle(turn("traplift?", { tenant: "a" }));
    await bot.handle(turn("wijkverpleging?", { tenant: "b" }));
    expect((await records(store, "a")).map((r) => r.tenant)).toEqual(["a"]);
    expect((await records(store, "b")).map((r) => r.tenant)).toEqual(["b"]);
  });
});
