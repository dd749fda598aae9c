// The index a tenant's questions use: an overlay layered on the shared base index must answer
// like an index built over the merged entries, and a common word on a big map must not hide
// the entry a rare word points at.
import { describe, expect, it } from "vitest";
import { CANDIDATE_CAP } from "../../../src/core/answer/index-segment.js";
import { MapIndex } from "../../../src/core/answer/map-index.js";
import { Answerer } from "../../../src/core/answer/answerer.js";
import { RegulationMap } from "../../../src/core/map/regulation-map.js";
import type { MapEntry } from "../../../src/core/map/schema.js";
import { entry } from "../../helpers/entries.js";

const base = [
  entry({ id: "traplift", title: "Traplift", actor: "gemeente-wmo", law: "wmo-2015", keywords: ["traplift", "trap"] }),
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
    keywords: ["schuldhulpverlening", "schulden"],
  }),
  entry({ id: "rolstoel", title: "Rolstoel voor lange tijd", actor: "gemeente-wmo", keywords: ["rolstoel"] }),
];

const overlay = [
  // Replaces the base traplift entry with the local rule.
  entry({
    id: "traplift",
    title: "Traplift via het Wmo-loket van Voorbeeldstad",
    actor: "gemeente-wmo",
    law: "wmo-2015",
    keywords: ["traplift", "trapliftregeling"],
  }),
  entry({
    id: "lokaal-fonds",
    title: "Noodfonds Voorbeeldstad",
    actor: "gemeente-inkomen",
    keywords: ["noodfonds", "schulden", "noodgeld"],
  }),
];

const QUESTIONS = [
  "wie betaalt een traplift?",
  "kan mijn cliënt noodgeld krijgen bij schulden?",
  "woonkosten te hoog, huur",
  "rolstoel nodig",
  "schuldhulpverleningstraject loopt vast",
  "trapliftregeling",
];

function view(idx: MapIndex, q: string) {
  return idx.search(idx.analyse(q), 10).map((h) => ({
    id: h.entry.id,
    title: h.entry.title,
    score: h.score.toFixed(9),
    coverage: h.coverage.toFixed(9),
    anchor: h.anchorIdf.toFixed(9),
    matched: [...h.matched].sort(),
  }));
}

describe("tenant overlay on the base index", () => {
  const map = new RegulationMap({ entries: base, laws: [], overlays: new Map([["T1", overlay]]) });
  const shared = new MapIndex(map.entriesFor(undefined));
  const layered = new MapIndex(map.entriesFor("T1"), { base: shared });
  const merged = new MapIndex(map.entriesFor("T1"));

  it("ranks and scores like an index over the merged entries", () => {
    for (const q of QUESTIONS) expect(view(layered, q), q).toEqual(view(merged, q));
  });

  it("shows the tenant's version of a replaced entry, and the base keeps its own", () => {
    expect(view(layered, "wie betaalt een traplift?")[0]?.title).toBe("Traplift via het Wmo-loket van Voorbeeldstad");
    expect(view(shared, "wie betaalt een traplift?")[0]?.title).toBe("Traplift");
    expect(view(shared, "noodgeld bij schulden").map((h) => h.id)).not.toContain("lokaal-fonds");
  });

  it("is what the answerer uses for a tenant with an overlay", () => {
    const answerer = new Answerer(map);
    const local = answerer.answer("kan mijn cliënt noodgeld krijgen uit het noodfonds?", {
      tenant: "T1",
      today: "2026-11-22",
    });
    expect(local.answer.entries[0]?.id).toBe("lokaal-fonds");
    const other = answerer.answer("kan mijn cliënt noodgeld krijgen uit het noodfonds?", {
      tenant: "T2",
      today: "2026-11-22",
    });
    expect(other.answer.entries.map((e) => e.id)).not.toContain("lokaal-fonds");
  });
});

describe("a big map with a common word", () => {
  // Every entry says "hulp"; one in the middle also names the rare "brandmelder".
  const many: MapEntry[] = Array.from({ length: CANDIDATE_CAP * 3 }, (_, i) =>
    entry({
      id: `hulp-${String(i).padStart(4, "0")}`,
      title: i === CANDIDATE_CAP * 2 ? "Hulp bij een brandmelder" : `Hulp bij onderwerp ${i}`,
      actor: "gemeente-wmo",
      keywords: i === CANDIDATE_CAP * 2 ? ["hulp", "brandmelder"] : ["hulp", `onderwerp${i}`],
    }),
  );
  const idx = new MapIndex(many);

  it("still finds the entry a rare word names, beside the common word", () => {
    expect(view(idx, "wie geeft hulp bij een brandmelder?")[0]?.id).toBe(
      `hulp-${String(CANDIDATE_CAP * 2).padStart(4, "0")}`,
    );
  });

  it("returns the limit asked for, best first, for a question of common words only", () => {
    const hits = idx.search(idx.analyse("hulp"), 5);
    expect(hits).toHaveLength(5);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });
});

describe("a base index restored from its snapshot (compiled map cache)", () => {
  const map = new RegulationMap({ entries: base, laws: [], overlays: new Map([["T1", overlay]]) });
  const built = new MapIndex(map.entriesFor(undefined));
  const snapshot = JSON.parse(JSON.stringify(built.snapshot())) as unknown;

  it("ranks, scores and layers tenants like the index it was taken from", () => {
    const restored = new MapIndex(map.entriesFor(undefined), { snapshot });
    for (const q of QUESTIONS) expect(view(restored, q), q).toEqual(view(built, q));
    const layered = new MapIndex(map.entriesFor("T1"), { base: restored });
    for (const q of QUESTIONS) expect(view(layered, q), q).toEqual(view(new MapIndex(map.entriesFor("T1")), q));
  });

  it("is ignored when it was taken over other entries", () => {
    const fewer = base.slice(0, 2);
    const idx = new MapIndex(fewer, { snapshot });
    expect(view(idx, "rolstoel nodig").map((h) => h.id)).not.toContain("rolstoel");
  });
});
