// Opens the Store named by a URL: memory://, sqlite://<path>, redis://..., postgres://...
import { resolve } from "node:path";
import { AanzetError } from "../core/errors.js";
import { GuardedStore } from "./guarded-store.js";
import { MemoryBackend } from "./memory-backend.js";
import { openPostgres } from "./postgres-connection.js";
import { RedisBackend } from "./redis-backend.js";
import { POSTGRES, SQLITE, SqlBackend } from "./sql-backend.js";
import { openSqlite } from "./sqlite-connection.js";
import type { Backend } from "./types.js";

export type { AdminStore, StoredEntry } from "./types.js";
export { isAdminStore } from "./types.js";
export { GuardedStore } from "./guarded-store.js";

export interface StoreOptions {
  /** Longest wait for one store operation before it fails with STORE_UNAVAILABLE. */
  timeoutMs?: number;
  /** Longest wait for a connection to Redis or PostgreSQL. */
  connectTimeoutMs?: number;
  /** PostgreSQL pool size per process. */
  poolSize?: number;
}

const DEFAULTS = { timeoutMs: 5000, connectTimeoutMs: 2000, poolSize: 20 };

/** Open the store for `url`. Relative sqlite paths resolve against `cwd`. */
export async function openStore(url: string, cwd = process.cwd(), options: StoreOptions = {}): Promise<GuardedStore> {
  const o = { ...DEFAULTS, ...options };
  const scheme = url.split(":")[0];
  // Backend error events (a connection dropped while idle) reach the guard once it exists.
  let guard: GuardedStore | undefined;
  const onError = (err: Error) => guard?.backendError(err);
  let backend: Backend;
  try {
    switch (scheme) {
      case "memory":
        backend = new MemoryBackend();
        break;
      case "sqlite": {
        const raw = url.replace(/^sqlite:\/\//, "");
        if (!raw)
          throw new AanzetError(
            "CONFIG_INVALID",
            'sqlite store URL without a path: use sqlite://<path>, e.g. "sqlite://data/aanzet.sqlite"',
          );
        const path = raw === ":memory:" ? raw : resolve(cwd, raw);
        backend = new SqlBackend(await openSqlite(path, o.timeoutMs), SQLITE);
        break;
      }
      case "redis":
      case "rediss":
        backend = await RedisBackend.open(url, { connectTimeoutMs: o.connectTimeoutMs, onError });
        break;
      case "postgres":
      case "postgresql":
        backend = new SqlBackend(
          // Waiting for a free pool connection counts against connectTimeoutMs in pg: under a burst
          // that wait is backpressure, not an outage, so it may last as long as an operation.
          await openPostgres(url, {
            connectTimeoutMs: Math.max(o.connectTimeoutMs, o.timeoutMs),
            queryTimeoutMs: o.timeoutMs * 2,
            max: o.poolSize,
            onError,
          }),
          POSTGRES,
        );
        break;
      default:
        throw new AanzetError(
          "CONFIG_INVALID",
          `unknown store URL "${url}": use sqlite://<path>, memory://, redis://... or postgres://...`,
        );
    }
  } catch (err) {
    if (err instanceof AanzetError) throw err;
    throw new AanzetError("STORE_UNAVAILABLE", `cannot open the store (${scheme}): ${(err as Error).message}`, {
      cause: err,
    });
  }
  guard = new GuardedStore(backend, { timeoutMs: o.timeoutMs, breakerMs: 1000 });
  return guard;
}
