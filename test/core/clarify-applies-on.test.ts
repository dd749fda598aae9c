// A clarify choice answers like a direct question: a year-bound entry says the day it applies to.
import { describe, expect, it } from "vitest";
import { resolveClarify } from "../../src/core/clarify.js";
import { FakeClock, makeBot } from "../helpers/bot.js";

describe("clarify choice and the day an answer applies to", () => {
  it("says 'Geldt op' with the day the first question asked about", async () => {
    const { bot } = await makeBot({ clock: new FakeClock(new Date("2026-12-04T10:00:00Z")) });
    const pending = {
      question: "wat wordt het eigen risico volgend jaar?",
      options: ["eigen-risico-zorgverzekering-2027", "wijkverpleging"],
    };
    const d = resolveClarify({ map: bot.map, answerer: bot.answerer, today: bot.today() }, pending, "1", "t1");
    expect(d?.answer.entries[0]?.id).toBe("eigen-risico-zorgverzekering-2027");
    expect(d?.answer.appliesOn).toBe("2027-01-01");
    expect(d?.answer.answer).toContain("Geldt op 01-01-2027.");
  });

  it("adds no date to a choice of an entry that is not year-bound, asked about today", async () => {
    const { bot } = await makeBot({ clock: new FakeClock(new Date("2026-12-04T10:00:00Z")) });
    const d = resolveClarify(
      { map: bot.map, answerer: bot.answerer, today: bot.today() },
      { question: "wijkverpleging thuis", options: ["wijkverpleging"] },
      "1",
      "t1",
    );
    expect(d?.answer.status).toBe("answered");
    expect(d?.answer.appliesOn).toBeUndefined();
  });
});
