// How the case facts of a question fit the `when:` conditions of map entries and their aanZet
// lines: re-rank entries, pick the aanZet line that applies, say what the answer assumed, and
// find the one open fact that decides between two entries. Generic over the data in map/:
// no phrase or entry id is named here.
import type { AanZetItem, FactCue, MapEntry, When } from "../map/schema.js";
import { type CaseFacts, factOf, matchWhen, type WhenKey } from "../understand/index.js";

export const FACT_WEIGHT = {
  /** Score factor for an entry whose condition the question contradicts ("geen wlz" vs wlz: true). */
  conflict: 0.3,
  /** Score factor per condition key the question confirms. */
  holds: 0.12,
} as const;

/** Re-rank factor for one entry from its `when:` condition. */
export function factFactor(entry: MapEntry, facts: CaseFacts): number {
  const m = matchWhen(entry.when, facts);
  if (m.conflicts.length > 0) return FACT_WEIGHT.conflict ** m.conflicts.length;
  return 1 + FACT_WEIGHT.holds * m.holds.length;
}

/** True when the question contradicts the entry's own condition. */
export function contradicts(entry: MapEntry, facts: CaseFacts): boolean {
  return matchWhen(entry.when, facts).conflicts.length > 0;
}

/**
 * The aanZet line that the facts make primary, when the listed primary's condition is
 * contradicted and another line's condition holds. Undefined when nothing changes or no line
 * carries a condition.
 */
export function factPrimary(entry: MapEntry, facts: CaseFacts): AanZetItem | undefined {
  const primary = entry.aanZet.find((a) => a.role === "primary");
  if (!primary) return undefined;
  const pm = matchWhen(primary.when, facts);
  const candidates = entry.aanZet.filter((a) => a !== primary && a.role !== "escalation" && a.when);
  if (candidates.length === 0) return undefined;
  const scored = candidates
    .map((a) => ({ a, m: matchWhen(a.when, facts) }))
    .filter(({ m }) => m.conflicts.length === 0 && m.holds.length > 0)
    .sort((x, y) => y.m.holds.length - x.m.holds.length);
  const best = scored[0];
  if (!best) return undefined;
  // The listed primary stays unless the facts speak against it or clearly better for another.
  if (pm.conflicts.length > 0 || best.m.holds.length > pm.holds.length) return best.a;
  return undefined;
}

type Assumption = { key: WhenKey; value: unknown };

/** Conditions the answer relies on that the question left open. */
export function openConditions(entry: MapEntry, item: AanZetItem | undefined, facts: CaseFacts): Assumption[] {
  const out: Assumption[] = [];
  for (const when of [entry.when, item?.when]) {
    if (!when) continue;
    const m = matchWhen(when, facts);
    for (const key of m.open) {
      if (!out.some((a) => a.key === key)) out.push({ key, value: when[key] });
    }
  }
  return out;
}

const SETTING_LABEL_FALLBACK = "woont op die plek";

/** Dutch label for one assumed condition, from the labels in map/facts.yaml. */
export function assumptionLabel(a: Assumption, cues: readonly FactCue[]): string {
  if (a.key === "ageFrom") return `${a.value} jaar of ouder`;
  if (a.key === "ageBelow") return `jonger dan ${a.value}`;
  const values = Array.isArray(a.value) ? a.value : [a.value];
  const labels = values.map((v) => {
    const cue = cues.find((c) => c.fact === a.key && c.value === v);
    if (cue) return cue.label;
    const opposite = cues.find((c) => c.fact === a.key && typeof v === "boolean" && c.value === !v);
    if (opposite) return `niet: ${opposite.label}`;
    return a.key === "setting" ? SETTING_LABEL_FALLBACK : `${a.key}: ${String(v)}`;
  });
  return labels.join(" of ");
}

/** The answer JSON's `assumed` map: fact id -> value as text. */
export function assumedRecord(as: Assumption[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of as) {
    const v = Array.isArray(a.value) ? a.value.join("|") : String(a.value);
    out[a.key] = a.key === "ageFrom" ? `>=${v}` : a.key === "ageBelow" ? `<${v}` : v;
  }
  return out;
}

/**
 * The one condition key that tells two entries apart and that the question leaves open:
 * both name it with different values (or only one names it), and neither is contradicted.
 */
export function decidingFact(a: MapEntry, b: MapEntry, facts: CaseFacts): WhenKey | undefined {
  const wa: When = a.when ?? {};
  const wb: When = b.when ?? {};
  const ma = matchWhen(a.when, facts);
  const mb = matchWhen(b.when, facts);
  if (ma.conflicts.length > 0 || mb.conflicts.length > 0) return undefined;
  const keys = new Set<WhenKey>([...ma.open, ...mb.open]);
  for (const key of keys) {
    const va = JSON.stringify(wa[key]);
    const vb = JSON.stringify(wb[key]);
    if (va !== vb) return key;
  }
  return undefined;
}

/** The question that asks for one fact, from map/facts.yaml (`ask`), or for the age. */
export function factQuestion(key: WhenKey, cues: readonly FactCue[]): string {
  const fact = factOf(key);
  if (fact === "age") return "Hoe oud is de persoon?";
  return cues.find((c) => c.fact === fact && c.ask)?.ask ?? "Kun je iets meer vertellen over de situatie?";
}
