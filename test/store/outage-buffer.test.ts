// The guard's outage behaviour on a backend that can be switched off: availability comes back
// by itself (a probe, no caller needed), dedupe keys, thread markers and question records are
// kept in the spill file through a restart and written when the store returns.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/core/ports.js";
import { GuardedStore } from "../../src/store/guarded-store.js";
import { MemoryBackend } from "../../src/store/memory-backend.js";
import { OutageBuffer } from "../../src/store/outage-buffer.js";
import type { Backend } from "../../src/store/types.js";

/** A backend that refuses every call like an unreachable Redis while `down` is set. */
function switchable(inner: Backend): Backend & { down: boolean } {
  const b = { down: false } as Backend & { down: boolean };
  const gate = <T>(fn: () => Promise<T>): Promise<T> =>
    b.down ? Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })) : fn();
  return Object.assign(b, {
    scheme: "redis" as const,
    scanMayRepeat: false,
    get: (k: string, now: number) => gate(() => inner.get(k, now)),
    set: (k: string, e: string, x: number | undefined) => gate(() => inner.set(k, e, x)),
    add: (k: string, e: string, x: number | undefined, now: number) => gate(() => inner.add(k, e, x, now)),
    delete: (k: string, now: number) => gate(() => inner.delete(k, now)),
    page: (p: string, c: string | undefined, l: number, now: number) => gate(() => inner.page(p, c, l, now)),
    kinds: () => gate(() => inner.kinds()),
    purgeExpired: (now: number) => gate(() => inner.purgeExpired(now)),
    close: () => inner.close(),
  });
}

/** The injected clock; it does not move unless a test moves it. */
const clock: Clock & { t: number } = { t: Date.parse("2026-12-31T23:59:00Z"), now: () => new Date(clock.t) };
const dir = mkdtempSync(join(tmpdir(), "aanzet-spill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function until(pred: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400 && !(await pred()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(await pred()).toBe(true);
}

const guard = (backend: Backend, file: string) =>
  new GuardedStore(backend, { timeoutMs: 500, breakerMs: 60_000, clock, probeMs: 10, buffer: new OutageBuffer(file) });

describe("a store outage through the guard", () => {
  it("comes back available by itself once the backend answers, although no caller tries", async () => {
    const backend = switchable(new MemoryBackend());
    const store = guard(backend, join(dir, "probe.jsonl"));
    backend.down = true;
    await expect(store.get("x:1")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    expect(store.available).toBe(false);
    // The breaker (60 s on the injected clock, which does not move) would keep callers out.
    backend.down = false;
    await until(() => store.available);
    expect(await store.get("x:1")).toBeUndefined();
    await store.close();
  });

  it("dedupes, keeps thread markers and question records through a restart, then writes them all", async () => {
    const memory = new MemoryBackend();
    const backend = switchable(memory);
    const file = join(dir, "restart.jsonl");
    const first = guard(backend, file);
    backend.down = true;
    expect(await first.add("seen:T1:slack:Ev1", 1, 86_400_000)).toBe(true);
    expect(await first.add("seen:T1:slack:Ev1", 1, 86_400_000)).toBe(false);
    await first.set("slackthread:T1:C1:1.1", { at: "x" }, 86_400_000);
    expect(await first.get("slackthread:T1:C1:1.1")).toEqual({ at: "x" });
    // Unknown threads and listening read as "not there" instead of failing.
    expect(await first.get("slackthread:T1:C1:0.9")).toBeUndefined();
    expect(await first.get("slacklisten:T1:C1")).toBeUndefined();
    const rec = { id: "slack:Ev1", text: "wie betaalt een traplift?" };
    await expect(first.set("q:T1:slack:Ev1", rec, 86_400_000)).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    // Other kinds still fail as before: the caller decides.
    await expect(first.set("flow:T1:x", 1)).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    expect(first.spilled).toBe(1);
    expect(readFileSync(file, "utf8")).toContain("slack:Ev1");

    // A crash: a new guard over the same spill file, the store still down.
    const second = guard(backend, file);
    expect(second.spilled).toBe(1);
    expect(await second.add("seen:T1:slack:Ev1", 1, 86_400_000)).toBe(false);
    expect(await second.add("seen:T1:slack:Ev2", 1, 86_400_000)).toBe(true);
    expect(await second.get("slackthread:T1:C1:1.1")).toEqual({ at: "x" });

    backend.down = false;
    await until(() => second.available && second.spilled === 0);
    await second.flushOutage();
    expect(second.spilled).toBe(0);
    const plain = new GuardedStore(memory, { timeoutMs: 500, breakerMs: 1000, clock });
    expect(await plain.get("q:T1:slack:Ev1")).toEqual(rec);
    expect(await plain.get("slackthread:T1:C1:1.1")).toEqual({ at: "x" });
    expect(await plain.add("seen:T1:slack:Ev1", 1)).toBe(false);
    expect(await plain.add("seen:T1:slack:Ev2", 1)).toBe(false);
    expect(OutageBuffer.hasSpill(file)).toBe(false);
    await first.close();
    await second.close();
  });
});
