// Operator output is human text. pino's JSON lines go to stderr only, and for one-shot commands
// only when the operator chose a level with LOG_LEVEL: the long-message refusal of `ask` and the
// "new candidate knelpunt" of `replay` used to print JSON lines into the console.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { runPlain } from "../helpers/cli-plain.js";

const jsonLines = (s: string) => s.split("\n").filter((l) => l.trim().startsWith("{"));

describe("operator output", () => {
  it("ask with a too-long message prints the refusal as text and no JSON line unless LOG_LEVEL is set", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "aanzet-out-"));
    const long = "wie betaalt de traplift ".repeat(300);
    const r = await runPlain(["ask", "--store", "memory://", long], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().length).toBeGreaterThan(0);
    expect(jsonLines(r.stdout)).toEqual([]);
    expect(jsonLines(r.stderr)).toEqual([]);

    const chosen = await runPlain(["ask", "--store", "memory://", long], { cwd, env: { LOG_LEVEL: "warn" } });
    expect(jsonLines(chosen.stdout)).toEqual([]);
    expect(jsonLines(chosen.stderr).some((l) => l.includes('"INPUT_TOO_LARGE"'))).toBe(true);
  });

  it("replay that finds a new candidate says so in one human line and logs no JSON by default", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "aanzet-out-"));
    const store = `sqlite://${join(cwd, "s.sqlite")}`;
    const file = join(ROOT, "test/fixtures/patterns/done-when.jsonl");
    const r = await runPlain(["replay", file, "--store", store, "--tenant", "gemeente-x"], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 new candidate knelpunten/);
    expect(jsonLines(r.stdout)).toEqual([]);
    expect(jsonLines(r.stderr)).toEqual([]);

    const store2 = `sqlite://${join(cwd, "s2.sqlite")}`;
    const chosen = await runPlain(["replay", file, "--store", store2, "--tenant", "gemeente-x"], {
      cwd,
      env: { LOG_LEVEL: "info" },
    });
    expect(jsonLines(chosen.stdout)).toEqual([]);
    expect(jsonLines(chosen.stderr).some((l) => l.includes("new candidate knelpunt"))).toBe(true);
  });
});
