// `npm run bench` section: the optional LLM path against a loopback OpenAI-compatible fake.
// Token use per answer (from the bot's own `llm.usage` log lines; the fake counts ~4 characters
// per token) and the latency the LLM step adds on top of the deterministic answer. The fake
// answers at once, so the added latency is the bot's own cost (prompt building, HTTP on
// loopback, grounding check); a second run with a fake that never answers shows the budget cap.
import { join } from "node:path";
import { readFileSync } from "node:fs";

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function captureLog(lines) {
  const log = {
    info: (obj) => lines.push(obj),
    warn: (obj) => lines.push(obj),
    error: (obj) => lines.push(obj),
    debug: () => {},
    child: () => log,
  };
  return log;
}

export default async function llmBench({ root, dist }) {
  const { startFakeOpenAi } = await import(join(root, "test/llm/fake-openai.mjs"));
  const { createApp } = await import(dist("app.js"));
  const { loadConfig } = await import(dist("config.js"));
  const { openStore } = await import(dist("store/open-store.js"));
  const questions = readFileSync(join(root, "test/eval/tuning/questions.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l).text);
  const fake = await startFakeOpenAi();
  const base = {
    AANZET_STORE: "memory://",
    AANZET_TODAY: "2026-11-22",
    AANZET_PSEUDONYM_SECRET: "bench-secret-0123456789",
    LOG_LEVEL: "silent",
  };
  const llmEnv = (budget) => ({
    ...base,
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_API_KEY: "bench",
    AANZET_LLM_BUDGET_MS: String(budget),
  });
  const open = async (env, lines) =>
    createApp(loadConfig(env), { log: captureLog(lines), store: await openStore("memory://") });
  let n = 0;
  const turn = (text) => ({
    id: `b${++n}`,
    channel: "console",
    tenant: "t1",
    team: "bench",
    thread: `b${n}`,
    user: "U1",
    role: "worker",
    text,
    direct: true,
  });
  const time = async (app, text) => {
    const t0 = performance.now();
    await app.bot.handle(turn(text));
    return performance.now() - t0;
  };

  const plainLines = [];
  const lines = [];
  const plain = await open(base, plainLines);
  const withLlm = await open(llmEnv(2500), lines);
  try {
    for (const q of questions.slice(0, 10)) {
      await time(plain, q);
      await time(withLlm, q);
    }
    lines.length = 0;
    fake.requests.length = 0;
    const added = [];
    for (const q of questions) {
      const a = await time(plain, q);
      const b = await time(withLlm, q);
      added.push(Math.max(0, b - a));
    }
    added.sort((x, y) => x - y);
    const usage = lines.filter((l) => l.event === "llm.usage");
    const failed = lines.filter((l) => l.code === "LLM_FAILED");
    const mean = (k) => (usage.length ? usage.reduce((s, u) => s + u[k], 0) / usage.length : 0);
    const phrased = usage.filter((u) => u.phrased).length;
    const rewritten = usage.filter((u) => u.rewritten).length;
    console.log(
      `llm (loopback fake): ${questions.length} questions, ${usage.length} used the LLM (${phrased} phrased, ${rewritten} rewritten, ${failed.length} fell back), ` +
        `mean ${mean("calls").toFixed(2)} calls, ${mean("promptTokens").toFixed(0)} prompt + ${mean("completionTokens").toFixed(0)} completion tokens per answer`,
    );
    console.log(
      `llm added latency (fake answers at once): p50 ${pct(added, 50).toFixed(1)} ms, p99 ${pct(added, 99).toFixed(1)} ms`,
    );
  } finally {
    await withLlm.close();
  }

  // A fake that never answers: every question must still come back within the budget.
  const slowLines = [];
  const budget = 500;
  const slow = await open(llmEnv(budget), slowLines);
  await time(slow, questions[0]); // warm-up: the tenant's map index is built on first use
  fake.chat = () => ({ delayMs: 10_000, content: "{}" });
  try {
    const added = [];
    for (const q of questions.slice(0, 12)) {
      const a = await time(plain, q);
      const b = await time(slow, q);
      added.push(Math.max(0, b - a));
    }
    added.sort((x, y) => x - y);
    console.log(
      `llm added latency with a hanging endpoint (budget ${budget} ms): p50 ${pct(added, 50).toFixed(0)} ms, p99 ${pct(added, 99).toFixed(0)} ms, max ${added.at(-1).toFixed(0)} ms`,
    );
  } finally {
    await slow.close();
    await plain.close();
    await fake.close();
  }
}
