// Writes bench maps as YAML on disk: the real map/ copied, plus generated entries (real ones
// cloned with invented words, so the vocabulary and the postings grow like a bigger map would)
// and optional tenant overlays. Loading them goes through the real loader: parse + validate.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";

const SYLLABLES = ["ka", "lo", "me", "ri", "vo", "ste", "pan", "dor", "wi", "gel", "bru", "tem", "fal", "zo", "nie"];

function rng(seed) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function realEntries(root) {
  const dir = join(root, "map/entries");
  const out = [];
  // Sorted like the loader reads them.
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort())
    out.push(...(parse(readFileSync(join(dir, f), "utf8")).entries ?? []));
  return out;
}

function clone(base, id, rand) {
  const word = () =>
    Array.from({ length: 3 + Math.floor(rand() * 3) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join("");
  const extra = Array.from({ length: 6 }, word);
  const e = structuredClone(base);
  e.id = id;
  e.title = `${base.title} ${extra[0]}`.slice(0, 90).trim();
  e.keywords = [...base.keywords, ...extra];
  e.questions = base.questions.map((q) => `${q} ${extra[1]} ${extra[2]}`);
  delete e.supersedes;
  return e;
}

/** A map dir with `total` base entries (the real ones first) and `tenants` overlays of
 * `overlaySize` entries each (a quarter replace a base entry, the rest are new). */
export function writeBenchMap(root, { total, tenants = 0, overlaySize = 20, dir } = {}) {
  const out = dir ?? mkdtempSync(join(tmpdir(), `aanzet-bench-map-${total}-`));
  cpSync(join(root, "map"), out, { recursive: true });
  const real = realEntries(root);
  const rand = rng(42);
  const generated = [];
  for (let i = real.length; i < total; i++) generated.push(clone(real[i % real.length], `gen-${i}`, rand));
  for (let f = 0; f * 500 < generated.length; f++) {
    writeFileSync(
      join(out, "entries", `zz-generated-${String(f).padStart(3, "0")}.yaml`),
      stringify({ entries: generated.slice(f * 500, f * 500 + 500) }),
    );
  }
  const tenantIds = [];
  for (let t = 0; t < tenants; t++) {
    const id = `T0BENCH${String(t).padStart(3, "0")}`;
    tenantIds.push(id);
    const entries = [];
    for (let j = 0; j < overlaySize; j++) {
      const base = real[(t * 7 + j * 13) % real.length];
      if (j < overlaySize / 4) {
        // A local version of a base entry: same id, local wording.
        const local = clone(base, base.id, rand);
        local.local = `Lokaal geregeld in gemeente ${id}.`;
        entries.push(local);
      } else entries.push(clone(base, `lokaal-${t}-${j}`, rand));
    }
    // Replacing the same base entry twice in one overlay would be a duplicate id.
    const seen = new Set();
    const unique = entries.filter((e) => !seen.has(e.id) && seen.add(e.id));
    mkdirSync(join(out, "tenants", id), { recursive: true });
    writeFileSync(join(out, "tenants", id, "lokaal.yaml"), stringify({ entries: unique }));
  }
  return { dir: out, tenants: tenantIds };
}
