// `aanzet map check` on a fixture map with year-bound entries (test/fixtures/map-dated).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

const MAP = join(ROOT, "test/fixtures/map-dated");

describe("aanzet map check: year-bound entries", () => {
  it("warns about an entry that ends without a successor, and only about that one", async () => {
    const r = await runCli(["map", "check"], { env: { AANZET_MAP_DIR: MAP, AANZET_TODAY: "2026-12-04" } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /warning: \S*dated\.yaml: eigen-risico-2026: validUntil: vanaf 2027-01-01 geen antwoord over Eigen risico zorgverzekering 2026 \(eigen-risico-2026\)/,
    );
    // The Wmo entry hands over to its 2027 successor; the traplift rule ends after the window.
    expect(r.stderr).not.toMatch(/eigen-bijdrage-wmo-2026: validUntil/);
    expect(r.stderr).not.toMatch(/traplift: validUntil/);
  });

  it("warns about a later end once it comes within 60 days", async () => {
    const r = await runCli(["map", "check"], { env: { AANZET_MAP_DIR: MAP, AANZET_TODAY: "2027-05-10" } });
    expect(r.stderr).toMatch(/traplift: validUntil: vanaf 2027-07-01 geen antwoord over Traplift \(traplift\)/);
  });
});

describe("aanzet map check --due", () => {
  it("lists reviews and bill checks due before the date, earliest first, one line per entry", async () => {
    const r = await runCli(["map", "check", "--due", "2027-06-02"], {
      env: { AANZET_MAP_DIR: MAP, AANZET_TODAY: "2026-12-04" },
    });
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => /^\d{4}-\d{2}-\d{2} /.test(l));
    expect(lines.map((l) => l.split(" ")[1])).toEqual([
      "eigen-bijdrage-wmo-2027",
      "eigen-bijdrage-wmo-2026",
      "eigen-risico-2026",
    ]);
    expect(lines[0]).toMatch(/bill 36713 status check due 2027-02-01 \(controversieel, checked 2026-02-01\)/);
    expect(lines[2]).toMatch(/review due 2027-06-01 \(reviewed 2026-06-01 by jurist\)/);
    expect(r.stdout).toMatch(/due before 2027-06-02: 3 entries/);
  });

  it("does not list an entry whose review falls on the date itself", async () => {
    const r = await runCli(["map", "check", "--due", "2027-03-01"], {
      env: { AANZET_MAP_DIR: MAP, AANZET_TODAY: "2026-12-04" },
    });
    expect(r.stdout).toMatch(/due before 2027-03-01: 1 entry\n2027-02-01 eigen-bijdrage-wmo-2027 /);
    expect(r.stdout).not.toMatch(/eigen-bijdrage-wmo-2026 \(/);
  });

  it("refuses a date that is not on the calendar", async () => {
    const r = await runCli(["map", "check", "--due", "2027-02-30"], { env: { AANZET_MAP_DIR: MAP } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--due needs a date as YYYY-MM-DD, got "2027-02-30"/);
  });
});
