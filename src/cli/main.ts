// Command-line entry: parses the command and hands off to one file per command.
import { join } from "node:path";
import { createApp, PROJECT_ROOT, type App } from "../app.js";
import { loadConfig, type Config } from "../config.js";
import { AanzetError } from "../core/errors.js";
import { createLogger } from "../logger.js";
import { runAsk, runAskJsonl } from "./ask.js";
import { parse, parseRole } from "./args.js";
import { consoleRole, runChat } from "./chat.js";
import { processIO, type CliIO } from "./io.js";
import { runMapCheck } from "./map-check.js";

export { PROJECT_ROOT };

const USAGE = `usage: aanzet <command> [options]
  ask "<vraag>" [--json]       answer one question
  ask --jsonl                  answer questions from stdin, one JSON answer per line
  chat [--role coach|lead]     the console channel (interactive, or piped lines); a role must be
                               configured for the console user, or taken with --as-operator-role (audited)
  map check                    validate the regulation map, flows and prompts
  map proposals [--export id]  coach proposals for map changes
  flows check | export <id>    validate flows; print a decision record
  replay <file>                feed chat history (JSONL, Slack export, WhatsApp .txt) to pattern detection
  knelpunten [--json]          candidate and reviewed knelpunten
  report [--out dir]           Markdown, CSV and HTML report of knelpunten
  serve                        Slack/Teams endpoints and /healthz on one port
  migrate --from <url> --to <url>   copy all data between stores
  erase --user <id> | --thread <id>  remove everything about a person or case
  export --tenant <id>         all data of one tenant as JSON
  export --user <id>           everything kept about one person (AVG art. 15), as erase --user finds it
  purge                        remove records past their retention
  roles                        show or change roles per tenant
common options: --store <url> --tenant <id> --team <id> --user <id>`;

/** Per-command handlers registered by feature modules (replay, knelpunten, serve, ...). */
export type CommandHandler = (ctx: {
  args: string[];
  io: CliIO;
  config: Config;
  open: () => Promise<App>;
}) => Promise<number>;
const extraCommands = new Map<string, CommandHandler>();

/** Register a CLI command implemented outside this file. */
export function registerCommand(name: string, handler: CommandHandler): void {
  extraCommands.set(name, handler);
}

/** Who speaks on the console (tenant, team, user, role) from the common options; applies --today. */
function speaker(
  values: {
    tenant?: string | undefined;
    team?: string | undefined;
    user?: string | undefined;
    role?: string | undefined;
    today?: string | undefined;
  },
  config: Config,
  defaultUser: string,
) {
  if (values.today) config.today = values.today;
  return {
    tenant: values.tenant ?? config.tenant,
    team: values.team ?? config.team,
    user: values.user ?? defaultUser,
    role: parseRole(values.role),
  };
}

async function withApp<T>(config: Config, io: CliIO, fn: (app: App) => Promise<T>): Promise<T> {
  // CLI commands log to stderr; per-turn lines are debug, so the chat stays readable.
  const app = await createApp(config, { log: createLogger(config.logLevel, 2) });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** Run the CLI; returns the process exit code. Errors become one line on stderr. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "help" || command === "--help" || command === "-h") {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    // --store is honoured by every command (interface.md).
    const storeIdx = rest.indexOf("--store");
    const store = storeIdx >= 0 ? rest[storeIdx + 1] : undefined;
    const config = loadConfig(process.env, store ? { store } : {});
    await loadFeatures();
    switch (command) {
      case "ask": {
        const { values, positionals } = parse(
          rest,
          { "as-operator-role": { type: "boolean" } },
          'aanzet ask "<vraag>" [--json] | aanzet ask --jsonl',
        );
        const o = speaker(values, config, "cli");
        const operator = !!values["as-operator-role"];
        if (values.jsonl)
          return await withApp(config, io, async (app) =>
            runAskJsonl(app, io, { ...o, role: await consoleRole(app, o, operator) }),
          );
        const question = positionals.join(" ");
        if (!question.trim()) throw new AanzetError("USAGE", 'give a question: aanzet ask "wie betaalt een traplift?"');
        return await withApp(config, io, async (app) =>
          runAsk(app, io, question, { ...o, role: await consoleRole(app, o, operator) }, !!values.json),
        );
      }
      case "chat": {
        const { values } = parse(
          rest,
          { thread: { type: "string" }, "as-operator-role": { type: "boolean" } },
          "aanzet chat [--role worker|coach|lead|admin [--as-operator-role]] [--thread <id>]",
        );
        const o = {
          ...speaker(values, config, "console"),
          thread: values.thread ?? `console-${values.user ?? "console"}`,
        };
        const operator = !!values["as-operator-role"];
        return await withApp(config, io, async (app) =>
          runChat(app, io, { ...o, role: await consoleRole(app, o, operator) }),
        );
      }
      case "map": {
        const [sub] = rest;
        if (sub === "check") {
          return runMapCheck(io, {
            mapDir: config.env.AANZET_MAP_DIR ?? join(PROJECT_ROOT, "map"),
            today: config.today ?? new Date().toISOString().slice(0, 10),
            ...(mapCheckExtras.length ? { extraChecks: () => mapCheckExtras.flatMap((f) => f()) } : {}),
          });
        }
        const handler = extraCommands.get(`map ${sub ?? ""}`);
        if (handler) return await handler({ args: rest.slice(1), io, config, open: () => createApp(config) });
        throw new AanzetError("USAGE", `unknown map command "${sub ?? ""}"; try: aanzet map check`);
      }
      default: {
        const handler = extraCommands.get(command);
        if (handler) {
          return await handler({
            args: rest,
            io,
            config,
            open: () => createApp(config, { log: createLogger(config.logLevel, 2) }),
          });
        }
        throw new AanzetError("USAGE", `unknown command "${command}"\n${USAGE}`);
      }
    }
  } catch (err) {
    const code = err instanceof AanzetError ? err.code : "HANDLER_FAILED";
    io.err(`aanzet: ${(err as Error).message}`);
    return code === "USAGE" ? 2 : 1;
  }
}

/** Extra content checks for `map check` (flows, prompts), registered by feature modules. */
export const mapCheckExtras: Array<() => import("../core/map/problems.js").ContentProblem[]> = [];

let featuresLoaded = false;
/** Feature modules register their commands on import (see src/features/index.ts). */
async function loadFeatures(): Promise<void> {
  if (featuresLoaded) return;
  featuresLoaded = true;
  await import("../features/index.js");
}
