// Teams from sender names. One WhatsApp group often holds several teams, with the team in the
// sender's name ("Team Noord - Sanne"). Counted as one team, its recurring questions never reach
// the "at least two teams" rule, so a lead would see no knelpunt. A sender rule gives each
// message its real team: a regex whose first group is the team, or a mapping file.
import { readFileSync } from "node:fs";
import { AanzetError } from "../core/errors.js";
import type { ImportedMessage } from "./types.js";

/** One rule: when the sender matches, the message belongs to `team` (or to group 1 of the regex). */
interface Rule {
  pattern: RegExp;
  team?: string;
}

export interface SenderTeams {
  /** The team of a sender, undefined when no rule matches. */
  teamOf(sender: string): string | undefined;
  /** How the rules were given, for the replay summary. */
  describe: string;
}

function compile(source: string, where: string): RegExp {
  try {
    return new RegExp(source, "iu");
  } catch (err) {
    throw new AanzetError("USAGE", `${where}: not a valid regular expression: ${(err as Error).message}`);
  }
}

function rulesTeams(rules: Rule[], describe: string): SenderTeams {
  return {
    describe,
    teamOf(sender) {
      for (const r of rules) {
        const m = r.pattern.exec(sender);
        if (!m) continue;
        const team = (r.team ?? m[1] ?? "").trim();
        if (team) return team;
      }
      return undefined;
    },
  };
}

/** `--team-from-sender '^Team (\w+) - '`: group 1 of the regex is the team. */
export function teamsFromRegex(source: string): SenderTeams {
  const pattern = compile(source, "--team-from-sender");
  if (!/\((?!\?)/.test(source) && !/\(\?<\w+>/.test(source))
    throw new AanzetError("USAGE", "--team-from-sender needs a group for the team, e.g. '^Team (\\w+) - '");
  return rulesTeams([{ pattern }], `--team-from-sender '${source}'`);
}

/**
 * A mapping file: one rule per line, `<sender> = <team>`. The sender is a name (exact, any case)
 * or a /regex/. Empty lines and lines starting with # are ignored. Example:
 *
 *   # sender = team
 *   Sanne de Vries = noord
 *   /^Timo\b/ = zuid
 *   /^Team (\w+) - / = $1
 */
export function parseTeamMap(text: string, file = "team map"): SenderTeams {
  const rules: Rule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const eq = line.lastIndexOf("=");
    const where = `${file}, line ${i + 1}`;
    if (eq <= 0) throw new AanzetError("USAGE", `${where}: expected "<sender> = <team>"`);
    const sender = line.slice(0, eq).trim();
    const team = line.slice(eq + 1).trim();
    if (!sender || !team) throw new AanzetError("USAGE", `${where}: expected "<sender> = <team>"`);
    const re = /^\/(.+)\/$/.exec(sender);
    const pattern = re
      ? compile(re[1]!, where)
      : new RegExp(`^${sender.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "iu");
    rules.push(team === "$1" ? { pattern } : { pattern, team });
  });
  if (rules.length === 0) throw new AanzetError("USAGE", `${file}: no "<sender> = <team>" lines`);
  return rulesTeams(rules, `--team-map ${file}`);
}

/** Read a mapping file from disk (see parseTeamMap). */
export function readTeamMap(path: string): SenderTeams {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new AanzetError("INPUT_INVALID", `cannot read the team map ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return parseTeamMap(text, path);
}

export interface AssignResult {
  messages: ImportedMessage[];
  /** Messages whose sender no rule matched; they keep the export's own team. */
  unmatched: number;
}

/** Give each message the team its sender names; the rest keep the team they had. */
export function assignTeams(messages: readonly ImportedMessage[], teams: SenderTeams): AssignResult {
  let unmatched = 0;
  const out = messages.map((m) => {
    const team = teams.teamOf(m.user);
    if (team === undefined) {
      unmatched++;
      return m;
    }
    return { ...m, team };
  });
  return { messages: out, unmatched };
}
