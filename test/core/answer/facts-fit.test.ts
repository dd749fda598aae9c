// The answerer chooses between entries and aanZet lines by the case facts a question states
// (`when:` conditions in the map), asks one question when one open fact decides, and says
// what it assumed. Fixture entries, so the test does not depend on the real map's wording.
import { describe, expect, it } from "vitest";
import { Answerer } from "../../../src/core/answer/answerer.js";
import { RegulationMap } from "../../../src/core/map/regulation-map.js";
import { entry } from "../../helpers/entries.js";
import { realMap } from "../../helpers/bot.js";

const today = "2026-12-04";
const primary = (a: { aanZet: Array<{ actor: string; role: string }> }) =>
  a.aanZet.find((x) => x.role === "primary")?.actor;

const entries = [
  entry({
    id: "behandeling-kind",
    title: "Psychische behandeling voor een kind",
    choiceLabel: "een kind onder 18",
    actor: "gemeente-jeugd",
    law: "jeugdwet",
    keywords: ["psychische behandeling", "behandeling"],
    when: { ageBelow: 18 },
  }),
  entry({
    id: "behandeling-volwassene",
    title: "Psychische behandeling voor een volwassene",
    choiceLabel: "iemand van 18 of ouder",
    actor: "zorgverzekeraar",
    law: "zvw",
    keywords: ["psychische behandeling", "behandeling"],
    when: { ageFrom: 18 },
  }),
  entry({
    id: "tijdelijk-verblijf",
    title: "Tijdelijk verblijf na ziekenhuis",
    actor: "zorgverzekeraar",
    law: "zvw",
    keywords: ["tijdelijk verblijf", "ziekenhuis"],
    aanZet: [
      {
        actor: "zorgverzekeraar",
        law: "zvw",
        role: "primary",
        condition: "De persoon heeft geen Wlz-indicatie.",
        when: { wlz: false },
      },
      {
        actor: "zorgkantoor",
        law: "wlz",
        role: "fallback",
        condition: "De persoon heeft een Wlz-indicatie.",
        when: { wlz: true },
      },
    ],
  }),
];
const map = new RegulationMap({
  entries,
  laws: [],
  overlays: new Map(),
  facts: { cues: [...realMap.facts.cues], negations: [...realMap.facts.negations] },
});
const answerer = new Answerer(map);
const ask = (q: string, known = {}) => answerer.answer(q, { today, known });

describe("choosing by case facts", () => {
  it("the age in the question picks the entry whose condition holds", () => {
    expect(primary(ask("wie betaalt psychische behandeling voor een meisje van 15?").answer)).toBe("gemeente-jeugd");
    expect(primary(ask("wie betaalt psychische behandeling, client is 34 jaar").answer)).toBe("zorgverzekeraar");
  });

  it("a coming 18th birthday is about the rule after 18", () => {
    const a = ask("dochter is 17 en wordt over twee maanden 18. wie betaalt de psychische behandeling daarna?");
    expect(a.answer.status).toBe("answered");
    expect(primary(a.answer)).toBe("zorgverzekeraar");
  });

  it("without the deciding fact it asks that one question instead of guessing", () => {
    const d = ask("wie betaalt psychische behandeling?");
    expect(d.answer.status).toBe("clarify");
    expect(d.answer.answer).toMatch(/Hoe oud is de persoon\?/);
    expect(d.askedFact).toMatch(/^age/);
    expect(d.options.map((e) => e.id).sort()).toEqual(["behandeling-kind", "behandeling-volwassene"]);
  });

  it("facts known from earlier in the thread decide as well", () => {
    expect(primary(ask("wie betaalt psychische behandeling?", { age: 12 }).answer)).toBe("gemeente-jeugd");
  });

  it("a Wlz-indicatie moves the aanZet line to the zorgkantoor; without it, the answer says what it assumed", () => {
    const withWlz = ask("tijdelijk verblijf na ziekenhuis, meneer heeft een wlz-indicatie").answer;
    expect(primary(withWlz)).toBe("zorgkantoor");
    const silent = ask("wie regelt tijdelijk verblijf na het ziekenhuis?").answer;
    expect(primary(silent)).toBe("zorgverzekeraar");
    expect(silent.assumed).toEqual({ wlz: "false" });
    expect(silent.answer).toMatch(/Ik ga ervan uit: geen Wlz-indicatie/);
    const none = ask("tijdelijk verblijf na ziekenhuis, hij heeft geen wlz").answer;
    expect(primary(none)).toBe("zorgverzekeraar");
    expect(none.assumed).toBeUndefined();
  });
});
