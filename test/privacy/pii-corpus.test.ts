// The PII corpus of issue 12 (test/fixtures/pii/corpus.jsonl, 250 hand-written messages in 36
// forms: names without a title, kentekens, polis/klant/dossier/zaak/relatie/CJIB numbers, IBAN
// and e-mail variants, dates of birth, addresses, ...) through the real app path: each message
// as a direct question, as an overheard message and, for the free-text form, as an answer in the
// Omgekeerde Toets, into a SQLite store, with the real logger at debug level writing to a file.
// No planted value may be in the database file or the log; the words each message is about
// (laws, places, amounts) must still be in the stored question.
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Turn } from "../../src/core/types.js";
import { createLogger } from "../../src/logger.js";
import type { AdminStore } from "../../src/store/open-store.js";
import { FakeClock } from "../helpers/bot.js";
import { ROOT } from "../helpers/cli.js";

type Line = { form: string; text: string; pii: string[]; keep: string[] };
const corpus: Line[] = readFileSync(join(ROOT, "test/fixtures/pii/corpus.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line);

const tmp = mkdtempSync(join(tmpdir(), "aanzet-pii-corpus-"));
let stored = "";
let questions: string[] = [];
let log = "";
const digits = (s: string) => s.replace(/\D/g, "");

beforeAll(async () => {
  const fd = openSync(join(tmp, "aanzet.log"), "w");
  const clock = new FakeClock(new Date("2026-11-22T10:00:00Z"));
  const config = loadConfig({
    AANZET_STORE: `sqlite://${join(tmp, "corpus.sqlite")}`,
    AANZET_TODAY: "2026-11-22",
    LOG_LEVEL: "debug",
    AANZET_RATE_USER_PER_MIN: "0",
    AANZET_RATE_CHANNEL_PER_MIN: "0",
  });
  const app = await createApp(config, { root: ROOT, log: createLogger("debug", fd), clock });
  const turn = (i: number, text: string, o: Partial<Turn> = {}): Turn => ({
    id: `EvCorpus${i}`,
    channel: "slack",
    tenant: "T0CORPUS",
    team: `C0WIJK${i % 3}`,
    thread: `C0WIJK${i % 3}:1764000000.${String(i).padStart(6, "0")}`,
    user: `UCORPUS${i % 5}`,
    role: "worker",
    text,
    direct: true,
    ...o,
  });
  for (const [i, line] of corpus.entries()) {
    await app.bot.handle(turn(i, line.text));
    await app.bot.handle(turn(10_000 + i, line.text, { direct: false, thread: `C0PASSIEF:1764000000.${i}` }));
    if (line.form === "flow-answer") {
      const thread = `C0FLOW:1764000000.${i}`;
      await app.bot.handle(turn(20_000 + i, "/toets", { thread }));
      await app.bot.handle(turn(30_000 + i, line.text, { thread }));
    }
  }
  const store = app.store as AdminStore;
  for await (const e of store.entries("q:")) questions.push((e.value as { text: string }).text);
  await app.close();
  closeSync(fd);
  stored = readdirSync(tmp)
    .filter((f) => f.startsWith("corpus.sqlite"))
    .map((f) => readFileSync(join(tmp, f)).toString("utf8"))
    .join("\n");
  log = readFileSync(join(tmp, "aanzet.log"), "utf8");
  questions = questions.sort();
}, 240_000);

describe("PII corpus through the app", () => {
  it("has at least 230 messages in at least 30 forms", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(230);
    expect(new Set(corpus.map((l) => l.form)).size).toBeGreaterThanOrEqual(30);
    expect(questions.length).toBeGreaterThanOrEqual(corpus.length);
  });

  it.each(corpus.map((l, i) => [i + 1, l.form, l] as const))(
    "message %i (%s): nothing planted is kept",
    (_i, _f, line) => {
      const haystacks = { store: stored.toLowerCase(), log: log.toLowerCase() };
      for (const value of line.pii) {
        for (const [where, text] of Object.entries(haystacks)) {
          // Whole-word search for words, so "Noor" is not found inside "Noord".
          const re = new RegExp(
            `(?<![\\p{L}\\p{N}])${value.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`,
            "u",
          );
          expect(re.test(text), `${value} in ${where}`).toBe(false);
          // A number written with spaces, dots or dashes ("8877 6655") counts too; digits are only
          // joined within one such run, never across unrelated fields of the dump.
          if (digits(value).length >= 6) {
            const runs = (text.match(/\d[\d .-]*\d/g) ?? []).map(digits);
            expect(
              runs.some((r) => r.includes(digits(value))),
              `digits of ${value} in ${where}`,
            ).toBe(false);
          }
        }
      }
    },
  );

  it("keeps what each question is about", () => {
    const all = questions.join("\n");
    const lost = corpus.flatMap((l) => l.keep.filter((k) => !all.includes(k)).map((k) => `${l.form}: ${k}`));
    expect(lost).toEqual([]);
  });
});
