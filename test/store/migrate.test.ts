// `aanzet migrate` copies every record of every kind, with its remaining lifetime, between
// any two stores: sqlite -> postgres -> redis -> sqlite when the servers are there, and
// sqlite -> sqlite and sqlite -> memory always.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../src/store/migrate.js";
import { openStore, type AdminStore, type StoredEntry } from "../../src/store/open-store.js";
import { runCli } from "../helpers/cli.js";
import { freshPostgres, freshRedis, POSTGRES, REDIS, SKIP_POSTGRES, SKIP_REDIS } from "./servers.js";

const tmp = mkdtempSync(join(tmpdir(), "aanzet-migrate-"));
const SOURCE = `sqlite://${join(tmp, "source.sqlite")}`;
const HOUR = 3_600_000;

async function dump(store: AdminStore): Promise<Map<string, StoredEntry>> {
  const out = new Map<string, StoredEntry>();
  for (const kind of await store.kinds()) for await (const e of store.entries(`${kind}:`)) out.set(e.key, e);
  return out;
}

async function dumpUrl(url: string): Promise<Map<string, StoredEntry>> {
  const s = await openStore(url);
  try {
    return await dump(s);
  } finally {
    await s.close();
  }
}

/** The copy holds the same records and expiries (to the second) as the source. */
function expectSame(copy: Map<string, StoredEntry>, source: Map<string, StoredEntry>): void {
  expect([...copy.keys()].sort()).toEqual([...source.keys()].sort());
  for (const [k, e] of source) {
    expect(copy.get(k)!.value, k).toEqual(e.value);
    if (e.expires === undefined) expect(copy.get(k)!.expires, k).toBeUndefined();
    else expect(Math.abs(copy.get(k)!.expires! - e.expires), k).toBeLessThan(2000);
  }
}

let source: Map<string, StoredEntry>;

beforeAll(async () => {
  const s = await openStore(SOURCE);
  const now = new Date().toISOString();
  await s.set("meta:pseudonym-secret", "a".repeat(64));
  for (const t of ["t1", "t2"]) {
    for (let i = 0; i < 120; i++) {
      await s.set(
        `q:${t}:slack:Ev${i}`,
        {
          id: `slack:Ev${i}`,
          tenant: t,
          text: `vraag ${i}`,
          user: "u_0123456789abcdef0123",
          thread: `C1:${i}.1`,
          at: now,
        },
        365 * 24 * HOUR,
      );
    }
    await s.set(
      `flow:${t}:C1:5.1`,
      { v: 1, id: "OT-AAAAAA", thread: "C1:5.1", history: ["wens"], updatedAt: now },
      30 * 24 * HOUR,
    );
    await s.add(`audit:${t}:${now}:abcd`, { at: now, tenant: t, who: "cli", action: "roles.grant", target: "U1" });
    await s.set(`group:${t}:g1`, { id: "g1", size: 3, recent: [] });
    await s.add(`member:${t}:g1:slack:Ev1`, { group: "g1", recordId: "slack:Ev1" });
    await s.set(`settings:${t}`, { patterns: { minCases: 4 } });
    await s.set(`roles:${t}`, { coaches: ["U1"], leads: [], admins: [] });
    await s.add(`seen:${t}:slack:Ev1`, 1, 24 * HOUR);
    await s.set(`seen:${t}:slack:gone`, 1, 1);
  }
  await new Promise((r) => setTimeout(r, 20));
  source = await dump(s);
  await s.close();
  expect(source.has("seen:t1:slack:gone")).toBe(false);
  expect(source.size).toBe(1 + 2 * 127);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("migrate", () => {
  it("sqlite -> sqlite through the CLI, with a count per kind", async () => {
    const target = `sqlite://${join(tmp, "copy.sqlite")}`;
    const r = await runCli(["migrate", "--from", SOURCE, "--to", target]);
    expect(r.stderr).not.toMatch(/aanzet: /);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /migrated 255 records .*: audit 2, flow 2, group 2, member 2, meta 1, q 240, roles 2, seen 2, settings 2/,
    );
    expectSame(await dumpUrl(target), source);
  });

  it("sqlite -> memory in process", async () => {
    const from = await openStore(SOURCE);
    const to = await openStore("memory://");
    const r = await migrate(from, to);
    expect(r.total).toBe(255);
    expectSame(await dump(to), source);
    await from.close();
    await to.close();
  });

  it("a bad target is one clear error line and a non-zero exit", async () => {
    const r = await runCli(["migrate", "--from", SOURCE, "--to", "ftp://x"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^aanzet: --to ftp:\/\/x: unknown store URL scheme "ftp"/);
    const u = await runCli(["migrate", "--from", SOURCE]);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/usage: aanzet migrate --from/);
  });

  describe.skipIf(!REDIS || !POSTGRES)(
    `sqlite -> postgres -> redis -> sqlite${!REDIS ? ` (${SKIP_REDIS})` : !POSTGRES ? ` (${SKIP_POSTGRES})` : ""}`,
    () => {
      it("arrives unchanged after three hops", async () => {
        const pg = await freshPostgres("migrate");
        // The test server trusts loopback, so a password is accepted and must never be shown.
        const pgUrl = new URL(pg.url);
        pgUrl.password = "geheim-wachtwoord";
        const redis = await freshRedis(3);
        const back = `sqlite://${join(tmp, "back.sqlite")}`;
        try {
          for (const [from, to] of [
            [SOURCE, pgUrl.toString()],
            [pgUrl.toString(), redis],
            [redis, back],
          ] as const) {
            const r = await runCli(["migrate", "--from", from, "--to", to]);
            expect(r.code, r.stderr).toBe(0);
            expect(r.stdout).toMatch(/migrated 255 records/);
            expect(r.stdout + r.stderr).not.toContain("geheim-wachtwoord");
          }
          expectSame(await dumpUrl(pg.url), source);
          expectSame(await dumpUrl(redis), source);
          expectSame(await dumpUrl(back), source);
        } finally {
          await pg.drop();
        }
      });
    },
  );
});
