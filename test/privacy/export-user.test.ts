// `aanzet export --user` (AVG art. 15) beside `erase --user` (art. 17): the export holds exactly
// the records the erase then deletes or rewrites, on SQLite, real Redis and real PostgreSQL; the
// other person's records are in neither; after the erase an export finds nothing.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { silentLog } from "../../src/core/ports.js";
import type { Turn } from "../../src/core/types.js";
import { erase } from "../../src/store/erase.js";
import { exportUser, type UserExport } from "../../src/store/export.js";
import { openStore, type AdminStore } from "../../src/store/open-store.js";
import { FakeClock } from "../helpers/bot.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { freshPostgres, freshRedis, POSTGRES, REDIS } from "../store/servers.js";

const ALICE = "UALICE01";
const BOB = "UBOB0002";
const tmp = mkdtempSync(join(tmpdir(), "aanzet-export-user-"));
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

type Target = { label: string; url: () => Promise<string> };
const targets: Target[] = [
  { label: "sqlite", url: async () => `sqlite://${join(tmp, "export.sqlite")}` },
  ...(REDIS ? [{ label: "redis", url: () => freshRedis(14) }] : []),
  ...(POSTGRES
    ? [
        {
          label: "postgres",
          url: async () => {
            const pg = await freshPostgres("exportuser");
            cleanups.push(pg.drop);
            return pg.url;
          },
        },
      ]
    : []),
];

const SECRET = "export-user-secret-0123456789";

/** Questions, a flow, feedback, a group, roles and audit events of Alice and Bob. */
async function populate(url: string) {
  const clock = new FakeClock(new Date("2026-11-22T10:00:00Z"));
  const config = loadConfig({
    AANZET_STORE: url,
    AANZET_PSEUDONYM_SECRET: SECRET,
    AANZET_TODAY: "2026-11-22",
    LOG_LEVEL: "silent",
  });
  const app = await createApp(config, { root: ROOT, log: silentLog, clock });
  let n = 0;
  const turn = (user: string, thread: string, text: string): Turn => ({
    id: `EvExp${++n}`,
    channel: "slack",
    tenant: "T1",
    team: "C0WIJK",
    thread,
    user,
    role: "worker",
    text,
    direct: true,
  });
  await app.bot.handle(turn(ALICE, "C0WIJK:1764000000.000100", "wie betaalt een traplift voor mijn cliënt?"));
  await app.bot.handle(turn(ALICE, "C0WIJK:1764000000.000200", "/toets"));
  await app.bot.handle(turn(ALICE, "C0WIJK:1764000000.000200", "Zelf weer boven kunnen slapen in haar eigen huis"));
  await app.bot.handle(turn(BOB, "C0WIJK:1764000000.000300", "wie betaalt een scootmobiel?"));
  const a = app.bot.pseudonym("T1", ALICE);
  const b = app.bot.pseudonym("T1", BOB);
  const s = app.store;
  const qa = "slack:EvExp1";
  const qb = "slack:EvExp4";
  await s.set(`feedback:T1:${qa}:${a}`, { useful: true, at: clock.now().toISOString() });
  await s.set("group:T1:gonly", { id: "gonly", size: 1, recent: [{ recordId: qa, user: a }], title: "traplift" });
  await s.set("member:T1:gonly:1", { group: "gonly", recordId: qa, user: a });
  await s.set("review:T1:gonly", { status: "accepted", by: b, at: clock.now().toISOString() });
  await s.set("group:T1:gshared", {
    id: "gshared",
    size: 2,
    recent: [
      { recordId: qa, user: a },
      { recordId: qb, user: b },
    ],
    title: "vervoer",
  });
  await s.set("member:T1:gshared:1", { group: "gshared", recordId: qa, user: a });
  await s.set("member:T1:gshared:2", { group: "gshared", recordId: qb, user: b });
  await s.set("roles:T1", { coaches: [ALICE, BOB], leads: [], admins: [] });
  await app.close();
}

async function snapshot(store: AdminStore): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const kind of await store.kinds())
    for await (const e of store.entries(`${kind}:`)) out.set(e.key, JSON.stringify(e.value));
  return out;
}

const keysOf = (x: UserExport, action: "delete" | "rewrite") =>
  Object.values(x.records)
    .flat()
    .filter((r) => r.onErase === action)
    .map((r) => r.key)
    .sort();

describe.each(targets)("export --user and erase --user ($label)", (t) => {
  it("cover the same records", async () => {
    const url = await t.url();
    await populate(url);
    const store = await openStore(url, tmp);
    try {
      const { pseudonymize } = await import("../../src/core/pseudonym.js");
      const pseudonym = (tenant: string, raw: string) => pseudonymize(SECRET, tenant, raw);
      const exported = await exportUser(store, { users: [ALICE], pseudonym });
      const bobs = await exportUser(store, { users: [BOB], pseudonym });
      // What the person sees: their question, their flow answer, their feedback, their group.
      const text = JSON.stringify(exported);
      expect(text).toContain("traplift");
      expect(text).toContain("boven kunnen slapen");
      expect(text).not.toContain("scootmobiel");
      for (const kind of ["q", "flow", "feedback", "group", "member", "roles"])
        expect(exported.counts[kind] ?? 0, kind).toBeGreaterThan(0);
      expect(exported.kinds.q).toMatch(/question record/);
      expect(JSON.stringify(bobs)).not.toContain("traplift voor mijn");

      const before = await snapshot(store);
      const report = await erase(store, { users: [ALICE], threads: [], pseudonym });
      const after = await snapshot(store);
      const deleted = [...before.keys()].filter((k) => !after.has(k)).sort();
      const rewritten = [...before.keys()].filter((k) => after.has(k) && after.get(k) !== before.get(k)).sort();
      expect(keysOf(exported, "delete")).toEqual(deleted);
      expect(keysOf(exported, "rewrite")).toEqual(rewritten);
      expect(Object.values(report.deleted).reduce((x, y) => x + y, 0)).toBe(deleted.length);
      // Nothing is left to export about Alice; Bob's records are still there.
      const again = await exportUser(store, { users: [ALICE], pseudonym });
      expect(Object.values(again.counts).reduce((x, y) => x + y, 0)).toBe(0);
      expect((await exportUser(store, { users: [BOB], pseudonym })).counts.q).toBe(1);
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe("aanzet export --user", () => {
  it("prints the person's records as JSON and audits the export", async () => {
    const store = `sqlite://${join(tmp, "cli.sqlite")}`;
    await populate(store);
    const env = { AANZET_STORE: store, AANZET_PSEUDONYM_SECRET: SECRET, AANZET_TODAY: "2026-11-22" };
    const r = await runCli(["export", "--user", ALICE, "--tenant", "T1"], { env });
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as UserExport;
    expect(data.users).toEqual([ALICE]);
    expect(data.counts.q).toBe(1);
    expect(JSON.stringify(data.records.q)).toContain("traplift");
    const x = await runCli(["export", "--tenant", "T1"], { env });
    expect(x.stdout).toMatch(/"action": "data.export",\s+"target": "user"/);
  });
});
