// One scrub for everything that is kept (issue 12, item 1). Personal data is planted in every
// kind of record the app writes: the question log (a direct question and an overheard one), the
// Omgekeerde Toets's flow state and decision record (free-text answers), feedback, a proposal,
// anonymous sparring, an audit event, a group member and log lines, on SQLite, real Redis and
// real PostgreSQL. Whatever the writer, no planted value is in the store or the log afterwards,
// while the words that carry the question (traplift, Wmo, Zaanstad, 1.250) are still there.
// LLM requests: the port wrapper scrubs every user message and every text to embed.
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { AuditLog } from "../../src/core/learning/audit.js";
import type { ChatMessage, LlmPort } from "../../src/core/llm/port.js";
import { scrubbingLlm } from "../../src/core/privacy/scrubbing-llm.js";
import { scrub } from "../../src/core/privacy/index.js";
import type { Turn } from "../../src/core/types.js";
import { createLogger } from "../../src/logger.js";
import { openStore, type AdminStore } from "../../src/store/open-store.js";
import { FakeClock } from "../helpers/bot.js";
import { ROOT } from "../helpers/cli.js";
import { freshPostgres, freshRedis, POSTGRES, REDIS } from "../store/servers.js";

/** Planted values: every one must be gone from store and log. */
const PLANTED = {
  name: "Fatima El Amrani",
  son: "Mohammed Jansen",
  client: "Jan-Willem",
  kenteken: "XL-32-DP",
  polis: "884512097",
  klant: "K-5512093",
  dob: "3 juni 1972",
  email: "f.elamrani [at] hotmail [dot] com",
  iban: "NL91.ABNA.0417.1643.00",
  bsn: "123456782",
  phone: "0612345678",
  address: "Lindenhof 141",
  cjib: "CJIB 2026 0001 4471 9983",
};
/** Parts of the planted values that must not survive anywhere (case-insensitive). */
const NEEDLES = [
  "Amrani",
  "Fatima",
  "Mohammed",
  "Jansen",
  "Jan-Willem",
  "XL-32-DP",
  "XL32DP",
  "884512097",
  "5512093",
  "3 juni 1972",
  "hotmail",
  "ABNA",
  "0417",
  "123456782",
  "0612345678",
  "Lindenhof",
  "4471",
];
const KEPT = ["traplift", "Zaanstad", "Wmo", "1.250"];

const QUESTION = `${PLANTED.name} belde: haar zoon ${PLANTED.son} (bsn ${PLANTED.bsn}, tel ${PLANTED.phone}) woont ${PLANTED.address} in Zaanstad en heeft een traplift nodig, kosten € 1.250. Wie betaalt dat onder de Wmo?`;
const FLOW_ANSWERS = [
  `Mijn client ${PLANTED.client} wil zelf naar zijn werk, hij rijdt in de auto met kenteken ${PLANTED.kenteken}.`,
  "ja",
  `Past bij de wet, ze is van ${PLANTED.dob} en woont zelfstandig.`,
  `Op korte termijn minder schulden, polisnummer ${PLANTED.polis} loopt door bij de verzekeraar.`,
  "binnen",
  `Via maatwerkbudget, klantnummer ${PLANTED.klant} bij de gemeente.`,
  `Alternatief was verhuizen, maar ${PLANTED.name} wil in de buurt blijven.`,
  `Conclusie: ${PLANTED.name} krijgt de traplift via de Wmo, mail naar ${PLANTED.email}.`,
  `Beschikking voor ${PLANTED.client} volgt, kenteken ${PLANTED.kenteken} staat erin.`,
];

type Backend = { label: string; url: () => Promise<{ url: string; done: () => Promise<void> }> };
const tmp = mkdtempSync(join(tmpdir(), "aanzet-scrub-all-"));
const backends: Backend[] = [
  {
    label: "sqlite",
    url: async () => ({ url: `sqlite://${join(tmp, "all.sqlite")}`, done: async () => undefined }),
  },
  ...(REDIS ? [{ label: "redis", url: async () => ({ url: await freshRedis(13), done: async () => undefined }) }] : []),
  ...(POSTGRES
    ? [
        {
          label: "postgres",
          url: async () => {
            const pg = await freshPostgres("scruball");
            return { url: pg.url, done: pg.drop };
          },
        },
      ]
    : []),
];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function writeEverything(storeUrl: string, logFile: string): Promise<{ stored: string; log: string }> {
  const fd = openSync(logFile, "w");
  const clock = new FakeClock(new Date("2026-11-22T10:00:00Z"));
  const config = loadConfig({
    AANZET_STORE: storeUrl,
    AANZET_TODAY: "2026-11-22",
    LOG_LEVEL: "debug",
    AANZET_RATE_USER_PER_MIN: "0",
    AANZET_RATE_CHANNEL_PER_MIN: "0",
  });
  const raw = await openStore(storeUrl, tmp);
  const app = await createApp(config, { root: ROOT, log: createLogger("debug", fd), store: raw, clock });
  let n = 0;
  const turn = (text: string, o: Partial<Turn> = {}): Turn => ({
    id: `EvAll${++n}`,
    channel: "slack",
    tenant: "T0ALL",
    team: "C0WIJK",
    thread: "C0WIJK:1764000000.000100",
    user: "UALL1",
    role: "worker",
    text,
    direct: true,
    ...o,
  });
  // Question log: direct and overheard.
  await app.bot.handle(turn(QUESTION));
  await app.bot.handle(turn(QUESTION, { direct: false, thread: "C0WIJK:1764000000.000200" }));
  // Flow state and decision record: every answer of the Omgekeerde Toets, typed as free text,
  // and the same answers arriving as button values (a modal or a card field, not Turn.text).
  const flowThread = "C0WIJK:1764000000.000300";
  await app.bot.handle(turn("/toets", { thread: flowThread }));
  for (const a of FLOW_ANSWERS) await app.bot.handle(turn(a, { thread: flowThread }));
  const buttonThread = "C0WIJK:1764000000.000400";
  await app.bot.handle(turn("/toets", { thread: buttonThread }));
  await app.bot.handle(turn("", { thread: buttonThread, action: { id: "flow:answer", value: FLOW_ANSWERS[0]! } }));
  // Writers that store text next to ids, in the shapes they use.
  const s = app.store;
  await s.set("feedback:T0ALL:slack:EvAll1:u_00000000000000000000", {
    useful: false,
    note: `fout, ${PLANTED.name} (${PLANTED.phone}) viel onder de Wlz`,
    at: clock.now().toISOString(),
  });
  await s.add("proposal:T0ALL:p1", {
    id: "p1",
    tenant: "T0ALL",
    entryId: "wmo-traplift",
    field: "summary",
    text: `Bij ${PLANTED.son}, geboren ${PLANTED.dob}, betaalt de Wmo de traplift in Zaanstad.`,
    question: QUESTION,
    kind: "correction",
    author: "u_00000000000000000001",
    at: clock.now().toISOString(),
  });
  await s.set("teams-spar:T0ALL:s1", {
    conversation: "a:1xyz",
    serviceUrl: "https://smba.example/emea/",
    question: `Anoniem: ${PLANTED.client} met IBAN ${PLANTED.iban} en ${PLANTED.cjib}`,
  });
  await s.set("member:T0ALL:g1:q1", { group: "g1", recordId: "q1", text: `${PLANTED.son} traplift` });
  await new AuditLog(s, clock).record({
    tenant: "T0ALL",
    who: "u_00000000000000000002",
    role: "lead",
    action: "proposal.accept",
    target: "p1",
    details: { reason: `op verzoek van ${PLANTED.name}, ${PLANTED.email}` },
  });
  // Log lines that slip: a field that is not redacted, an error message quoting input.
  app.log.warn({ code: "TEST", detail: `input was ${QUESTION}` }, `could not parse ${PLANTED.kenteken}`);
  app.log.error({ err: new Error(`bad value ${PLANTED.polis} for ${PLANTED.name}`) }, "failed");
  app.log.child({ thread: `bij ${PLANTED.son}` }).info({}, "child binding");
  const admin = raw as AdminStore;
  const values: string[] = [];
  for (const kind of await admin.kinds()) {
    for await (const e of admin.entries(`${kind}:`)) values.push(`${e.key} ${JSON.stringify(e.value)}`);
  }
  await app.close();
  closeSync(fd);
  let bytes = "";
  if (storeUrl.startsWith("sqlite://"))
    bytes = readdirSync(tmp)
      .filter((f) => f.startsWith("all.sqlite"))
      .map((f) => readFileSync(join(tmp, f)).toString("utf8"))
      .join("\n");
  return { stored: `${values.join("\n")}\n${bytes}`, log: readFileSync(logFile, "utf8") };
}

describe.each(backends)("every kept text is scrubbed ($label)", (b) => {
  let out: { stored: string; log: string };
  it("writes every kind of record", async () => {
    const { url, done } = await b.url();
    cleanups.push(done);
    out = await writeEverything(url, join(tmp, `${b.label}.log`));
    for (const kind of ["q:", "flow:", "flowrec:", "feedback:", "proposal:", "teams-spar:", "member:", "audit:"])
      expect(out.stored, kind).toContain(kind);
  }, 60_000);

  it("no planted value is in the store", () => {
    for (const needle of NEEDLES) expect(out.stored.toLowerCase(), needle).not.toContain(needle.toLowerCase());
  });

  it("no planted value is in the log", () => {
    expect(out.log.length).toBeGreaterThan(0);
    for (const needle of NEEDLES) expect(out.log.toLowerCase(), needle).not.toContain(needle.toLowerCase());
  });

  it("what the question is about is kept", () => {
    for (const word of KEPT) expect(out.stored, word).toContain(word);
  });
});

describe("LLM requests", () => {
  it("every user message and every text to embed is scrubbed before it is sent", async () => {
    const sent: string[] = [];
    const port: LlmPort = {
      chat: async (messages: ChatMessage[]) => {
        sent.push(...messages.map((m) => m.content));
        return { text: "ok", usage: { promptTokens: 1, completionTokens: 1 } };
      },
      embed: async (texts: string[]) => {
        sent.push(...texts);
        return { vectors: texts.map(() => [1]), usage: { promptTokens: 1, completionTokens: 0 } };
      },
    };
    const safe = scrubbingLlm(port, (t) => scrub(t).text);
    await safe.chat(
      [
        { role: "system", content: "Je beantwoordt vragen over de Wmo." },
        { role: "user", content: QUESTION },
        { role: "assistant", content: `Voor ${PLANTED.name}: de Wmo.` },
      ],
      { budgetMs: 1000 },
    );
    await safe.embed([QUESTION, FLOW_ANSWERS[0]!], { budgetMs: 1000 });
    expect(sent).toHaveLength(5);
    expect(sent[0]).toBe("Je beantwoordt vragen over de Wmo.");
    const all = sent.join("\n").toLowerCase();
    for (const needle of NEEDLES) expect(all, needle).not.toContain(needle.toLowerCase());
    expect(all).toContain("traplift");
  });
});
