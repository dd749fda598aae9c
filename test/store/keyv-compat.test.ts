// Our records are keyv's records: a stock Keyv with the stock adapter, namespace = record
// kind, reads what the store wrote and the store reads what Keyv wrote, expiry included.
// The stock adapters (@keyv/redis, @keyv/postgres) are devDependencies for this test only.
// SQLite has no stock adapter here (@keyv/sqlite would bring better-sqlite3): its rows are
// compared with keyv's own serialised records and @keyv/sqlite 6's table layout instead.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import Keyv from "keyv";
import KeyvRedis from "@keyv/redis";
import KeyvPostgres from "@keyv/postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { freshPostgres, freshRedis, POSTGRES, REDIS, SKIP_POSTGRES, SKIP_REDIS } from "./servers.js";

const tmp = mkdtempSync(join(tmpdir(), "aanzet-compat-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Open = () => Promise<{ url: string; keyv: (ns: string) => Keyv; done: () => Promise<void> }>;

const cases: Array<{ name: string; skip?: string | undefined; open: Open }> = [
  {
    name: "redis",
    skip: REDIS ? undefined : SKIP_REDIS,
    open: async () => {
      const url = await freshRedis(2);
      return { url, keyv: (ns) => new Keyv({ store: new KeyvRedis(url), namespace: ns }), done: async () => {} };
    },
  },
  {
    name: "postgres",
    skip: POSTGRES ? undefined : SKIP_POSTGRES,
    open: async () => {
      const db = await freshPostgres("compat");
      return {
        url: db.url,
        keyv: (ns) => new Keyv({ store: new KeyvPostgres({ uri: db.url }), namespace: ns }),
        done: db.drop,
      };
    },
  },
];

for (const c of cases) {
  describe.skipIf(!!c.skip)(`${c.name}: keyv format${c.skip ? ` (${c.skip})` : ""}`, () => {
    it("a stock Keyv and the store read each other's records", async () => {
      const { url, keyv, done } = await c.open();
      const store = await openStore(url);
      const kv = keyv("q");
      kv.on("error", () => undefined);
      try {
        await store.set("q:t1:ours", { text: ":colon first", n: 1 }, 60_000);
        expect(await kv.get("t1:ours")).toEqual({ text: ":colon first", n: 1 });
        await kv.set("t1:theirs", { from: "keyv" }, 60_000);
        expect(await store.get("q:t1:theirs")).toEqual({ from: "keyv" });
        await kv.set("t1:gone", "x", 1);
        await new Promise((r) => setTimeout(r, 20));
        expect(await store.get("q:t1:gone")).toBeUndefined();
        const keys: string[] = [];
        for await (const [k] of store.scan("q:t1:")) keys.push(k);
        expect(keys.sort()).toEqual(["q:t1:ours", "q:t1:theirs"]);
      } finally {
        await kv.disconnect().catch(() => undefined);
        await store.close();
        await done();
      }
    });
  });
}

describe("sqlite: keyv format", () => {
  it("rows are keyv's (namespace = kind, keyv's serialised envelope), both ways, expiry included", async () => {
    const path = join(tmp, "compat.sqlite");
    const store = await openStore(`sqlite://${path}`);
    // keyv's own records, as its serialiser and namespacing write them (a Map store shows them).
    const theirs = new Map<string, { value: string; expires?: number }>();
    const kv = new Keyv({ store: theirs, namespace: "q" });
    await kv.set("t1:theirs", { from: "keyv" }, 60_000);
    await kv.set("t1:gone", "x", 1);
    await store.set("q:t1:ours", { text: ":colon first", n: 1 }, 60_000);
    const db = new DatabaseSync(path);
    try {
      // @keyv/sqlite 6's columns and unique (key, namespace).
      const cols = (db.prepare("PRAGMA table_info(keyv)").all() as Array<{ name: string }>).map((c) => c.name);
      expect(cols).toEqual(["key", "value", "namespace", "expires"]);
      const unique = (db.prepare("PRAGMA index_list(keyv)").all() as Array<{ name: string; unique: number }>).filter(
        (i) => i.unique === 1,
      );
      expect(
        unique.map((i) =>
          (db.prepare(`PRAGMA index_info("${i.name}")`).all() as Array<{ name: string }>).map((c) => c.name),
        ),
      ).toContainEqual(["key", "namespace"]);
      const insert = db.prepare("INSERT INTO keyv (key, value, namespace, expires) VALUES (?, ?, ?, ?)");
      for (const [k, v] of theirs) {
        const [ns, key] = k.split("::") as [string, string];
        insert.run(key, v.value, ns, v.expires ?? null);
      }
      await new Promise((r) => setTimeout(r, 20));
      expect(await store.get("q:t1:theirs")).toEqual({ from: "keyv" });
      expect(await store.get("q:t1:gone")).toBeUndefined();
      // Our row, handed to keyv as its own record, reads back.
      const row = db.prepare("SELECT value, expires FROM keyv WHERE namespace = 'q' AND key = 't1:ours'").get() as {
        value: string;
        expires: number;
      };
      theirs.set("q::t1:ours", { value: row.value, expires: row.expires });
      expect(await kv.get("t1:ours")).toEqual({ text: ":colon first", n: 1 });
      const keys: string[] = [];
      for await (const [k] of store.scan("q:t1:")) keys.push(k);
      expect(keys.sort()).toEqual(["q:t1:ours", "q:t1:theirs"]);
    } finally {
      db.close();
      await store.close();
    }
  });
});
