// `npm run bench`: printed figures, not assertions. Answer latency (p50/p99) and throughput
// on the real map and on a synthetic 1,000-entry map, peak RSS, and the cold start of
// `aanzet ask`. Sections from other features append themselves via scripts/bench.d/*.mjs.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = (p) => join(root, "dist/src", p);
const { loadMap } = await import(dist("content/map-loader.js"));
const { Answerer } = await import(dist("core/answer/answerer.js"));
const { RegulationMap } = await import(dist("core/map/regulation-map.js"));
const { EntrySchema } = await import(dist("core/map/schema.js"));
const { scrub } = await import(dist("core/privacy/index.js"));
const { ACTOR_IDS, LAW_IDS } = await import(dist("core/map/vocabulary.js"));

const today = "2026-11-22";
const questions = readFileSync(join(root, "test/eval/tuning/questions.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l).text);

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function measure(label, answerer, qs, rounds) {
  for (const q of qs) answerer.answer(scrub(q).text, { today }); // warm-up (index build, JIT)
  const times = [];
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const q of qs) {
      const t0 = performance.now();
      answerer.answer(scrub(q).text, { today });
      times.push(performance.now() - t0);
    }
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  console.log(
    `${label}: ${times.length} answers, p50 ${pct(times, 50).toFixed(3)} ms, p99 ${pct(times, 99).toFixed(3)} ms, ` +
      `throughput ${Math.round((times.length / total) * 1000)} answers/s (scrub + retrieve + compose, one core)`,
  );
}

// 1. The real map.
const t0 = performance.now();
const { map } = loadMap(join(root, "map"), root);
const real = new Answerer(map);
real.indexFor(undefined);
console.log(`map load + index: ${(performance.now() - t0).toFixed(1)} ms for ${map.base.length} entries`);
measure("real map", real, questions, 20);

// 2. A synthetic 1,000-entry map: real entries cloned with invented words, so the index
// has ~10x the vocabulary and postings of the real one.
const syllables = ["ka", "lo", "me", "ri", "vo", "ste", "pan", "dor", "wi", "gel", "bru", "tem", "fal", "zo", "nie"];
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const word = () =>
  Array.from({ length: 3 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * syllables.length)]).join("");
const synthetic = [];
for (let i = 0; i < 1000; i++) {
  const base = map.base[i % map.base.length];
  const extra = Array.from({ length: 6 }, word);
  synthetic.push(
    EntrySchema.parse({
      ...base,
      id: `${base.id}-syn-${i}`,
      title: `${base.title} ${extra[0]}`,
      keywords: [...base.keywords, ...extra],
      questions: base.questions.map((q) => `${q} ${extra[1]} ${extra[2]}`),
      aanZet: base.aanZet.map((a) => ({
        ...a,
        actor: ACTOR_IDS[i % ACTOR_IDS.length],
        law: LAW_IDS[i % LAW_IDS.length],
      })),
    }),
  );
}
const t1 = performance.now();
const big = new Answerer(new RegulationMap({ entries: synthetic, laws: [], overlays: new Map() }));
big.indexFor(undefined);
console.log(`synthetic map index: ${(performance.now() - t1).toFixed(1)} ms for ${synthetic.length} entries`);
measure("synthetic 1,000-entry map", big, questions, 5);

console.log(`peak RSS (this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);

// 3. Cold start of the CLI: a fresh process answering one question (memory store).
const runs = [];
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      "--disable-warning=ExperimentalWarning",
      join(root, "bin/aanzet.js"),
      "ask",
      "--json",
      "--store",
      "memory://",
      "wie betaalt een traplift?",
    ],
    {
      encoding: "utf8",
      env: { ...process.env, LOG_LEVEL: "silent" },
    },
  );
  runs.push(performance.now() - s);
  if (r.status !== 0) {
    console.log(`cold start run failed: ${r.stderr.split("\n")[0]}`);
    break;
  }
}
runs.sort((a, b) => a - b);
console.log(
  `cold start \`aanzet ask --json\`: median ${pct(runs, 50).toFixed(0)} ms, min ${runs[0].toFixed(0)} ms over ${runs.length} runs`,
);

// 4. Sections contributed by other features.
const extraDir = join(root, "scripts/bench.d");
if (existsSync(extraDir)) {
  for (const f of readdirSync(extraDir)
    .filter((f) => f.endsWith(".mjs"))
    .sort()) {
    const mod = await import(join(extraDir, f));
    if (typeof mod.default === "function") await mod.default({ root, dist });
  }
}
