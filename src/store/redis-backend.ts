// redis://...: keys as keyv's Redis adapter writes them (`<kind>::<rest>`, the value a keyv
// envelope, expiry as the key's own TTL). One client for all record kinds. Commands fail at
// once while the connection is down (no offline queue) instead of waiting for it to return.
// The client is node-redis' @redis/client (the one @keyv/redis wraps), declared directly.
import { createClient } from "@redis/client";
import type { Backend } from "./types.js";
import { splitKey } from "./codec.js";

/** The few client calls we use, typed loosely (node-redis' generics are heavy). */
interface RedisLike {
  isOpen: boolean;
  isReady: boolean;
  connect(): Promise<unknown>;
  close(): Promise<void>;
  destroy(): void;
  on(event: string, fn: (...args: unknown[]) => void): unknown;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options?: Record<string, unknown>): Promise<string | null>;
  unlink(key: string): Promise<number>;
  mGet(keys: string[]): Promise<Array<string | null>>;
  scan(cursor: string, options: Record<string, unknown>): Promise<{ cursor: string | number; keys: string[] }>;
}

/** keyv's Redis adapter joins namespace and key with this. */
const SEP = "::";

function redisKey(key: string): string {
  const [ns, rest] = splitKey(key);
  return `${ns}${SEP}${rest}`;
}

function storeKey(redisKey: string): string {
  const i = redisKey.indexOf(SEP);
  return `${redisKey.slice(0, i)}:${redisKey.slice(i + SEP.length)}`;
}

/** Escape a literal for a SCAN MATCH pattern. */
function glob(literal: string): string {
  return literal.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

export interface RedisOptions {
  connectTimeoutMs: number;
  onError: (err: Error) => void;
}

export class RedisBackend implements Backend {
  readonly scheme = "redis" as const;
  readonly scanMayRepeat = true;

  private constructor(private readonly client: RedisLike) {}

  /** Create the client and start connecting; waits at most connectTimeoutMs for the first
   * connection (a store that is down at start is reported by the first operation). */
  static async open(url: string, o: RedisOptions): Promise<RedisBackend> {
    const client = createClient({
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: o.connectTimeoutMs,
        // Keep trying while down, at most 1 s apart (the guard's probe then sees it back within
        // about 1.5 s); commands fail fast meanwhile.
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 6), 1000),
      },
    }) as unknown as RedisLike;
    // An 'error' without a listener would end the process; the guard reports availability.
    client.on("error", (err) => o.onError(err as Error));
    const connecting = client.connect().catch((err: unknown) => o.onError(err as Error));
    // The first connection error ends the wait too: openStore's probe then reports it at once.
    const failed = new Promise<void>((r) => client.on("error", () => r()));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([connecting, failed, new Promise<void>((r) => (timer = setTimeout(r, o.connectTimeoutMs)))]);
    clearTimeout(timer);
    return new RedisBackend(client);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.client.get(redisKey(key))) ?? undefined;
  }

  async set(key: string, encoded: string, expires: number | undefined): Promise<void> {
    await this.client.set(
      redisKey(key),
      encoded,
      expires === undefined ? undefined : { expiration: { type: "PX", value: ttlFrom(expires, Date.now()) } },
    );
  }

  async add(key: string, encoded: string, expires: number | undefined, now: number): Promise<boolean> {
    const options: Record<string, unknown> = { condition: "NX" };
    if (expires !== undefined) options.expiration = { type: "PX", value: ttlFrom(expires, now) };
    return (await this.client.set(redisKey(key), encoded, options)) === "OK";
  }

  async delete(key: string): Promise<boolean> {
    return (await this.client.unlink(redisKey(key))) > 0;
  }

  async page(prefix: string, cursor: string | undefined) {
    const res = await this.client.scan(cursor ?? "0", {
      MATCH: `${glob(redisKey(prefix))}*`,
      COUNT: 1000,
      TYPE: "string",
    });
    const next = String(res.cursor);
    const entries: Array<{ key: string; encoded: string; expires?: number | undefined }> = [];
    if (res.keys.length > 0) {
      const values = await this.client.mGet(res.keys);
      res.keys.forEach((k, i) => {
        const v = values[i];
        if (typeof v === "string") entries.push({ key: storeKey(k), encoded: v });
      });
    }
    return { entries, next: next === "0" ? undefined : next };
  }

  async kinds(): Promise<string[]> {
    const kinds = new Set<string>();
    let cursor = "0";
    do {
      const res = await this.client.scan(cursor, { MATCH: `*${SEP}*`, COUNT: 1000, TYPE: "string" });
      cursor = String(res.cursor);
      for (const k of res.keys) kinds.add(k.slice(0, k.indexOf(SEP)));
    } while (cursor !== "0");
    return [...kinds].filter((k) => k.length > 0 && !k.includes(":")).sort();
  }

  async purgeExpired(): Promise<number> {
    return 0; // Redis removes expired keys itself
  }

  async close(): Promise<void> {
    if (!this.client.isOpen) return;
    // Not connected (reconnecting): a graceful close would wait for the connection; drop it.
    if (!this.client.isReady) {
      this.client.destroy();
      return;
    }
    try {
      await this.client.close();
    } catch {
      this.client.destroy();
    }
  }
}

/** A relative time to live for Redis: the expiry was computed on this process's clock, and an
 * absolute PXAT would be read on the Redis server's clock, off by any skew between the two. */
function ttlFrom(expires: number, now: number): number {
  return Math.max(1, Math.round(expires - now));
}
