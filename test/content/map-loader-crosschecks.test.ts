// map check must catch the thesaurus and validity mistakes a coach can make while editing.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMap } from "../../src/content/map-loader.js";

const entry = (id: string, extra = "") => `
  - id: ${id}
    title: Titel van ${id}
    topic: hulpmiddelen
    summary: Een korte samenvatting van deze regel in eenvoudige taal.
    questions: [wie betaalt dit eigenlijk?]
    aanZet:
      - actor: gemeente-wmo
        law: wmo-2015
        role: primary
        condition: De gemeente is aan zet voor dit hulpmiddel.
        when: { setting: thuis, ageFrom: 18 }
    ifStuck: Vraag je coach om mee te kijken.
    sources:
      - title: Wmo 2015
        url: https://wetten.overheid.nl/BWBR0035362
    reviewedOn: 2026-11-01
${extra}`;

function mapDir(entries: string, thesaurus: string): string {
  const dir = mkdtempSync(join(tmpdir(), "aanzet-map-"));
  mkdirSync(join(dir, "entries"));
  mkdirSync(join(dir, "thesaurus"));
  writeFileSync(join(dir, "entries", "a.yaml"), `entries:${entries}`);
  writeFileSync(join(dir, "thesaurus", "t.yaml"), thesaurus);
  return dir;
}

describe("map loader cross-checks", () => {
  it("reports an unknown concept, an unused concept, a phrase in two concepts and a dangling supersedes", () => {
    const dir = mapDir(
      entry("a", "    concepts: [traplift, onbekend]\n    supersedes: bestaat-niet"),
      `concepts:
  - { id: traplift, label: traplift, phrases: [trap op, stoellift] }
  - { id: woningaanpassing, label: woningaanpassing, phrases: [Trap op, drempels] }
`,
    );
    const { problems } = loadMap(dir, dir);
    const says = problems.map((p) => `${p.severity} ${p.item} ${p.field}: ${p.message}`);
    expect(says).toContainEqual(expect.stringMatching(/^error a concepts: unknown concept "onbekend"/));
    expect(says).toContainEqual(expect.stringMatching(/^warning woningaanpassing id: no entry names this concept/));
    expect(says).toContainEqual(
      expect.stringMatching(/^error woningaanpassing phrases: phrase "Trap op" is also in concept traplift/),
    );
    expect(says).toContainEqual(expect.stringMatching(/^error a supersedes:/));
  });

  it("accepts when: conditions and refuses an unknown setting with the field named", () => {
    const ok = loadMap(
      mapDir(
        entry("a", "    concepts: [traplift]"),
        "concepts:\n  - { id: traplift, label: traplift, phrases: [trap op] }\n",
      ),
    );
    expect(ok.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(ok.map.base[0]?.aanZet[0]?.when).toEqual({ setting: "thuis", ageFrom: 18 });
    const bad = loadMap(
      mapDir(
        entry("a").replace("setting: thuis", "setting: kasteel"),
        "concepts:\n  - { id: x, label: x, phrases: [xx] }\n",
      ),
    );
    expect(bad.problems).toContainEqual(
      expect.objectContaining({ item: "a", field: "aanZet.0.when.setting", severity: "error" }),
    );
  });
});
