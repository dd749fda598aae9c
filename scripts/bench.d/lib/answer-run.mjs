// One bench run in a fresh process: load a map dir from YAML (parse + validate), build the
// index, answer the tuning questions (per tenant when tenants are given) and print one JSON
// line: load and index time, answer p50/p99 (scrub + retrieve + compose) and this process's RSS.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [, , root, mapDir, tenantsArg = "", roundsArg = "5"] = process.argv;
const dist = (p) => join(root, "dist/src", p);
const { loadMap } = await import(dist("content/map-loader.js"));
const { Answerer } = await import(dist("core/answer/answerer.js"));
const { scrub } = await import(dist("core/privacy/index.js"));

const today = "2026-11-22";
const questions = readFileSync(join(root, "test/eval/tuning/questions.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((l) => scrub(JSON.parse(l).text).text);
const tenants = tenantsArg ? tenantsArg.split(",") : [undefined];

const t0 = performance.now();
const { map } = loadMap(mapDir, root);
const loadMs = performance.now() - t0;
const answerer = new Answerer(map);
const t1 = performance.now();
for (const t of tenants) answerer.indexFor(t);
const indexMs = performance.now() - t1;
const rssAfterIndex = process.memoryUsage().rss;
// Warm-up (JIT), then the measured rounds; with tenants, each question goes to the next tenant.
let k = 0;
for (const q of questions) answerer.answer(q, { today, tenant: tenants[k++ % tenants.length] });
const times = [];
const rounds = Number(roundsArg);
for (let r = 0; r < rounds; r++) {
  for (const q of questions) {
    const tenant = tenants[k++ % tenants.length];
    const s = performance.now();
    answerer.answer(q, { today, tenant });
    times.push(performance.now() - s);
  }
}
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
console.log(
  JSON.stringify({
    entries: map.base.length,
    tenants: tenants[0] === undefined ? 0 : tenants.length,
    loadMs,
    indexMs,
    p50: pct(50),
    p99: pct(99),
    answers: times.length,
    rssMiB: rssAfterIndex / 2 ** 20,
  }),
);
