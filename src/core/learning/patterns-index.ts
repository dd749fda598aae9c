// The per-tenant in-memory index of question groups: each group's centroid (sum of its
// members' unit vectors, truncated) and postings feature -> recent groups. A new question
// looks only at the postings of its strongest features, each capped, so its cost does not
// grow with the number of questions logged. Rebuilt from the group records at start.
import { MATCH, cosine, denseCosine, sharedEvidence, unit, type MatchParams } from "./patterns-similarity.js";
import type { GroupRecord, SparseVector } from "./types.js";

/** Features kept per centroid. */
export const CENTROID_SIZE = 48;
/** Groups kept per feature posting (most recent). */
export const POSTING_CAP = 400;
/** Strongest query features used to find candidate groups. */
export const QUERY_FEATURES = 10;

export interface IndexedGroup {
  id: string;
  centroid: SparseVector;
  size: number;
  lastAt: number;
  embedding?: number[] | undefined;
  /** The last placement-log number applied to this group. */
  seq?: number | undefined;
}

export interface Match {
  id: string;
  score: number;
  shared: number;
}

export class TenantIndex {
  private readonly groups = new Map<string, IndexedGroup>();
  private readonly postings = new Map<string, string[]>();
  /** Merged group -> the group it went into. */
  private readonly redirects = new Map<string, string>();

  /** The last placement-log number applied to this index (patterns-store.ts). */
  seq = 0;

  /** Groups scored by the last `best` call (tests check the cost stays bounded). */
  lastScored = 0;

  constructor(private readonly params: MatchParams = MATCH) {}

  get size(): number {
    return this.groups.size;
  }

  has(id: string): boolean {
    return this.groups.has(id);
  }

  /** Follow merges to the group that is alive now. */
  resolve(id: string): string {
    let cur = id;
    for (let i = 0; i < 20; i++) {
      const next = this.redirects.get(cur);
      if (!next) return cur;
      cur = next;
    }
    return cur;
  }

  /** Load a stored group (start-up), or refresh it with what the store holds now. */
  load(g: Pick<GroupRecord, "id" | "centroid" | "size" | "lastAt" | "embedding" | "seq">): void {
    this.groups.set(g.id, {
      id: g.id,
      centroid: new Map(Object.entries(g.centroid)),
      size: g.size,
      lastAt: Date.parse(g.lastAt),
      embedding: g.embedding,
      seq: g.seq,
    });
    for (const k of Object.keys(g.centroid)) this.post(k, g.id);
  }

  private post(feature: string, id: string): void {
    const list = this.postings.get(feature) ?? this.postings.set(feature, []).get(feature)!;
    const at = list.indexOf(id);
    if (at >= 0) list.splice(at, 1);
    list.push(id);
    if (list.length > POSTING_CAP) list.shift();
  }

  /** The best group for a question vector, if any shares enough with it. */
  best(q: SparseVector, embedding?: number[]): Match | undefined {
    const strongest = [...q.entries()]
      .filter(([k]) => !k.startsWith("l:"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, QUERY_FEATURES);
    const seen = new Set<string>();
    let best: Match | undefined;
    this.lastScored = 0;
    for (const [k] of strongest) {
      for (const id of this.postings.get(k) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const g = this.groups.get(id);
        if (!g || this.redirects.has(id)) continue;
        this.lastScored++;
        const m = this.score(q, g, embedding);
        if (m.shared < this.params.minShared) continue;
        if (!best || m.score > best.score || (m.score === best.score && id < best.id)) best = m;
      }
    }
    return best;
  }

  /** Similarity of a question with one group. */
  score(q: SparseVector, g: IndexedGroup, embedding?: number[]): Match {
    const mean = new Map<string, number>();
    for (const [k, w] of g.centroid) mean.set(k, w / Math.max(1, g.size));
    let score = cosine(q, g.centroid);
    if (embedding && g.embedding) {
      const w = this.params.embedWeight;
      score = (1 - w) * score + w * denseCosine(embedding, g.embedding);
    }
    // A how-to question and a reported blockage are different problems, even on one topic.
    if (this.params.kindConflict && kindOf(q) !== undefined) {
      const groupKind = kindOf(mean);
      if (groupKind !== undefined && groupKind !== kindOf(q)) score *= this.params.kindConflict;
    }
    return { id: g.id, score, shared: sharedEvidence(q, mean, this.params.minShare) };
  }

  /** Apply placement-log entry `n` (another process's placement or merge, or a replayed own
   * one): skipped when the group already holds it (its record was loaded after the entry). */
  apply(
    n: number,
    e: { group: string; vector?: Record<string, number>; at?: string; embedding?: number[] | undefined; into?: string },
  ): void {
    this.seq = Math.max(this.seq, n);
    if (e.into) {
      this.merge(e.group, e.into);
      return;
    }
    if (!e.vector || (this.groups.get(e.group)?.seq ?? 0) >= n) return;
    this.add(e.group, new Map(Object.entries(e.vector)), Date.parse(e.at ?? ""), e.embedding).seq = n;
  }

  /** Add a question to a group (creating it); returns the updated centroid. */
  add(id: string, q: SparseVector, at: number, embedding?: number[]): IndexedGroup {
    let g = this.groups.get(id);
    if (!g) {
      g = { id, centroid: new Map(), size: 0, lastAt: at };
      this.groups.set(id, g);
    }
    for (const [k, w] of unit(q)) g.centroid.set(k, (g.centroid.get(k) ?? 0) + w);
    if (embedding) {
      g.embedding = g.embedding
        ? g.embedding.map((x, i) => (x * g!.size + (embedding[i] ?? 0)) / (g!.size + 1))
        : [...embedding];
    }
    g.size++;
    g.lastAt = Math.max(g.lastAt, at);
    g.centroid = truncate(g.centroid, CENTROID_SIZE);
    for (const k of g.centroid.keys()) this.post(k, id);
    return g;
  }

  /** Fold one group into another (a lead merged them): new questions go to `into`. */
  merge(from: string, into: string): void {
    // Once only: a merge can reach an index twice (from the reviews and from the placement log).
    if (from === into || this.redirects.get(from) === into) return;
    this.redirects.set(from, into);
    const a = this.groups.get(from);
    const b = this.groups.get(into);
    if (a && b) {
      for (const [k, w] of a.centroid) b.centroid.set(k, (b.centroid.get(k) ?? 0) + w);
      b.size += a.size;
      b.lastAt = Math.max(a.lastAt, b.lastAt);
      b.centroid = truncate(b.centroid, CENTROID_SIZE);
      for (const k of b.centroid.keys()) this.post(k, into);
    }
  }

  get(id: string): IndexedGroup | undefined {
    return this.groups.get(id);
  }
}

/** The dominant question kind of a vector (x:blokkade / x:procedure), if any. */
function kindOf(v: ReadonlyMap<string, number>): string | undefined {
  const b = v.get("x:blokkade") ?? 0;
  const p = v.get("x:procedure") ?? 0;
  if (b === p) return undefined;
  return b > p ? "blokkade" : "procedure";
}

/** Keep the `n` strongest features. */
export function truncate(v: SparseVector, n: number): SparseVector {
  if (v.size <= n) return v;
  return new Map([...v.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n));
}

export function centroidRecord(v: SparseVector): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, w] of v) out[k] = Math.round(w * 10_000) / 10_000;
  return out;
}
