import { describe, expect, it } from "vitest";
import { Answerer } from "../../../src/core/answer/answerer.js";
import { RegulationMap } from "../../../src/core/map/regulation-map.js";
import { entry } from "../../helpers/entries.js";

const entries = [
  entry({
    id: "traplift",
    title: "Traplift",
    actor: "gemeente-wmo",
    law: "wmo-2015",
    keywords: ["traplift", "woningaanpassing", "trap"],
    questions: ["wie betaalt een traplift?"],
  }),
  entry({
    id: "woonkostentoeslag",
    title: "Woonkostentoeslag bij te hoge huur",
    actor: "gemeente-inkomen",
    law: "participatiewet",
    keywords: ["woonkostentoeslag", "huur", "woonkosten"],
  }),
  entry({
    id: "schuldhulp",
    title: "Schuldhulpverlening aanvragen",
    actor: "gemeente-schuldhulp",
    law: "wgs",
    keywords: ["schuldhulpverlening", "schulden", "schuldhulp"],
  }),
  entry({
    id: "rolstoel-lang",
    title: "Rolstoel voor lange tijd",
    actor: "gemeente-wmo",
    law: "wmo-2015",
    keywords: ["rolstoel", "blijvend"],
    choiceLabel: "een rolstoel voor lange tijd",
  }),
  entry({
    id: "rolstoel-kort",
    title: "Rolstoel voor korte tijd",
    actor: "zorgverzekeraar",
    law: "zvw",
    keywords: ["rolstoel", "tijdelijk", "uitleen"],
    choiceLabel: "een rolstoel voor korte tijd",
  }),
  entry({
    id: "huurtoeslag-oud",
    title: "Huurtoeslag jongeren",
    actor: "belastingdienst-toeslagen",
    law: "wet-op-de-huurtoeslag",
    keywords: ["huurtoeslag", "jongeren"],
    summary: "Onder 23 jaar geen huurtoeslag boven de kwaliteitskortingsgrens.",
    validUntil: "2025-12-31",
  }),
  entry({
    id: "huurtoeslag-nieuw",
    title: "Huurtoeslag jongeren",
    actor: "belastingdienst-toeslagen",
    law: "wet-op-de-huurtoeslag",
    keywords: ["huurtoeslag", "jongeren"],
    summary: "Vanaf 2026 geen maximale huur meer; voor 18 tot en met 20 jaar een lagere grens.",
    validFrom: "2026-01-01",
  }),
];

const answerer = new Answerer(new RegulationMap({ entries, laws: [], overlays: new Map() }));
const ask = (q: string, today = "2026-11-22") => answerer.answer(q, { today }).answer;
const primary = (q: string) => ask(q).aanZet.find((a) => a.role === "primary")?.actor;

describe("answerer", () => {
  it("names who is aan zet first, with law and sources", () => {
    const a = ask("Wie betaalt een traplift voor mijn cliënt?");
    expect(a.status).toBe("answered");
    expect(a.aanZet[0]).toMatchObject({ actor: "gemeente-wmo", law: "wmo-2015", role: "primary" });
    expect(a.answer.split("\n")[0]).toMatch(/^Aan zet: Gemeente - Wmo/);
    expect(a.answer).toMatch(/Lukt het niet\?/);
    expect(a.sources.length).toBeGreaterThan(0);
  });

  it("understands plural, diminutive and inflected forms", () => {
    expect(primary("trapliften in een huurhuis")).toBe("gemeente-wmo");
  });

  it("splits compound words the map knows in parts", () => {
    expect(primary("kan ze schuldhulpverleningstraject starten")).toBe("gemeente-schuldhulp");
  });

  it("tolerates typos", () => {
    expect(primary("woonkostentoesslag aanvragen")).toBe("gemeente-inkomen");
    expect(primary("schuldhulpverlenig")).toBe("gemeente-schuldhulp");
  });

  it("expands chat abbreviations", () => {
    expect(primary("shv aanvragen?")).toBe("gemeente-schuldhulp");
  });

  it("abstains on off-topic questions instead of guessing", () => {
    for (const q of ["wat voor weer wordt het morgen?", "mijn laptop doet raar", "recept voor pannenkoeken", ""]) {
      const a = ask(q);
      expect(a.status, q).toBe("abstained");
      expect(a.aanZet).toEqual([]);
    }
  });

  it("asks one question back when two entries with different actors are equally close", () => {
    const d = answerer.answer("rolstoel nodig, wie betaalt?", { today: "2026-11-22" });
    expect(d.answer.status).toBe("clarify");
    expect(d.answer.answer).toContain("een rolstoel voor lange tijd");
    expect(d.answer.answer).toContain("een rolstoel voor korte tijd");
    expect(d.options.map((e) => e.id).sort()).toEqual(["rolstoel-kort", "rolstoel-lang"]);
  });

  it("answers without asking when the question says which one", () => {
    expect(primary("rolstoel tijdelijk nodig, uitleen?")).toBe("zorgverzekeraar");
  });

  it("applies the rule that holds on the day asked", () => {
    expect(ask("huurtoeslag jongeren", "2026-11-22").entries[0]?.id).toBe("huurtoeslag-nieuw");
    expect(ask("huurtoeslag jongeren", "2025-06-01").entries[0]?.id).toBe("huurtoeslag-oud");
  });

  it("keeps answers short", () => {
    const a = ask("wie betaalt een traplift?");
    expect(a.answer.split(/\s+/).length).toBeLessThanOrEqual(130);
  });
});

describe("answerer: case context", () => {
  const ctxEntries = [
    entry({
      id: "begeleiding",
      title: "Begeleiding thuis",
      actor: "gemeente-wmo",
      law: "wmo-2015",
      keywords: ["begeleiding", "dagbesteding"],
      aanZet: [
        {
          actor: "gemeente-wmo",
          law: "wmo-2015",
          role: "primary",
          condition: "Een volwassene heeft hulp nodig om zijn dag te regelen.",
        },
        {
          actor: "zorgkantoor",
          law: "wlz",
          role: "fallback",
          condition: "Heeft iemand een Wlz-indicatie, dan regelt het zorgkantoor de begeleiding.",
        },
        {
          actor: "gemeente-jeugd",
          law: "jeugdwet",
          role: "fallback",
          condition: "Voor een kind onder 18 valt begeleiding onder de Jeugdwet.",
        },
      ],
    }),
    entry({
      id: "tandarts-volw",
      title: "Tandarts volwassene",
      actor: "gemeente-inkomen",
      keywords: ["tandarts", "volwassene"],
    }),
    entry({ id: "tandarts-kind", title: "Tandarts kind", actor: "zorgverzekeraar", keywords: ["tandarts", "kind"] }),
    // Unrelated entries, so that words shared by two entries stand out as they do in a real map.
    ...["huurtoeslag", "briefadres", "urgentie", "kinderbijslag"].map((w) =>
      entry({ id: w, title: w, actor: "gemeente-wonen", keywords: [w] }),
    ),
  ];
  const a2 = new Answerer(new RegulationMap({ entries: ctxEntries, laws: [], overlays: new Map() }));
  const first = (q: string) => a2.answer(q, { today: "2026-11-22" }).answer.aanZet[0];

  it("moves care to the zorgkantoor when the question says there is a Wlz-indicatie", () => {
    expect(first("begeleiding voor dhr met wlz indicatie")).toMatchObject({ actor: "zorgkantoor", role: "primary" });
    expect(first("begeleiding voor dhr zonder wlz")?.actor).toBe("gemeente-wmo");
  });

  it("moves support to the Jeugdwet for a child under 18", () => {
    expect(first("begeleiding voor jongen van 14")).toMatchObject({ actor: "gemeente-jeugd", role: "primary" });
    const ans = a2.answer("begeleiding voor jongen van 14", { today: "2026-11-22" }).answer;
    expect(ans.answer.split("\n")[0]).toContain("Gemeente - jeugdhulp");
    expect(ans.aanZet.find((x) => x.actor === "gemeente-wmo")?.role).toBe("fallback");
  });

  it("prefers the child entry when the question gives a child's age", () => {
    expect(first("zoontje van 10 moet naar de tandarts")?.actor).toBe("zorgverzekeraar");
  });
});

describe("answerer: a year in the question", () => {
  it("answers with the rules of that year and says so", () => {
    const a = answerer.answer("huurtoeslag jongeren in 2025", { today: "2026-11-22" }).answer;
    expect(a.entries[0]?.id).toBe("huurtoeslag-oud");
    expect(a.answer).toContain("regels van 2025");
  });
});
