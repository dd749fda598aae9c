// The openai-backed LlmPort against the loopback fake: the real SDK code path, the budget
// arithmetic, and how every kind of failure becomes an LlmFailure with a reason.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LlmFailure } from "../../src/core/llm/port.js";
import { OpenAiLlm, retryPlan } from "../../src/llm/openai-llm.js";
import { startFakeOpenAi, type FakeOpenAi } from "./fake-openai.mjs";

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => fake.close());
beforeEach(() => fake.reset());

function llm(budgetMs = 2500): OpenAiLlm {
  return new OpenAiLlm({ baseUrl: fake.baseUrl, apiKey: "k", model: "fake-chat", embedModel: "fake-embed", budgetMs });
}

const msgs = [
  { role: "system" as const, content: "regels" },
  { role: "user" as const, content: JSON.stringify({ vraag: "wie betaalt een traplift?" }) },
];

async function failure(p: Promise<unknown>): Promise<LlmFailure> {
  try {
    await p;
  } catch (err) {
    if (err instanceof LlmFailure) return err;
    throw err;
  }
  throw new Error("expected an LlmFailure");
}

describe("retry plan", () => {
  it("keeps (retries + 1) x timeout within every budget", () => {
    for (const budget of [100, 300, 999, 1000, 1999, 2000, 2500, 5000, 30_000]) {
      const { maxRetries, timeoutMs } = retryPlan(budget);
      expect((maxRetries + 1) * timeoutMs).toBeLessThanOrEqual(budget);
      expect(timeoutMs).toBeGreaterThan(0);
    }
    expect(retryPlan(2500)).toEqual({ maxRetries: 1, timeoutMs: 1250 });
    expect(retryPlan(300)).toEqual({ maxRetries: 0, timeoutMs: 300 });
  });
});

describe("OpenAiLlm.chat", () => {
  it("returns the model's text and token usage, asking for a JSON object", async () => {
    fake.chat = () => ({ content: '{"antwoord":"ok"}' });
    const res = await llm().chat(msgs, { budgetMs: 2500, json: true, maxTokens: 50 });
    expect(res.text).toBe('{"antwoord":"ok"}');
    expect(res.usage.promptTokens).toBeGreaterThan(0);
    expect(res.usage.completionTokens).toBeGreaterThan(0);
    const body = fake.requests[0]!.body;
    expect(body.model).toBe("fake-chat");
    expect(body.response_format).toEqual({ type: "json_object" });
    expect(body.max_tokens).toBe(50);
    expect(body.stream).toBeFalsy();
  });

  it("turns a 429 into rate_limited after one retry", async () => {
    fake.chat = () => ({ status: 429, headers: { "retry-after-ms": "10" } });
    const err = await failure(llm(2500).chat(msgs, { budgetMs: 2500 }));
    expect(err.reason).toBe("rate_limited");
    expect(err.code).toBe("LLM_FAILED");
    expect(fake.requests).toHaveLength(2);
  });

  it("stops a slow endpoint at the budget, retries included", async () => {
    fake.chat = () => ({ delayMs: 5000, content: "{}" });
    let t0 = performance.now();
    let err = await failure(llm(300).chat(msgs, { budgetMs: 300 }));
    expect(performance.now() - t0).toBeLessThan(300 + 150);
    expect(["budget", "timeout"]).toContain(err.reason);
    // 2.5 s: two attempts of 1.25 s (the SDK retries the timeout), never more in total.
    fake.requests.length = 0;
    t0 = performance.now();
    err = await failure(llm(2500).chat(msgs, { budgetMs: 2500 }));
    expect(performance.now() - t0).toBeLessThan(2500 + 200);
    expect(["budget", "timeout"]).toContain(err.reason);
    expect(fake.requests).toHaveLength(2);
  });

  it("reports refusals, cut-off replies, empty content and a garbage body", async () => {
    fake.chat = () => ({ refusal: "Daar help ik niet mee." });
    expect((await failure(llm().chat(msgs, { budgetMs: 2500 }))).reason).toBe("refusal");
    fake.chat = () => ({ content: "{}", finishReason: "content_filter" });
    expect((await failure(llm().chat(msgs, { budgetMs: 2500 }))).reason).toBe("refusal");
    fake.chat = () => ({ content: '{"antwoord":"Gemeente', finishReason: "length" });
    expect((await failure(llm().chat(msgs, { budgetMs: 2500 }))).reason).toBe("too_long");
    fake.chat = () => ({ content: "  " });
    expect((await failure(llm().chat(msgs, { budgetMs: 2500 }))).reason).toBe("malformed");
    fake.chat = () => ({ raw: "<html>proxy error</html>" });
    expect((await failure(llm().chat(msgs, { budgetMs: 2500 }))).reason).toBe("malformed");
    fake.chat = () => ({ status: 400 });
    const bad = await failure(llm().chat(msgs, { budgetMs: 2500 }));
    expect(bad.reason).toBe("http");
    expect(bad.detail).toBe("400");
  });

  it("fails fast with connection when nothing listens", async () => {
    const dead = new OpenAiLlm({ baseUrl: "http://127.0.0.1:9/v1", model: "m", embedModel: "e", budgetMs: 500 });
    const t0 = performance.now();
    const err = await failure(dead.chat(msgs, { budgetMs: 500 }));
    expect(["connection", "budget"]).toContain(err.reason);
    expect(performance.now() - t0).toBeLessThan(500 + 150);
  });
});

describe("OpenAiLlm.embed", () => {
  it("asks for float vectors and returns one per text, in order", async () => {
    const res = await llm().embed(["eerste vraag", "tweede vraag"], { budgetMs: 2500 });
    expect(res.vectors).toHaveLength(2);
    expect(res.vectors[0]).toHaveLength(16);
    expect(res.vectors[0]).not.toEqual(res.vectors[1]);
    const body = fake.requests[0]!.body;
    expect(body.encoding_format).toBe("float");
    expect(body.model).toBe("fake-embed");
    expect(body.input).toEqual(["eerste vraag", "tweede vraag"]);
  });

  it("rejects a reply with the wrong number of vectors as malformed", async () => {
    fake.embed = () => ({ json: { object: "list", data: [], usage: { prompt_tokens: 1, total_tokens: 1 } } });
    expect((await failure(llm().embed(["x"], { budgetMs: 2500 }))).reason).toBe("malformed");
  });
});
