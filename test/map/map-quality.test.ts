// The map is the product: these tests hold it to the brief (coverage, sources, dates, ids)
// and check that each entry's own example questions find it.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMap } from "../../src/content/map-loader.js";
import { Answerer } from "../../src/core/answer/answerer.js";
import { LAW_IDS } from "../../src/core/map/vocabulary.js";
import { ROOT, runCli } from "../helpers/cli.js";

const { map, problems } = loadMap(join(ROOT, "map"), ROOT);
const today = "2026-12-04"; // the date of the newest reviewedOn in map/

describe("regulation map", () => {
  it("loads without errors", () => {
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("has at least 150 entries, each with a public source and a review date", () => {
    expect(map.base.length).toBeGreaterThanOrEqual(150);
    for (const e of map.base) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const s of e.sources) expect(s.url, e.id).toMatch(/^https?:\/\/[^/]+\.[a-z]{2,}/);
      expect(e.reviewedOn <= today, e.id).toBe(true);
    }
  });

  it("covers every topic area of the brief", () => {
    const topics = new Set(map.base.map((e) => e.topic));
    for (const t of [
      "hulpmiddelen",
      "zorg-thuis",
      "wlz-verblijf",
      "jeugd",
      "overgang-18",
      "ggz",
      "detentie",
      "vervoer",
      "zorgkosten",
      "bijstand",
      "schulden",
      "wonen",
      "adres",
      "uwv-svb",
      "toeslagen",
      "escalatie",
      "methode",
    ]) {
      expect(topics.has(t as never), t).toBe(true);
    }
  });

  it("says honestly when a rule depends on local policy", () => {
    const local = map.base.filter((e) => e.certainty !== "settled");
    expect(local.length).toBeGreaterThan(10);
    for (const e of local) expect(e.local, e.id).toBeTruthy();
  });

  it("gives the purpose of every law for the Omgekeerde Toets", () => {
    for (const id of LAW_IDS) expect(map.laws.get(id)?.purpose, id).toBeTruthy();
  });

  it("knows that huurtoeslag for young people changed on 1 January 2026", () => {
    const dated = map.base.filter(
      (e) => e.topic === "toeslagen" && (e.validFrom === "2026-01-01" || e.validUntil === "2025-12-31"),
    );
    expect(dated.length).toBeGreaterThanOrEqual(2);
  });

  it("finds each entry from its own example questions (at least 90%)", () => {
    const answerer = new Answerer(map);
    let hit = 0;
    let total = 0;
    const misses: string[] = [];
    for (const e of map.base) {
      if ((e.validUntil && e.validUntil < today) || (e.validFrom && e.validFrom > today)) continue;
      for (const q of e.questions) {
        total++;
        const d = answerer.answer(q, { today });
        const found =
          d.answer.status === "answered" ? d.answer.entries[0]?.id === e.id : d.options.some((o) => o.id === e.id);
        if (found) hit++;
        else misses.push(`${e.id}: ${q}`);
      }
    }
    expect(hit / total, misses.slice(0, 20).join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("passes `aanzet map check` on the command line", async () => {
    const r = await runCli(["map", "check"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 errors/);
  });
});
