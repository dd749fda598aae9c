// What the core needs from the outside world, as interfaces. Implementations live in
// src/store, src/llm and src/logger; tests pass fakes or the real thing.

/** A key-value store with prefix scans; keys look like `<kind>:<tenant>:<id>`. */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Set only when the key is absent; true when this call wrote it (atomic across processes). */
  add<T>(key: string, value: T, ttlMs?: number): Promise<boolean>;
  /** All records whose key starts with `prefix`. */
  scan<T>(prefix: string): AsyncIterable<[string, T]>;
  close(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Structured log sink. Never pass message text: only ids, codes and counts. */
export interface Log {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
  debug(obj: Record<string, unknown>, msg: string): void;
  child(bindings: Record<string, unknown>): Log;
}

export const silentLog: Log = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  child: () => silentLog,
};
