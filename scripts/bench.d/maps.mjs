// Maps of 229 (the real one), 1,000 and 5,000 entries, written as YAML on disk. Per size, in
// fresh processes: map load (parse + validate, or the compiled cache) + index build, answer
// p50/p99 on the tuning questions, RSS; and the cold start of `aanzet ask --json` with a cold
// and a warm compiled-map cache. Min and median over RUNS runs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBenchMap } from "./lib/gen-map.mjs";
import { RUNS, minMed, runJson } from "./lib/stats.mjs";

function coldStart(root, mapDir, cacheDir, fresh) {
  if (fresh) rmSync(cacheDir, { recursive: true, force: true });
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
      env: { ...process.env, LOG_LEVEL: "silent", AANZET_MAP_DIR: mapDir, AANZET_MAP_CACHE_DIR: cacheDir },
    },
  );
  const ms = performance.now() - s;
  if (r.status !== 0) throw new Error(`aanzet ask failed: ${r.stderr.split("\n")[0]}`);
  if (!/"status":\s*"answered"/.test(r.stdout)) throw new Error("aanzet ask did not answer the traplift question");
  return ms;
}

export default async function maps({ root }) {
  const script = join(root, "scripts/bench.d/lib/answer-run.mjs");
  const sizes = [
    ["229 (real map)", join(root, "map"), undefined],
    ["1,000", undefined, 1000],
    ["5,000", undefined, 5000],
  ];
  for (const [label, real, total] of sizes) {
    const dir = real ?? writeBenchMap(root, { total }).dir;
    const cacheDir = mkdtempSync(join(tmpdir(), "aanzet-bench-cache-"));
    try {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(runJson(script, [root, dir, "", label.startsWith("229") ? "20" : "5"]));
      console.log(
        `map ${label}: ${runs[0].entries} entries; load from YAML ${minMed(
          runs.map((r) => r.loadMs),
          0,
        )}, ` +
          `index ${minMed(
            runs.map((r) => r.indexMs),
            0,
          )}; answer p50 ${minMed(
            runs.map((r) => r.p50),
            3,
          )}, ` +
          `p99 ${minMed(
            runs.map((r) => r.p99),
            3,
          )} (${runs[0].answers} answers/run); ` +
          `RSS ${minMed(
            runs.map((r) => r.rssMiB),
            0,
            " MiB",
          )}`,
      );
      const cold = [];
      const warm = [];
      for (let i = 0; i < RUNS; i++) cold.push(coldStart(root, dir, cacheDir, true));
      coldStart(root, dir, cacheDir, false);
      for (let i = 0; i < RUNS; i++) warm.push(coldStart(root, dir, cacheDir, false));
      console.log(
        `map ${label}: cold start \`aanzet ask --json\` (fresh process, memory store): cold cache ${minMed(cold, 0)}, warm cache ${minMed(warm, 0)}`,
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
      if (!real) rmSync(dir, { recursive: true, force: true });
    }
  }
}
