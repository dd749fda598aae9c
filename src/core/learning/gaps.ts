// Map gaps: social-domain questions the map could not answer ("not-covered"), for the coach who
// fills the map. Off-topic messages (recipes, weather, poems) are answered politely and only
// counted: they are no gap in the map, so they never reach the coach's list.
import type { Store } from "../ports.js";
import type { QuestionRecord } from "../question-log.js";
import { normalize } from "../text/normalize.js";

export interface MapGap {
  /** The scrubbed question as first asked. */
  text: string;
  /** How often it was asked (same wording after normalising). */
  count: number;
  teams: string[];
  lastSeen: string;
  /** Map entries that came closest, when any. */
  entries: string[];
}

export interface GapList {
  gaps: MapGap[];
  /** Abstained questions not offered as gaps, by reason ("off-topic", "empty"). */
  notGaps: Record<string, number>;
}

/** Reasons that say the question is not about the map's domain at all. */
const NOT_A_GAP = new Set(["off-topic", "empty"]);

/** Whether an abstained question is a gap the coach should see. Old records carry no reason. */
export function isMapGap(rec: Pick<QuestionRecord, "status" | "reason">): boolean {
  return rec.status === "abstained" && !NOT_A_GAP.has(rec.reason ?? "not-covered");
}

/** The tenant's map gaps, most asked first, and the count of abstained questions that are not. */
export async function listGaps(store: Store, tenant: string): Promise<GapList> {
  const by = new Map<string, MapGap>();
  const notGaps: Record<string, number> = {};
  for await (const [, rec] of store.scan<QuestionRecord>(`q:${tenant}:`)) {
    if (rec.status !== "abstained") continue;
    if (!isMapGap(rec)) {
      const reason = rec.reason ?? "not-covered";
      notGaps[reason] = (notGaps[reason] ?? 0) + 1;
      continue;
    }
    const key = normalize(rec.text);
    const g = by.get(key);
    if (!g) {
      by.set(key, { text: rec.text, count: 1, teams: [rec.team], lastSeen: rec.at, entries: [...rec.entries] });
      continue;
    }
    g.count++;
    if (!g.teams.includes(rec.team)) g.teams.push(rec.team);
    if (rec.at > g.lastSeen) g.lastSeen = rec.at;
    for (const e of rec.entries) if (!g.entries.includes(e)) g.entries.push(e);
  }
  const gaps = [...by.values()].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
  for (const g of gaps) g.teams.sort();
  return { gaps, notGaps };
}
