// Runs every test/transcripts/*.txt against the core, and the ones marked @cli also through
// the real `aanzet chat` (built to dist/ first when the build is older than the sources).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { HERE, ROOT, aanzet, parseTranscript, runCli, runCore } from "./harness.js";

const files = readdirSync(HERE)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const transcripts = files.map((f) => parseTranscript(f, readFileSync(join(HERE, f), "utf8")));

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm test` builds first; a direct `npx vitest run` builds here when dist/ is stale. */
function ensureBuilt(): void {
  const entry = join(ROOT, "dist", "src", "cli", "main.js");
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestSource(join(ROOT, "src"))) return;
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
      { cwd: ROOT, stdio: "pipe" },
    );
  } catch {
    // Type errors elsewhere still emit JavaScript; a missing entry fails the CLI runs clearly.
  }
}

describe("flow transcripts (core)", () => {
  for (const t of transcripts) it(t.name, () => runCore(t));
});

describe("flow transcripts (aanzet chat)", () => {
  beforeAll(ensureBuilt, 120_000);
  for (const t of transcripts.filter((x) => x.cli)) it(t.name, () => runCli(t), 90_000);

  it("aanzet flows export <id> prints the record of a finished flow", async () => {
    const store = `sqlite://${join(mkdtempSync(join(tmpdir(), "aanzet-export-")), "s.sqlite")}`;
    const lines = [
      "/escalatie",
      "3",
      "Huisarts en Wmo gebeld",
      "overslaan",
      "nee",
      "nee",
      "Morgen maatwerkbudget aanvragen.",
    ];
    const chat = await aanzet(["chat", "--store", store], lines.join("\n") + "\n");
    const id = /Het nummer is (E-[A-Z0-9]{6})/.exec(chat.out)?.[1];
    expect(id, chat.out).toBeDefined();
    const exported = await aanzet(["flows", "export", id!.toLowerCase(), "--store", store], "");
    expect(exported.code).toBe(0);
    expect(exported.out).toContain(`# Escalatie-check: verslag`);
    expect(exported.out).toContain("Huisarts en Wmo gebeld");
    expect(exported.out).toContain("Direct intern escaleren");
    expect(exported.out).toContain("Maatwerkbudget of bijzondere bijstand");
    expect(exported.out).toContain("Afspraak: Morgen maatwerkbudget aanvragen.");
    const missing = await aanzet(["flows", "export", "E-XXXXXX", "--store", store], "");
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('no decision record "E-XXXXXX"');
  }, 60_000);
});
