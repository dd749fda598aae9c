// `npm run bench`: printed figures, not assertions. Sections live in scripts/bench.d/*.mjs and
// run in name order (AANZET_BENCH_ONLY=maps,open-loop picks some). Every figure is the min and
// median of AANZET_BENCH_RUNS (>= 3) runs in fresh processes. AANZET_BENCH_COMPARE=<checkout>
// measures that built checkout ("before") run by run beside this one ("after") in the
// in-process sections, and prints after/before ratios.
//
// Read the figures as absolute on THIS machine (2 shared cores, other work running): they
// are noisy. Ratios (5,000 vs 229 entries, 350 tenants vs none, warm vs cold cache, before vs
// after a change on the same machine state) carry over; absolute milliseconds do not.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = (p) => join(root, "dist/src", p);
const only = process.env.AANZET_BENCH_ONLY?.split(",").map((s) => s.trim());
// Another checkout (e.g. the commit before a change, built) to measure run by run beside this one.
const compare = process.env.AANZET_BENCH_COMPARE;

console.log(`aanzet bench, ${new Date().toISOString()}, node ${process.version}; figures are min / median over runs`);
const dir = join(root, "scripts/bench.d");
for (const f of readdirSync(dir)
  .filter((f) => f.endsWith(".mjs"))
  .sort()) {
  const name = f.replace(/\.mjs$/, "");
  if (only && !only.includes(name)) continue;
  const mod = await import(join(dir, f));
  if (typeof mod.default !== "function") continue;
  const t0 = performance.now();
  console.log(`--- ${name}`);
  try {
    await mod.default({ root, dist, compare });
  } catch (err) {
    console.log(`${name}: failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
