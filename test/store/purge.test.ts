// Retention: `aanzet purge` removes what is older than its kind's retention (AANZET_RETENTION_DAYS,
// overrides in AANZET_RETENTION) and physically deletes expired rows; configuration stays.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { parseRetention } from "../../src/config.js";
import { startMaintenance } from "../../src/store/maintenance.js";
import { openStore } from "../../src/store/open-store.js";
import { silentLog } from "../../src/core/ports.js";
import { runCli } from "../helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "aanzet-purge-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

function rows(path: string): number {
  const db = new DatabaseSync(path);
  const n = (db.prepare("SELECT COUNT(*) AS n FROM keyv").get() as { n: number }).n;
  db.close();
  return n;
}

describe("purge", () => {
  it("deletes past-retention records per kind, keeps configuration, removes expired rows from disk", async () => {
    const path = join(tmp, "p.sqlite");
    const s = await openStore(`sqlite://${path}`);
    await s.set("q:t1:old", { at: ago(400) });
    await s.set("q:t1:new", { at: ago(10) });
    await s.set("q:t2:old", { at: ago(366) });
    await s.set("audit:t1:old", { at: ago(400) });
    await s.set("audit:t1:ancient", { at: ago(800) });
    await s.set("flow:t1:th", { updatedAt: ago(100), startedAt: ago(300) });
    await s.set("flow:t1:fresh", { updatedAt: ago(5), startedAt: ago(300) });
    await s.set("settings:t1", { patterns: {}, updatedAt: ago(1000) });
    await s.set("roles:t1", { coaches: [], updatedAt: ago(1000) });
    await s.set("seen:t1:x", 1, 1);
    await s.close();
    await new Promise((r) => setTimeout(r, 10));
    expect(rows(path)).toBe(10);

    // With the secret in the environment the CLI adds no meta record of its own.
    const env = { AANZET_RETENTION: "audit=730,flow=90", AANZET_PSEUDONYM_SECRET: "purge-test-secret-0123456789" };
    const dry = await runCli(["purge", "--store", `sqlite://${path}`, "--dry-run"], { env });
    expect(dry.stdout).toMatch(/^would purge 0 expired and 4 past-retention records \(audit 1, flow 1, q 2\)/);
    expect(rows(path)).toBe(10);

    const r = await runCli(["purge", "--store", `sqlite://${path}`, "--json"], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^purged 1 expired and 4 past-retention records \(audit 1, flow 1, q 2\); kept as configuration: .*roles.*settings/,
    );
    const after = await openStore(`sqlite://${path}`);
    const keys: string[] = [];
    for (const kind of await after.kinds()) for await (const [k] of after.scan(`${kind}:`)) keys.push(k);
    await after.close();
    expect(keys.sort()).toEqual(["audit:t1:old", "flow:t1:fresh", "q:t1:new", "roles:t1", "settings:t1"]);
    expect(rows(path)).toBe(5);
  });

  it("refuses a malformed AANZET_RETENTION with the variable named", async () => {
    expect(() => parseRetention("audit=zeven", 365)).toThrow(/AANZET_RETENTION: "audit=zeven"/);
    expect(parseRetention(" audit = 730 , flow=90 ", 365)).toEqual({
      defaultDays: 365,
      perKind: { audit: 730, flow: 90 },
    });
    const r = await runCli(["purge", "--store", "memory://"], { env: { AANZET_RETENTION: "q=-1" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/AANZET_RETENTION/);
  });

  it("serve's maintenance writes queued records within seconds while any wait", async () => {
    let pending = 2;
    const queue = {
      get pending() {
        return pending;
      },
      flush: async () => {
        const n = pending;
        pending = 0;
        return n;
      },
    };
    const stop = startMaintenance({
      store: await openStore("memory://"),
      log: silentLog,
      retention: parseRetention(undefined, 365),
      purgeHours: 24,
      queue,
      flushEveryMs: 20,
    });
    await new Promise((r) => setTimeout(r, 80));
    stop();
    expect(pending).toBe(0);
  });
});
