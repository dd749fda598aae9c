// Knelpunten as leads and reports see them: each group that met the rule (or was reviewed),
// with its members counted from the membership records (the truth, whatever the group
// record says), a title, example questions, linked entries and laws, and a trend.
import type { RegulationMap } from "../map/regulation-map.js";
import type { Clock, Store } from "../ports.js";
import { MapVocabulary, extractFeatures, type MapSearch } from "./patterns-features.js";
import { checkRule } from "./patterns-rule.js";
import { cosine, unit } from "./patterns-similarity.js";
import { loadGroups, loadMembers, loadReviews } from "./patterns-store.js";
import { loadSettings } from "./settings.js";
import type {
  CaseRef,
  GroupRecord,
  Knelpunt,
  MemberRecord,
  PatternSettings,
  ReviewRecord,
  SparseVector,
  Trend,
} from "./types.js";

const WEEK_MS = 7 * 86_400_000;

/** Monday (UTC) of the ISO week holding `iso`, as YYYY-MM-DD. */
export function weekStart(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
  return monday.toISOString().slice(0, 10);
}

/** Cases per week in the last 4 weeks before `asOf` against the weeks before that. */
export function trendOf(caseTimes: readonly number[], asOf: number): Trend {
  const cut = asOf - 4 * WEEK_MS;
  const recent = caseTimes.filter((t) => t > cut && t <= asOf).length;
  const before = caseTimes.filter((t) => t <= cut);
  const first = before.length > 0 ? Math.min(...before) : cut;
  const beforeWeeks = Math.max(1, (cut - first) / WEEK_MS);
  const recentPerWeek = Math.round((recent / 4) * 100) / 100;
  const beforePerWeek = Math.round((before.length / beforeWeeks) * 100) / 100;
  let direction: Trend["direction"] = "flat";
  if (before.length === 0) direction = "new";
  else if (recentPerWeek > beforePerWeek * 1.25) direction = "up";
  else if (recentPerWeek < beforePerWeek * 0.75) direction = "down";
  return { recentCases: recent, beforeCases: before.length, recentPerWeek, beforePerWeek, direction };
}

function byCount<T extends string>(items: T[]): T[] {
  const counts = new Map<T, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
}

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const at = cut.lastIndexOf(" ");
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).replace(/[,.;:]$/, "")}…`;
}

export interface ListOptions {
  /** Include groups that did not (yet) meet the rule. */
  includeOpen?: boolean;
  /** Reference time for the trend (default: the newest question, at most the clock). */
  asOf?: Date;
}

/** Everything the listing needs from the store, loaded once. */
interface Snapshot {
  groups: Map<string, GroupRecord>;
  members: Map<string, MemberRecord[]>;
  reviews: Map<string, ReviewRecord>;
  settings: PatternSettings;
}

export class KnelpuntenService {
  private readonly vocabularies = new Map<string, MapVocabulary>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly map: RegulationMap,
    private readonly search?: MapSearch,
  ) {}

  private vocabulary(tenant: string): MapVocabulary {
    let v = this.vocabularies.get(tenant);
    if (!v) this.vocabularies.set(tenant, (v = new MapVocabulary(this.map.entriesFor(tenant))));
    return v;
  }

  private async snapshot(tenant: string): Promise<Snapshot> {
    const [groups, members, reviews, settings] = await Promise.all([
      loadGroups(this.store, tenant),
      loadMembers(this.store, tenant),
      loadReviews(this.store, tenant),
      loadSettings(this.store, tenant),
    ]);
    return { groups, members, reviews, settings };
  }

  /** Candidate and reviewed knelpunten of a tenant: candidates first, most cases first. */
  async list(tenant: string, opts: ListOptions = {}): Promise<Knelpunt[]> {
    const snap = await this.snapshot(tenant);
    const now = this.clock.now();
    let newest = 0;
    for (const list of snap.members.values()) for (const m of list) newest = Math.max(newest, Date.parse(m.at));
    const asOf = opts.asOf?.getTime() ?? Math.min(now.getTime(), newest || now.getTime());
    const out: Knelpunt[] = [];
    const ids = new Set([...snap.groups.keys(), ...snap.members.keys()]);
    for (const id of ids) {
      const k = this.build(tenant, id, snap, now, asOf, !!opts.includeOpen);
      if (k) out.push(k);
    }
    const rank = { candidate: 0, snoozed: 1, accepted: 2, rejected: 3, merged: 4, open: 5 } as const;
    return out.sort(
      (a, b) =>
        rank[a.status] - rank[b.status] ||
        b.cases - a.cases ||
        (a.lastSeen > b.lastSeen ? -1 : 1) ||
        (a.id < b.id ? -1 : 1),
    );
  }

  /** One knelpunt by id (also open groups, so a lead can merge them). */
  async get(tenant: string, id: string): Promise<Knelpunt | undefined> {
    const snap = await this.snapshot(tenant);
    if (!snap.groups.has(id) && !snap.members.has(id)) return undefined;
    const now = this.clock.now();
    return this.build(tenant, id, snap, now, now.getTime(), true);
  }

  private build(
    tenant: string,
    id: string,
    snap: Snapshot,
    now: Date,
    asOf: number,
    includeOpen: boolean,
  ): Knelpunt | undefined {
    const review = snap.reviews.get(id);
    // Members of this group plus every group merged into it (transitively).
    const mergedFrom: string[] = [];
    const collect = (gid: string, depth: number): MemberRecord[] => {
      const own = snap.members.get(gid) ?? [];
      if (depth > 10) return own;
      const extra: MemberRecord[] = [];
      for (const r of snap.reviews.values()) {
        if (r.status === "merged" && r.into === gid && r.group !== id) {
          mergedFrom.push(r.group);
          extra.push(...collect(r.group, depth + 1));
        }
      }
      return [...own, ...extra];
    };
    const members = review?.status === "merged" ? (snap.members.get(id) ?? []) : collect(id, 0);
    if (members.length === 0) return undefined;
    members.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.recordId < b.recordId ? -1 : 1));
    const cases: CaseRef[] = members.map((m) => ({
      r: m.recordId,
      m: m.messageId,
      at: m.at,
      team: m.team,
      c: m.caseKey,
    }));
    let status: Knelpunt["status"] | undefined;
    if (review) {
      status = review.status;
      if (review.status === "snoozed" && review.until && Date.parse(review.until) <= now.getTime())
        status = "candidate";
    } else if (checkRule(cases, snap.settings).met || snap.groups.get(id)?.candidateAt) {
      status = "candidate";
    }
    if (!status && !includeOpen) return undefined;
    const typical = this.typicalOrder(tenant, members);
    const caseFirst = new Map<string, number>();
    for (const m of members) {
      const t = Date.parse(m.at);
      caseFirst.set(m.caseKey, Math.min(caseFirst.get(m.caseKey) ?? t, t));
    }
    const weekly = new Map<string, number>();
    for (const t of caseFirst.values()) {
      const w = weekStart(new Date(t).toISOString());
      weekly.set(w, (weekly.get(w) ?? 0) + 1);
    }
    const perTeam: Record<string, number> = {};
    const teamOfCase = new Map<string, string>();
    for (const m of members) if (!teamOfCase.has(m.caseKey)) teamOfCase.set(m.caseKey, m.team);
    for (const team of teamOfCase.values()) perTeam[team] = (perTeam[team] ?? 0) + 1;
    const entries = this.linkedEntries(members);
    const laws = this.linkedLaws(tenant, members, entries);
    const title = this.title(tenant, members, typical, entries);
    const examples: string[] = [];
    for (const m of typical) {
      const t = shorten(m.text, 240);
      if (!examples.includes(t)) examples.push(t);
      if (examples.length === 3) break;
    }
    return {
      id,
      status: status ?? "open",
      title,
      cases: caseFirst.size,
      teams: [...new Set(members.map((m) => m.team))].sort(),
      firstSeen: members[0]!.at,
      lastSeen: members[members.length - 1]!.at,
      messageIds: [...new Set(members.map((m) => m.messageId))],
      entries,
      laws,
      examples,
      trend: trendOf([...caseFirst.values()], asOf),
      weekly: [...weekly.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([week, n]) => ({ week, cases: n })),
      perTeam,
      ...(review ? { review } : {}),
      mergedFrom,
    };
  }

  /** Members ordered from most to least typical (closest to the group's mean vector). */
  private typicalOrder(tenant: string, members: MemberRecord[]): MemberRecord[] {
    const vocab = this.vocabulary(tenant);
    const vectors = members.map((m) =>
      unit(
        extractFeatures(
          { text: m.text, entries: m.entries, actors: m.answered ? ["?"] : [], laws: m.laws },
          vocab,
          this.search?.(tenant, m.text),
        ).vector,
      ),
    );
    const mean: SparseVector = new Map();
    for (const v of vectors) for (const [k, w] of v) mean.set(k, (mean.get(k) ?? 0) + w);
    const scored = members.map((m, i) => ({ m, s: cosine(vectors[i]!, mean) }));
    scored.sort((a, b) => b.s - a.s || (a.m.at < b.m.at ? -1 : 1));
    return scored.map((x) => x.m);
  }

  /** Entries answered for members, most frequent first; unanswered hints need two votes. */
  private linkedEntries(members: MemberRecord[]): string[] {
    const answered = byCount(members.filter((m) => m.answered && m.entries[0]).map((m) => m.entries[0]!));
    const hinted = members.filter((m) => !m.answered && m.entries[0]).map((m) => m.entries[0]!);
    const counts = new Map<string, number>();
    for (const h of hinted) counts.set(h, (counts.get(h) ?? 0) + 1);
    const strongHints = [...counts.entries()].filter(([, n]) => n >= 2).map(([k]) => k);
    return [...new Set([...answered, ...strongHints])].slice(0, 5);
  }

  private linkedLaws(tenant: string, members: MemberRecord[], entries: string[]): string[] {
    const fromMembers = members.flatMap((m) => m.laws);
    const fromEntries = entries.flatMap((id) => {
      const e = this.map.get(id, tenant);
      const primary = e?.aanZet.find((a) => a.role === "primary");
      return primary?.law ? [primary.law] : [];
    });
    return byCount([...fromMembers, ...fromEntries]).slice(0, 6);
  }

  /** The linked entry's title when most members got that answer, else the most typical question. */
  private title(tenant: string, members: MemberRecord[], typical: MemberRecord[], entries: string[]): string {
    const top = entries[0];
    if (top) {
      const votes = members.filter((m) => m.answered && m.entries[0] === top).length;
      const entry = this.map.get(top, tenant);
      if (entry && votes >= Math.max(2, Math.ceil(members.length / 2))) return entry.title;
    }
    const t = shorten(typical[0]?.text ?? members[0]!.text, 90);
    return t.charAt(0).toUpperCase() + t.slice(1);
  }
}

/** The `knelpunten --json` shape of interface.md, exactly these keys in this order. */
export type KnelpuntJson = Pick<
  Knelpunt,
  "id" | "title" | "cases" | "teams" | "firstSeen" | "lastSeen" | "messageIds" | "entries" | "laws"
> & { status: string };

export function knelpuntJson(k: Knelpunt): KnelpuntJson {
  return {
    id: k.id,
    status: k.status,
    title: k.title,
    cases: k.cases,
    teams: k.teams,
    firstSeen: k.firstSeen,
    lastSeen: k.lastSeen,
    messageIds: k.messageIds,
    entries: k.entries,
    laws: k.laws,
  };
}
