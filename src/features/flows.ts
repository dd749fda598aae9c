// Dialogue flows (Omgekeerde Toets, escalatie): wires the flow plugin and its start buttons
// into the bot, adds the flows to `aanzet map check`, and brings `aanzet flows check` and
// `aanzet flows export <id>`.
import { join } from "node:path";
import { parse } from "../cli/args.js";
import type { Config } from "../config.js";
import { loadFlows, loadValidFlows } from "../content/flow-loader.js";
import { AanzetError } from "../core/errors.js";
import { FlowPlugin } from "../core/flows/plugin.js";
import { recordMarkdown } from "../core/flows/record.js";
import { formatProblem } from "../core/map/problems.js";
import { PROJECT_ROOT as ROOT } from "../project-root.js";
import type { App, CommandHandler, Feature } from "./feature.js";

/** The flows directory: AANZET_FLOWS_DIR, else flows/ in the project. */
export function flowsDir(config: Config): string {
  return config.env.AANZET_FLOWS_DIR ?? join(ROOT, "flows");
}

/** Wire the flow plugin and its start buttons into the bot. Refuses to start on a broken flow
 * file: the error names file, flow and step. */
function wire(app: App): { flows: FlowPlugin } {
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
  return { flows: plugin };
}

const USAGE = "aanzet flows check | aanzet flows export <id> [--tenant <id>]";

const flowsCommand: CommandHandler = async ({ args, io, config, open }) => {
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
      const plugin = app.parts.flows;
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
};

export const flows: Feature = {
  name: "flows",
  commands: { flows: flowsCommand },
  plugins: wire,
  checks: [(config) => loadFlows(flowsDir(config), ROOT).problems],
};
