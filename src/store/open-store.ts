// Opens the Store named by a URL: memory://, sqlite://<path>, redis://..., postgres://...
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Keyv from "keyv";
import { AanzetError } from "../core/errors.js";
import { KeyvStore } from "./keyv-store.js";

/** Open the store for `url`. Relative sqlite paths resolve against `cwd`. */
export async function openStore(url: string, cwd = process.cwd()): Promise<KeyvStore> {
  const scheme = url.split(":")[0];
  switch (scheme) {
    case "memory": {
      const maps = new Map<string, Map<string, unknown>>();
      return new KeyvStore((ns) => {
        const m = maps.get(ns) ?? maps.set(ns, new Map()).get(ns)!;
        return new Keyv({ store: m, namespace: ns });
      });
    }
    case "sqlite": {
      const { default: KeyvSqlite } = await import("@keyv/sqlite");
      const raw = url.replace(/^sqlite:\/\//, "");
      const path = raw === ":memory:" ? raw : resolve(cwd, raw);
      if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
      // keyv adapters keep the namespace as their own state, so each record kind gets its
      // own adapter (its own connection to the same file); WAL lets them work side by side.
      return new KeyvStore(
        (ns) => new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${path}`, wal: true, busyTimeout: 5000 } as never), namespace: ns }),
      );
    }
    case "redis":
    case "rediss": {
      const { default: KeyvRedis } = await import("@keyv/redis");
      return new KeyvStore((ns) => new Keyv({ store: new KeyvRedis(url, { connectionTimeout: 2000 } as never), namespace: ns }));
    }
    case "postgres":
    case "postgresql": {
      const { default: KeyvPostgres } = await import("@keyv/postgres");
      return new KeyvStore((ns) => new Keyv({ store: new KeyvPostgres({ uri: url } as never), namespace: ns }));
    }
    default:
      throw new AanzetError("CONFIG_INVALID", `unknown store URL "${url}": use sqlite://<path>, memory://, redis://... or postgres://...`);
  }
}
