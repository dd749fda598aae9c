// Similarity between a question and a group: cosine over weighted sparse features, plus a
// minimum of shared evidence so that one strong shared word ("tandarts") never makes two
// different problems one group. An optional embedding cosine is mixed in when available.
import type { SparseVector } from "./types.js";

export function norm(v: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

export function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, w] of small) {
    const x = large.get(k);
    if (x !== undefined) s += w * x;
  }
  return s;
}

export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const n = norm(a) * norm(b);
  return n === 0 ? 0 : dot(a, b) / n;
}

/** v scaled to unit length (a copy). */
export function unit(v: ReadonlyMap<string, number>): SparseVector {
  const n = norm(v) || 1;
  const out: SparseVector = new Map();
  for (const [k, w] of v) out.set(k, w / n);
  return out;
}

export function denseCosine(a: readonly number[], b: readonly number[]): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    d += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : d / Math.sqrt(na * nb);
}

/**
 * Features that count as evidence of "same problem": specific concepts and content words.
 * Broad concepts (uitkering, woning, kind) echo a specific one and would count it twice.
 */
function telling(key: string, w: number): boolean {
  if (key.startsWith("e:")) return w >= MATCH.minTellingEntry;
  return (key.startsWith("c:") || key.startsWith("s:")) && w >= MATCH.minTelling;
}

/**
 * Shared evidence between a question and a group's mean vector: the number of telling
 * features the question has that are a real part of the group (not one member's stray word).
 */
export function sharedEvidence(
  q: ReadonlyMap<string, number>,
  mean: ReadonlyMap<string, number>,
  minShare: number,
): number {
  let n = 0;
  for (const [k, w] of q) {
    if (!telling(k, w)) continue;
    const g = mean.get(k);
    if (g !== undefined && g >= minShare) n++;
  }
  return n;
}

export interface MatchParams {
  /** Weight a concept or word needs in the question to count as shared evidence. */
  minTelling: number;
  /** Weight an entry activation needs to count as shared evidence (a strong, trusted match). */
  minTellingEntry: number;
  /** Telling features the question must share with the group. */
  minShared: number;
  /** Part of the group's mean unit vector a feature must have to count as shared. */
  minShare: number;
  /** Factor on the score when question and group are of different kinds (how-to vs blockage). */
  kindConflict: number;
  /** Share of the embedding cosine in the final score (0 without embeddings). */
  embedWeight: number;
}

export const MATCH: MatchParams = {
  kindConflict: 0.6,
  minTellingEntry: 1.2,
  minTelling: 0.55,
  minShared: 2,
  minShare: 0.08,
  embedWeight: 0.5,
};
