// Evaluation of the deterministic answerer on the tuning set and the blind set, side by side
// with a plain BM25 baseline (minisearch, default settings) over the same map fields.
// A question counts as correct when the status matches the expected status(es) and, for
// answered questions, the first primary actor is one of the expected actors.
// Usage: npm run eval [-- --verbose] [-- --file other.jsonl]
// --verbose prints per-question failures of the TUNING set only: the blind set is never
// inspected question by question, so nothing gets tuned on it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";

const root = fileURLToPath(new URL("..", import.meta.url));
const { loadMap } = await import(join(root, "dist/src/content/map-loader.js"));
const { Answerer } = await import(join(root, "dist/src/core/answer/answerer.js"));
const { isValidOn } = await import(join(root, "dist/src/core/map/regulation-map.js"));
const { scrub } = await import(join(root, "dist/src/core/privacy/index.js"));

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const fileArg = args.indexOf("--file");
const today = process.env.AANZET_TODAY ?? "2026-11-22";
const sets =
  fileArg >= 0
    ? [{ name: "file", file: args[fileArg + 1], inspect: true }]
    : [
        { name: "tuning", file: join(root, "test/eval/tuning/questions.jsonl"), inspect: true },
        { name: "blind", file: join(root, "test/eval/blind/questions.jsonl"), inspect: false },
      ].filter((s) => existsSync(s.file));

const { map, problems } = loadMap(join(root, "map"), root);
const errors = problems.filter((p) => p.severity === "error");
if (errors.length) console.error(`warning: map has ${errors.length} errors; evaluating what loaded`);
const answerer = new Answerer(map);
const entries = map.base.filter((e) => isValidOn(e, today));
const primaryOf = (e) => e.aanZet.find((a) => a.role === "primary") ?? e.aanZet[0];

// The baseline: minisearch with default settings over the fields the answerer indexes.
const mini = new MiniSearch({ fields: ["title", "keywords", "questions", "summary", "conditions"], idField: "id" });
mini.addAll(
  entries.map((e) => ({
    id: e.id,
    title: e.title,
    keywords: e.keywords.join(" "),
    questions: e.questions.join(" "),
    summary: e.summary,
    conditions: e.aanZet.map((a) => a.condition).join(" "),
  })),
);
const byId = new Map(entries.map((e) => [e.id, e]));

function ours(text) {
  const { answer } = answerer.answer(scrub(text).text, { today });
  const p = answer.aanZet.find((a) => a.role === "primary");
  return { status: answer.status, actor: p?.actor, law: p?.law ?? null, reason: answer.reason, detail: answer };
}

function baseline(text) {
  const hit = mini.search(scrub(text).text)[0];
  if (!hit) return { status: "abstained" };
  const p = primaryOf(byId.get(hit.id));
  return { status: "answered", actor: p.actor, law: p.law ?? null };
}

function score(questions, run) {
  const m = {
    n: questions.length,
    correct: 0,
    answerable: 0,
    lawN: 0,
    lawOk: 0,
    wrong: 0,
    falseAbstain: 0,
    clarify: 0,
    off: 0,
    offAbstained: 0,
    offReason: 0,
  };
  const failures = [];
  for (const q of questions) {
    const want = Array.isArray(q.expect.status) ? q.expect.status : [q.expect.status];
    const got = run(q.text);
    const answerable = !want.includes("abstained");
    let ok = want.includes(got.status);
    if (ok && got.status === "answered" && q.expect.actors) ok = q.expect.actors.includes(got.actor);
    if (ok) m.correct++;
    else failures.push({ q, got });
    if (answerable) m.answerable++;
    if (got.status === "answered" && !ok) m.wrong++;
    if (answerable && got.status === "abstained") m.falseAbstain++;
    if (got.status === "clarify") m.clarify++;
    if (q.topic === "off-topic") {
      m.off++;
      if (got.status === "abstained") m.offAbstained++;
      if (got.reason === "off-topic") m.offReason++;
    }
    if (got.status === "answered" && ok && Array.isArray(q.expect.laws) && q.expect.laws.length > 0) {
      m.lawN++;
      if (q.expect.laws.includes(got.law)) m.lawOk++;
    }
  }
  return { m, failures };
}

const pct = (a, b) => (b === 0 ? "   -  " : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
console.log(`eval: map ${map.base.length} entries, today ${today}`);
for (const set of sets) {
  const questions = readFileSync(set.file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const a = score(questions, ours);
  const b = score(questions, baseline);
  console.log(`\n${set.name} set: ${questions.length} questions (${a.m.answerable} answerable, ${a.m.off} off-topic)`);
  console.log(`  ${"measure".padEnd(34)} ${"aanzet".padStart(8)} ${"minisearch".padStart(11)}`);
  const row = (label, x, y) => console.log(`  ${label.padEnd(34)} ${x.padStart(8)} ${y.padStart(11)}`);
  row("top-1 (status and actor)", pct(a.m.correct, a.m.n), pct(b.m.correct, b.m.n));
  row("law right (of right answers)", pct(a.m.lawOk, a.m.lawN), pct(b.m.lawOk, b.m.lawN));
  row("confident wrong (answered, wrong)", pct(a.m.wrong, a.m.n), pct(b.m.wrong, b.m.n));
  row("false abstain (of answerable)", pct(a.m.falseAbstain, a.m.answerable), pct(b.m.falseAbstain, b.m.answerable));
  row("clarify asked", pct(a.m.clarify, a.m.n), pct(b.m.clarify, b.m.n));
  row("off-topic abstained", pct(a.m.offAbstained, a.m.off), pct(b.m.offAbstained, b.m.off));
  row("off-topic with reason off-topic", pct(a.m.offReason, a.m.off), "   -  ");
  console.log(`  top-1 counts: aanzet ${a.m.correct}/${a.m.n}, minisearch ${b.m.correct}/${b.m.n}`);
  if (verbose && set.inspect) {
    for (const { q, got } of a.failures) {
      const d = got.detail;
      console.log(
        `  FAIL ${q.id} "${q.text}"\n       want ${[q.expect.status].flat().join("|")} ${q.expect.actors?.join("/") ?? ""}`,
      );
      console.log(
        `       got  ${got.status} ${got.actor ?? ""} ${d.entries.map((e) => `${e.id}:${e.score}`).join(" ")} c=${d.confidence}`,
      );
    }
  }
}
