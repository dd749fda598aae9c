// `aanzet map watch` against a loopback fake of the BWB SRU service, on the fixture map
// test/fixtures/map-dated (Zvw = BWBR0018450, Wmo 2015 = BWBR0035362).
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";
import { type FakeBwb, type FakeLaw, startFakeBwb } from "../helpers/fake-bwb-sru.js";

const MAP = join(ROOT, "test/fixtures/map-dated");
const ZVW = "BWBR0018450";
const WMO = "BWBR0035362";

function laws(extraZvw: FakeLaw["versions"] = []): Record<string, FakeLaw> {
  return {
    [ZVW]: {
      title: "Zorgverzekeringswet",
      versions: [
        { start: "2025-01-01", end: "2025-12-31" },
        { start: "2026-01-01", end: extraZvw[0] ? "2026-06-30" : undefined },
        ...extraZvw,
      ],
    },
    [WMO]: {
      title: "Wet maatschappelijke ondersteuning 2015",
      versions: [{ start: "2025-07-01", end: "2025-12-31" }, { start: "2026-01-01" }],
    },
  };
}

let fake: FakeBwb | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function watch(args: string[], env: Record<string, string> = {}) {
  return runCli(["map", "watch", ...args], {
    env: { AANZET_MAP_DIR: MAP, AANZET_TODAY: "2026-12-04", AANZET_BWB_SRU_URL: fake?.url ?? "", ...env },
  });
}

describe("aanzet map watch", () => {
  it("asks the version in force of each cited law once, and lists entries checked against an older one", async () => {
    fake = await startFakeBwb(laws());
    const r = await watch([]);
    expect(r.code).toBe(0);
    expect([...fake.queries].sort()).toEqual([
      `dcterms.identifier==${ZVW} and overheidbwb.geldigheidsdatum==2026-12-04`,
      `dcterms.identifier==${WMO} and overheidbwb.geldigheidsdatum==2026-12-04`,
    ]);
    // Checked against the Wmo of 2025-07-01; the version of 2026-01-01 is in force.
    expect(r.stdout).toMatch(
      /review eigen-bijdrage-wmo-2026 \(\S*dated\.yaml\): Wet maatschappelijke ondersteuning 2015 \(BWBR0035362\) has a version in force from 2026-01-01; the entry was checked against 2025-07-01/,
    );
    // Checked against the versions in force: nothing to do.
    expect(r.stdout).not.toMatch(/review eigen-risico-2026/);
    expect(r.stdout).not.toMatch(/review eigen-bijdrage-wmo-2027/);
    expect(r.stdout).toMatch(/1 entry cites a law but records no lawVersion, so it is not watched/);
    expect(r.stdout).toMatch(/^1 entry to review$/m);
  });

  it("flags an entry once the fake has a newer version of its law", async () => {
    fake = await startFakeBwb(laws([{ start: "2026-07-01" }]));
    const r = await watch([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /review eigen-risico-2026 \(\S*\): Zorgverzekeringswet \(BWBR0018450\) has a version in force from 2026-07-01; the entry was checked against 2026-01-01/,
    );
    expect(r.stdout).toMatch(/^2 entries to review$/m);
  });

  it("asks about another day with --on", async () => {
    fake = await startFakeBwb(laws());
    const r = await watch(["--on", "2025-08-01"]);
    expect(r.code).toBe(0);
    expect(fake.queries).toContain(`dcterms.identifier==${WMO} and overheidbwb.geldigheidsdatum==2025-08-01`);
    // On 2025-08-01 the Wmo version of 2025-07-01 was in force: the entry is up to date then.
    expect(r.stdout).toMatch(/^0 entries to review$/m);
  });

  it("says so when the BWB lists no version of a cited law", async () => {
    fake = await startFakeBwb({ [WMO]: laws()[WMO]! });
    const r = await watch([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/not found: BWBR0018450 has no version in force on 2026-12-04/);
  });

  it("fails in one English line with a non-zero exit when the service errors", async () => {
    fake = await startFakeBwb(laws());
    fake.mode = "error";
    const r = await watch([]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^aanzet: the BWB search service at http:\/\/127\.0\.0\.1:\d+\/sru\/Search answered HTTP 503 for BWBR\d{7}$/m,
    );
    expect(r.stdout).not.toMatch(/to review/);
  });

  it("gives up after the configured timeout when the service does not answer", async () => {
    fake = await startFakeBwb(laws());
    fake.mode = "hang";
    const r = await watch([], { AANZET_BWB_TIMEOUT_MS: "300" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the BWB search service at \S+ did not answer within 300 ms/);
  });

  it("fails clearly when nothing listens at the configured URL", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const r = await watch([], { AANZET_BWB_SRU_URL: `http://127.0.0.1:${port}/sru/Search` });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the BWB search service at http:\/\/127\.0\.0\.1:\d+\/sru\/Search could not be reached/);
  });

  it("refuses a bad --on date", async () => {
    const r = await watch(["--on", "2026-13-01"], { AANZET_BWB_SRU_URL: "http://127.0.0.1:9/sru/Search" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--on needs a date as YYYY-MM-DD/);
  });
});
