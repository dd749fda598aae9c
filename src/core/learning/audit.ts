// The append-only audit log: every feedback, coach and lead action, and every new candidate.
// Keys are `audit:<tenant>:<time>:<random>` and written with store.add, so no event ever
// overwrites another, even with several processes writing at once.
import { randomBytes } from "node:crypto";
import type { Clock, Store } from "../ports.js";
import type { AuditEvent } from "./types.js";

export class AuditLog {
  /** Orders events of one process within the same millisecond (the clock may stand still). */
  private seq = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Append one event; retries with a new random suffix in the (unlikely) case of a clash. */
  async record(event: Omit<AuditEvent, "at">): Promise<AuditEvent> {
    const at = this.clock.now().toISOString();
    const full: AuditEvent = { at, ...event };
    for (let i = 0; i < 5; i++) {
      const suffix = (this.seq++ % 0x100000000).toString(16).padStart(8, "0") + randomBytes(2).toString("hex");
      const key = `audit:${event.tenant}:${at}:${suffix}`;
      if (await this.store.add(key, full)) return full;
    }
    throw new Error("audit log: could not find a free key");
  }

  /** All events of a tenant, oldest first. */
  async list(tenant: string): Promise<AuditEvent[]> {
    const out: Array<[string, AuditEvent]> = [];
    for await (const item of this.store.scan<AuditEvent>(`audit:${tenant}:`)) out.push(item);
    out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return out.map(([, e]) => e);
  }
}
