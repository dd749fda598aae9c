// What the store holds, per record kind: used by purge (retention), erase (AVG art. 17) and
// export, and mirrored in docs/data-and-retention.md. Keys are `<kind>:<tenant>:<id>` (or
// `<kind>:<tenant>` for a tenant's single settings records); `meta:` is global.
import type { AdminStore, StoredEntry } from "./types.js";

export interface KindInfo {
  /** What the record is, for reports and the docs. */
  what: string;
  /** Who writes it (module). */
  owner: string;
  /** Never purged by age: configuration, not data about people. */
  keep?: boolean;
}

/** Kinds known when this was written; other kinds are handled generically. */
export const KINDS: Record<string, KindInfo> = {
  q: {
    what: "question record: scrubbed question, pseudonymous user, thread, status, matched entries",
    owner: "core/question-log",
  },
  seen: { what: "dedupe mark of a delivered message id (24 hours)", owner: "core/bot, adapters" },
  clarify: { what: "pending clarify question of a thread (1 hour)", owner: "core/clarify" },
  facts: {
    what: "the thread's scrubbed question and the case facts read so far, for follow-ups (4 hours)",
    owner: "core/thread-facts",
  },
  flow: { what: "flow state of a thread: answers given (scrubbed), starter pseudonym", owner: "core/flows" },
  flowrec: { what: "decision record of a finished flow (scrubbed)", owner: "core/flows" },
  flowv: { what: "flow version claim (no content)", owner: "core/flows" },
  group: { what: "recurring-question group: counts, recent case references, feature centroid", owner: "core/learning" },
  member: { what: "membership of one question in a group (scrubbed text, record id)", owner: "core/learning" },
  qgroup: { what: "which group a question record was placed in", owner: "core/learning" },
  gseq: {
    what: "placement log of recurring-question detection: group id and the question's feature weights (stems of the scrubbed text, no ids), as long as the question record",
    owner: "core/learning",
  },
  glock: { what: "short lock on one group record while a process updates it (10 seconds)", owner: "core/learning" },
  review: { what: "a lead's decision on a knelpunt", owner: "core/learning" },
  proposal: { what: "proposed map change by a coach or lead (scrubbed)", owner: "core/learning" },
  audit: { what: "audit event: who (pseudonym), what, when; append-only", owner: "core/learning, features/ops" },
  feedback: { what: "useful/wrong feedback on an answer (key holds the giver's pseudonym)", owner: "core/learning" },
  confirm: {
    what: "a coach's confirmation of a map entry (coach pseudonym, date)",
    owner: "core/learning",
    keep: true,
  },
  correcting: { what: "a coach's correction in progress in a thread (1 hour)", owner: "core/learning" },
  leadpending: { what: "a lead's review step in progress in a thread", owner: "core/learning" },
  settings: { what: "per-tenant detection settings", owner: "core/learning", keep: true },
  roles: { what: "per-tenant role grants (channel user or group ids)", owner: "roles", keep: true },
  slackthread: { what: "Slack thread the bot was asked in (14 days)", owner: "core/channel" },
  slacklisten: { what: "Slack channel with passive listening on", owner: "core/channel", keep: true },
  spar: {
    what: "anonymous sparring case: asker's pseudonym and raw channel address for the reply (7 days)",
    owner: "core/sparring",
  },
  sparthread: { what: "coaches' thread -> anonymous sparring case (7 days)", owner: "core/sparring" },
  slackanon: { what: "anonymous sparring before 2026-12 (raw Slack id; expires in 14 days)", owner: "none (old)" },
  slackshare: { what: "an ephemeral answer the asker may post (1 day)", owner: "adapters/slack" },
  slackrelay: { what: "dedupe of relayed coach replies", owner: "adapters/slack" },
  slackonce: { what: "dedupe of Slack events", owner: "adapters/slack" },
  "teams-spar": { what: "anonymous sparring before 2026-12 (Teams conversation; expires)", owner: "none (old)" },
  "teams-sparthread": { what: "coaches' Teams post before 2026-12 (expires)", owner: "none (old)" },
  meta: {
    what: "global: the pseudonymisation secret (when not set by AANZET_PSEUDONYM_SECRET)",
    owner: "app",
    keep: true,
  },
};

/** Kinds whose keys carry no tenant: never exported per tenant, never erased. */
export const GLOBAL_KINDS = new Set(["meta"]);

/** The tenant of a key (`<kind>:<tenant>[:...]`), undefined for global kinds. */
export function tenantOfKey(key: string): string | undefined {
  const parts = key.split(":");
  if (parts.length < 2 || GLOBAL_KINDS.has(parts[0]!)) return undefined;
  return parts[1];
}

/** Every record of one tenant, kind by kind (collected per kind, so callers may delete). */
export async function* tenantEntries(
  store: AdminStore,
  tenant: string,
  kinds?: string[],
): AsyncIterable<StoredEntry & { kind: string }> {
  for (const kind of kinds ?? (await store.kinds())) {
    if (GLOBAL_KINDS.has(kind)) continue;
    const exact = `${kind}:${tenant}`;
    const batch: Array<StoredEntry & { kind: string }> = [];
    for await (const e of store.entries(exact)) {
      if (e.key === exact || e.key.startsWith(`${exact}:`)) batch.push({ ...e, kind });
    }
    yield* batch;
  }
}

/** All tenants that have records. */
export async function tenantsOf(store: AdminStore): Promise<string[]> {
  const out = new Set<string>();
  for (const kind of await store.kinds()) {
    if (GLOBAL_KINDS.has(kind)) continue;
    for await (const e of store.entries(`${kind}:`)) {
      const t = tenantOfKey(e.key);
      if (t) out.add(t);
    }
  }
  return [...out].sort();
}

/** The time a record is about, for retention: the first ISO date among these fields. */
export function recordTime(value: unknown): number | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  for (const f of ["updatedAt", "lastAt", "at", "createdAt", "startedAt"]) {
    const x = v[f];
    if (typeof x === "string") {
      const t = Date.parse(x);
      if (Number.isFinite(t)) return t;
    }
  }
  return undefined;
}
