// Answer work off the request path: channel listeners push a job and return, so the HTTP ack
// (Slack retries after 3 s without one) never waits behind answering. At most `concurrency`
// jobs run at once; each starts from a setImmediate, so pending I/O (new requests to ack) is
// read before the next job's work. At most `capacity` jobs wait: when full, push() says no and
// the channel tells the user it is busy instead of leaving them without an answer.

export interface WorkQueueOptions {
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs waiting at most; beyond that, push() refuses. */
  capacity: number;
  /** Monotonic milliseconds (injected for tests). */
  now?: () => number;
}

/** Told when a job ends: how long it waited and how long it ran (ms), and whether it threw. */
export type JobObserver = (waitedMs: number, ranMs: number, failed: boolean) => void;

interface Job {
  run: () => Promise<void>;
  queuedAt: number;
}

export class WorkQueue {
  private readonly waiting: Job[] = [];
  private head = 0;
  private active = 0;
  private rejectedCount = 0;
  private readonly observers: JobObserver[] = [];
  private readonly idleWaiters: Array<() => void> = [];
  private readonly now: () => number;

  constructor(private readonly opts: WorkQueueOptions) {
    this.now = opts.now ?? (() => performance.now());
  }

  /** Jobs waiting for a slot. */
  get depth(): number {
    return this.waiting.length - this.head;
  }

  /** Jobs running now. */
  get running(): number {
    return this.active;
  }

  /** Jobs refused because the queue was full, since start. */
  get rejected(): number {
    return this.rejectedCount;
  }

  get capacity(): number {
    return this.opts.capacity;
  }

  onJob(observer: JobObserver): void {
    this.observers.push(observer);
  }

  /** Queue a job; false (and nothing queued) when the queue is full. A job's own failure is
   * its own business: it should catch and answer; what escapes is counted, not rethrown. */
  push(run: () => Promise<void>): boolean {
    if (this.depth >= this.opts.capacity) {
      this.rejectedCount++;
      return false;
    }
    this.waiting.push({ run, queuedAt: this.now() });
    this.pump();
    return true;
  }

  /** Resolves once nothing waits or runs (shutdown, tests). */
  idle(): Promise<void> {
    if (this.depth === 0 && this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.active < this.opts.concurrency && this.depth > 0) {
      const job = this.waiting[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting.splice(0, this.head);
        this.head = 0;
      }
      this.active++;
      setImmediate(() => void this.start(job));
    }
  }

  private async start(job: Job): Promise<void> {
    const began = this.now();
    let failed = false;
    try {
      await job.run();
    } catch {
      failed = true;
    }
    const ended = this.now();
    for (const o of this.observers) o(began - job.queuedAt, ended - began, failed);
    this.active--;
    this.pump();
    if (this.depth === 0 && this.active === 0) for (const w of this.idleWaiters.splice(0)) w();
  }
}

/** Run `fn` through the queue and get its result; undefined when the queue is full. Without
 * a queue (CLI, tests that build no serve), `fn` runs at once. */
export function runQueued<T>(work: WorkQueue | undefined, fn: () => Promise<T>): Promise<T> | undefined {
  if (!work) return fn();
  let settle!: { resolve: (v: T) => void; reject: (e: unknown) => void };
  const result = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const accepted = work.push(async () => {
    try {
      settle.resolve(await fn());
    } catch (err) {
      settle.reject(err);
      throw err;
    }
  });
  return accepted ? result : undefined;
}
