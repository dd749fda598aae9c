// A Bot over the real map and an in-memory store, with a controllable clock.
import { join } from "node:path";
import { loadMap } from "../../src/content/map-loader.js";
import { Answerer } from "../../src/core/answer/answerer.js";
import { Bot } from "../../src/core/bot.js";
import type { Clock, Store } from "../../src/core/ports.js";
import { silentLog } from "../../src/core/ports.js";
import type { Turn } from "../../src/core/types.js";
import { openStore } from "../../src/store/open-store.js";
import { ROOT } from "./cli.js";

export const realMap = loadMap(join(ROOT, "map"), ROOT).map;

export class FakeClock implements Clock {
  constructor(public t = new Date("2026-11-22T10:00:00Z")) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export async function makeBot(opts: { store?: Store; clock?: Clock; maxMessageChars?: number } = {}) {
  const store = opts.store ?? (await openStore("memory://"));
  const clock = opts.clock ?? new FakeClock();
  const bot = new Bot({
    map: realMap,
    answerer: new Answerer(realMap),
    store,
    clock,
    log: silentLog,
    secret: "test-secret-0123456789",
    maxMessageChars: opts.maxMessageChars ?? 4000,
    retentionDays: 365,
  });
  return { bot, store, clock };
}

let n = 0;
export function turn(text: string, extra: Partial<Turn> = {}): Turn {
  n++;
  return {
    id: `m${n}`,
    channel: "console",
    tenant: "t1",
    team: "noord",
    thread: "th1",
    user: "U1",
    role: "worker",
    text,
    direct: true,
    ...extra,
  };
}

/** A store whose operations fail while `down` is true (an outage). */
export class FlakyStore implements Store {
  down = false;
  constructor(private readonly inner: Store) {}
  private check(): void {
    if (this.down) throw new Error("connection refused");
  }
  async get<T>(key: string) {
    this.check();
    return this.inner.get<T>(key);
  }
  async set<T>(key: string, value: T, ttl?: number) {
    this.check();
    return this.inner.set(key, value, ttl);
  }
  async delete(key: string) {
    this.check();
    return this.inner.delete(key);
  }
  async add<T>(key: string, value: T, ttl?: number) {
    this.check();
    return this.inner.add(key, value, ttl);
  }
  async *scan<T>(prefix: string) {
    this.check();
    yield* this.inner.scan<T>(prefix);
  }
  async close() {
    return this.inner.close();
  }
}
