// The one place where every kept record is scrubbed: a wrapper around the Store that runs the
// privacy scrubber over the text in each value before `set` and `add` reach the backend. Every
// writer (question log, flow state and decision records, feedback, proposals, sparring, audit,
// adapters) goes through it, so a writer that forgets to scrub, or text that arrives by another
// road than Turn.text (a button value, a modal field), is still scrubbed before it is stored.
// Which strings are text is decided in core/privacy/scrub-value.ts.
// Keys are not scrubbed: they are built from ids and hashes, never from message text.
import type { Store } from "../core/ports.js";
import { scrubValue } from "../core/privacy/index.js";

/** Record kinds that hold no text about people: configuration and secrets. */
const SKIPPED_KINDS = new Set(["meta", "roles"]);

/**
 * The store with scrubbing writes. Everything but `set` and `add` passes straight through
 * (admin operations, availability, whatever the wrapped store adds later), so the wrapper keeps
 * the wrapped store's type.
 */
export function scrubbingStore<S extends Store>(store: S, scrubText: (text: string) => string): S {
  const clean = (key: string, value: unknown): unknown =>
    SKIPPED_KINDS.has(key.slice(0, key.indexOf(":"))) ? value : scrubValue(value, scrubText);
  return new Proxy(store, {
    get(target, prop) {
      if (prop === "set")
        return (key: string, value: unknown, ttlMs?: number) => target.set(key, clean(key, value), ttlMs);
      if (prop === "add")
        return (key: string, value: unknown, ttlMs?: number) => target.add(key, clean(key, value), ttlMs);
      if (prop === SCRUBBING) return true;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const SCRUBBING = Symbol.for("aanzet.scrubbing-store");

/** True when the store is already wrapped (so it is not wrapped twice). */
export function isScrubbingStore(store: Store): boolean {
  return (store as unknown as Record<symbol, unknown>)[SCRUBBING] === true;
}
