// What a replay read and skipped, per team, so a lead can tell "nothing structural" from "the
// export was read as one team" or "most lines were media".
import type { ImportedMessage, ParseResult } from "./types.js";

export interface TeamTally {
  team: string;
  read: number;
  skipped: number;
  /** Reason -> count. */
  why: Record<string, number>;
}

/** Per-team counts of read and skipped items; skips without a known sender go to `fallbackTeam`. */
export function tallyTeams(
  messages: readonly ImportedMessage[],
  parsed: Pick<ParseResult, "skips" | "skipped">,
  teamOfSender: (sender: string) => string | undefined,
  fallbackTeam: string,
): TeamTally[] {
  const by = new Map<string, TeamTally>();
  const get = (team: string): TeamTally => {
    let t = by.get(team);
    if (!t) by.set(team, (t = { team, read: 0, skipped: 0, why: {} }));
    return t;
  };
  for (const m of messages) get(m.team).read++;
  if (parsed.skips) {
    for (const s of parsed.skips) {
      const t = get((s.user !== undefined ? teamOfSender(s.user) : undefined) ?? fallbackTeam);
      t.skipped++;
      t.why[s.reason] = (t.why[s.reason] ?? 0) + 1;
    }
  } else if (parsed.skipped > 0) {
    const t = get(fallbackTeam);
    t.skipped += parsed.skipped;
    t.why["system, bot or empty message"] = parsed.skipped;
  }
  return [...by.values()].sort((a, b) => b.read - a.read || a.team.localeCompare(b.team));
}

/** "team noord: 5 read, 2 skipped (1 media or deleted message, 1 system line)". */
export function formatTally(t: TeamTally): string {
  const why = Object.entries(t.why)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${n} ${reason}`)
    .join(", ");
  return `team ${t.team}: ${t.read} read${t.skipped ? `, ${t.skipped} skipped (${why})` : ""}`;
}

/**
 * A hint when an export came in as one team while its sender names look like "<team> - <name>":
 * that is the case where a lead sees "0 new candidates" although several teams asked the same.
 */
export function oneTeamHint(messages: readonly ImportedMessage[]): string | undefined {
  const teams = new Set(messages.map((m) => m.team));
  if (teams.size !== 1 || messages.length === 0) return undefined;
  const prefixes = new Set<string>();
  let withPrefix = 0;
  for (const m of messages) {
    const p = /^(.{2,40}?)\s+[-–|:]\s+\S/.exec(m.user);
    if (p) {
      withPrefix++;
      prefixes.add(p[1]!.toLowerCase());
    }
  }
  if (prefixes.size < 2 || withPrefix < messages.length / 2) return undefined;
  const [team] = teams;
  return `all messages were counted as one team (${team}), and a knelpunt needs questions from several teams; the sender names look like "<team> - <name>": try --team-from-sender '^(.+?) - ' or --team-map <file> (see aanzet replay --help)`;
}
