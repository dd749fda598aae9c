// A compiled map cache: the validated content of map/ and its base index as one JSON file,
// keyed by the content hash of every file under map/ (and of the loader, schema and index
// code), so a restart with an unchanged map skips YAML parsing, zod validation and indexing. Any change to any file gives another
// key, so a stale cache is never read. `aanzet map check` always validates from source.
// The cache is an optimisation only: a missing, unreadable or corrupt file means a load
// from source, never a failed start.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ContentProblem } from "../core/map/problems.js";
import { type MapContent, RegulationMap } from "../core/map/regulation-map.js";
import { MapIndex } from "../core/answer/map-index.js";
import { loadMap } from "./map-loader.js";

/** Bumped when the cached file's shape changes. */
const FORMAT = 2;

/** The code whose output the cache holds: a new loader or schema invalidates every cache. */
const CODE_FILES = [
  "./map-loader.js",
  "../core/map/schema.js",
  "../core/map/regulation-map.js",
  "../core/answer/map-index.js",
  "../core/answer/index-segment.js",
  "../core/text/normalize.js",
  "../core/text/stem.js",
  "../core/text/abbreviations.js",
];

interface CacheFile {
  format: number;
  key: string;
  content: Omit<MapContent, "overlays"> & { overlays: Array<[string, MapContent["entries"]]> };
  problems: ContentProblem[];
}

export interface CompiledMapResult {
  map: RegulationMap;
  problems: ContentProblem[];
  /** "hit" when read from the cache, "miss" when loaded from source (and cached if valid). */
  cache: "hit" | "miss" | "off";
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The content hash of a map directory: every file's relative path and bytes, plus the code. */
export function mapContentHash(mapDir: string): string {
  const h = createHash("sha256");
  h.update(`format ${FORMAT}\0`);
  for (const f of CODE_FILES) {
    try {
      h.update(readFileSync(fileURLToPath(new URL(f, import.meta.url))));
    } catch {
      h.update(`missing ${f}`);
    }
    h.update("\0");
  }
  for (const p of filesUnder(mapDir)) {
    h.update(relative(mapDir, p));
    h.update("\0");
    h.update(readFileSync(p));
    h.update("\0");
  }
  return h.digest("hex");
}

/** Load map/ through the cache in `cacheDir` (undefined: straight from source). Only a map
 * without errors is cached; errors always come from a load from source. */
export function loadCompiledMap(mapDir: string, root: string, cacheDir: string | undefined): CompiledMapResult {
  if (!cacheDir) return { ...loadMap(mapDir, root), cache: "off" };
  let key: string;
  try {
    key = mapContentHash(mapDir);
  } catch {
    return { ...loadMap(mapDir, root), cache: "off" };
  }
  // One file per map directory: a new version replaces the old one.
  const prefix = `map-${createHash("sha256").update(resolve(mapDir)).digest("hex").slice(0, 12)}-`;
  const file = join(cacheDir, `${prefix}${key.slice(0, 32)}.json`);
  const cached = readCache(file, key);
  if (cached) return { map: cached.map, problems: cached.problems, cache: "hit" };
  const loaded = loadMap(mapDir, root);
  if (loaded.problems.some((p) => p.severity === "error")) return { ...loaded, cache: "miss" };
  const data = cacheData(key, loaded);
  writeCache(cacheDir, prefix, file, data);
  // The index built for the cache serves this start as well.
  return { map: mapOf(data), problems: loaded.problems, cache: "miss" };
}

function readCache(file: string, key: string): { map: RegulationMap; problems: ContentProblem[] } | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const data = JSON.parse(text) as CacheFile;
    if (data.format !== FORMAT || data.key !== key) return undefined;
    return { map: mapOf(data), problems: data.problems };
  } catch {
    // A torn or foreign file: drop it; the load from source writes a good one.
    rmSync(file, { force: true });
    return undefined;
  }
}

function mapOf(data: CacheFile): RegulationMap {
  const { overlays, ...rest } = data.content;
  return new RegulationMap({ ...rest, overlays: new Map(overlays) });
}

function cacheData(key: string, loaded: ReturnType<typeof loadMap>): CacheFile {
  const m = loaded.map;
  return {
    format: FORMAT,
    key,
    content: {
      entries: [...m.base],
      laws: [...m.laws.values()],
      overlays: m.tenants().map((t) => [t, overlayOf(m, t)]),
      concepts: [...m.concepts],
      facts: { cues: [...m.facts.cues], negations: [...m.facts.negations] },
      // The base index too: a restart then skips tokenising and stemming every entry.
      indexSnapshot: new MapIndex(m.entriesFor(undefined)).snapshot(),
    },
    problems: loaded.problems,
  };
}

function writeCache(cacheDir: string, prefix: string, file: string, data: CacheFile): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Write then rename: a reader never sees half a file, even with two processes starting.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
    for (const name of readdirSync(cacheDir)) {
      if (name.startsWith(prefix) && join(cacheDir, name) !== file && name.endsWith(".json"))
        rmSync(join(cacheDir, name), { force: true });
    }
  } catch {
    // A read-only or full disk only costs the next start its speed-up.
  }
}

/** The tenant's own entries (the overlay as loaded), from the merged view. */
function overlayOf(m: RegulationMap, tenant: string): MapContent["entries"] {
  return m.entriesFor(tenant).filter((e) => m.isLocal(e.id, tenant));
}
