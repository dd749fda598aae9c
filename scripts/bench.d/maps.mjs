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

/** The checkouts to measure: with AANZET_BENCH_COMPARE=<other checkout>, that one ("before")
 * and this one ("after"), run by run in turn, so both see the same machine load. */
export function checkouts(root, compare) {
  return compare
    ? [
        ["before", compare],
        ["after", root],
      ]
    : [["", root]];
}

function ratio(before, after) {
  const med = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  return (med(after) / med(before)).toFixed(2);
}

export default async function maps({ root, compare }) {
  const script = join(root, "scripts/bench.d/lib/answer-run.mjs");
  const sides = checkouts(root, compare);
  const sizes = [
    ["229 (real map)", join(root, "map"), undefined],
    ["1,000", undefined, 1000],
    ["5,000", undefined, 5000],
  ];
  for (const [label, real, total] of sizes) {
    const dir = real ?? writeBenchMap(root, { total }).dir;
    const cacheDir = mkdtempSync(join(tmpdir(), "aanzet-bench-cache-"));
    try {
      const runs = new Map(sides.map(([name]) => [name, []]));
      const cold = new Map(sides.map(([name]) => [name, []]));
      const warm = new Map(sides.map(([name]) => [name, []]));
      for (let i = 0; i < RUNS; i++)
        for (const [name, r] of sides)
          runs.get(name).push(runJson(script, [r, dir, "", label.startsWith("229") ? "20" : "5"]));
      for (let i = 0; i < RUNS; i++)
        for (const [name, r] of sides) cold.get(name).push(coldStart(r, dir, cacheDir, true));
      for (const [, r] of sides) coldStart(r, dir, cacheDir, false);
      for (let i = 0; i < RUNS; i++)
        for (const [name, r] of sides) {
          coldStart(r, dir, cacheDir, false);
          warm.get(name).push(coldStart(r, dir, cacheDir, false));
        }
      for (const [name] of sides) {
        const rs = runs.get(name);
        const tag = name ? ` [${name}]` : "";
        console.log(
          `map ${label}${tag}: ${rs[0].entries} entries; load from YAML ${minMed(
            rs.map((r) => r.loadMs),
            0,
          )}, ` +
            `index build ${minMed(
              rs.map((r) => r.indexMs),
              0,
            )}; answer p50 ${minMed(
              rs.map((r) => r.p50),
              3,
            )}, ` +
            `p99 ${minMed(
              rs.map((r) => r.p99),
              3,
            )} (${rs[0].answers} answers/run); RSS ${minMed(
              rs.map((r) => r.rssMiB),
              0,
              " MiB",
            )}`,
        );
        console.log(
          `map ${label}${tag}: cold start \`aanzet ask --json\` (fresh process, memory store): cold cache ${minMed(cold.get(name), 0)}, warm cache ${minMed(warm.get(name), 0)}`,
        );
      }
      if (compare) {
        const b = runs.get("before");
        const a = runs.get("after");
        console.log(
          `map ${label}: ratios after/before (medians, same machine state): answer p50 ${ratio(
            b.map((r) => r.p50),
            a.map((r) => r.p50),
          )}, ` +
            `p99 ${ratio(
              b.map((r) => r.p99),
              a.map((r) => r.p99),
            )}, index build ${ratio(
              b.map((r) => r.indexMs),
              a.map((r) => r.indexMs),
            )}, ` +
            `cold start warm cache ${ratio(warm.get("before"), warm.get("after"))}`,
        );
      }
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
      if (!real) rmSync(dir, { recursive: true, force: true });
    }
  }
}
