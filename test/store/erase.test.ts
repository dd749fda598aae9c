// `aanzet erase` (AVG art. 17): --thread leaves no trace of the case in the store, --user no
// trace of the person (raw id or pseudonym); shared records (question groups, role lists)
// are rewritten, other threads and other tenants are untouched.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { silentLog } from "../../src/core/ports.js";
import type { Turn } from "../../src/core/types.js";
import { openStore, type StoredEntry } from "../../src/store/open-store.js";
import { runCli } from "../helpers/cli.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "aanzet-erase-"));
const STORE = `sqlite://${join(tmp, "erase.sqlite")}`;
const ERASED = "C0ERASE:1700000001.000100";
const KEPT = "C0KEEP:1700000002.000200";
const ALICE = "UALICE01";
const BOB = "UBOB0002";

let seq = 0;
const turn = (tenant: string, thread: string, user: string, text: string, o: Partial<Turn> = {}): Turn => ({
  id: `Ev${tenant}${++seq}`,
  channel: "slack",
  tenant,
  team: thread.split(":")[0]!,
  thread,
  user,
  role: "worker",
  text,
  direct: true,
  ...o,
});

async function dump(): Promise<Map<string, StoredEntry>> {
  const s = await openStore(STORE);
  const out = new Map<string, StoredEntry>();
  for (const kind of await s.kinds()) for await (const e of s.entries(`${kind}:`)) out.set(e.key, e);
  await s.close();
  return out;
}

const text = (m: Map<string, StoredEntry>, tenant: string) =>
  [...m.values()]
    .filter((e) => e.key.split(":")[1] === tenant)
    .map((e) => `${e.key} ${JSON.stringify(e.value)}`)
    .join("\n");

/** gonly existed before (and goes), gshared existed (and stays). */
const after0 = (m: Map<string, StoredEntry>) => m.has("group:t1:gonly") && m.has("group:t1:gshared");

/** Question records of a thread in a tenant. */
const questionsOf = (m: Map<string, StoredEntry>, tenant: string, thread: string) =>
  [...m.values()].filter((e) => e.key.startsWith(`q:${tenant}:`) && (e.value as { thread: string }).thread === thread)
    .length;

let app: App;
let pseudo: (tenant: string, user: string) => string;

beforeAll(async () => {
  app = await createApp(
    loadConfig({ AANZET_STORE: STORE, LOG_LEVEL: "silent", AANZET_TODAY: "2026-11-22", AANZET_RATE_USER_PER_MIN: "0" }),
    { root: ROOT, log: silentLog },
  );
  pseudo = (t, u) => app.bot.pseudonym(t, u);
  for (const tenant of ["t1", "t2"]) {
    for (const [thread, user] of [
      [ERASED, ALICE],
      [KEPT, BOB],
    ] as const) {
      await app.bot.handle(turn(tenant, thread, user, "wie betaalt een traplift?"));
      await app.bot.handle(turn(tenant, thread, user, "/toets"));
      await app.bot.handle(turn(tenant, thread, user, "hulp bij het huishouden of een scootmobiel?"));
    }
    // Learning-loop and Slack records as those modules write them.
    const s = app.store;
    const now = new Date().toISOString();
    const recs: string[] = [];
    for await (const [, r] of s.scan<{ id: string; thread: string }>(`q:${tenant}:`)) recs.push(`${r.id}|${r.thread}`);
    const mine = recs.filter((r) => r.endsWith(ERASED)).map((r) => r.split("|")[0]!);
    const theirs = recs.filter((r) => r.endsWith(KEPT)).map((r) => r.split("|")[0]!);
    const caseRef = (r: string, thread: string) => ({
      r,
      m: r.split(":")[1],
      at: now,
      team: "C0",
      c: `slack:${thread}`,
    });
    await s.set(`group:${tenant}:gshared`, {
      id: "gshared",
      tenant,
      size: 2,
      recent: [caseRef(mine[0]!, ERASED), caseRef(theirs[0]!, KEPT)],
      updatedAt: now,
    });
    await s.set(`group:${tenant}:gonly`, {
      id: "gonly",
      tenant,
      size: 1,
      recent: [caseRef(mine[1]!, ERASED)],
      updatedAt: now,
    });
    await s.set(`review:${tenant}:gonly`, { group: "gonly", status: "accepted", by: pseudo(tenant, BOB), at: now });
    for (const [g, r, thread] of [
      ["gshared", mine[0]!, ERASED],
      ["gshared", theirs[0]!, KEPT],
      ["gonly", mine[1]!, ERASED],
    ] as const) {
      await s.add(`member:${tenant}:${g}:${r}`, {
        group: g,
        recordId: r,
        messageId: r.split(":")[1],
        caseKey: `slack:${thread}`,
        text: "vraag",
        at: now,
      });
      await s.add(`qgroup:${tenant}:${r}`, g);
    }
    await s.add(`audit:${tenant}:${now}:0001`, {
      at: now,
      tenant,
      who: pseudo(tenant, ALICE),
      action: "feedback.useful",
      target: mine[0],
    });
    await s.add(`audit:${tenant}:${now}:0002`, {
      at: now,
      tenant,
      who: "system",
      action: "candidate",
      target: "gonly",
    });
    await s.set(`slackanon:${tenant}:CCOACH:1700000009.000100`, { asker: ALICE, at: now });
    await s.set(`slackthread:${tenant}:${ERASED}`, { at: now });
    await s.set(`roles:${tenant}`, { coaches: [ALICE, BOB], leads: [], admins: [] });
  }
  // Closed before the CLI erases, so the file is checkpointed and whole when we read its bytes.
  await app.close();
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The database file's bytes (and WAL, if any), as text. */
function fileBytes(): string {
  return readdirSync(tmp)
    .filter((f) => f.startsWith("erase.sqlite"))
    .map((f) => readFileSync(join(tmp, f)).toString("latin1"))
    .join("\n");
}

describe("erase", () => {
  it("--dry-run reports and changes nothing", async () => {
    const before = await dump();
    const r = await runCli(["erase", "--store", STORE, "--thread", ERASED, "--tenant", "t1", "--dry-run", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^would erase \d+ records/);
    const report = JSON.parse(r.stdout.trim().split("\n").pop()!);
    expect(report.deleted.q).toBe(questionsOf(before, "t1", ERASED));
    expect([...(await dump()).keys()].sort()).toEqual([...before.keys()].sort());
  });

  it("--thread leaves no trace of the thread in the tenant, and touches nothing else", async () => {
    const before = await dump();
    const r = await runCli(["erase", "--store", STORE, "--thread", ERASED, "--tenant", "t1", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout.trim().split("\n").pop()!);
    expect(questionsOf(before, "t1", ERASED)).toBeGreaterThanOrEqual(2);
    expect(report.deleted).toMatchObject({ q: questionsOf(before, "t1", ERASED), flow: 1, slackthread: 1, review: 1 });
    // Our two memberships of the erased thread plus the detector's own (it runs live here).
    expect(report.deleted.member).toBeGreaterThanOrEqual(2);
    expect(report.deleted.qgroup).toBeGreaterThanOrEqual(2);
    expect(report.deleted.group).toBeGreaterThanOrEqual(1);
    expect(report.rewritten.group).toBeGreaterThanOrEqual(1);
    expect(after0(before)).toBe(true);
    const after = await dump();
    // No key or value of t1 mentions the thread, nor the ids of its question records.
    expect(text(after, "t1")).not.toContain(ERASED);
    expect(text(after, "t1")).not.toContain("1700000001.000100");
    // The shared group lost one case and kept the other; the other thread is intact.
    const shared = after.get("group:t1:gshared")!.value as { recent: Array<{ c: string }>; size: number };
    expect(shared.recent.map((c) => c.c)).toEqual([`slack:${KEPT}`]);
    expect(shared.size).toBe(1);
    expect(text(after, "t1")).toContain(KEPT);
    // Not even in the file's free pages (secure_delete): the erased question records' ids
    // (unique to t1's thread; t2 shares the thread id itself) are nowhere in the bytes.
    const ids = [...before.values()]
      .filter((e) => e.key.startsWith("q:t1:") && (e.value as { thread: string }).thread === ERASED)
      .map((e) => (e.value as { id: string }).id);
    expect(ids.length).toBeGreaterThan(0);
    const bytes = fileBytes();
    for (const id of ids) expect(new RegExp(`${id}(?![0-9])`).test(bytes), id).toBe(false);
    // Tenant t2 has a thread with the same id: untouched.
    expect(text(after, "t2")).toBe(text(before, "t2"));
    // The audit event says that something was erased, not what.
    const events = [...after.values()]
      .filter((e) => e.key.startsWith("audit:t1:"))
      .map((e) => e.value as { action: string; target: string });
    expect(events.find((e) => e.action === "data.erase")).toMatchObject({ target: "thread" });
  });

  it("is idempotent: a second run finds nothing", async () => {
    const r = await runCli(["erase", "--store", STORE, "--thread", ERASED, "--tenant", "t1"]);
    expect(r.stdout).toMatch(/^erased 0 records/);
  });

  it("--user (raw channel id) removes the person everywhere in every tenant; shared lists are rewritten", async () => {
    const r = await runCli(["erase", "--store", STORE, "--user", ALICE, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout.trim().split("\n").pop()!);
    expect(report.tenants).toEqual(["t1", "t2"]);
    expect(report.deleted.slackanon).toBe(2);
    expect(report.rewritten.roles).toBe(2);
    const after = await dump();
    for (const t of ["t1", "t2"]) {
      const all = text(after, t);
      expect(all).not.toContain(ALICE);
      expect(all).not.toContain(pseudo(t, ALICE));
      expect(after.get(`roles:${t}`)!.value).toMatchObject({ coaches: [BOB] });
      expect(all).toContain(pseudo(t, BOB));
    }
  });

  it("--user also takes the pseudonym, limited to one tenant", async () => {
    const p = pseudo("t2", BOB);
    const r = await runCli(["erase", "--store", STORE, "--user", p, "--tenant", "t2"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^erased [1-9]\d* records/);
    const after = await dump();
    expect(text(after, "t2")).not.toContain(p);
    expect(text(after, "t1")).toContain(pseudo("t1", BOB));
  });

  it("refuses without --user or --thread", async () => {
    const r = await runCli(["erase", "--store", STORE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give --user or --thread/);
  });
});
