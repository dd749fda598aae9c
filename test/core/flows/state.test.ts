// Durable flow state: the version claim lets two processes on one store notice each other.
import { describe, expect, it } from "vitest";
import { loadState, saveState, type FlowState } from "../../../src/core/flows/state.js";
import type { Store } from "../../../src/core/ports.js";

/** The Store port over a Map: enough for the claim logic, independent of the store backends. */
function mapStore(): Store {
  const m = new Map<string, unknown>();
  return {
    get: async <T>(k: string) => m.get(k) as T | undefined,
    set: async (k, v) => void m.set(k, v),
    delete: async (k) => m.delete(k),
    add: async (k, v) => (m.has(k) ? false : (m.set(k, v), true)),
    scan: async function* <T>(prefix: string) {
      for (const [k, v] of m) if (k.startsWith(prefix)) yield [k, v as T] as [string, T];
    },
    close: async () => {},
  };
}

const base: FlowState = {
  v: 1,
  id: "OT-ABCDEF",
  flow: "omgekeerde-toets",
  tenant: "t",
  thread: "th",
  owner: "u_1",
  status: "active",
  history: ["wens"],
  answers: {},
  startedAt: "2026-11-23T09:00:00.000Z",
  updatedAt: "2026-11-23T09:00:00.000Z",
  version: 1,
};

describe("flow state", () => {
  it("lets only the first writer of a version through", async () => {
    const store = mapStore();
    expect(await saveState(store, base, 60_000)).toBe(true);
    const a = { ...base, version: 2, history: ["wens", "doel"] };
    const b = { ...base, version: 2, history: ["wens", "doel"], status: "stopping" as const };
    expect(await saveState(store, a, 60_000)).toBe(true);
    expect(await saveState(store, b, 60_000)).toBe(false);
    expect((await loadState(store, "t", "th"))?.status).toBe("active");
  });

  it("releases the claim when the write itself fails, so the next try is no false conflict", async () => {
    const store = mapStore();
    const failing: Store = {
      ...store,
      set: async () => {
        throw new Error("disk full");
      },
    };
    await expect(saveState(failing, base, 60_000)).rejects.toThrow("disk full");
    expect(await saveState(store, base, 60_000)).toBe(true);
  });
});
