// Off-topic is not a map gap. "recept pannenkoeken", "weer morgen" and "schrijf een gedicht" are
// answered politely and counted, but never listed as gaps for the coach (`/gaten`, `map gaps`)
// and never become map proposals; an uncovered social-domain question still is a gap.
import { describe, expect, it } from "vitest";
import { installLearning } from "../../../src/core/learning/index.js";
import { listGaps } from "../../../src/core/learning/gaps.js";
import { makeBot, turn } from "../../helpers/bot.js";

const OFF_TOPIC = ["recept pannenkoeken", "weer morgen", "schrijf een gedicht"];
// A social-domain question the map does not cover (yet); if the map grows to answer it, pick another.
const UNCOVERED = "leerling van 14 spijbelt al weken, wie moet er in actie komen?";

describe("map gaps", () => {
  it("off-topic messages are answered politely, counted, and not offered to the coach", async () => {
    const { bot, store } = await makeBot();
    const loop = installLearning(bot);
    const offTopicReplies = [];
    for (const [i, q] of OFF_TOPIC.entries()) {
      const [reply] = await bot.handle(turn(q, { tenant: "t-gaps", team: i % 2 ? "noord" : "zuid", thread: `t${i}` }));
      offTopicReplies.push(reply!);
    }
    for (const r of offTopicReplies) {
      // No promise to keep the question for the coach: nothing is kept as a gap.
      expect(r.text).not.toMatch(/bewaar je vraag|kaart kan aanvullen/);
    }
    const markedOffTopic = offTopicReplies.filter((r) => r.answer?.reason === "off-topic").length;
    expect(markedOffTopic).toBeGreaterThanOrEqual(2);

    const [gapReply] = await bot.handle(turn(UNCOVERED, { tenant: "t-gaps", thread: "t-gap" }));
    expect(gapReply!.answer?.status).toBe("abstained");
    expect(gapReply!.answer?.reason).toBe("not-covered");
    await bot.handle(turn(UNCOVERED, { tenant: "t-gaps", team: "zuid", thread: "t-gap2" }));

    const list = await listGaps(store, "t-gaps");
    expect(list.gaps.map((g) => g.text)).toEqual([gapReply!.answer!.question]);
    expect(list.gaps[0]).toMatchObject({ count: 2, teams: ["noord", "zuid"] });
    expect(list.notGaps["off-topic"]).toBe(markedOffTopic);
    expect(await loop.proposals.list("t-gaps")).toEqual([]);

    const [coach] = await bot.handle(turn("/gaten", { tenant: "t-gaps", role: "coach", thread: "c1" }));
    expect(coach!.text).toMatch(/1 vraag kon de regelkaart niet beantwoorden/);
    expect(coach!.text).toMatch(/spijbelt al weken/);
    for (const q of OFF_TOPIC) expect(coach!.text).not.toContain(q);
    expect(coach!.text).toMatch(new RegExp(`${markedOffTopic} berichten gingen niet over het sociaal domein`));

    const [worker] = await bot.handle(turn("/gaten", { tenant: "t-gaps", thread: "w1" }));
    expect(worker!.text).toMatch(/alleen een maatwerkcoach/);
  });
});
