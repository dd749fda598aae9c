// Two instances behave as one (issue 12): the same stream of questions through one app, and
// through two apps on one store (each with its own connection, index and queue, as two
// processes; questions sent to both at the same moment, so both create groups at once), gives
// the same candidate knelpunten with the same counts. A group one instance makes is used by the
// other without a restart. Real Redis and PostgreSQL when AANZET_TEST_REDIS /
// AANZET_TEST_POSTGRES are set (.ci/run), one SQLite file always.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { learningServices } from "../../src/core/learning/index.js";
import { silentLog } from "../../src/core/ports.js";
import type { ImportedMessage } from "../../src/import/index.js";
import { parseJsonl, replayTurn } from "../../src/import/index.js";
import { FakeClock } from "../helpers/bot.js";
import { announceSkips, freshPostgres, freshRedis, POSTGRES, REDIS, SKIP_POSTGRES, SKIP_REDIS } from "./servers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURES = join(ROOT, "test/fixtures/patterns");
const TENANT = "t-two";
announceSkips("two-instances");

/** Every pattern fixture as one stream (ids made unique per file), in file order. */
function stream(): ImportedMessage[] {
  const out: ImportedMessage[] = [];
  for (const file of ["dev.jsonl", "stream.jsonl", "holdout-a.jsonl", "holdout-b.jsonl", "done-when.jsonl"]) {
    const { messages } = parseJsonl(readFileSync(join(FIXTURES, file), "utf8"));
    for (const m of messages) out.push({ ...m, id: `${file}:${m.id}` });
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), "aanzet-two-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(url: string): Promise<App> {
  const config = loadConfig({
    AANZET_STORE: url,
    AANZET_PSEUDONYM_SECRET: "two-instances-secret-0123456789",
    AANZET_DATA_DIR: join(dir, "data"),
    LOG_LEVEL: "silent",
  });
  return createApp(config, { root: ROOT, log: silentLog, clock: new FakeClock(new Date("2026-12-01T12:00:00Z")) });
}

/** What a lead sees: every candidate with its counts (group ids depend on who founded it). */
async function candidates(app: App) {
  const list = await learningServices(app.bot).knelpunten.list(TENANT);
  return list
    .map((k) => ({
      status: k.status,
      title: k.title,
      cases: k.cases,
      teams: [...k.teams].sort(),
      perTeam: k.perTeam,
      messageIds: [...k.messageIds].sort(),
    }))
    .sort((a, b) => (a.messageIds[0]! < b.messageIds[0]! ? -1 : 1));
}

/** One instance: the stream in order. */
async function throughOne(url: string) {
  const app = await open(url);
  try {
    for (const m of stream()) await app.bot.handle(replayTurn(m, TENANT));
    return await candidates(app);
  } finally {
    await app.close();
  }
}

/** Two instances: message 2i to the first and 2i+1 to the second, in stream order (each
 * instance must use what the other just did). */
async function throughTwo(url: string) {
  const a = await open(url);
  const b = await open(url);
  try {
    const messages = stream();
    for (let i = 0; i < messages.length; i += 2) {
      await a.bot.handle(replayTurn(messages[i]!, TENANT));
      if (messages[i + 1]) await b.bot.handle(replayTurn(messages[i + 1]!, TENANT));
    }
    const seenByA = await candidates(a);
    expect(await candidates(b)).toEqual(seenByA);
    return seenByA;
  } finally {
    await a.close();
    await b.close();
  }
}

function suite(
  name: string,
  skip: string | undefined,
  stores: () => Promise<{ one: string; two: string; done?: () => Promise<void> }>,
) {
  describe.skipIf(skip !== undefined)(`${name}${skip ? ` (${skip})` : ""}`, () => {
    it("one stream through one or two instances gives the same candidates and counts", async () => {
      const s = await stores();
      try {
        const one = await throughOne(s.one);
        expect(one.filter((k) => k.status === "candidate").length).toBeGreaterThan(0);
        const two = await throughTwo(s.two);
        expect(two).toEqual(one);
      } finally {
        await s.done?.();
      }
    }, 240_000);

    it("one question asked in both instances at the same moment makes one group, not two", async () => {
      const s = await stores();
      const a = await open(s.two);
      const b = await open(s.two);
      try {
        const text = "cliënt krijgt geen briefadres van de gemeente omdat hij bij zijn moeder slaapt, wie is aan zet?";
        const turns = ["noord", "zuid", "west", "oost", "centrum", "haven"].map((team, i) =>
          replayTurn({ id: `same-${i}`, team, user: `u${i}`, at: new Date("2026-11-30T10:00:00Z"), text }, TENANT),
        );
        await Promise.all(turns.map((t, i) => (i % 2 === 0 ? a : b).bot.handle(t)));
        for (const app of [a, b]) {
          const list = await learningServices(app.bot).knelpunten.list(TENANT, { includeOpen: true });
          expect(list.map((k) => [k.status, k.cases, k.teams.length])).toEqual([["candidate", 6, 6]]);
        }
      } finally {
        await a.close();
        await b.close();
        await s.done?.();
      }
    }, 60_000);

    it("a group made by one instance is joined by the other without a restart", async () => {
      const s = await stores();
      const a = await open(s.two);
      const b = await open(s.two);
      try {
        const q = (id: string, team: string, text: string): ImportedMessage => ({
          id,
          team,
          user: `u-${id}`,
          at: new Date("2026-11-30T10:00:00Z"),
          text,
        });
        // b loads its index first (it has seen no groups), then a founds one.
        await b.bot.handle(
          replayTurn(
            q(
              "w0",
              "noord",
              "Cliënt heeft een fraudevordering van de gemeente en komt daardoor niet in de schuldsanering. Hoe verder?",
            ),
            TENANT,
          ),
        );
        const text = "cliënt krijgt geen briefadres van de gemeente omdat hij bij zijn moeder slaapt, wie is aan zet?";
        await a.bot.handle(replayTurn(q("w1", "noord", text), TENANT));
        await b.bot.handle(replayTurn(q("w2", "zuid", text), TENANT));
        await b.bot.handle(replayTurn(q("w3", "west", text), TENANT));
        const list = await learningServices(a.bot).knelpunten.list(TENANT, { includeOpen: true });
        const briefadres = list.filter((k) => k.messageIds.some((m) => ["w1", "w2", "w3"].includes(m)));
        expect(briefadres).toHaveLength(1);
        expect(briefadres[0]!.cases).toBe(3);
        expect(briefadres[0]!.status).toBe("candidate");
      } finally {
        await a.close();
        await b.close();
        await s.done?.();
      }
    }, 60_000);
  });
}

let sqliteRun = 0;
suite("one SQLite file", undefined, async () => {
  sqliteRun++;
  return { one: `sqlite://${dir}/one-${sqliteRun}.sqlite`, two: `sqlite://${dir}/two-${sqliteRun}.sqlite` };
});
suite("Redis", REDIS ? undefined : SKIP_REDIS, async () => ({ one: await freshRedis(8), two: await freshRedis(9) }));
suite("PostgreSQL", POSTGRES ? undefined : SKIP_POSTGRES, async () => {
  const one = await freshPostgres("two_one");
  const two = await freshPostgres("two_two");
  return {
    one: one.url,
    two: two.url,
    done: async () => {
      await one.drop();
      await two.drop();
    },
  };
});
