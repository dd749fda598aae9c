// The LLM's time budget per answer. One Deadline covers every LLM call made for a question
// (rewrite, phrasing and the question's embedding for pattern detection), so the worker never
// waits longer than the budget on top of the deterministic answer.

/** Monotonic milliseconds; injected so tests can steer it. */
export type MonotonicNow = () => number;

export const monotonicNow: MonotonicNow = () => performance.now();

/** Below this many ms left, starting another call is pointless: skip it. */
export const MIN_CALL_MS = 50;

export class Deadline {
  private readonly end: number;
  constructor(
    budgetMs: number,
    private readonly now: MonotonicNow = monotonicNow,
  ) {
    this.end = now() + budgetMs;
  }

  /** Milliseconds left (never negative). */
  remaining(): number {
    return Math.max(0, Math.floor(this.end - this.now()));
  }

  /** True when there is enough time left to start a call. */
  allows(): boolean {
    return this.remaining() >= MIN_CALL_MS;
  }
}

/**
 * Open deadlines by scrubbed question text. The answer decorator opens one; the embedder,
 * called later in the same turn by the pattern listener, spends what is left of it.
 */
export class BudgetBook {
  private readonly open = new Map<string, Deadline>();

  constructor(private readonly cap = 1000) {}

  /** Remember the deadline of the question being answered. */
  start(question: string, deadline: Deadline): void {
    for (const [k, d] of this.open) if (d.remaining() === 0) this.open.delete(k);
    if (this.open.size >= this.cap) {
      const oldest = this.open.keys().next().value;
      if (oldest !== undefined) this.open.delete(oldest);
    }
    this.open.set(question, deadline);
  }

  /** The open deadline for this question, removed from the book (undefined: none). */
  take(question: string): Deadline | undefined {
    const d = this.open.get(question);
    if (d) this.open.delete(question);
    return d;
  }
}
