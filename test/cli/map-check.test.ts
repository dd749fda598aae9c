import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

function mapDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "aanzet-map-"));
  mkdirSync(join(dir, "entries"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "entries", name), text);
  return dir;
}

const good = `entries:
  - id: traplift
    title: Traplift
    topic: wonen-aanpassing
    summary: Een traplift regelt de gemeente via de Wmo na een gesprek.
    questions: [wie betaalt een traplift?]
    aanZet:
      - actor: gemeente-wmo
        law: wmo-2015
        role: primary
        condition: De inwoner woont thuis en kan de trap niet op.
    ifStuck: Maak binnen 6 weken bezwaar tegen het besluit.
    sources: [{ title: Wmo 2015, url: "https://wetten.overheid.nl/BWBR0035362" }]
    reviewedOn: 2026-11-01
`;

describe("aanzet map check", () => {
  it("names file, entry id, field and how to fix it", async () => {
    const bad = good
      .replace("actor: gemeente-wmo", "actor: gemeente-zorg")
      .replace("id: traplift", "id: traplift-fout")
      .replace(/    sources:.*\n/, "    sources: []\n");
    const dir = mapDir({ "a.yaml": good, "b.yaml": bad });
    const r = await runCli(["map", "check"], { env: { AANZET_MAP_DIR: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /b\.yaml: traplift-fout: aanZet\.0\.actor: unknown actor id: use one of the actors in map\/vocabulary\.json/,
    );
    expect(r.stderr).toMatch(/b\.yaml: traplift-fout: sources: every entry needs at least one public source/);
    expect(r.stdout).toMatch(/2 errors/);
  });

  it("reports malformed YAML with its line instead of crashing", async () => {
    const dir = mapDir({ "a.yaml": good, "kapot.yaml": "entries:\n  - id: x\n    title: [niet afgesloten\n" });
    const r = await runCli(["map", "check"], { env: { AANZET_MAP_DIR: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/kapot\.yaml: YAML syntax error \(line \d+, column \d+\)/);
  });

  it("warns about entries past their review date without failing", async () => {
    const dir = mapDir({ "a.yaml": good.replace("reviewedOn: 2026-11-01", "reviewedOn: 2024-01-01") });
    const r = await runCli(["map", "check"], { env: { AANZET_MAP_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: \S*entries\/a\.yaml: traplift: reviewedOn: review is overdue/);
  });

  it("refuses to start the bot on a broken map, saying why in English", async () => {
    const dir = mapDir({ "a.yaml": good.replace("topic: wonen-aanpassing", "topic: onbekend") });
    const r = await runCli(["ask", "--store", "memory://", "traplift"], { env: { AANZET_MAP_DIR: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the regulation map has 1 error/);
  });
});
