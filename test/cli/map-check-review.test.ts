// `aanzet map check` validates the review fields: lawVersion, reviewedBy (a role, never a
// name) and pending bills (kamerstuk, status, checked). Variants of test/fixtures/map-dated.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

const FIXTURE = join(ROOT, "test/fixtures/map-dated");

/** A copy of the fixture map with `edit` applied to entries/dated.yaml. */
function variant(edit: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "aanzet-review-"));
  cpSync(FIXTURE, dir, { recursive: true });
  const file = join(dir, "entries/dated.yaml");
  const before = readFileSync(file, "utf8");
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  return dir;
}

async function check(dir: string) {
  return runCli(["map", "check"], { env: { AANZET_MAP_DIR: dir, AANZET_TODAY: "2026-12-04" } });
}

describe("aanzet map check: review fields", () => {
  it("accepts the fixture's roles, law versions and bills", async () => {
    const r = await check(FIXTURE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 errors/);
  });

  it("rejects a person's name as reviewer without repeating it, naming file, entry and field", async () => {
    const r = await check(variant((y) => y.replace("reviewedBy: maatwerkcoach", "reviewedBy: Jan de Vries")));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /error: \S*dated\.yaml: traplift: reviewedBy: reviewedBy looks like a person's name: record the reviewer's role, never a name \(one of: maatwerkcoach, jurist/,
    );
    expect(r.stderr).not.toContain("Jan de Vries");
  });

  it("rejects an unknown role", async () => {
    const r = await check(variant((y) => y.replace("reviewedBy: jurist", "reviewedBy: stagiair")));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/eigen-risico-2026: reviewedBy: reviewedBy must be one of: maatwerkcoach/);
  });

  it("rejects a law version that is no calendar date", async () => {
    const r = await check(variant((y) => y.replace("lawVersion: 2025-07-01", "lawVersion: 2025-02-30")));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/eigen-bijdrage-wmo-2026: lawVersion: this date is not on the calendar/);
  });

  it("checks each pending bill's kamerstuk, status and date checked", async () => {
    const r = await check(
      variant((y) =>
        y
          .replace('kamerstuk: "36713"', "kamerstuk: 3671")
          .replace("status: controversieel", "status: besproken")
          .replace("checked: 2026-02-01", "checked: 2027-02-01"),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/eigen-bijdrage-wmo-2027: pending\.0\.kamerstuk: kamerstuk is the dossier number/);
    expect(r.stderr).toMatch(/eigen-bijdrage-wmo-2027: pending\.0\.status: status: ingediend, aangenomen-tk/);
  });

  it("takes an unquoted kamerstuk number, but not a check date in the future", async () => {
    const r = await check(
      variant((y) =>
        y.replace('kamerstuk: "36713"', "kamerstuk: 36713").replace("checked: 2026-02-01", "checked: 2027-02-01"),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/kamerstuk/);
    expect(r.stderr).toMatch(
      /eigen-bijdrage-wmo-2027: pending\.0\.checked: bill 36713 was checked on 2027-02-01, which lies in the future/,
    );
  });

  it("warns when a pending bill is already in force", async () => {
    const r = await check(
      variant((y) => y.replace("status: controversieel", "status: in-werking\n        inForce: 2026-07-01")),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /warning: \S*: eigen-bijdrage-wmo-2027: pending\.0\.status: bill 36713 is in force since 2026-07-01/,
    );
  });
});
