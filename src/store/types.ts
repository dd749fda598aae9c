// What every store backend provides under the Store port, plus the admin operations that
// migrate, export, erase and purge need (listing kinds, entries with their expiry).
import type { Store } from "../core/ports.js";

/** A stored record with its absolute expiry (ms since epoch), if any. */
export interface StoredEntry<T = unknown> {
  key: string;
  value: T;
  expires?: number | undefined;
}

/** One page of a prefix scan; `next` is an opaque cursor, undefined on the last page. */
export interface Page {
  entries: StoredEntry[];
  next?: string | undefined;
}

/**
 * A raw backend (memory, SQLite, Redis, PostgreSQL). Keys are whole store keys
 * (`<kind>:<rest>`), values are already encoded as keyv envelopes. No timeouts, no retries:
 * GuardedStore adds those around every call.
 */
export interface Backend {
  readonly scheme: "memory" | "sqlite" | "redis" | "postgres";
  /** SCAN may return a key twice (Redis); the guard then dedupes. */
  readonly scanMayRepeat: boolean;
  get(key: string, now: number): Promise<string | undefined>;
  set(key: string, encoded: string, expires: number | undefined): Promise<void>;
  /** Insert when absent or expired; true when this call wrote. Atomic across processes. */
  add(key: string, encoded: string, expires: number | undefined, now: number): Promise<boolean>;
  delete(key: string, now: number): Promise<boolean>;
  /** Live entries whose key starts with `prefix` (which includes `<kind>:`), in pages. */
  page(
    prefix: string,
    cursor: string | undefined,
    limit: number,
    now: number,
  ): Promise<{
    entries: Array<{ key: string; encoded: string; expires?: number | undefined }>;
    next?: string | undefined;
  }>;
  /** Record kinds present (the part before the first colon). */
  kinds(): Promise<string[]>;
  /** Physically remove expired rows (Redis expires them itself); returns how many. */
  purgeExpired(now: number): Promise<number>;
  close(): Promise<void>;
}

/** The Store the app gets from openStore: the port plus admin operations. */
export interface AdminStore extends Store {
  readonly scheme: Backend["scheme"];
  /** Entries with expiry, for migrate and export. */
  entries<T = unknown>(prefix: string): AsyncIterable<StoredEntry<T>>;
  kinds(): Promise<string[]>;
  purgeExpired(): Promise<number>;
  /** Told when the store goes down (false) and comes back (true). */
  onAvailability(listener: (up: boolean, code?: string) => void): void;
  /** True while the last operation failed for lack of a store (circuit open). */
  readonly available: boolean;
  /** Question records kept in the local spill file during an outage, not yet in the store. */
  readonly spilled?: number;
}

export function isAdminStore(store: Store): store is AdminStore {
  return (
    typeof (store as Partial<AdminStore>).kinds === "function" &&
    typeof (store as Partial<AdminStore>).entries === "function"
  );
}
