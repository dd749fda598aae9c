// Opens the Store named by a URL: memory://, sqlite://<path>, redis://..., postgres://...
// Opening has a deadline: a malformed URL, an unwritable path or a server that does not answer
// ends in one AanzetError naming where the URL came from (--store or AANZET_STORE) and the
// cause, within `openDeadlineMs`, never a hang.
import { resolve } from "node:path";
import { AanzetError } from "../core/errors.js";
import type { Clock } from "../core/ports.js";
import { GuardedStore } from "./guarded-store.js";
import { MemoryBackend } from "./memory-backend.js";
import { OutageBuffer } from "./outage-buffer.js";
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
  /** Longest wait for the whole open (connect, schema, first read). */
  openDeadlineMs?: number;
  /** PostgreSQL pool size per process. */
  poolSize?: number;
  /** Where the URL came from, for the error line: "--store" or "AANZET_STORE". */
  source?: string;
  /** A server store that cannot be reached at open is returned in the down state (its calls
   * fail fast and it recovers by itself) instead of refusing. For a store this data folder has
   * reached before (an outage, not a misconfiguration): see src/store/outage-state.ts. */
  allowDown?: boolean;
  /** Local file for what an outage must not lose (outage-buffer.ts). A non-empty file means a
   * restart in the middle of an outage: the store may then be down at open (allowDown). */
  spillFile?: string;
  clock?: Clock;
}

const DEFAULTS = { timeoutMs: 5000, connectTimeoutMs: 2000, openDeadlineMs: 2500, poolSize: 20 };

/** A store URL without its password, for messages. */
export function redactStoreUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, "//$1:***@");
}

function causeOf(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === "string" ? e.code : "";
  const msg = typeof e?.message === "string" ? e.message.split("\n")[0]!.slice(0, 160) : String(err).slice(0, 160);
  return code && !msg.includes(code) ? `${code}: ${msg}` : msg;
}

/** Reject after `ms`; `late` receives the value if it arrives after the deadline (to close it). */
function withDeadline<T>(work: Promise<T>, ms: number, late: (value: T) => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: "ETIMEDOUT" }));
    }, ms);
  });
  work.then(
    (v) => {
      if (expired) late(v);
    },
    () => undefined,
  );
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Open the store for `url`. Relative sqlite paths resolve against `cwd`. */
export async function openStore(url: string, cwd = process.cwd(), options: StoreOptions = {}): Promise<GuardedStore> {
  const o = { ...DEFAULTS, ...options };
  const scheme = url.split(":")[0] ?? "";
  const name = `${o.source ?? "store URL"} ${redactStoreUrl(url)}`;
  // Backend error events (a connection dropped while idle) reach the guard once it exists.
  let guard: GuardedStore | undefined;
  let firstError: Error | undefined;
  const onError = (err: Error) => {
    firstError ??= err;
    guard?.backendError(err);
  };
  const buffer = o.spillFile ? new OutageBuffer(o.spillFile) : undefined;
  const allowDown = o.allowDown ?? (o.spillFile !== undefined && OutageBuffer.hasSpill(o.spillFile));
  const guarded = (backend: Backend) =>
    new GuardedStore(backend, {
      timeoutMs: o.timeoutMs,
      breakerMs: 1000,
      ...(o.clock ? { clock: o.clock } : {}),
      ...(buffer ? { buffer } : {}),
    });
  if (!["memory", "sqlite", "redis", "rediss", "postgres", "postgresql"].includes(scheme))
    throw new AanzetError(
      "CONFIG_INVALID",
      `${name}: unknown store URL scheme "${scheme}"; use sqlite://<path>, memory://, redis://... or postgres://...`,
    );
  if (scheme !== "memory" && scheme !== "sqlite") {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new AanzetError("CONFIG_INVALID", `${name}: malformed URL; expected e.g. ${scheme}://host:port/...`);
    }
    if (!parsed.hostname) throw new AanzetError("CONFIG_INVALID", `${name}: malformed URL; no host name`);
  }
  const open = async (): Promise<Backend> => {
    switch (scheme) {
      case "memory":
        return new MemoryBackend();
      case "sqlite": {
        const raw = url.replace(/^sqlite:\/\//, "");
        if (!raw)
          throw new AanzetError(
            "CONFIG_INVALID",
            `${name}: no path; use sqlite://<path>, e.g. "sqlite://data/aanzet.sqlite"`,
          );
        const path = raw === ":memory:" ? raw : resolve(cwd, raw);
        return new SqlBackend(await openSqlite(path, o.timeoutMs), SQLITE);
      }
      case "redis":
      case "rediss":
        return RedisBackend.open(url, { connectTimeoutMs: Math.min(o.connectTimeoutMs, o.openDeadlineMs), onError });
      default:
        return new SqlBackend(
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
    }
  };
  const closeLate = (b: Backend) => void b.close().catch(() => undefined);
  let backend: Backend | undefined;
  try {
    backend = await withDeadline(open(), o.openDeadlineMs, closeLate);
    // One read proves the store answers (Redis connects in the background).
    const probe = backend.get("meta:open-probe", o.clock?.now().getTime() ?? Date.now());
    await withDeadline(probe, o.openDeadlineMs, () => undefined);
  } catch (err) {
    if (err instanceof AanzetError) throw err;
    // Redis still connecting when the wait ended, without any connection error: it is silent.
    const cause =
      firstError !== undefined
        ? causeOf(firstError)
        : /offline/i.test(causeOf(err))
          ? `no answer within ${Math.min(o.connectTimeoutMs, o.openDeadlineMs)} ms`
          : causeOf(err);
    if (allowDown && backend && (scheme.startsWith("redis") || scheme.startsWith("postgres"))) {
      guard = guarded(backend);
      guard.backendError(Object.assign(new Error(cause), { code: "ECONNREFUSED" }));
      return guard;
    }
    if (backend) await withDeadline(backend.close(), 500, () => undefined).catch(() => undefined);
    throw new AanzetError("STORE_UNAVAILABLE", `${name}: cannot open the store: ${cause}`, {
      cause: err,
    });
  }
  guard = guarded(backend);
  // Left over from an outage before a restart: written now that the store answers.
  await guard.flushOutage();
  return guard;
}
