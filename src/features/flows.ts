// Dialogue flows (Omgekeerde Toets, escalatie): wires the flow plugin and its start buttons
// into the bot, adds the flows to `aanzet map check`, and registers `aanzet flows check` and
// `aanzet flows export <id>`.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { App } from "../app.js";
import { parse } from "../cli/args.js";
import { mapCheckExtras, registerCommand } from "../cli/main.js";
import { loadConfig, type Config } from "../config.js";
import { loadFlows, loadValidFlows } from "../content/flow-loader.js";
import { AanzetError } from "../core/errors.js";
import { FlowPlugin } from "../core/flows/plugin.js";
import { recordMarkdown } from "../core/flows/record.js";
import { formatProblem } from "../core/map/problems.js";
import { feature } from "./index.js";

/** The project directory (the one with package.json), from src/ as from dist/src/. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const ROOT = findRoot();

/** The flows directory: AANZET_FLOWS_DIR, else flows/ in the project. */
export function flowsDir(config: Config): string {
  return config.env.AANZET_FLOWS_DIR ?? join(ROOT, "flows");
}

const plugins = new WeakMap<App, FlowPlugin>();

feature((app) => {
  // Refuses to start on a broken flow file: the error names file, flow and step.
  const { flows, messages } = loadValidFlows(flowsDir(app.config), ROOT);
  const plugin = new FlowPlugin(
    app.bot,
    { flows, messages },
    {
      idleDays: app.config.env.AANZET_FLOW_IDLE_DAYS,
      retentionDays: app.config.env.AANZET_RETENTION_DAYS,
    },
  );
  app.bot.use(plugin.handler());
  app.bot.addAnswerButtons(() => plugin.startButtons());
  plugins.set(app, plugin);
});

mapCheckExtras.push(() => loadFlows(flowsDir(loadConfig()), ROOT).problems);

const USAGE = "aanzet flows check | aanzet flows export <id> [--tenant <id>]";

registerCommand("flows", async ({ args, io, config, open }) => {
  const [sub, ...rest] = args;
  if (sub === "check") {
    parse(rest, {}, USAGE);
    const { flows, messages, problems, files } = loadFlows(flowsDir(config), ROOT);
    const errors = problems.filter((p) => p.severity === "error");
    const warnings = problems.filter((p) => p.severity === "warning");
    for (const p of [...errors, ...warnings]) io.err(formatProblem(p));
    io.out(
      `flows: ${flows.length} of ${files} flows valid, ${messages.keys().length} messages; ${errors.length} errors, ${warnings.length} warnings`,
    );
    return errors.length > 0 ? 1 : 0;
  }
  if (sub === "export") {
    const { values, positionals } = parse(rest, {}, USAGE);
    const id = positionals[0]?.trim().toUpperCase();
    if (!id)
      throw new AanzetError(
        "USAGE",
        `give the id shown at the end of the flow, e.g. aanzet flows export OT-7K3P9Q\nusage: ${USAGE}`,
      );
    const tenant = values.tenant ?? config.tenant;
    const app = await open();
    try {
      const plugin = plugins.get(app);
      if (!plugin) throw new AanzetError("HANDLER_FAILED", "the flow feature is not wired into this app");
      const record = await plugin.record(tenant, id);
      if (!record)
        throw new AanzetError(
          "NOT_FOUND",
          `no decision record "${id}" for tenant "${tenant}" (pass --tenant if it was made elsewhere)`,
        );
      io.out(recordMarkdown(record, plugin.messages));
      return 0;
    } finally {
      await app.close();
    }
  }
  throw new AanzetError("USAGE", `unknown flows command "${sub ?? ""}"\nusage: ${USAGE}`);
});
