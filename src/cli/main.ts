// Command-line entry: parses the command and hands off to one file per command. Commands
// beyond ask/chat/map check come from the features it is given (features/index.ts).
import { join } from "node:path";
import { createApp, type App } from "../app.js";
import { loadConfig, type Config } from "../config.js";
import { AanzetError } from "../core/errors.js";
import type { CommandHandler, Feature } from "../features/feature.js";
import { FEATURES } from "../features/index.js";
import { PROJECT_ROOT } from "../project-root.js";
import { runAsk, runAskJsonl } from "./ask.js";
import { parse, parseRole } from "./args.js";
import { consoleRole, runChat } from "./chat.js";
import { helpRequest } from "./help.js";
import { cliLogger } from "./log.js";
import { tenantProblems, tenantToCheck } from "./tenant-check.js";
import { processIO, type CliIO } from "./io.js";
import { runMapCheck } from "./map-check.js";
import { runMapWatch } from "./map-watch.js";

export { PROJECT_ROOT };

const USAGE = `usage: aanzet <command> [options]
  ask "<vraag>" [--json]       answer one question
  ask --jsonl                  answer questions from stdin, one JSON answer per line
  chat [--role coach|lead]     the console channel (interactive, or piped lines); a role must be
                               configured for the console user, or taken with --as-operator-role (audited)
  map check [--due <date>]     validate the regulation map, flows and prompts; list reviews due
  map watch [--on <date>]      list entries whose law has a newer version in the BWB (asks overheid.nl)
  map proposals [--export id]  coach proposals for map changes
  map gaps                     questions the map could not answer
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
  tenant init <id> | apply <id>  start a municipality: overlay folder, roles, channels
common options: --store <url> --tenant <id> --team <id> --user <id>`;

export type { CommandHandler } from "../features/feature.js";

/** The features' commands by name; two features naming the same command is a programming error. */
function commandsOf(features: readonly Feature[]): Map<string, CommandHandler> {
  const out = new Map<string, CommandHandler>();
  for (const f of features) {
    for (const [name, handler] of Object.entries(f.commands ?? {})) {
      if (out.has(name)) throw new AanzetError("CONFIG_INVALID", `command "${name}" is defined twice (${f.name})`);
      out.set(name, handler);
    }
  }
  return out;
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

async function withApp<T>(config: Config, features: readonly Feature[], fn: (app: App) => Promise<T>): Promise<T> {
  // CLI commands log to stderr; per-turn lines are debug, so the chat stays readable.
  const app = await createApp(config, { log: cliLogger(config, "cli"), features });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** Run the CLI with `features`; returns the process exit code. Errors become one line on stderr. */
export async function main(
  argv: string[],
  io: CliIO = processIO,
  features: readonly Feature[] = FEATURES,
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "help" || command === "--help" || command === "-h") {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    const help = helpRequest(argv);
    if (help !== undefined) {
      io.out(help);
      return 0;
    }
    // --store is honoured by every command (interface.md).
    const storeIdx = rest.indexOf("--store");
    const store = storeIdx >= 0 ? rest[storeIdx + 1] : undefined;
    const config = loadConfig(process.env, store ? { store } : {});
    const commands = commandsOf(features);
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
          return await withApp(config, features, async (app) =>
            runAskJsonl(app, io, { ...o, role: await consoleRole(app, o, operator) }),
          );
        const question = positionals.join(" ");
        if (!question.trim()) throw new AanzetError("USAGE", 'give a question: aanzet ask "wie betaalt een traplift?"');
        return await withApp(config, features, async (app) =>
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
        return await withApp(config, features, async (app) =>
          runChat(app, io, { ...o, role: await consoleRole(app, o, operator) }),
        );
      }
      case "map": {
        const [sub] = rest;
        if (sub === "check") {
          const mapDir = config.env.AANZET_MAP_DIR ?? join(PROJECT_ROOT, "map");
          const tenant = tenantToCheck(rest.slice(1));
          return runMapCheck(io, {
            mapDir,
            today: config.today ?? new Date().toISOString().slice(0, 10),
            args: rest.slice(1),
            extraChecks: () => [
              ...features.flatMap((f) => f.checks ?? []).flatMap((check) => check(config)),
              ...(tenant ? tenantProblems(mapDir, tenant) : []),
            ],
          });
        }
        if (sub === "watch") return await runMapWatch(io, rest.slice(1), config, join(PROJECT_ROOT, "map"));
        const handler = commands.get(`map ${sub ?? ""}`);
        if (handler)
          return await handler({
            args: rest.slice(1),
            io,
            config,
            open: () => createApp(config, { log: cliLogger(config, "map"), features }),
          });
        throw new AanzetError("USAGE", `unknown map command "${sub ?? ""}"; try: aanzet map check`);
      }
      default: {
        const handler = commands.get(command);
        if (handler) {
          return await handler({
            args: rest,
            io,
            config,
            open: () => createApp(config, { log: cliLogger(config, command), features }),
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
