// `aanzet replay`: chat history through the question log and pattern detection, with teams taken
// from sender names when one export holds several teams, a per-team account of what was read and
// skipped, and a progress bar on a terminal.
import { resolve } from "node:path";
import type { App } from "../features/feature.js";
import type { Config } from "../config.js";
import { AanzetError } from "../core/errors.js";
import type { LearningLoop } from "../core/learning/index.js";
import { FORMATS, readExport, replay } from "../import/index.js";
import { assignTeams, readTeamMap, type SenderTeams, teamsFromRegex } from "../import/team-map.js";
import { formatTally, oneTeamHint, tallyTeams } from "../import/team-report.js";
import type { ImportFormat } from "../import/types.js";
import { parse } from "./args.js";
import type { CliIO } from "./io.js";
import { progressReporter } from "./progress.js";

export const REPLAY_USAGE =
  "aanzet replay <file|folder> [--format jsonl|slack|whatsapp] [--tenant <id>] [--team <id>] [--team-from-sender <regex> | --team-map <file>] [--progress N] [--json]";

export interface ReplayContext {
  args: string[];
  io: CliIO;
  config: Config;
  /** Run `fn` with the opened app and its learning loop, closing the app afterwards. */
  withLoop: <T>(fn: (app: App, loop: LearningLoop) => Promise<T>) => Promise<T>;
  /** Whether stderr is a terminal (a progress bar then); defaults to process.stderr.isTTY. */
  stderrIsTTY?: boolean;
}

/** Run `aanzet replay`; returns the exit code. */
export async function runReplay(ctx: ReplayContext): Promise<number> {
  const { io, config } = ctx;
  const { values, positionals } = parse(
    ctx.args,
    {
      format: { type: "string" },
      progress: { type: "string" },
      "team-from-sender": { type: "string" },
      "team-map": { type: "string" },
    },
    REPLAY_USAGE,
  );
  const file = positionals[0];
  if (!file) throw new AanzetError("USAGE", `give the export to replay\nusage: ${REPLAY_USAGE}`);
  if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format)) {
    throw new AanzetError("USAGE", `unknown format "${values.format}": use ${FORMATS.join(", ")}`);
  }
  if (values["team-from-sender"] !== undefined && values["team-map"] !== undefined)
    throw new AanzetError("USAGE", "give --team-from-sender or --team-map, not both");
  const every = values.progress !== undefined ? Number(values.progress) : 500;
  if (!Number.isInteger(every) || every < 0)
    throw new AanzetError("USAGE", "--progress takes a whole number of messages (0: quiet)");
  const senders: SenderTeams | undefined =
    values["team-from-sender"] !== undefined
      ? teamsFromRegex(values["team-from-sender"])
      : values["team-map"] !== undefined
        ? readTeamMap(resolve(values["team-map"]))
        : undefined;
  if (values.today) config.today = values.today;
  const tenant = values.tenant ?? config.tenant;
  const parsed = readExport(resolve(file), { format: values.format as ImportFormat | undefined, team: values.team });
  for (const issue of parsed.issues) {
    io.err(`aanzet replay: ${issue.file ? `${issue.file}, item` : "line"} ${issue.line}: ${issue.reason} (skipped)`);
  }
  const fileTeam = parsed.messages[0]?.team ?? values.team ?? "export";
  const assigned = senders ? assignTeams(parsed.messages, senders) : { messages: parsed.messages, unmatched: 0 };
  // Oldest first, so groups grow as they did in the chat; equal times keep their file order.
  const messages = assigned.messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.at.getTime() - b.m.at.getTime() || a.i - b.i)
    .map((x) => x.m);
  const tally = tallyTeams(messages, parsed, (s) => senders?.teamOf(s) ?? fileTeam, fileTeam);
  const hint = senders ? undefined : oneTeamHint(messages);

  return ctx.withLoop(async (app, loop) => {
    const progress = progressReporter(io, {
      tty: ctx.stderrIsTTY ?? !!process.stderr.isTTY,
      total: messages.length,
      every: messages.length > every ? every : 0,
    });
    let summary: Awaited<ReturnType<typeof replay>>;
    try {
      summary = await replay(app.bot, messages, {
        tenant,
        progressEvery: progress.every,
        onProgress: (done, total) => progress.update(done, total),
      });
    } finally {
      progress.stop();
    }
    const all = await loop.knelpunten.list(tenant);
    const candidates = all.filter((k) => k.status === "candidate");
    if (values.json) {
      io.out(
        JSON.stringify({
          format: parsed.format,
          tenant,
          messages: summary.messages,
          skipped: parsed.skipped,
          errors: parsed.issues.map((i) => ({ line: i.line, ...(i.file ? { file: i.file } : {}), error: i.reason })),
          teams: tally.map((t) => ({ team: t.team, read: t.read, skipped: t.skipped, why: t.why })),
          ...(senders ? { unmatchedSenders: assigned.unmatched } : {}),
          newCandidates: summary.notices.length,
          candidates: candidates.map((k) => k.id),
        }),
      );
      return 0;
    }
    for (const t of tally) io.out(`  ${formatTally(t)}`);
    if (senders && assigned.unmatched > 0)
      io.out(
        `  ${plural(assigned.unmatched, "message")} from senders that ${senders.describe} did not match stayed in team ${fileTeam}`,
      );
    if (hint) io.out(`  note: ${hint}`);
    io.out(
      `replay: ${summary.messages} messages replayed (${parsed.format}, tenant ${tenant}, ${plural(tally.filter((t) => t.read > 0).length, "team")}), ${parsed.skipped} skipped, ${parsed.issues.length} bad lines; ` +
        `${summary.notices.length} new candidate knelpunten, ${candidates.length} in total. List them with: aanzet knelpunten --tenant ${tenant}`,
    );
    return 0;
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
