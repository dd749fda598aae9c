// The Store port on keyv. Keys are `<kind>:<rest>`; each kind gets its own keyv namespace so
// a prefix scan walks only that kind's records (questions, flows, dedupe marks, ...).
import Keyv from "keyv";
import type { Store } from "../core/ports.js";
import { AanzetError } from "../core/errors.js";

export type KeyvFactory = (namespace: string) => Keyv;

function splitKey(key: string): [string, string] {
  const i = key.indexOf(":");
  if (i <= 0) throw new AanzetError("STORE_ERROR", `store key without a kind prefix: ${key.slice(0, 40)}`);
  return [key.slice(0, i), key.slice(i + 1)];
}

export class KeyvStore implements Store {
  private readonly spaces = new Map<string, Keyv>();
  private readonly errors: Array<(err: unknown) => void> = [];

  constructor(
    private readonly factory: KeyvFactory,
    /** Atomic insert-if-absent for backends that have one; falls back to get-then-set. */
    private readonly atomicAdd?: (namespace: string, key: string, value: unknown, ttlMs?: number) => Promise<boolean>,
  ) {}

  /** Register a listener for backend errors (connection lost, ...). */
  onError(listener: (err: unknown) => void): void {
    this.errors.push(listener);
  }

  private space(kind: string): Keyv {
    let kv = this.spaces.get(kind);
    if (!kv) {
      kv = this.factory(kind);
      // keyv emits 'error' on backend failures; an unhandled 'error' event would crash.
      kv.on("error", (err: unknown) => {
        for (const l of this.errors) l(err);
      });
      this.spaces.set(kind, kv);
    }
    return kv;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const [kind, rest] = splitKey(key);
    return (await this.space(kind).get<T>(rest)) ?? undefined;
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    const [kind, rest] = splitKey(key);
    const ok = await this.space(kind).set(rest, value, ttlMs);
    if (ok === false) throw new AanzetError("STORE_ERROR", `store refused to write a ${kind} record`);
  }

  async delete(key: string): Promise<boolean> {
    const [kind, rest] = splitKey(key);
    return this.space(kind).delete(rest);
  }

  async add<T>(key: string, value: T, ttlMs?: number): Promise<boolean> {
    const [kind, rest] = splitKey(key);
    const kv = this.space(kind);
    if (this.atomicAdd) return this.atomicAdd(kind, rest, value, ttlMs);
    if ((await kv.get(rest)) !== undefined) return false;
    await kv.set(rest, value, ttlMs);
    return true;
  }

  async *scan<T>(prefix: string): AsyncIterable<[string, T]> {
    const [kind, rest] = splitKey(prefix);
    const kv = this.space(kind);
    if (!kv.iterator) throw new AanzetError("STORE_ERROR", "this store cannot list records");
    for await (const item of kv.iterator() as AsyncIterable<[string, T]>) {
      const [k, v] = item;
      if (k.startsWith(rest) && v !== undefined) yield [`${kind}:${k}`, v];
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.spaces.values()].map((kv) => kv.disconnect().catch(() => undefined)));
    this.spaces.clear();
  }
}
