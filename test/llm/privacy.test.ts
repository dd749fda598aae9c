// Only scrubbed text ever reaches the LLM endpoint: the privacy corpus (messages full of BSNs,
// IBANs, phone numbers, e-mail addresses, names, addresses and birth dates) goes through the
// bot with the LLM on and the embedder wired as the learning loop uses it; the fake records
// every request, and none may hold any of those items.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { containsPii } from "../../src/core/privacy/index.js";
import { ROOT } from "../helpers/cli.js";
import { startFakeOpenAi, type FakeOpenAi } from "./fake-openai.mjs";
import { ask, llmEnv, makeApp, q } from "./harness.js";

interface CorpusLine {
  text: string;
  expect: Record<string, number>;
  pii: string[];
}

const corpus = readFileSync(join(ROOT, "test/fixtures/privacy/corpus.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as CorpusLine)
  .filter((c) => c.pii.length > 0);

let fake: FakeOpenAi;
let app: App;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  ({ app } = await makeApp(llmEnv(fake)));
  // As the learning loop does: every logged question (answered or overheard) is embedded.
  app.bot.onQuestion(async (rec) => {
    await app.llm!.embedder.embed(rec.text, rec.tenant);
  });
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

/** Every string the endpoint received: message contents and embedding inputs. */
function sentTexts(): string[] {
  const out: string[] = [];
  for (const r of fake.requests) {
    for (const m of r.body.messages ?? []) out.push(String(m.content));
    const input = r.body.input;
    if (input !== undefined) out.push(...(Array.isArray(input) ? input : [input]).map(String));
  }
  return out;
}

describe("privacy towards the LLM endpoint", () => {
  it("never sends a BSN, IBAN, phone number, e-mail address, name, address or birth date", async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    const hard = corpus.filter((c) => ["bsn", "iban", "phone", "email"].some((k) => (c.expect[k] ?? 0) > 0));
    expect(hard.length).toBeGreaterThanOrEqual(100);
    for (const [i, c] of corpus.entries()) {
      // Overheard messages are only embedded; direct questions are also rewritten or phrased.
      if (i % 4 === 0) await app.bot.handle(q(c.text, { direct: false }));
      else await ask(app, q(c.text));
    }
    const chats = fake.requests.filter((r) => r.path.endsWith("/chat/completions"));
    const embeds = fake.requests.filter((r) => r.path.endsWith("/embeddings"));
    expect(chats.length).toBeGreaterThan(100);
    expect(embeds.length).toBeGreaterThan(100);
    // Not vacuous: the workers' questions did go out, with placeholders where the data was.
    const questions = chats.map((r) =>
      String(r.body.messages.find((m: { role: string }) => m.role === "user")?.content ?? ""),
    );
    expect(questions.filter((t) => /\[(BSN|IBAN|TELEFOON|EMAIL)\]/.test(t)).length).toBeGreaterThan(50);

    const raw = fake.requests.map((r) => r.raw).join("\n");
    const leaked = corpus.flatMap((c) => c.pii.filter((p) => raw.includes(p)));
    expect(leaked).toEqual([]);
    const flagged = sentTexts().filter((t) => containsPii(t));
    expect(flagged).toEqual([]);
  });
});
