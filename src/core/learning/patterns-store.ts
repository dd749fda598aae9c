// Store keys and loaders of the pattern detection. Groups are written by the detector,
// reviews by leads, and memberships are inserted once with store.add, so counts survive
// concurrent writers: the member records are the truth, the group record is a summary.
import type { Store } from "../ports.js";
import type { GroupRecord, MemberRecord, ReviewRecord } from "./types.js";

export const groupKey = (tenant: string, id: string): string => `group:${tenant}:${id}`;
export const memberKey = (tenant: string, group: string, recordId: string): string =>
  `member:${tenant}:${group}:${recordId}`;
export const reviewKey = (tenant: string, id: string): string => `review:${tenant}:${id}`;
/** Which group a question record joined: the once-only lock of grouping. */
export const placedKey = (tenant: string, recordId: string): string => `qgroup:${tenant}:${recordId}`;

export async function loadGroups(store: Store, tenant: string): Promise<Map<string, GroupRecord>> {
  const out = new Map<string, GroupRecord>();
  for await (const [, g] of store.scan<GroupRecord>(`group:${tenant}:`)) out.set(g.id, g);
  return out;
}

export async function loadReviews(store: Store, tenant: string): Promise<Map<string, ReviewRecord>> {
  const out = new Map<string, ReviewRecord>();
  for await (const [, r] of store.scan<ReviewRecord>(`review:${tenant}:`)) out.set(r.group, r);
  return out;
}

/** All memberships of a tenant, by group. */
export async function loadMembers(store: Store, tenant: string): Promise<Map<string, MemberRecord[]>> {
  const out = new Map<string, MemberRecord[]>();
  for await (const [, m] of store.scan<MemberRecord>(`member:${tenant}:`)) {
    (out.get(m.group) ?? out.set(m.group, []).get(m.group)!).push(m);
  }
  for (const list of out.values())
    list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.recordId < b.recordId ? -1 : 1));
  return out;
}

/** Follow "merged into" reviews to the group that is alive. */
export function resolveMerged(id: string, reviews: ReadonlyMap<string, ReviewRecord>): string {
  let cur = id;
  for (let i = 0; i < 20; i++) {
    const r = reviews.get(cur);
    if (!r || r.status !== "merged" || !r.into) return cur;
    cur = r.into;
  }
  return cur;
}

// Several processes on one store place questions as one would. Every placement (and every
// lead's merge) is an entry in a per-tenant log, numbered 1, 2, 3, ...; a process claims the
// next number with store.add (atomic on every backend), and only after it has applied every
// entry before it to its index. So each process decides on exactly the index a single process
// would have had at that point, two processes never found two groups for one question at the
// same moment, and every process sees new groups (and new members of old ones) without a
// restart: one read per question when nothing is new. A process that loses the claim applies
// the winner's entry and decides again.
export const logKey = (tenant: string, n: number): string => `gseq:${tenant}:${n}`;
/** The highest claimed number a process has written (start-up reads the log from here). */
export const headKey = (tenant: string): string => `gseq:${tenant}:head`;
export const lockKey = (tenant: string, group: string): string => `glock:${tenant}:${group}`;

/** One placement (a question joined or founded `group`), or a merge of `group` into `into`. */
export interface LogEntry {
  group: string;
  /** The question's feature vector (no text). */
  vector?: Record<string, number>;
  at?: string;
  embedding?: number[] | undefined;
  into?: string;
}

/** Claim number `n` for an entry; false when another process took it first. */
export function claimEntry(store: Store, tenant: string, n: number, entry: LogEntry, ttlMs?: number): Promise<boolean> {
  return store.add(logKey(tenant, n), entry, ttlMs);
}

/** Entries after number `after`, in order, as [n, entry]. */
export async function entriesSince(store: Store, tenant: string, after: number): Promise<Array<[number, LogEntry]>> {
  const out: Array<[number, LogEntry]> = [];
  for (let n = after + 1; ; n++) {
    const e = await store.get<LogEntry>(logKey(tenant, n));
    if (!e) return out;
    out.push([n, e]);
  }
}

/** Lock one group's record across processes for a read-modify-write. A lock left by a crashed
 * process expires after LOCK_TTL_MS; a waiter gives up waiting after LOCK_WAIT_MS and goes on. */
const LOCK_TTL_MS = 10_000;
const LOCK_WAIT_MS = 3_000;

export async function withGroupLock<T>(store: Store, tenant: string, group: string, fn: () => Promise<T>): Promise<T> {
  const key = lockKey(tenant, group);
  let held = false;
  for (let waited = 0; waited < LOCK_WAIT_MS; ) {
    if (await store.add(key, 1, LOCK_TTL_MS)) {
      held = true;
      break;
    }
    const pause = 2 + Math.floor(Math.random() * 8);
    await new Promise((r) => setTimeout(r, pause));
    waited += pause;
  }
  try {
    return await fn();
  } finally {
    if (held) await store.delete(key).catch(() => false);
  }
}
