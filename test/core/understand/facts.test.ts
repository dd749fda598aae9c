// Case facts from chat text with the real cue list (map/facts.yaml): a negation flips a fact
// only in its own clause, and a longer cue wins over a shorter one inside it.
import { describe, expect, it } from "vitest";
import { Understander } from "../../../src/core/understand/index.js";
import { realMap } from "../../helpers/bot.js";

const u = new Understander(realMap.concepts, realMap.facts);
const facts = (text: string) => u.understand(text).facts;

describe("case facts", () => {
  it("reads negation: no Wlz, cannot go home", () => {
    const f = facts("na de heupoperatie kan opa niet naar huis en hij heeft geen wlz");
    expect(f.wlz).toBe(false);
    expect(f.notSetting).toContain("thuis");
    expect(f.setting).toBeUndefined();
  });

  it("a requested indication is neither yes nor no", () => {
    expect(facts("wlz aangevraagd, wachten op het ciz").wlz).toBe("aangevraagd");
    expect(facts("ze heeft wel een wlz-indicatie").wlz).toBe(true);
  });

  it("a negation in another clause does not flip the fact", () => {
    expect(facts("geen geld meer, woont thuis met haar kinderen")).toMatchObject({ setting: "thuis", children: true });
  });

  it("household, income and debt regime", () => {
    expect(facts("alleenstaande moeder in de bijstand met loonbeslag")).toMatchObject({
      partner: false,
      children: true,
      income: "bijstand",
      debt: ["beslag"],
    });
    expect(facts("krijgt geen bijstand").income).toBeUndefined();
  });

  it("earlier facts stay unless the message says otherwise", () => {
    const first = u.understand("man van 70 met een wlz-indicatie").facts;
    const next = u.understand("hij woont in een verpleeghuis", first).facts;
    expect(next).toMatchObject({ age: 70, wlz: true, setting: "wlz-instelling" });
  });
});
