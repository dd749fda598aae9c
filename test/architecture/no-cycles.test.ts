// The import graph of src/ has no cycle (type-only and dynamic imports count too): features
// are a list handed to the app, not registries filled as modules load. Checked with madge,
// the same tool as `npx madge --circular --extensions ts src`.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SRC = join(ROOT, "src");

interface MadgeResult {
  obj(): Record<string, string[]>;
  circular(): string[][];
  warnings(): { skipped: string[] };
}
type Madge = (path: string, config: Record<string, unknown>) => Promise<MadgeResult>;
// madge is CommonJS without type declarations.
const madge = createRequire(import.meta.url)("madge") as Madge;

const graph = (dir: string) => madge(dir, { fileExtensions: ["ts"], detectiveOptions: { ts: { mixedImports: true } } });

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe("import graph of src/", () => {
  it("has no cycle", { timeout: 180_000 }, async () => {
    const res = await graph(SRC);
    // Every file was read (a file madge cannot parse would hide its imports).
    expect(res.warnings().skipped).toEqual([]);
    const read = Object.keys(res.obj()).filter((f) => f.endsWith(".ts"));
    expect(read.sort()).toEqual(tsFiles(SRC).sort());
    expect(res.circular().map((c) => c.join(" > "))).toEqual([]);
  });

  it("would see a cycle, also one made of type-only and dynamic imports", { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "aanzet-cycles-"));
    try {
      mkdirSync(join(dir, "core"));
      writeFileSync(
        join(dir, "app.ts"),
        'import type { Bot } from "./core/bot.js";\nexport type App = { bot: Bot };\n',
      );
      writeFileSync(
        join(dir, "core", "bot.ts"),
        'export class Bot {\n  async load() {\n    return import("../app.js");\n  }\n}\n',
      );
      writeFileSync(join(dir, "leaf.ts"), "export const x = 1;\n");
      const res = await graph(dir);
      expect(res.circular()).toEqual([["app.ts", "core/bot.ts"]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
