// Question features and the rule of three, unit by unit.
import { describe, expect, it } from "vitest";
import { checkRule, extractFeatures, MapVocabulary } from "../../../src/core/learning/index.js";
import { ageBands, groupable, looksLikeReply, questionKind } from "../../../src/core/learning/patterns-features.js";
import { cosine } from "../../../src/core/learning/patterns-similarity.js";
import { normalize } from "../../../src/core/text/normalize.js";
import { realMap } from "../../helpers/bot.js";

const vocab = new MapVocabulary(realMap.base);
const f = (text: string) => extractFeatures({ text, entries: [], actors: [], laws: [] }, vocab);

describe("question features", () => {
  it("maps different words for one thing to one concept", () => {
    const a = f("spookbewoner op het adres, toeslagen stopgezet");
    const b = f("vorige bewoner staat nog ingeschreven, huurtoeslag geblokkeerd");
    for (const c of ["c:inschrijving", "c:toeslag"]) {
      expect(a.vector.has(c), c).toBe(true);
      expect(b.vector.has(c), c).toBe(true);
    }
    expect(cosine(a.vector, b.vector)).toBeGreaterThan(0.4);
  });

  it("splits compounds into known parts", () => {
    expect(f("tandartskosten te hoog").vector.has("c:tandarts")).toBe(true);
    expect(f("hij dreigt zijn huurhuis kwijt te raken").vector.has("c:huur")).toBe(true);
  });

  it("ignores placeholders of the scrubber", () => {
    expect([...f("[NAAM] heeft [ADRES] en [BSN]").vector.keys()].some((k) => /naam|adres|bsn/.test(k))).toBe(false);
  });

  it("tells age bands apart and ignores durations and amounts", () => {
    expect(ageBands(normalize("kind van 10 jaar"))).toEqual(["leeftijd-minderjarig"]);
    expect(ageBands(normalize("jongen van 19"))).toEqual(["leeftijd-18-20"]);
    expect(ageBands(normalize("mevr 78 jr"))).toEqual(["leeftijd-oudere"]);
    expect(ageBands(normalize("al 3 jaar in detentie, boete van 90 euro"))).toEqual([]);
  });

  it("knows a blockage from a how-to question", () => {
    expect(questionKind(normalize("krijgt geen huurtoeslag omdat"))).toBe("blokkade");
    expect(questionKind(normalize("hoe vraag ik huurtoeslag aan?"))).toBe("procedure");
  });

  it("keeps chat noise and replies out", () => {
    expect(groupable(f("Wie kan vrijdag mijn dienst overnemen?"))).toBe(false);
    expect(groupable(f("Goedemorgen allemaal!"))).toBe(false);
    expect(groupable(f("Bijstand stopt tijdens detentie, wie betaalt de huur?"))).toBe(true);
    expect(looksLikeReply("Bij ons gaat dat via bijzondere bijstand.")).toBe(true);
    expect(looksLikeReply("Bij ons stopt de bijstand, wie betaalt de huur?")).toBe(false);
  });
});

describe("rule of three", () => {
  const s = { minCases: 3, minTeams: 2, windowDays: 56 };
  const c = (r: string, at: string, team: string, cse = r) => ({ r, m: r, at, team, c: cse });

  it("needs three cases from two teams within the window", () => {
    expect(checkRule([c("1", "2026-01-01", "a"), c("2", "2026-01-10", "b"), c("3", "2026-02-20", "a")], s).met).toBe(
      true,
    );
    expect(checkRule([c("1", "2026-01-01", "a"), c("2", "2026-01-10", "a"), c("3", "2026-02-20", "a")], s).met).toBe(
      false,
    );
    expect(checkRule([c("1", "2026-01-01", "a"), c("2", "2026-01-10", "b"), c("3", "2026-03-20", "a")], s).met).toBe(
      false,
    );
  });

  it("counts a case (conversation) once and takes cases in any order", () => {
    expect(
      checkRule([c("1", "2026-01-01", "a", "x"), c("2", "2026-01-02", "b", "x"), c("3", "2026-01-03", "a", "x")], s)
        .met,
    ).toBe(false);
    expect(checkRule([c("3", "2026-02-20", "a"), c("1", "2026-01-01", "a"), c("2", "2026-01-10", "b")], s).met).toBe(
      true,
    );
  });
});
