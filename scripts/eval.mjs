// Top-1 accuracy of the deterministic answerer on test/eval/tuning/questions.jsonl.
// A question counts as correct when the status matches the expected status(es) and, for
// answered questions, the first primary actor is one of the expected actors.
// Usage: npm run eval [-- --verbose] [-- --file other.jsonl]
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const { loadMap } = await import(join(root, "dist/src/content/map-loader.js"));
const { Answerer } = await import(join(root, "dist/src/core/answer/answerer.js"));
const { scrub } = await import(join(root, "dist/src/core/privacy/index.js"));

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const fileArg = args.indexOf("--file");
const file = fileArg >= 0 ? args[fileArg + 1] : join(root, "test/eval/tuning/questions.jsonl");
const today = process.env.AANZET_TODAY ?? "2026-11-22";

const { map, problems } = loadMap(join(root, "map"), root);
const errors = problems.filter((p) => p.severity === "error");
if (errors.length) console.error(`warning: map has ${errors.length} errors; evaluating what loaded`);
const answerer = new Answerer(map);
const lines = readFileSync(file, "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l));

let correct = 0;
const byStatus = {};
const failures = [];
for (const q of lines) {
  const { answer } = answerer.answer(scrub(q.text).text, { today });
  const want = Array.isArray(q.expect.status) ? q.expect.status : [q.expect.status];
  const primary = answer.aanZet.find((a) => a.role === "primary")?.actor;
  let ok = want.includes(answer.status);
  if (ok && answer.status === "answered" && q.expect.actors) ok = q.expect.actors.includes(primary);
  if (ok && answer.status === "clarify" && q.expect.actors && !want.includes("clarify")) ok = false;
  const key = `${want.join("|")} -> ${answer.status}`;
  byStatus[key] = (byStatus[key] ?? 0) + 1;
  if (ok) correct++;
  else
    failures.push({
      id: q.id,
      text: q.text,
      want: `${want.join("|")} ${q.expect.actors?.join("/") ?? ""}`,
      got: `${answer.status} ${primary ?? ""} ${answer.entries.map((e) => `${e.id}:${e.score}`).join(" ")} c=${answer.confidence}`,
    });
}
const answerable = lines.filter(
  (q) => !(Array.isArray(q.expect.status) ? q.expect.status : [q.expect.status]).includes("abstained"),
);
const wrongConfident = failures.filter((f) => f.got.startsWith("answered") && !f.want.startsWith("abstained")).length;
console.log(`eval: ${lines.length} questions, map ${map.base.length} entries, today ${today}`);
for (const [k, v] of Object.entries(byStatus).sort()) console.log(`  ${k}: ${v}`);
console.log(`  answered with the wrong actor: ${wrongConfident}`);
console.log(
  `top-1 accuracy: ${(correct / lines.length).toFixed(3)} (${correct}/${lines.length}); answerable: ${answerable.length}`,
);
if (verbose)
  for (const f of failures) console.log(`  FAIL ${f.id} "${f.text}"\n       want ${f.want}\n       got  ${f.got}`);
