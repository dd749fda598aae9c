// The LLM path through the real bot (createApp with the loopback fake as endpoint): grounded
// phrasing, query understanding, and silent fallback to the deterministic answer on 429,
// slowness, garbage and ungrounded text. Without an LLM, answers are byte-identical.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { clarifyKey } from "../../src/core/clarify.js";
import { learningServices } from "../../src/core/learning/index.js";
import { embeddingKey } from "../../src/core/llm/embedder.js";
import type { Reply } from "../../src/core/types.js";
import { ROOT } from "../helpers/cli.js";
import { groundedPhrase, startFakeOpenAi, type FakeOpenAi } from "./fake-openai.mjs";
import { ask, json, llmEnv, makeApp, q, type CaptureLog } from "./harness.js";

let fake: FakeOpenAi;
let plain: App;
let app: App;
let log: CaptureLog;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  plain = (await makeApp()).app;
  ({ app, log } = await makeApp(llmEnv(fake)));
});
afterAll(async () => {
  await app.close();
  await plain.close();
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  log.lines.length = 0;
});

const TRAPLIFT = "wie betaalt een traplift?";
// No age: the answerer asks "Hoe oud is de persoon?"; the rewrite (a girl of 15) settles it.
const MESSY = "huisarts wil verwijzen naar ggz voor depressie. wie betaalt de behandeling?";

/** Everything but the text must be the deterministic answer's. */
function sameFields(a: Reply, b: Reply): void {
  const strip = (r: Reply) => ({ ...(JSON.parse(json(r)) as Record<string, unknown>), answer: undefined });
  expect(strip(a)).toEqual(strip(b));
}

function failures(): Array<Record<string, unknown>> {
  return log.find("LLM_FAILED").map((l) => l.obj);
}

describe("grounded phrasing", () => {
  it("uses the fake's text when it passes the grounding check, and keeps every other field", async () => {
    const det = await ask(plain, q(TRAPLIFT));
    const r = await ask(app, q(TRAPLIFT));
    const sent = JSON.parse(groundedPhrase(fake.requests[0]!.body)).antwoord as string;
    expect(r.answer?.answer).toBe(sent);
    expect(r.text).toBe(sent);
    expect(r.text).not.toBe(det.text);
    sameFields(r, det);
    const usage = log.find("llm.usage")[0]!.obj;
    expect(usage).toMatchObject({ calls: 1, phrased: true, rewritten: false });
    expect(usage.promptTokens).toBeGreaterThan(100);
    expect(usage.completionTokens).toBeGreaterThan(0);
    expect(failures()).toEqual([]);
  });

  it("keeps the deterministic caveats (local policy, low confidence) under a phrased answer", async () => {
    const questions = readFileSync(join(ROOT, "test/eval/tuning/questions.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { text: string }).text);
    let checked = 0;
    for (const text of questions) {
      const det = await ask(plain, q(text));
      const caveats = det.text.split("\n").filter((l) => /^(Let op:|Ik weet niet zeker)/.test(l));
      if (det.answer?.status !== "answered" || caveats.length === 0) continue;
      const r = await ask(app, q(text));
      if (r.text === det.text) continue; // phrasing rejected for this one: nothing to check
      expect(r.text.split("\n").slice(-caveats.length)).toEqual(caveats);
      if (++checked >= 5) break;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it("falls back when the text cites a law that is not in the entry", async () => {
    fake.chat = (ctx) => {
      const { antwoord } = JSON.parse(groundedPhrase(ctx.body)) as { antwoord: string };
      return { content: JSON.stringify({ antwoord: `${antwoord} Dit staat ook in de Participatiewet.` }) };
    };
    const det = await ask(plain, q(TRAPLIFT));
    const r = await ask(app, q(TRAPLIFT));
    expect(json(r)).toBe(json(det));
    expect(failures()).toEqual([
      expect.objectContaining({ reason: "ungrounded", detail: "law:participatiewet", task: "phrase" }),
    ]);
  });

  it("falls back on a 429, garbage JSON, a refusal and 'dat weet ik niet'", async () => {
    const det = json(await ask(plain, q(TRAPLIFT)));
    const cases: Array<[FakeOpenAi["chat"], string]> = [
      [() => ({ status: 429, headers: { "retry-after-ms": "5" } }), "rate_limited"],
      [() => ({ content: '{"antwoord": "Gemeente - Wmo is aan zet' }), "malformed"],
      [() => ({ content: '{"answer": "Gemeente - Wmo is aan zet."}' }), "malformed"],
      [() => ({ raw: "Internal proxy error" }), "malformed"],
      [() => ({ refusal: "Ik kan hier niet bij helpen." }), "refusal"],
      [() => ({ content: '{"antwoord": "Dat weet ik niet."}' }), "refusal"],
    ];
    for (const [behaviour, reason] of cases) {
      log.lines.length = 0;
      fake.chat = behaviour;
      const r = await ask(app, q(TRAPLIFT));
      expect(json(r), reason).toBe(det);
      expect(
        failures().map((f) => f.reason),
        reason,
      ).toEqual([reason]);
    }
  });

  it("logs usage and failures with codes and numbers only, never text", async () => {
    fake.chat = () => ({ content: '{"antwoord": "De SVB betaalt de traplift van mevrouw."}' });
    await ask(app, q(`${TRAPLIFT} mevrouw heeft haast`));
    fake.reset();
    await ask(app, q(TRAPLIFT));
    const dump = JSON.stringify(log.lines);
    expect(dump).not.toMatch(/traplift|mevrouw|SVB betaalt|haast/i);
    expect(log.find("LLM_FAILED").length + log.find("llm.usage").length).toBeGreaterThan(1);
  });
});

describe("latency", () => {
  it("never delays an answer beyond the budget, whatever the endpoint does", async () => {
    const { app: tight, log: tightLog } = await makeApp(llmEnv(fake, 300));
    // The learning loop's use of the embedder, in the same turn: it shares the budget.
    tight.bot.onQuestion(async (rec) => {
      await tight.llm!.embedder.embed(rec.text, rec.tenant);
    });
    await ask(tight, q("warm-up: de kaartindex wordt bij de eerste vraag gebouwd"));
    tightLog.lines.length = 0;
    fake.chat = () => ({ delayMs: 5000, content: "{}" });
    fake.embed = () => ({ delayMs: 5000, json: {} });
    try {
      for (const text of [TRAPLIFT, MESSY]) {
        const det = await ask(plain, q(text));
        const t0 = performance.now();
        const r = await ask(tight, q(text));
        const ms = performance.now() - t0;
        // The endpoint takes 5 s; finishing far below that proves the 300 ms budget cut it off.
        // The margin is wide because the suite shares two cores with other test files.
        expect(ms, text).toBeLessThan(300 + 900);
        expect(json(r)).toBe(json(det));
      }
      const reasons = tightLog.find("LLM_FAILED").map((l) => `${String(l.obj.task)}:${String(l.obj.reason)}`);
      expect(reasons).toContain("phrase:budget");
      expect(reasons).toContain("rewrite:budget");
      expect(reasons.filter((r) => r.startsWith("embed:")).every((r) => r === "embed:budget")).toBe(true);
    } finally {
      await tight.close();
    }
  });
});

describe("query understanding", () => {
  it("settles a low-confidence clarify with a rewritten question, keeping the worker's question", async () => {
    const det = await ask(plain, q(MESSY));
    expect(det.answer?.status).toBe("clarify");
    fake.chat = (ctx) =>
      ctx.task === "rewrite"
        ? {
            content: JSON.stringify({
              vraag:
                "Een meisje van 15 met een depressie wordt door de huisarts verwezen naar de ggz. Wie betaalt de behandeling?",
              behoefte: "ggz-behandeling",
              leeftijdsgroep: "kind",
              situatie: "depressie, verwijzing huisarts",
            }),
          }
        : { content: groundedPhrase(ctx.body) };
    const t = q(MESSY);
    const r = await ask(app, t);
    expect(r.answer?.status).toBe("answered");
    expect(r.answer?.entries[0]?.id).toBe("jeugd-ggz-onder-18");
    expect(r.answer?.aanZet[0]?.actor).toBe("gemeente-jeugd");
    expect(r.answer?.confidence).toBeGreaterThan(det.answer!.confidence);
    expect(r.answer?.question).toBe(det.answer?.question);
    // The rewrite went out as data, with the scrubbed question only.
    const rewrite = fake.requests.find((x) => x.body.messages?.[0]?.content.includes('"leeftijdsgroep"'))!;
    expect(JSON.parse(rewrite.body.messages[1].content)).toEqual({ vraag: det.answer?.question });
    // No clarify question left waiting in the thread.
    expect(await app.store.get(clarifyKey(t))).toBeUndefined();
    expect(log.find("llm.usage")[0]!.obj).toMatchObject({ rewritten: true, phrased: true, calls: 2 });
  });

  it("keeps the deterministic answer when the rewrite is not better", async () => {
    const det = await ask(plain, q(MESSY));
    const r = await ask(app, q(MESSY)); // the default fake echoes the question unchanged
    expect(json(r)).toBe(json(det));
  });
});

describe("embeddings", () => {
  it("embeds the scrubbed question once and caches it per tenant", async () => {
    const e = app.llm!.embedder;
    const text = "wie betaalt een traplift voor [NAAM]?";
    const v = await e.embed(text, "t1");
    expect(v).toHaveLength(16);
    expect(await app.store.get(embeddingKey("t1", text))).toEqual(v);
    expect(await e.embed(text, "t1")).toEqual(v);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body).toMatchObject({ model: "fake-embed", encoding_format: "float", input: [text] });
    await e.embed(text, "t2");
    expect(fake.requests).toHaveLength(2);
  });

  it("plugs into the learning loop's pattern detector as its QuestionEmbedder", async () => {
    const { detector } = learningServices(app.bot, { embedder: app.llm!.embedder });
    const rec = (id: string, text: string) => ({
      id: `console:${id}`,
      messageId: id,
      tenant: "t1",
      team: "noord",
      user: "u_x",
      thread: id,
      channel: "console" as const,
      text,
      status: "abstained" as const,
      entries: [],
      actors: [],
      laws: [],
      at: "2026-11-22T10:00:00.000Z",
    });
    const text = "client krijgt geen traplift van de gemeente omdat verhuizen goedkoper is, wat nu";
    await detector.observe(rec("e1", text));
    await detector.observe(rec("e2", text));
    const embeds = fake.requests.filter((r) => r.path.endsWith("/embeddings"));
    expect(embeds).toHaveLength(1);
    expect(embeds[0]!.body.input).toEqual([text]);
  });

  it("returns undefined (lexical grouping only) when the endpoint fails", async () => {
    fake.embed = () => ({ status: 400 });
    expect(await app.llm!.embedder.embed("schuldhulp bij de gemeente", "t1")).toBeUndefined();
    expect(failures()).toEqual([expect.objectContaining({ task: "embed", reason: "http", detail: "400" })]);
  });
});

describe("without an LLM", () => {
  it("answers byte-identically to an app whose LLM always fails", async () => {
    const questions = readFileSync(join(ROOT, "test/eval/tuning/questions.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { text: string }).text);
    const modes: Array<FakeOpenAi["chat"]> = [
      () => ({ status: 500, headers: { "retry-after-ms": "0" } }),
      () => ({ status: 429, headers: { "retry-after-ms": "0" } }),
      () => ({ status: 400 }),
      () => ({ content: "geen json" }),
      () => ({ refusal: "nee" }),
      () => ({ content: '{"antwoord": "Volgens de Armenwet betaalt niemand iets."}' }),
      () => ({ content: '{"vraag": "wie betaalt een traplift?"}' }),
    ];
    let i = 0;
    fake.chat = (ctx) => modes[i++ % modes.length]!(ctx);
    expect(plain.llm).toBeUndefined();
    let n = 0;
    for (const text of questions) {
      const thread = `same-${n++}`;
      const a = await ask(plain, q(text, { thread }));
      const b = await ask(app, q(text, { thread }));
      expect(json(b), text).toBe(json(a));
      expect(b.text).toBe(a.text);
      if (a.answer?.status === "clarify") {
        const a2 = await ask(plain, q("2", { thread }));
        const b2 = await ask(app, q("2", { thread }));
        expect(json(b2)).toBe(json(a2));
      }
    }
    expect(fake.requests.length).toBeGreaterThan(questions.length / 2);
    expect(log.find("llm.usage").every((l) => l.obj.phrased === false && l.obj.rewritten === false)).toBe(true);
  });
});
