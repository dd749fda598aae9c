// What a worker notices of the understanding layer: everyday words reach the right entry
// through the thesaurus, personal data in the question changes nothing, and a message that
// is not about the social domain says so (reason off-topic) instead of pretending it is a gap.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMap } from "../../../src/content/map-loader.js";
import { Answerer } from "../../../src/core/answer/answerer.js";
import { RegulationMap } from "../../../src/core/map/regulation-map.js";
import { scrub } from "../../../src/core/privacy/index.js";
import { entry } from "../../helpers/entries.js";
import { ROOT } from "../../helpers/cli.js";

const today = "2026-12-04";
const primary = (a: { aanZet: Array<{ actor: string; role: string }> }) =>
  a.aanZet.find((x) => x.role === "primary")?.actor;

describe("thesaurus (fixture map)", () => {
  const entries = [
    entry({
      id: "hh",
      title: "Huishoudelijke hulp",
      actor: "gemeente-wmo",
      law: "wmo-2015",
      keywords: ["huishoudelijke hulp"],
    }),
    entry({ id: "kb", title: "Kinderbijslag", actor: "svb", law: "akw", keywords: ["kinderbijslag", "kind"] }),
  ];
  const concepts = [
    { id: "huishoudelijke-hulp", label: "huishoudelijke hulp", phrases: ["poetsen", "stofzuigen"], broader: [] },
  ];

  it("a phrase of a concept reaches the entry that uses the concept's term", () => {
    const withThesaurus = new Answerer(new RegulationMap({ entries, laws: [], overlays: new Map(), concepts }));
    const without = new Answerer(new RegulationMap({ entries, laws: [], overlays: new Map() }));
    const q = "stofzuigen en poetsen lukt mevrouw niet meer";
    expect(primary(withThesaurus.answer(q, { today }).answer)).toBe("gemeente-wmo");
    expect(without.answer(q, { today }).answer.status).toBe("abstained");
  });
});

describe("the real map", () => {
  const { map } = loadMap(join(ROOT, "map"), ROOT);
  const answerer = new Answerer(map);
  const ask = (text: string) => answerer.answer(scrub(text).text, { today }).answer;

  it("everyday words for cleaning reach huishoudelijke hulp (Wmo), not the Participatiewet", () => {
    const a = ask(
      "mevrouw kan haar huis niet meer bijhouden, stofzuigen en poetsen lukt niet meer. waar kan ze hulp krijgen?",
    );
    expect(a.status).toBe("answered");
    expect(primary(a)).toBe("gemeente-wmo");
    expect(a.entries[0]?.id).toBe("huishoudelijke-hulp");
  });

  it("a traplift question with a name, BSN and phone number is answered like the one without", () => {
    const plain = ask("wie betaalt een traplift?");
    const withData = ask("mevrouw Yilmaz (bsn 123456782, tel 0612345678) heeft een traplift nodig. wie betaalt dat?");
    expect(withData.question).not.toMatch(/123456782|0612345678|Yilmaz/);
    expect(withData.status).toBe("answered");
    expect(primary(withData)).toBe(primary(plain));
    expect(withData.entries[0]?.id).toBe(plain.entries[0]?.id);
  });

  it("off-topic messages abstain with reason off-topic; an uncovered domain question is not-covered or answered", () => {
    for (const q of ["recept pannenkoeken", "schrijf een gedicht over de herfst", "wie regelt de kerstborrel"]) {
      const a = ask(q);
      expect(a.status, q).toBe("abstained");
      expect(a.reason, q).toBe("off-topic");
    }
    const gap = ask(
      "client heeft 12 jaar in duitsland gewerkt, hoe zet ze haar duitse pensioen over naar een nederlands pensioenfonds",
    );
    expect(gap.reason).not.toBe("off-topic");
  });
});
