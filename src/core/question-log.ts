// The question log: every question (answered or not), scrubbed, with tenant, team,
// pseudonymous user, status and matched entries, kept for the retention period.
// When the store is down, records wait in a bounded queue and are written when it is back.
import type { Clock, Log, Store } from "./ports.js";
import type { AnswerStatus, ChannelKind } from "./types.js";
import { errorCode } from "./errors.js";

export interface QuestionRecord {
  /** Record id: `<channel>:<message id>`; replayed messages keep their own ids. */
  id: string;
  messageId: string;
  tenant: string;
  team: string;
  user: string;
  thread: string;
  channel: ChannelKind;
  /** Scrubbed question text. */
  text: string;
  status: AnswerStatus | "passive";
  /** The answerer's reason for an abstained or clarify answer ("off-topic", "not-covered", ...). */
  reason?: string;
  entries: string[];
  actors: string[];
  laws: string[];
  at: string;
}

export const QUEUE_LIMIT = 10_000;

export function questionKey(tenant: string, id: string): string {
  return `q:${tenant}:${id}`;
}

export class QuestionLog {
  private readonly queue: Array<{ rec: QuestionRecord; ttl: number }> = [];
  private dropped = 0;
  private flushing: Promise<number> | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly log: Log,
    private readonly retentionMs: number,
  ) {}

  /** Records waiting for the store to come back. */
  get pending(): number {
    return this.queue.length;
  }

  /** Records lost because the queue was full during a long outage. */
  get droppedCount(): number {
    return this.dropped;
  }

  /** Write a record; returns false when it had to be queued (store unavailable). */
  async write(rec: QuestionRecord): Promise<boolean> {
    const age = this.clock.now().getTime() - Date.parse(rec.at);
    const ttl = Math.max(1, this.retentionMs - Math.max(0, age));
    if (this.queue.length > 0) await this.flush();
    try {
      await this.store.set(questionKey(rec.tenant, rec.id), rec, ttl);
      return true;
    } catch (err) {
      this.enqueue(rec, ttl);
      this.log.warn(
        {
          code: errorCode(err) === "HANDLER_FAILED" ? "STORE_UNAVAILABLE" : errorCode(err),
          pending: this.queue.length,
        },
        "question log write delayed",
      );
      return false;
    }
  }

  private enqueue(rec: QuestionRecord, ttl: number): void {
    if (this.queue.length >= QUEUE_LIMIT) {
      // Past the limit the oldest record goes: newest questions matter most for patterns.
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push({ rec, ttl });
  }

  /** Try to write queued records; stops at the first failure. One flush at a time: two
   * overlapping flushes would both write the head and then drop two records for it. */
  flush(): Promise<number> {
    this.flushing ??= this.drain().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async drain(): Promise<number> {
    let written = 0;
    while (this.queue.length > 0) {
      const item = this.queue[0]!;
      try {
        await this.store.set(questionKey(item.rec.tenant, item.rec.id), item.rec, item.ttl);
      } catch {
        break;
      }
      this.queue.shift();
      written++;
    }
    if (written > 0) this.log.info({ written, pending: this.queue.length }, "question log caught up");
    return written;
  }

  /** All records of a tenant (unordered). */
  async *all(tenant: string): AsyncIterable<QuestionRecord> {
    for await (const [, rec] of this.store.scan<QuestionRecord>(`q:${tenant}:`)) yield rec;
  }
}
