// One contract for every store: memory, SQLite, Redis and PostgreSQL run the same cases.
// Redis and PostgreSQL need real servers (AANZET_TEST_REDIS / AANZET_TEST_POSTGRES, set by
// .ci/run); without them their suites are skipped and say so.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AanzetError } from "../../src/core/errors.js";
import { openStore, type GuardedStore } from "../../src/store/open-store.js";
import { announceSkips, freshPostgres, freshRedis, POSTGRES, REDIS, SKIP_POSTGRES, SKIP_REDIS } from "./servers.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST_OPEN_STORE = join(ROOT, "dist/src/store/open-store.js");
const tmp = mkdtempSync(join(tmpdir(), "aanzet-contract-"));
announceSkips("store-contract");

interface Target {
  name: string;
  skip?: string | undefined;
  /** A fresh, empty store location for this suite. */
  setup(): Promise<{ url: string; teardown?: () => Promise<void> }>;
  /** Several processes can share it (everything but memory). */
  shared: boolean;
}

const targets: Target[] = [
  { name: "memory", shared: false, setup: async () => ({ url: "memory://" }) },
  { name: "sqlite", shared: true, setup: async () => ({ url: `sqlite://${join(tmp, "contract.sqlite")}` }) },
  {
    name: "redis",
    shared: true,
    skip: REDIS ? undefined : SKIP_REDIS,
    setup: async () => ({ url: await freshRedis(1) }),
  },
  {
    name: "postgres",
    shared: true,
    skip: POSTGRES ? undefined : SKIP_POSTGRES,
    setup: async () => {
      const db = await freshPostgres("contract");
      return { url: db.url, teardown: db.drop };
    },
  },
];

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function collect<T>(it: AsyncIterable<[string, T]>): Promise<Array<[string, T]>> {
  const out: Array<[string, T]> = [];
  for await (const x of it) out.push(x);
  return out;
}

for (const t of targets) {
  describe.skipIf(!!t.skip)(`${t.name} store${t.skip ? ` (${t.skip})` : ""}`, () => {
    let url: string;
    let teardown: (() => Promise<void>) | undefined;
    let store: GuardedStore;

    beforeAll(async () => {
      ({ url, teardown } = await t.setup());
      store = await openStore(url);
    });
    afterAll(async () => {
      await store?.close();
      await teardown?.();
    });

    it("gets what it set, as a copy, for every JSON shape; absent keys are undefined", async () => {
      const values: unknown[] = [
        { a: 1, nested: { list: [1, "twee", null, true] } },
        ":starts with a colon",
        "",
        0,
        false,
        null,
        [],
        "tekst met ë, emoji 🚀 en \u0000 nul",
      ];
      for (const [i, v] of values.entries()) await store.set(`val:t1:${i}`, v);
      for (const [i, v] of values.entries()) expect(await store.get(`val:t1:${i}`)).toEqual(v);
      expect(await store.get("val:t1:missing")).toBeUndefined();
      const obj = await store.get<{ a: number }>("val:t1:0");
      obj!.a = 99;
      expect((await store.get<{ a: number }>("val:t1:0"))!.a).toBe(1);
      await store.set("val:t1:0", { replaced: true });
      expect(await store.get("val:t1:0")).toEqual({ replaced: true });
    });

    it("expires records after their ttl: get, scan and add all treat them as gone", async () => {
      await store.set("ttl:t1:short", "weg", 250);
      await store.set("ttl:t1:long", "blijft", 60_000);
      expect(await store.add("ttl:t1:claim", 1, 250)).toBe(true);
      expect(await store.get("ttl:t1:short")).toBe("weg");
      await sleep(400);
      expect(await store.get("ttl:t1:short")).toBeUndefined();
      expect(await store.get("ttl:t1:long")).toBe("blijft");
      expect((await collect(store.scan("ttl:t1:"))).map(([k]) => k)).toEqual(["ttl:t1:long"]);
      // An expired claim can be taken again (dedupe marks, locks).
      expect(await store.add("ttl:t1:claim", 2, 60_000)).toBe(true);
      expect(await store.get("ttl:t1:claim")).toBe(2);
      const [long] = await collect2(store.entries("ttl:t1:long"));
      expect(long!.expires).toBeGreaterThan(Date.now() + 50_000);
      expect(await store.purgeExpired()).toBeGreaterThanOrEqual(0);
    });

    it("deletes: true when the record existed, then it is gone", async () => {
      await store.set("del:t1:x", 1);
      expect(await store.delete("del:t1:x")).toBe(true);
      expect(await store.get("del:t1:x")).toBeUndefined();
      expect(await store.delete("del:t1:x")).toBe(false);
    });

    it("add writes only when absent and never overwrites", async () => {
      expect(await store.add("add:t1:k", { first: true })).toBe(true);
      expect(await store.add("add:t1:k", { first: false })).toBe(false);
      expect(await store.get("add:t1:k")).toEqual({ first: true });
    });

    it("add is atomic under concurrency: one winner per key across connections", async () => {
      const other = await openStore(url);
      const extra = t.shared ? await openStore(url) : store;
      try {
        const keys = Array.from({ length: 150 }, (_, i) => `race:t1:${i}`);
        const tries = keys.flatMap((k) =>
          [store, other, extra, store].map((s, j) => ({ s: t.shared ? s : store, k, j })),
        );
        const results = await Promise.all(
          tries.map(({ s, k, j }) => s.add(k, { j }, 60_000).then((won) => ({ k, j, won }))),
        );
        for (const k of keys) expect(results.filter((r) => r.k === k && r.won)).toHaveLength(1);
        const winner = results.find((r) => r.k === "race:t1:7" && r.won)!;
        expect(await store.get("race:t1:7")).toEqual({ j: winner.j });
      } finally {
        await other.close();
        if (extra !== store) await extra.close();
      }
    });

    it.runIf(t.shared)("add is atomic across processes: 4 processes race for 300 keys, exactly 300 wins", async () => {
      const startAt = Date.now() + 1500;
      const outs = await Promise.all(
        ["p1", "p2", "p3", "p4"].map((label) =>
          run(
            process.execPath,
            [
              "--disable-warning=ExperimentalWarning",
              join(ROOT, "test/store/fixtures/add-race.mjs"),
              DIST_OPEN_STORE,
              url,
              label,
              "xrace:t1:",
              "300",
              String(startAt),
            ],
            {
              timeout: 20_000,
            },
          ),
        ),
      );
      const won = outs.map((o) => JSON.parse(o.stdout) as string[]);
      const all = won.flat();
      expect(all).toHaveLength(300);
      expect(new Set(all).size).toBe(300);
      // The stored value is the winner's, for every key.
      const byKey = new Map(
        outs.flatMap((o, i) => (JSON.parse(o.stdout) as string[]).map((k) => [k, `p${i + 1}`] as const)),
      );
      for await (const [k, v] of store.scan<{ by: string }>("xrace:t1:")) expect(v.by).toBe(byKey.get(k));
    });

    it("scans by prefix, in pages, without crossing into another tenant or kind", async () => {
      const n = 1234; // more than two pages
      await Promise.all(Array.from({ length: n }, (_, i) => store.set(`q:t1:${String(i).padStart(5, "0")}`, { i })));
      await store.set("q:t10:other-tenant", { i: -1 });
      await store.set("q:t2:other", { i: -2 });
      await store.set("seen:t1:00001", { i: -3 });
      await store.set("qx:t1:00001", { i: -4 });
      const got = await collect(store.scan<{ i: number }>("q:t1:"));
      expect(got).toHaveLength(n);
      expect(new Set(got.map(([k]) => k)).size).toBe(n);
      expect(got.every(([k, v]) => k.startsWith("q:t1:") && v.i >= 0)).toBe(true);
      expect((await collect(store.scan("q:t10:"))).map(([k]) => k)).toEqual(["q:t10:other-tenant"]);
      expect(await store.kinds()).toEqual(expect.arrayContaining(["q", "qx", "seen"]));
    });

    it("scans keys with glob, LIKE and non-ASCII characters literally", async () => {
      const odd = ["a*b", "a?b", "a[b]", "a%b", "a_b", "a\\b", "ä:ö", "a::b", "a b"];
      for (const o of odd) await store.set(`odd:t1:${o}`, o);
      for (const o of odd) {
        const got = await collect(store.scan<string>(`odd:t1:${o}`));
        expect(got.map(([, v]) => v)).toEqual([o]);
      }
      expect((await collect(store.scan("odd:t1:a"))).length).toBe(odd.length - 1);
    });

    it("refuses bad keys and values with a clear STORE_ERROR", async () => {
      for (const bad of ["nokind", ":t1:x", "bad kind:t1:x", `q:t1:${"x".repeat(1001)}`]) {
        await expect(store.set(bad, 1)).rejects.toMatchObject({ code: "STORE_ERROR" });
      }
      await expect(store.set("q:t1:u", undefined)).rejects.toMatchObject({ code: "STORE_ERROR" });
    });

    it("after close every call fails with STORE_UNAVAILABLE instead of hanging", async () => {
      const s = await openStore(url);
      await s.set("close:t1:x", 1);
      await s.close();
      await s.close();
      const started = Date.now();
      await expect(s.get("close:t1:x")).rejects.toBeInstanceOf(AanzetError);
      await expect(s.add("close:t1:y", 1)).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
      expect(Date.now() - started).toBeLessThan(500);
      // The data outlives the closed handle (memory:// lives and dies with its handle).
      if (t.shared) expect(await store.get("close:t1:x")).toBe(1);
    });
  });
}

async function collect2<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("a store that cannot be reached", () => {
  it("redis: opening fails fast with STORE_UNAVAILABLE naming the cause", async () => {
    await expect(
      openStore("redis://127.0.0.1:1", process.cwd(), { connectTimeoutMs: 300, timeoutMs: 1000 }),
    ).rejects.toMatchObject({ code: "STORE_UNAVAILABLE", message: expect.stringContaining("ECONNREFUSED") });
  });

  it("redis with allowDown (a known store in an outage): opens down, operations fail fast, nothing hangs", async () => {
    const s = await openStore("redis://127.0.0.1:1", process.cwd(), {
      connectTimeoutMs: 300,
      timeoutMs: 1000,
      allowDown: true,
    });
    try {
      expect(s.available).toBe(false);
      await expect(s.set("q:t1:x", 1)).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
      await expect(s.get("q:t1:x")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
      await expect(collect(s.scan("q:t1:"))).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    } finally {
      await s.close();
    }
  });

  it("postgres: opening fails fast with STORE_UNAVAILABLE", async () => {
    const started = Date.now();
    await expect(
      openStore("postgres://nobody@127.0.0.1:1/none", process.cwd(), { connectTimeoutMs: 500 }),
    ).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("an unknown scheme is a CONFIG_INVALID error naming the accepted forms", async () => {
    await expect(openStore("mongodb://x")).rejects.toMatchObject({ code: "CONFIG_INVALID" });
  });
});
