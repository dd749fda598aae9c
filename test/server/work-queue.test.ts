// The work queue: a bounded number of answers at once, a bounded wait, and a clear "no" when
// full, so a channel can tell the asker it is busy instead of going silent.
import { describe, expect, it } from "vitest";
import { WorkQueue, runQueued } from "../../src/server/work-queue.js";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe("WorkQueue", () => {
  it("runs at most `concurrency` jobs, queues up to `capacity`, and refuses beyond", async () => {
    const q = new WorkQueue({ concurrency: 2, capacity: 2 });
    const g = gate();
    const done: number[] = [];
    const job = (n: number) => async () => {
      await g.opened;
      done.push(n);
    };
    expect([1, 2, 3, 4].map((n) => q.push(job(n)))).toEqual([true, true, true, true]);
    await new Promise((r) => setImmediate(r));
    expect(q.running).toBe(2);
    expect(q.depth).toBe(2);
    expect(q.push(job(5))).toBe(false);
    expect(q.rejected).toBe(1);
    g.open();
    await q.idle();
    expect(done.sort()).toEqual([1, 2, 3, 4]);
    expect(q.depth).toBe(0);
    expect(q.running).toBe(0);
  });

  it("keeps going after a job that throws, and tells observers", async () => {
    const q = new WorkQueue({ concurrency: 1, capacity: 10 });
    const seen: boolean[] = [];
    q.onJob((_w, _r, failed) => seen.push(failed));
    q.push(async () => {
      throw new Error("boom");
    });
    let ran = false;
    q.push(async () => {
      ran = true;
    });
    await q.idle();
    expect(ran).toBe(true);
    expect(seen).toEqual([true, false]);
  });

  it("runQueued hands back the job's result, or undefined when full", async () => {
    const q = new WorkQueue({ concurrency: 1, capacity: 1 });
    const g = gate();
    const first = runQueued(q, async () => {
      await g.opened;
      return "een";
    });
    const second = runQueued(q, async () => "twee");
    const third = runQueued(q, async () => "drie");
    expect(third).toBeUndefined();
    g.open();
    expect(await first).toBe("een");
    expect(await second).toBe("twee");
    expect(await runQueued(undefined, async () => "direct")).toBe("direct");
  });
});
