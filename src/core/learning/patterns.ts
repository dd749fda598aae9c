// Recurring-question detection: every logged question (answered, unanswered or overheard)
// joins the most similar earlier group, or starts a new one. When a group first meets the
// rule (3 cases, 2 teams, 8 weeks by default) the leads get a notice. Per question this costs
// a few store writes and a bounded index lookup, whatever the size of the log.
import { createHash } from "node:crypto";
import { errorCode } from "../errors.js";
import type { RegulationMap } from "../map/regulation-map.js";
import type { Clock, Log, Store } from "../ports.js";
import type { QuestionRecord } from "../question-log.js";
import type { Reply } from "../types.js";
import type { AuditLog } from "./audit.js";
import { LEARN_MSG } from "./messages.js";
import { MapVocabulary, extractFeatures, groupable, looksLikeReply, type MapSearch } from "./patterns-features.js";
import { TenantIndex, centroidRecord } from "./patterns-index.js";
import { caseKey, checkRule } from "./patterns-rule.js";
import {
  claimEntry,
  entriesSince,
  groupKey,
  headKey,
  loadGroups,
  loadReviews,
  memberKey,
  placedKey,
  resolveMerged,
  withGroupLock,
} from "./patterns-store.js";
import type { SettingsCache } from "./settings.js";
import type { CaseRef, GroupRecord, MemberRecord, QuestionEmbedder } from "./types.js";

/** Cases kept in a group record for the rule check (the oldest drop off first). */
export const RECENT_CAP = 200;

export interface DetectorOptions {
  store: Store;
  clock: Clock;
  log: Log;
  map: RegulationMap;
  audit: AuditLog;
  settings: SettingsCache;
  /** How long memberships are kept (the question log's retention). */
  retentionMs: number;
  embedder?: QuestionEmbedder | undefined;
  /** The answerer's entry search, for entry-activation features (recommended). */
  search?: MapSearch | undefined;
}

/** What happened to one question (for tests and the replay summary). */
export interface Placement {
  group?: string;
  score?: number;
  created?: boolean;
  candidate?: boolean;
  skipped?: "noise" | "reply" | "duplicate";
}

export class PatternDetector {
  private readonly indexes = new Map<string, Promise<TenantIndex>>();
  private readonly vocabularies = new Map<string, MapVocabulary>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly o: DetectorOptions) {}

  /** The Bot listener: returns a notice for the leads when a group becomes a candidate. */
  readonly listener = async (rec: QuestionRecord): Promise<Reply[] | void> => {
    const placed = await this.observe(rec);
    if (!placed.candidate || !placed.group) return;
    const g = await this.o.store.get<GroupRecord>(groupKey(rec.tenant, placed.group));
    const cases = new Set(g?.recent.map((c) => c.c)).size;
    const teams = new Set(g?.recent.map((c) => c.team)).size;
    const title = rec.text.length > 90 ? `${rec.text.slice(0, 87).trimEnd()}…` : rec.text;
    return [{ text: LEARN_MSG.leadNotice(title, cases, teams, placed.group), target: { kind: "leads" } }];
  };

  vocabulary(tenant: string): MapVocabulary {
    let v = this.vocabularies.get(tenant);
    if (!v) {
      v = new MapVocabulary(this.o.map.entriesFor(tenant));
      this.vocabularies.set(tenant, v);
    }
    return v;
  }

  /** The tenant's index, loaded from the store on first use. */
  index(tenant: string): Promise<TenantIndex> {
    let p = this.indexes.get(tenant);
    if (!p) {
      p = this.loadIndex(tenant);
      this.indexes.set(tenant, p);
      p.catch(() => this.indexes.delete(tenant));
    }
    return p;
  }

  private async loadIndex(tenant: string): Promise<TenantIndex> {
    const idx = new TenantIndex();
    const groups = await loadGroups(this.o.store, tenant);
    const ordered = [...groups.values()].sort((a, b) => (a.lastAt < b.lastAt ? -1 : 1));
    for (const g of ordered) idx.load(g);
    // Entries past the last head a process wrote: applied unless a group record holds them.
    idx.seq = (await this.o.store.get<number>(headKey(tenant))) ?? 0;
    for (const [n, e] of await entriesSince(this.o.store, tenant, idx.seq)) idx.apply(n, e);
    const reviews = await loadReviews(this.o.store, tenant);
    for (const r of reviews.values())
      if (r.status === "merged" && r.into) idx.merge(r.group, resolveMerged(r.into, reviews));
    this.o.log.debug({ tenant, groups: idx.size }, "pattern index loaded");
    return idx;
  }

  /** Tell the index that a lead merged two groups. */
  async applyMerge(tenant: string, from: string, into: string): Promise<void> {
    const idx = await this.index(tenant);
    // In the placement log too, so other processes fold the groups the same way.
    const prev = this.queues.get(tenant) ?? Promise.resolve();
    const next = prev.then(async () => {
      for (;;) {
        for (const [n, e] of await entriesSince(this.o.store, tenant, idx.seq)) idx.apply(n, e);
        if (await claimEntry(this.o.store, tenant, idx.seq + 1, { group: from, into })) break;
      }
      idx.apply(idx.seq + 1, { group: from, into });
    });
    this.queues.set(
      tenant,
      next.catch(() => undefined),
    );
    await next;
  }

  /** Place one question; questions of a tenant are placed one at a time (per process). */
  observe(rec: QuestionRecord): Promise<Placement> {
    const prev = this.queues.get(rec.tenant) ?? Promise.resolve();
    const next = prev.then(
      () => this.place(rec),
      () => this.place(rec),
    );
    this.queues.set(
      rec.tenant,
      next.catch(() => undefined),
    );
    return next;
  }

  private async place(rec: QuestionRecord): Promise<Placement> {
    if (rec.status === "passive" && looksLikeReply(rec.text)) return { skipped: "reply" };
    const features = extractFeatures(rec, this.vocabulary(rec.tenant), this.o.search?.(rec.tenant, rec.text));
    if (!groupable(features)) return { skipped: "noise" };
    const { store, clock } = this.o;
    const settings = await this.o.settings.get(rec.tenant);
    const idx = await this.index(rec.tenant);
    let embedding: number[] | undefined;
    if (this.o.embedder) {
      embedding = await this.o.embedder.embed(rec.text, rec.tenant).catch((err: unknown) => {
        this.o.log.warn({ code: errorCode(err) }, "question embedding failed");
        return undefined;
      });
    }
    const at = Date.parse(rec.at);
    const ttl = Math.max(1, this.o.retentionMs - Math.max(0, clock.now().getTime() - at));
    if (!(await store.add(placedKey(rec.tenant, rec.id), "", ttl))) return { skipped: "duplicate" };
    const vector = Object.fromEntries(features.vector);
    let match: ReturnType<TenantIndex["best"]>;
    let joins: boolean;
    let group: string;
    // Decide on the index as it is after every earlier placement (of any process), then claim
    // the next log number; when another process claimed it first, apply its entry and decide again.
    for (;;) {
      for (const [n, e] of await entriesSince(store, rec.tenant, idx.seq)) idx.apply(n, e);
      match = idx.best(features.vector, embedding);
      joins = match !== undefined && match.score >= settings.threshold;
      group = joins ? idx.resolve(match!.id) : this.newId(rec.tenant, rec.id, idx);
      const entry = { group, vector, at: rec.at, ...(embedding ? { embedding } : {}) };
      if (await claimEntry(store, rec.tenant, idx.seq + 1, entry, ttl)) break;
    }
    const n = idx.seq + 1;
    const indexed = idx.add(group, features.vector, at, embedding);
    indexed.seq = n;
    idx.seq = n;
    await store.set(placedKey(rec.tenant, rec.id), group, ttl);
    await store.set(headKey(rec.tenant), n).catch(() => undefined);
    const member: MemberRecord = {
      group,
      recordId: rec.id,
      messageId: rec.messageId || rec.id,
      team: rec.team,
      caseKey: caseKey(rec),
      at: rec.at,
      text: rec.text,
      entries: rec.entries.slice(0, 3),
      answered: rec.actors.length > 0,
      laws: rec.laws,
      score: joins && match ? Math.round(match.score * 1000) / 1000 : 1,
    };
    await store.add(memberKey(rec.tenant, group, rec.id), member, ttl);
    // The group record is read, changed and written under a lock: another process may add to
    // the same group at the same moment.
    const candidate = await withGroupLock(store, rec.tenant, group, () =>
      this.update(rec, member, indexed, n, settings),
    );
    if (candidate) {
      await this.o.audit.record({
        tenant: rec.tenant,
        who: "system",
        action: "knelpunt.candidate",
        target: group,
        details: { cases: candidate.cases },
      });
      this.o.log.info({ tenant: rec.tenant, group, cases: candidate.recent }, "new candidate knelpunt");
    }
    return { group, score: match?.score ?? 0, created: !joins, candidate: candidate !== undefined };
  }

  /** Add one member to its group record; returns the counts when the group just became a candidate.
   * Centroid and size come from the index after entry `n`, unless the stored record already
   * folds a later entry (another process wrote after this one). */
  private async update(
    rec: QuestionRecord,
    member: MemberRecord,
    indexed: ReturnType<TenantIndex["add"]>,
    n: number,
    settings: Awaited<ReturnType<SettingsCache["get"]>>,
  ): Promise<{ cases: number; recent: number } | undefined> {
    const { store, clock } = this.o;
    const group = member.group;
    const now = clock.now().toISOString();
    const stored = await store.get<GroupRecord>(groupKey(rec.tenant, group));
    const record: GroupRecord = stored ?? {
      id: group,
      tenant: rec.tenant,
      createdAt: now,
      updatedAt: now,
      firstAt: rec.at,
      lastAt: rec.at,
      size: 0,
      centroid: {},
      recent: [],
    };
    const ref: CaseRef = { r: rec.id, m: member.messageId, at: rec.at, team: rec.team, c: member.caseKey };
    if (!record.recent.some((c) => c.r === rec.id)) {
      record.recent.push(ref);
      record.recent.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      if (record.recent.length > RECENT_CAP) record.recent.splice(0, record.recent.length - RECENT_CAP);
    }
    if ((record.seq ?? 0) < n) {
      record.size = Math.max(record.size + 1, indexed.size);
      record.centroid = centroidRecord(indexed.centroid);
      if (indexed.embedding) record.embedding = indexed.embedding;
      record.seq = n;
    }
    record.updatedAt = now;
    if (rec.at < record.firstAt) record.firstAt = rec.at;
    if (rec.at > record.lastAt) record.lastAt = rec.at;
    let candidate: { cases: number; recent: number } | undefined;
    if (!record.candidateAt && checkRule(record.recent, settings).met) {
      record.candidateAt = now;
      candidate = { cases: new Set(record.recent.map((c) => c.c)).size, recent: record.recent.length };
    }
    await store.set(groupKey(rec.tenant, group), record);
    return candidate;
  }

  /** A short, typeable group id ("k" + 6 base36), stable for the founding question. */
  private newId(tenant: string, recordId: string, idx: TenantIndex): string {
    for (let i = 0; ; i++) {
      const h = createHash("sha256").update(`${tenant}\u0000${recordId}\u0000${i}`).digest();
      const id = "k" + (h.readUInt32BE(0) % 36 ** 6).toString(36).padStart(6, "0");
      if (!idx.has(id)) return id;
    }
  }
}
