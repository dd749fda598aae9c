// The Store the app uses, around any backend: keys checked, every call bounded by a timeout,
// failures turned into AanzetError (STORE_UNAVAILABLE when the store cannot be reached), and
// a short circuit breaker so that, while the store is down, calls fail at once instead of
// each waiting for its own timeout. Nothing here throws anything but AanzetError.
// While the store is down a probe runs every `probeMs`, so availability (and /healthz) recovers
// by itself; an optional OutageBuffer keeps dedupe keys, thread markers and question records
// meanwhile and writes them when the store is back (outage-buffer.ts).
import { AanzetError } from "../core/errors.js";
import type { Clock } from "../core/ports.js";
import { systemClock } from "../core/ports.js";
import { decode, encode } from "./codec.js";
import { type OutageBuffer, outagePolicy } from "./outage-buffer.js";
import type { AdminStore, Backend, StoredEntry } from "./types.js";

export interface GuardOptions {
  /** Longest wait for one operation (one page of a scan). */
  timeoutMs: number;
  /** After a connection failure, calls fail at once for this long, then one is tried again. */
  breakerMs: number;
  clock?: Clock;
  /** While down, how often one read checks whether the store is back (default 500 ms). */
  probeMs?: number;
  /** Keeps what must survive an outage (dedupe keys, thread markers, question records). */
  buffer?: OutageBuffer;
}

/** Longest key in bytes: fits every backend's key column and index. */
export const MAX_KEY_BYTES = 1000;
const KIND = /^[A-Za-z0-9_-]{1,64}$/;
const PAGE = 500;

/** Error codes and messages that mean "cannot reach the store", not "bad request". */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
]);
const UNAVAILABLE_TEXT =
  /offline|closed|not connected|connection|terminat|timed? ?out|timeout|database is locked|socket|ECONN|shutting down/i;

function unavailable(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown; message?: unknown };
  const code = typeof e?.code === "string" ? e.code : "";
  // PostgreSQL SQLSTATE classes: 08 connection, 53 resources, 57 operator intervention.
  if (/^(08|53|57)[0-9A-Z]{3}$/.test(code)) return true;
  if (NETWORK_CODES.has(code)) return true;
  const name = typeof e?.name === "string" ? e.name : "";
  if (/ClientOffline|ClientClosed|SocketClosed|ConnectionTimeout|Reconnect/i.test(name)) return true;
  return typeof e?.message === "string" && UNAVAILABLE_TEXT.test(e.message);
}

/** Errors that say the store is not there at all (as opposed to slow): open the breaker at once. */
function refused(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown; message?: unknown };
  const code = typeof e?.code === "string" ? e.code : "";
  if (["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "57P01", "57P02", "57P03"].includes(code))
    return true;
  const name = typeof e?.name === "string" ? e.name : "";
  return (
    /ClientOffline|ClientClosed|SocketClosed/i.test(name) ||
    (typeof e?.message === "string" && /offline|closed/i.test(e.message))
  );
}

/** Timeouts in a row that open the breaker: one slow answer under load is not an outage. */
const TIMEOUTS_TO_OPEN = 3;

function describe(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown; message?: unknown };
  const code = typeof e?.code === "string" ? e.code : typeof e?.name === "string" ? e.name : "error";
  const msg = typeof e?.message === "string" ? e.message.split("\n")[0]!.slice(0, 160) : String(err).slice(0, 160);
  return `${code}: ${msg}`;
}

export class GuardedStore implements AdminStore {
  private openUntil = 0;
  private down = false;
  private failures = 0;
  private closed = false;
  private readonly listeners: Array<(up: boolean, code?: string) => void> = [];
  private readonly clock: Clock;
  private probeTimer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;

  constructor(
    private readonly backend: Backend,
    private readonly opts: GuardOptions,
  ) {
    this.clock = opts.clock ?? systemClock;
  }

  get scheme(): Backend["scheme"] {
    return this.backend.scheme;
  }

  get available(): boolean {
    return !this.down;
  }

  onAvailability(listener: (up: boolean, code?: string) => void): void {
    this.listeners.push(listener);
  }

  /** A backend error event (connection lost while idle): only marks the store as down. */
  backendError(err: unknown): void {
    if (refused(err)) this.markDown(err);
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private markDown(err: unknown): void {
    this.openUntil = this.now() + this.opts.breakerMs;
    if (!this.down) {
      this.down = true;
      this.startProbe();
      for (const l of this.listeners) l(false, describe(err));
    }
  }

  private markUp(): void {
    this.failures = 0;
    if (this.down) {
      this.down = false;
      this.openUntil = 0;
      this.stopProbe();
      for (const l of this.listeners) l(true);
    }
    if (this.opts.buffer && !this.opts.buffer.empty) void this.flushOutage();
  }

  /** While down: one cheap read every probeMs, past the breaker, until one succeeds. Timers
   * are unref'd: a probe never keeps the process alive. */
  private startProbe(): void {
    if (this.probeTimer || this.closed) return;
    let inFlight = false;
    this.probeTimer = setInterval(() => {
      if (inFlight || this.closed) return;
      inFlight = true;
      this.openUntil = 0;
      this.run("probe", () => this.backend.get("meta:probe", this.now()))
        .catch(() => undefined)
        .finally(() => (inFlight = false));
    }, this.opts.probeMs ?? 500);
    this.probeTimer.unref();
  }

  private stopProbe(): void {
    clearInterval(this.probeTimer);
    this.probeTimer = undefined;
  }

  /** Question records kept by the outage buffer (the spill file), not yet in the store. */
  get spilled(): number {
    return this.opts.buffer?.pendingRecords ?? 0;
  }

  /** Write what the outage buffer holds; stops at the first failure. One drain at a time. */
  flushOutage(): Promise<void> {
    const buffer = this.opts.buffer;
    if (!buffer || buffer.empty || this.closed) return Promise.resolve();
    this.draining ??= (async () => {
      const now = this.now();
      const done = [];
      for (const o of buffer.owed(now)) {
        try {
          if (o.policy === "dedupe") await this.run("add", () => this.backend.add(o.key, o.encoded, o.expires, now));
          else await this.run("set", () => this.backend.set(o.key, o.encoded, o.expires));
        } catch {
          break;
        }
        done.push(o);
      }
      buffer.settled(done, now);
    })().finally(() => (this.draining = undefined));
    return this.draining;
  }

  /** True when `err` says the store cannot be reached and the buffer handles `key`'s kind. */
  private fallback(err: unknown, key: string) {
    if (!this.opts.buffer || !(err instanceof AanzetError) || err.code !== "STORE_UNAVAILABLE") return undefined;
    return outagePolicy(key);
  }

  private check(key: string, what = "key"): void {
    const i = key.indexOf(":");
    if (i <= 0 || !KIND.test(key.slice(0, i))) {
      throw new AanzetError(
        "STORE_ERROR",
        `store ${what} must start with "<kind>:" (letters, digits, - or _): ${JSON.stringify(key.slice(0, 40))}`,
      );
    }
    if (Buffer.byteLength(key) > MAX_KEY_BYTES)
      throw new AanzetError(
        "STORE_ERROR",
        `store ${what} longer than ${MAX_KEY_BYTES} bytes (kind ${key.slice(0, i)})`,
      );
  }

  /** Run one backend call with the breaker and a timeout. */
  private async run<T>(op: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new AanzetError("STORE_UNAVAILABLE", `store is closed (${op})`);
    if (this.down && this.now() < this.openUntil) {
      throw new AanzetError("STORE_UNAVAILABLE", `store unavailable (${op}); retrying shortly`);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error(`timed out after ${this.opts.timeoutMs} ms`), { code: "ETIMEDOUT" })),
        this.opts.timeoutMs,
      );
    });
    try {
      const out = await Promise.race([fn(), timeout]);
      this.markUp();
      return out;
    } catch (err) {
      if (err instanceof AanzetError) throw err;
      if (unavailable(err)) {
        if (refused(err) || ++this.failures >= TIMEOUTS_TO_OPEN) this.markDown(err);
        throw new AanzetError("STORE_UNAVAILABLE", `store unavailable (${op}): ${describe(err)}`, { cause: err });
      }
      throw new AanzetError("STORE_ERROR", `store ${op} failed: ${describe(err)}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  private expiresOf(ttlMs: number | undefined): number | undefined {
    // As keyv: no, zero or negative ttl means no expiry.
    if (ttlMs === undefined || !Number.isFinite(ttlMs) || ttlMs <= 0) return undefined;
    return Math.ceil(this.now() + ttlMs);
  }

  async get<T>(key: string): Promise<T | undefined> {
    this.check(key);
    const now = this.now();
    const kept = this.opts.buffer?.localValue(key, now);
    if (kept !== undefined) return decode<T>(kept, now)?.value;
    let raw: string | undefined;
    try {
      raw = await this.run("get", () => this.backend.get(key, now));
    } catch (err) {
      const policy = this.fallback(err, key);
      if (policy === "local" || policy === "absent") return undefined;
      throw err;
    }
    return raw === undefined ? undefined : decode<T>(raw, now)?.value;
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    this.check(key);
    const expires = this.expiresOf(ttlMs);
    const encoded = encode(value, expires);
    try {
      await this.run("set", () => this.backend.set(key, encoded, expires));
    } catch (err) {
      const policy = this.fallback(err, key);
      if (!policy || policy === "absent") throw err;
      this.opts.buffer!.take(policy, { key, encoded, expires });
      // A question record is kept, but the caller still learns it is not in the store yet
      // (the reply says logging is delayed).
      if (policy === "spill") throw err;
    }
  }

  /** Write with an absolute expiry (migrate keeps the source's expiry). */
  async setWithExpiry<T>(key: string, value: T, expires: number | undefined): Promise<void> {
    this.check(key);
    const encoded = encode(value, expires);
    await this.run("set", () => this.backend.set(key, encoded, expires));
  }

  async add<T>(key: string, value: T, ttlMs?: number): Promise<boolean> {
    this.check(key);
    const now = this.now();
    const expires = this.expiresOf(ttlMs);
    const encoded = encode(value, expires);
    // Taken locally during an outage (or before a restart in one) and not yet in the store.
    if (this.opts.buffer?.seen(key, now)) return false;
    try {
      return await this.run("add", () => this.backend.add(key, encoded, expires, now));
    } catch (err) {
      if (this.fallback(err, key) !== "dedupe") throw err;
      this.opts.buffer!.take("dedupe", { key, encoded, expires });
      return true;
    }
  }

  async delete(key: string): Promise<boolean> {
    this.check(key);
    const now = this.now();
    return this.run("delete", () => this.backend.delete(key, now));
  }

  async *entries<T = unknown>(prefix: string): AsyncIterable<StoredEntry<T>> {
    this.check(prefix, "scan prefix");
    const seen = this.backend.scanMayRepeat ? new Set<string>() : undefined;
    let cursor: string | undefined;
    do {
      const now = this.now();
      const page = await this.run("scan", () => this.backend.page(prefix, cursor, PAGE, now));
      for (const e of page.entries) {
        if (seen) {
          if (seen.has(e.key)) continue;
          seen.add(e.key);
        }
        const d = decode<T>(e.encoded, now);
        if (d) yield { key: e.key, value: d.value, expires: e.expires ?? d.expires };
      }
      cursor = page.next;
    } while (cursor !== undefined);
  }

  async *scan<T>(prefix: string): AsyncIterable<[string, T]> {
    for await (const e of this.entries<T>(prefix)) yield [e.key, e.value];
  }

  async kinds(): Promise<string[]> {
    return this.run("kinds", () => this.backend.kinds());
  }

  async purgeExpired(): Promise<number> {
    const now = this.now();
    return this.run("purge", () => this.backend.purgeExpired(now));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (!this.down) await this.flushOutage().catch(() => undefined);
    this.closed = true;
    this.stopProbe();
    await this.backend.close().catch(() => undefined);
  }
}
