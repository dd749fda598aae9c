// Background work of `aanzet serve`: write queued question records as soon as the store is
// back (every few seconds while any wait), and purge past-retention data every N hours.
import type { Retention } from "../config.js";
import { errorCode } from "../core/errors.js";
import type { Log, Store } from "../core/ports.js";
import { purge } from "./purge.js";
import { isAdminStore } from "./types.js";

export interface MaintenanceOptions {
  store: Store;
  log: Log;
  retention: Retention;
  /** Hours between purges; 0 = never. */
  purgeHours: number;
  /** Queued question records: how many wait, and the call that writes them. */
  queue: { pending: number; flush(): Promise<number> };
  flushEveryMs?: number;
}

/** Start the timers; returns the function that stops them. Timers never keep the process up. */
export function startMaintenance(o: MaintenanceOptions): () => void {
  const timers: NodeJS.Timeout[] = [];
  const flushing = setInterval(() => {
    if (o.queue.pending > 0) void o.queue.flush().catch(() => 0);
  }, o.flushEveryMs ?? 5000);
  flushing.unref();
  timers.push(flushing);
  const store = o.store;
  if (o.purgeHours > 0 && isAdminStore(store)) {
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      try {
        const r = await purge(store, o.retention);
        const deleted = Object.values(r.deleted).reduce((a, b) => a + b, 0);
        o.log.info({ code: "PURGED", expired: r.expired, deleted, perKind: r.deleted }, "retention purge done");
      } catch (err) {
        o.log.warn({ code: errorCode(err) }, "retention purge failed; next run as scheduled");
      } finally {
        running = false;
      }
    };
    // The first run a minute after start (not at once: a restart loop must not purge-storm).
    const first = setTimeout(() => void run(), 60_000);
    first.unref();
    const every = setInterval(() => void run(), o.purgeHours * 3_600_000);
    every.unref();
    timers.push(first, every);
  }
  return () => timers.forEach((t) => clearTimeout(t));
}
