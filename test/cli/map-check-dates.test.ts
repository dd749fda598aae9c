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
