// The compiled map cache: a restart with an unchanged map reads the cache; any change to a
// file under map/ reads the source again; a broken cache file or a map with errors never
// ends up in what the bot answers from.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCompiledMap } from "../../src/content/compiled-map-cache.js";
import { Answerer } from "../../src/core/answer/answerer.js";

const root = join(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "aanzet-map-cache-"));
const mapDir = join(tmp, "map");
const cacheDir = join(tmp, "cache");
cpSync(join(root, "map"), mapDir, { recursive: true });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const today = "2026-11-22";
const ask = (map: ReturnType<typeof loadCompiledMap>["map"], q: string) =>
  new Answerer(map).answer(q, { today }).answer;

describe("compiled map cache", () => {
  it("reads the cache on the second start and answers the same", () => {
    const first = loadCompiledMap(mapDir, root, cacheDir);
    expect(first.cache).toBe("miss");
    const second = loadCompiledMap(mapDir, root, cacheDir);
    expect(second.cache).toBe("hit");
    expect(second.map.base.length).toBe(first.map.base.length);
    expect(second.map.tenants()).toEqual(first.map.tenants());
    const q = "wie betaalt een traplift?";
    expect(ask(second.map, q)).toEqual(ask(first.map, q));
  });

  it("reads the source again after any change under map/", () => {
    loadCompiledMap(mapDir, root, cacheDir);
    const file = join(mapDir, "entries", "hulpmiddelen.yaml");
    const text = readFileSync(file, "utf8");
    const id = /- id: (\S+)\n\s+title: (.+)/.exec(text)!;
    writeFileSync(file, text.replace(`title: ${id[2]}`, "title: Een nieuwe titel uit de test"));
    const after = loadCompiledMap(mapDir, root, cacheDir);
    expect(after.cache).toBe("miss");
    expect(after.map.get(id[1]!)?.title).toBe("Een nieuwe titel uit de test");
    // One cache file per map directory: the old version is gone.
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".json"))).toHaveLength(1);
  });

  it("falls back to the source when the cache file is broken", () => {
    loadCompiledMap(mapDir, root, cacheDir);
    const [file] = readdirSync(cacheDir).filter((f) => f.endsWith(".json"));
    writeFileSync(join(cacheDir, file!), "{ not json");
    const again = loadCompiledMap(mapDir, root, cacheDir);
    expect(again.cache).toBe("miss");
    expect(ask(again.map, "wie betaalt een traplift?").status).toBe("answered");
  });

  it("never caches a map with errors", () => {
    const bad = join(tmp, "bad");
    cpSync(mapDir, bad, { recursive: true });
    writeFileSync(join(bad, "entries", "kapot.yaml"), "entries:\n  - id: kapot\n    title: [\n");
    const first = loadCompiledMap(bad, root, cacheDir);
    expect(first.problems.some((p) => p.severity === "error" && p.file.endsWith("kapot.yaml"))).toBe(true);
    const second = loadCompiledMap(bad, root, cacheDir);
    expect(second.cache).toBe("miss");
    expect(second.problems.some((p) => p.severity === "error")).toBe(true);
  });
});
