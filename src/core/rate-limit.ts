// Rate limit per user and per channel: token buckets in this process's memory.
//
// Why in memory, not in the store: the limit must hold when the store is down or slow (a
// flood during an outage is exactly when it matters), and it must cost nothing per message.
// The price: with N processes behind a load balancer a user can get up to N times the limit.
// Slack and Teams send all of a workspace's events to one URL, so with a sticky balancer, or
// one process, the limit is exact; without, it is a ceiling of N x the configured rate.
import type { Clock } from "./ports.js";

export interface RateLimitOptions {
  /** Messages per minute per user (and the burst size); 0 = no user limit. */
  userPerMinute: number;
  /** Messages per minute per channel (Slack channel, Teams conversation); 0 = no limit. */
  channelPerMinute: number;
  /** Buckets kept at most; idle (full) ones go first. Bounds memory under a flood of ids. */
  maxBuckets?: number;
}

interface Bucket {
  tokens: number;
  at: number;
  /** Refused since the last allowed message: the polite reply was already given. */
  told: boolean;
}

export type RateDecision =
  | { ok: true }
  | { ok: false; scope: "user" | "channel" /** first refusal of this run: say so once */; notify: boolean };

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly max: number;

  constructor(
    private readonly opts: RateLimitOptions,
    private readonly clock: Clock,
  ) {
    this.max = opts.maxBuckets ?? 50_000;
  }

  /** Take one message's token from the user's and the channel's bucket (both or neither). */
  take(turn: { tenant: string; user: string; channel: string; team: string }): RateDecision {
    const now = this.clock.now().getTime();
    const user =
      this.opts.userPerMinute > 0
        ? this.bucket(`u\u0000${turn.tenant}\u0000${turn.user}`, this.opts.userPerMinute, now)
        : undefined;
    const chan =
      this.opts.channelPerMinute > 0
        ? this.bucket(`c\u0000${turn.tenant}\u0000${turn.channel}\u0000${turn.team}`, this.opts.channelPerMinute, now)
        : undefined;
    for (const [b, scope] of [
      [user, "user"],
      [chan, "channel"],
    ] as const) {
      if (b && b.tokens < 1) {
        const notify = !b.told;
        b.told = true;
        return { ok: false, scope, notify };
      }
    }
    for (const b of [user, chan]) {
      if (b) {
        b.tokens -= 1;
        b.told = false;
      }
    }
    return { ok: true };
  }

  private bucket(key: string, perMinute: number, now: number): Bucket {
    let b = this.buckets.get(key);
    if (b) {
      b.tokens = Math.min(perMinute, b.tokens + ((now - b.at) * perMinute) / 60_000);
      b.at = now;
      // Re-insert: Map order is then least recently used first.
      this.buckets.delete(key);
    } else {
      b = { tokens: perMinute, at: now, told: false };
    }
    this.buckets.set(key, b);
    if (this.buckets.size > this.max) this.evict();
    return b;
  }

  private evict(): void {
    const drop = Math.ceil(this.max / 10);
    let n = 0;
    for (const key of this.buckets.keys()) {
      if (n++ >= drop) break;
      this.buckets.delete(key);
    }
  }

  /** Buckets held (for tests and /healthz). */
  get size(): number {
    return this.buckets.size;
  }
}
