// The scrubber end to end: 600 messages of the privacy corpus go through the real bot (direct
// questions, overheard messages, answers inside a flow, a replay) into a SQLite store, with
// the real pino logger at debug level writing to a file. Then the database file's bytes and
// the log are searched: no BSN, IBAN, e-mail address or phone number of the corpus is there,
// and nothing that looks like an e-mail address or an IBAN at all.
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Turn } from "../../src/core/types.js";
import { replay } from "../../src/import/index.js";
import { createLogger } from "../../src/logger.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "aanzet-pii-"));
const LOG = join(tmp, "aanzet.log");

type Line = { text: string; expect: Record<string, number>; pii: string[] };
const corpus: Line[] = readFileSync(join(ROOT, "test/fixtures/privacy/corpus.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line);
const KINDS = ["bsn", "iban", "email", "phone"];
const sent = corpus.slice(0, 600);

let dbText = "";
let logText = "";

beforeAll(async () => {
  const fd = openSync(LOG, "w");
  const config = loadConfig({
    AANZET_STORE: `sqlite://${join(tmp, "pii.sqlite")}`,
    AANZET_TODAY: "2026-11-22",
    LOG_LEVEL: "debug",
    AANZET_RATE_USER_PER_MIN: "0",
    AANZET_RATE_CHANNEL_PER_MIN: "0",
  });
  const app = await createApp(config, { root: ROOT, log: createLogger("debug", fd) });
  const now = Date.now();
  const turn = (i: number, text: string, o: Partial<Turn> = {}): Turn => ({
    id: `EvPii${i}`,
    channel: "slack",
    tenant: "T0PII",
    team: `C0WIJK${i % 4}`,
    thread: `C0WIJK${i % 4}:${now}.${i}`,
    user: `UPII${i % 7}`,
    role: "worker",
    text,
    direct: true,
    at: new Date(now - i * 1000),
    ...o,
  });
  for (const [i, line] of sent.entries()) {
    if (i < 400) await app.bot.handle(turn(i, line.text, { direct: i % 5 !== 0 }));
    else if (i < 450) {
      // As the first answer of a flow (free text, kept in the flow state and its record).
      const thread = `C0FLOW:${now}.${i}`;
      await app.bot.handle(turn(i * 10, "/toets", { thread }));
      await app.bot.handle(turn(i * 10 + 1, line.text, { thread }));
    }
  }
  // The rest as an imported chat history.
  const messages = sent.slice(450).map((l, j) => ({
    id: `imp-${j}`,
    team: "wijk-import",
    user: `imp-user-${j % 5}`,
    at: new Date(now - j * 60_000),
    text: l.text,
  }));
  await replay(app.bot, messages, { tenant: "T0PII", progressEvery: 0 });
  await app.close();
  closeSync(fd);
  dbText = readdirSync(tmp)
    .filter((f) => f.startsWith("pii.sqlite"))
    .map((f) => readFileSync(join(tmp, f)).toString("utf8"))
    .join("\n");
  logText = readFileSync(LOG, "utf8");
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where a known personal value of the corpus occurs: as written, or as the bare digits
 * (not inside a longer run of digits, such as a timestamp). */
function leaks(haystack: string): string[] {
  const found: string[] = [];
  for (const line of sent) {
    if (!KINDS.some((k) => (line.expect[k] ?? 0) > 0)) continue;
    for (const value of line.pii) {
      if (!/\d|@/.test(value)) continue; // names and such: not what this test is about
      if (haystack.includes(value)) found.push(value);
      const digits = value.replace(/\D/g, "");
      if (digits.length >= 8 && new RegExp(`(?<!\\d)${escape(digits)}(?!\\d)`).test(haystack)) found.push(digits);
    }
  }
  return [...new Set(found)];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IBAN = /\bNL\s?\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b/gi;

describe("privacy end to end", () => {
  it(`sent ${sent.length} corpus messages, ${sent.filter((l) => KINDS.some((k) => (l.expect[k] ?? 0) > 0)).length} of them with a BSN, IBAN, e-mail or phone number`, () => {
    expect(sent.length).toBeGreaterThanOrEqual(500);
    // The store really holds the traffic: question records with scrubbed text.
    expect(dbText).toContain("T0PII");
    expect(dbText.length).toBeGreaterThan(100_000);
  });

  it("the database file holds none of the corpus's BSNs, IBANs, e-mail addresses or phone numbers", () => {
    expect(leaks(dbText)).toEqual([]);
    expect(dbText.match(EMAIL) ?? []).toEqual([]);
    expect(dbText.match(IBAN) ?? []).toEqual([]);
  });

  it("the log holds none of them, and no message text", () => {
    expect(logText.split("\n").length).toBeGreaterThan(20);
    expect(leaks(logText)).toEqual([]);
    expect(logText.match(EMAIL) ?? []).toEqual([]);
    expect(logText.match(IBAN) ?? []).toEqual([]);
    // Not even scrubbed text: a distinctive phrase of the corpus never reaches the log.
    expect(logText).not.toContain("graag snel reageren");
  });
});
