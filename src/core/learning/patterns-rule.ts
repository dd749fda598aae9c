// The rule of three, configurable: a group is a candidate knelpunt when some window of
// `windowDays` holds at least `minCases` distinct cases from at least `minTeams` teams.
import type { CaseRef, PatternSettings } from "./types.js";

export interface RuleResult {
  met: boolean;
  /** Most cases and teams seen together in one window. */
  cases: number;
  teams: number;
}

/** Slide a window over the cases (any order in, O(n log n)). */
export function checkRule(
  cases: readonly CaseRef[],
  s: Pick<PatternSettings, "minCases" | "minTeams" | "windowDays">,
): RuleResult {
  const sorted = [...cases].map((c) => ({ ...c, t: Date.parse(c.at) })).filter((c) => !Number.isNaN(c.t));
  sorted.sort((a, b) => a.t - b.t);
  const windowMs = s.windowDays * 86_400_000;
  const caseCount = new Map<string, number>();
  const teamCount = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string, d: number): void => {
    const n = (m.get(k) ?? 0) + d;
    if (n <= 0) m.delete(k);
    else m.set(k, n);
  };
  let best = { met: false, cases: 0, teams: 0 };
  let left = 0;
  for (let right = 0; right < sorted.length; right++) {
    const r = sorted[right]!;
    inc(caseCount, r.c, 1);
    inc(teamCount, r.team, 1);
    while (r.t - sorted[left]!.t > windowMs) {
      const l = sorted[left]!;
      inc(caseCount, l.c, -1);
      inc(teamCount, l.team, -1);
      left++;
    }
    const met = caseCount.size >= s.minCases && teamCount.size >= s.minTeams;
    if (met && !best.met) best = { met, cases: caseCount.size, teams: teamCount.size };
    else if (!best.met && caseCount.size + teamCount.size > best.cases + best.teams) {
      best = { met, cases: caseCount.size, teams: teamCount.size };
    }
  }
  return best;
}

/** Case key of a question: its conversation (a thread is one case, however many messages). */
export function caseKey(rec: { channel: string; thread: string; messageId: string; id: string }): string {
  return rec.thread ? `${rec.channel}:${rec.thread}` : rec.id;
}
