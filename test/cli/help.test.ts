// `aanzet <command> --help` is harmless: for every command the CLI lists in its usage (and every
// subcommand with its own help), run the real CLI in an empty temp folder with the default store
// (sqlite://data/aanzet.sqlite, relative to that folder) and check it prints help, exits 0 and
// leaves the folder empty. `report --help` used to write a report folder there.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_HELP } from "../../src/cli/help.js";
import { runPlain } from "../helpers/cli-plain.js";

function run(args: string[], cwd: string) {
  return runPlain(args, { cwd });
}

/** The command names of `aanzet help` ("  ask ...", "  map proposals ..." -> "ask", "map"). */
async function listedCommands(): Promise<string[]> {
  const cwd = mkdtempSync(join(tmpdir(), "aanzet-help-"));
  const r = await run(["help"], cwd);
  expect(r.code).toBe(0);
  const names = r.stdout
    .split("\n")
    .map((line) => /^ {2}([a-z][a-z-]*)\b/.exec(line)?.[1])
    .filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}

describe("aanzet <command> --help", () => {
  it("every command the usage lists has its own help text", async () => {
    const listed = await listedCommands();
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((c) => COMMAND_HELP[c] === undefined)).toEqual([]);
  });

  const commands = Object.keys(COMMAND_HELP);
  for (const command of commands) {
    it(`${command} --help prints help, exits 0 and writes nothing`, async () => {
      const cwd = mkdtempSync(join(tmpdir(), "aanzet-help-"));
      const argv = command.split(" ");
      const r = await run([...argv, "--help"], cwd);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.startsWith(`usage: aanzet ${command}`)).toBe(true);
      expect(r.stderr).toBe("");
      expect(readdirSync(cwd)).toEqual([]);
    });
  }

  it("-h works too, also after other options, and report -h writes no report", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "aanzet-help-"));
    const r = await run(["report", "--out", "x", "-h"], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^usage: aanzet report/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("an ask question after -- is a question, not a help request", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "aanzet-help-"));
    const r = await run(["ask", "--store", "memory://", "--", "--help"], cwd);
    expect(r.stdout).not.toMatch(/^usage:/);
  });
});
