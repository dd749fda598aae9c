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
