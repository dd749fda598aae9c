// Our records are keyv's records: a stock Keyv with the stock adapter, namespace = record
// kind, reads what the store wrote and the store reads what Keyv wrote, expiry included.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Keyv from "keyv";
import KeyvSqlite from "@keyv/sqlite";
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
    name: "sqlite",
    open: async () => {
      const path = join(tmp, "compat.sqlite");
      return {
        url: `sqlite://${path}`,
        keyv: (ns) => new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${path}` }), namespace: ns }),
        done: async () => {},
      };
    },
  },
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
