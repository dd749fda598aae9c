// `aanzet erase`: remove everything about a person (--user) or a case (--thread), AVG art. 17.
//
// Records are matched on what they hold, not only on their kind, so records added later by
// other modules are found too:
// - a person: their raw channel id in a user field (user, owner, who, by, asker, author, ...)
//   or as a key segment, and their pseudonym (bot.pseudonym(tenant, rawId)) anywhere;
// - a case: the thread id anywhere, as a whole value or inside one but not as part of a
//   longer id ("th-42" is in "console-th-42-9", not in "th-420");
// - then, until nothing new turns up, records that refer to an erased record's id (group
//   membership, "placed in group" marks, audit events about it, flow claims and records).
// Records shared with other people are rewritten instead of deleted: a question group drops
// the erased cases (and goes when none remain), role lists drop the id, a lead's review, a
// coach's confirmation of an entry or a listening switch keeps its decision but forgets who
// made it and from which question.
import type { AdminStore, StoredEntry } from "./types.js";
import { tenantEntries, tenantsOf } from "./catalogue.js";

export interface EraseRequest {
  /** Raw channel user ids and/or pseudonyms (u_...). */
  users: string[];
  threads: string[];
  /** Limit to one tenant; default every tenant in the store. */
  tenant?: string | undefined;
  /** Report what would go, change nothing. */
  dryRun?: boolean;
  /** The bot's pseudonym function, to find a raw id's records. */
  pseudonym: (tenant: string, rawId: string) => string;
  /** Told of every record that is (or, in a dry run, would be) deleted or rewritten: export uses it. */
  onMatch?: ((entry: StoredEntry & { kind: string }, action: "delete" | "rewrite") => void) | undefined;
}

export interface EraseReport {
  tenants: string[];
  deleted: Record<string, number>;
  rewritten: Record<string, number>;
  dryRun: boolean;
}

const USER_FIELDS = new Set([
  "user",
  "owner",
  "who",
  "by",
  "asker",
  "author",
  "rawUser",
  "from",
  "userId",
  "coach",
  "lead",
  "starter",
  "coaches",
  "leads",
  "admins",
]);
const PSEUDONYM = /^u_[0-9a-f]{20}$/;
const MAX_ROUNDS = 4;
/** Kinds that record a decision on something shared: rewritten, not deleted. */
const DECISIONS = new Set(["review", "slacklisten", "confirm"]);

interface Tokens {
  /** Match anywhere (pseudonyms, threads, record ids): distinctive strings. */
  anywhere: Set<string>;
  /** Raw user ids: only in user fields and as key segments (they may be short, e.g. "bob"). */
  userOnly: Set<string>;
}

/** A token inside a string, not as part of a longer id: "th-42" is in "console-th-42-9" and
 * "C1:17.5" in "slack:C1:17.5", but "th-42" is not in "th-420". */
function boundedHit(s: string, tokens: Set<string>): boolean {
  if (tokens.has(s)) return true;
  for (const t of tokens) {
    if (t.length < 3) continue;
    let i = s.indexOf(t);
    while (i >= 0) {
      const before = i === 0 ? "" : s[i - 1]!;
      const after = s[i + t.length] ?? "";
      if (!WORD.test(before) && !WORD.test(after)) return true;
      i = s.indexOf(t, i + 1);
    }
  }
  return false;
}

/** Characters that continue an id (so a match next to one is part of a longer id). */
const WORD = /^[A-Za-z0-9_.]$/;

function segmentHit(s: string, tokens: Set<string>): boolean {
  if (tokens.has(s)) return true;
  if (!s.includes(":")) return false;
  const padded = `:${s}:`;
  for (const t of tokens) if (padded.includes(`:${t}:`)) return true;
  return false;
}

function valueHit(v: unknown, tk: Tokens, field?: string, depth = 0): boolean {
  if (depth > 12) return false;
  if (typeof v === "string")
    return boundedHit(v, tk.anywhere) || (field !== undefined && USER_FIELDS.has(field) && tk.userOnly.has(v));
  if (Array.isArray(v)) return v.some((x) => valueHit(x, tk, field, depth + 1));
  if (v && typeof v === "object") return Object.entries(v).some(([k, x]) => valueHit(x, tk, k, depth + 1));
  return false;
}

function keyHit(key: string, tenant: string, tk: Tokens): boolean {
  const rest = key.slice(key.indexOf(":") + 1 + tenant.length + 1);
  if (!rest) return false;
  return boundedHit(rest, tk.anywhere) || segmentHit(rest, tk.userOnly);
}

/** Ids a deleted record stands for, so records referring to it go too. */
function idsOf(kind: string, key: string, tenant: string, value: unknown): string[] {
  const out: string[] = [];
  const v = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  // Ids short enough to collide with unrelated values (a replayed "12") are left out.
  for (const f of ["id", "recordId"])
    if (typeof v[f] === "string" && (v[f] as string).length >= 3) out.push(v[f] as string);
  if (typeof v.messageId === "string" && v.messageId.length >= 8) out.push(v.messageId);
  if (kind === "flow" || kind === "flowrec" || kind === "q") {
    const rest = key.slice(kind.length + 1 + tenant.length + 1);
    if (kind === "flowrec" && rest) out.push(rest);
  }
  return out;
}

function bump(m: Record<string, number>, kind: string): void {
  m[kind] = (m[kind] ?? 0) + 1;
}

type Rewrite = { action: "delete" } | { action: "rewrite"; value: unknown } | { action: "keep" };

/** Records shared with others: what to keep of them. */
function rewrite(kind: string, value: unknown, tk: Tokens, rawIds: Set<string>): Rewrite {
  const v = value as Record<string, unknown>;
  if (kind === "roles" && v && typeof v === "object") {
    const next = { ...v };
    for (const f of ["coaches", "leads", "admins"])
      if (Array.isArray(v[f])) next[f] = (v[f] as unknown[]).filter((x) => typeof x !== "string" || !rawIds.has(x));
    return { action: "rewrite", value: next };
  }
  if (kind === "group" && v && typeof v === "object" && Array.isArray(v.recent)) {
    const recent = (v.recent as Array<Record<string, unknown>>).filter((c) => !valueHit(c, tk));
    const removed = (v.recent as unknown[]).length - recent.length;
    const size = typeof v.size === "number" ? Math.max(0, v.size - removed) : v.size;
    return size === 0 ? { action: "delete" } : { action: "rewrite", value: { ...v, recent, size } };
  }
  if (DECISIONS.has(kind) && v && typeof v === "object" && !Array.isArray(v)) {
    // A decision about shared things (a knelpunt, an entry, a channel) stays; who made it and
    // which erased question it came from go.
    const next: Record<string, unknown> = {};
    for (const [f, x] of Object.entries(v)) {
      if (!valueHit(x, tk, f)) next[f] = x;
      else if (f === "by" || f === "who") next[f] = "erased";
    }
    return valueHit(next, tk) ? { action: "delete" } : { action: "rewrite", value: next };
  }
  if (kind === "settings") return { action: "keep" };
  return { action: "delete" };
}

/** Erase; returns counts per kind. Idempotent: a second run finds nothing. */
export async function erase(store: AdminStore, req: EraseRequest): Promise<EraseReport> {
  const report: EraseReport = { tenants: [], deleted: {}, rewritten: {}, dryRun: !!req.dryRun };
  const tenants = req.tenant ? [req.tenant] : await tenantsOf(store);
  const kinds = await store.kinds();
  for (const tenant of tenants) {
    const rawIds = new Set(req.users.filter((u) => !PSEUDONYM.test(u)));
    const tk: Tokens = {
      anywhere: new Set([
        ...req.threads,
        ...req.users.filter((u) => PSEUDONYM.test(u)),
        ...[...rawIds].map((u) => req.pseudonym(tenant, u)),
      ]),
      userOnly: rawIds,
    };
    const gone = new Set<string>();
    const rewritten = new Set<string>();
    /** Groups that lost members: dropped when none remain. */
    const groups = new Set<string>();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const found: string[] = [];
      for await (const e of tenantEntries(store, tenant, kinds)) {
        if (gone.has(e.key)) continue;
        if (!keyHit(e.key, tenant, tk) && !valueHit(e.value, tk)) continue;
        const r = rewrite(e.kind, e.value, tk, rawIds);
        if (r.action === "keep") continue;
        if (r.action === "rewrite") {
          // Shared records may be revisited as more ids turn up; write only real changes.
          if (JSON.stringify(r.value) === JSON.stringify(e.value)) continue;
          if (!rewritten.has(e.key)) {
            bump(report.rewritten, e.kind);
            req.onMatch?.(e, "rewrite");
          }
          rewritten.add(e.key);
          if (e.kind === "group") groups.add(String((e.value as { id?: unknown }).id ?? e.key.split(":")[2]));
          if (!req.dryRun) {
            const ttl = e.expires !== undefined ? Math.max(1, e.expires - Date.now()) : undefined;
            await store.set(e.key, r.value, ttl);
          }
          continue;
        }
        gone.add(e.key);
        bump(report.deleted, e.kind);
        req.onMatch?.(e, "delete");
        found.push(...idsOf(e.kind, e.key, tenant, e.value));
        if (e.kind === "member" && typeof (e.value as { group?: unknown })?.group === "string")
          groups.add((e.value as { group: string }).group);
        if (!req.dryRun) await store.delete(e.key);
      }
      const fresh = found.filter((id) => !tk.anywhere.has(id));
      if (fresh.length === 0) break;
      for (const id of fresh) tk.anywhere.add(id);
    }
    await dropEmptyGroups(store, tenant, groups, report, gone, req);
    if (gone.size > 0 || rewritten.size > 0) report.tenants.push(tenant);
  }
  return report;
}

/** A group whose every member was erased goes, with the lead's review of it. */
async function dropEmptyGroups(
  store: AdminStore,
  tenant: string,
  groups: Set<string>,
  report: EraseReport,
  gone: Set<string>,
  req: EraseRequest,
): Promise<void> {
  for (const id of groups) {
    let members = 0;
    // Members this erase removes (or, in a dry run, would remove) do not count.
    for await (const [k] of store.scan(`member:${tenant}:${id}:`)) if (k && !gone.has(k)) members++;
    if (members > 0) continue;
    for (const [kind, key] of [
      ["group", `group:${tenant}:${id}`],
      ["review", `review:${tenant}:${id}`],
    ] as const) {
      if (gone.has(key)) continue;
      const value = await store.get(key);
      if (value === undefined) continue;
      if (req.dryRun || (await store.delete(key))) {
        gone.add(key);
        bump(report.deleted, kind);
        req.onMatch?.({ key, value, kind }, "delete");
      }
    }
  }
}
