// The learning loop as a feature: wires feedback, moderation, pattern detection and lead
// review into the bot, and brings `aanzet replay`, `aanzet knelpunten`, `aanzet report`
// and `aanzet map proposals`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { stringify } from "yaml";
import { parse } from "../cli/args.js";
import { runMapGaps } from "../cli/map-gaps.js";
import { runReplay } from "../cli/replay.js";
import { AanzetError } from "../core/errors.js";
import {
  installLearning,
  knelpuntJson,
  loadSettings,
  proposalPatch,
  reportCsv,
  reportHtml,
  reportMarkdown,
  saveSettings,
  type LearningLoop,
} from "../core/learning/index.js";
import { describe } from "../core/learning/review-chat.js";
import type { App, CommandHandler, Feature } from "./feature.js";

/** Open the app, run `fn` with its learning loop, always close. */
async function withLoop<T>(open: () => Promise<App>, fn: (app: App, loop: LearningLoop) => Promise<T>): Promise<T> {
  const app = await open();
  try {
    const loop = app.parts.learning;
    if (!loop) throw new AanzetError("HANDLER_FAILED", "the learning feature is not wired into this app");
    return await fn(app, loop);
  } finally {
    await app.close();
  }
}

const replayCommand: CommandHandler = ({ args, io, config, open }) =>
  runReplay({ args, io, config, withLoop: (fn) => withLoop(open, fn) });

const KNELPUNTEN_USAGE =
  "aanzet knelpunten [--json] [--all] [--tenant <id>] | aanzet knelpunten settings [--min-cases N] [--min-teams N] [--window-days N] [--threshold X] [--snooze-days N]";

const STATUS_NL = {
  open: "open",
  candidate: "kandidaat",
  accepted: "geaccepteerd",
  rejected: "afgewezen",
  merged: "samengevoegd",
  snoozed: "gepauzeerd",
} as const;

const knelpuntenCommand: CommandHandler = async ({ args, io, config, open }) => {
  if (args[0] === "settings") return settingsCommand(args.slice(1), io, config.tenant, open);
  const { values } = parse(args, { all: { type: "boolean" } }, KNELPUNTEN_USAGE);
  const tenant = values.tenant ?? config.tenant;
  return withLoop(open, async (_app, loop) => {
    const list = await loop.knelpunten.list(tenant, { includeOpen: !!values.all });
    if (values.json) {
      io.out(JSON.stringify(list.map(knelpuntJson), null, 2));
      return 0;
    }
    if (list.length === 0) {
      io.out(
        `Geen knelpunten voor ${tenant}. Een kandidaat ontstaat als een vraag vaak genoeg terugkomt (zie: aanzet knelpunten settings).`,
      );
      return 0;
    }
    const candidates = list.filter((k) => k.status === "candidate").length;
    io.out(`Knelpunten voor ${tenant}: ${list.length} (waarvan ${candidates} kandidaat)`);
    for (const k of list) io.out(describe(k).replace(/^• (\S+): /, `• $1 [${STATUS_NL[k.status]}]: `));
    return 0;
  });
};

async function settingsCommand(
  args: string[],
  io: Parameters<CommandHandler>[0]["io"],
  defaultTenant: string,
  open: () => Promise<App>,
): Promise<number> {
  const opts = {
    "min-cases": { type: "string" },
    "min-teams": { type: "string" },
    "window-days": { type: "string" },
    threshold: { type: "string" },
    "snooze-days": { type: "string" },
  } as const;
  const { values } = parse(args, opts, KNELPUNTEN_USAGE);
  const tenant = values.tenant ?? defaultTenant;
  const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
  const patch = Object.fromEntries(
    Object.entries({
      minCases: num(values["min-cases"]),
      minTeams: num(values["min-teams"]),
      windowDays: num(values["window-days"]),
      threshold: num(values.threshold),
      snoozeDays: num(values["snooze-days"]),
    }).filter(([, v]) => v !== undefined),
  );
  return withLoop(open, async (app, loop) => {
    let settings;
    if (Object.keys(patch).length > 0) {
      try {
        settings = await saveSettings(app.store, tenant, patch);
      } catch (err) {
        throw new AanzetError("USAGE", `invalid setting: ${(err as Error).message.split("\n")[0]}`);
      }
      loop.settings.forget(tenant);
      await loop.audit.record({
        tenant,
        who: "cli",
        action: "settings.update",
        target: `settings:${tenant}`,
        details: Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v as number])),
      });
    } else {
      settings = await loadSettings(app.store, tenant);
    }
    io.out(JSON.stringify({ tenant, ...settings }, null, 2));
    return 0;
  });
}

const REPORT_USAGE = "aanzet report [--out <folder>] [--tenant <id>]";

const reportCommand: CommandHandler = async ({ args, io, config, open }) => {
  const { values } = parse(args, { out: { type: "string" } }, REPORT_USAGE);
  const tenant = values.tenant ?? config.tenant;
  return withLoop(open, async (app, loop) => {
    const list = await loop.knelpunten.list(tenant);
    const settings = await loadSettings(app.store, tenant);
    const now = app.clock.now().toISOString();
    const dir = resolve(values.out ?? `knelpunten-${tenant}-${now.slice(0, 10)}`);
    mkdirSync(dir, { recursive: true });
    const meta = { tenant, generatedAt: now, entryTitle: (id: string) => app.map.get(id, tenant)?.title, settings };
    const files = {
      "knelpunten.md": reportMarkdown(list, meta),
      "knelpunten.csv": reportCsv(list),
      "knelpunten.html": reportHtml(list, meta),
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    await loop.audit.record({
      tenant,
      who: "cli",
      action: "report.write",
      target: dir,
      details: { knelpunten: list.length },
    });
    for (const name of Object.keys(files)) io.out(join(dir, name));
    return 0;
  });
};

const PROPOSALS_USAGE =
  "aanzet map proposals [--tenant <id>] [--json] | aanzet map proposals --export <id> [--out <file.yaml>]";

const proposalsCommand: CommandHandler = async ({ args, io, config, open }) => {
  const { values } = parse(
    args,
    { export: { type: "string" }, out: { type: "string" }, all: { type: "boolean" } },
    PROPOSALS_USAGE,
  );
  const tenant = values.tenant ?? config.tenant;
  return withLoop(open, async (app, loop) => {
    if (values.export !== undefined) {
      const p = await loop.proposals.get(tenant, values.export.trim());
      if (!p)
        throw new AanzetError(
          "NOT_FOUND",
          `no map proposal "${values.export}" for tenant "${tenant}" (see: aanzet map proposals)`,
        );
      const yaml = `# Voorstel ${p.id} voor de regelkaart (${p.kind}), gemaakt door ${p.author} op ${p.date}.\n# Controleer het en zet het met de hand in map/; draai daarna: aanzet map check\n${stringify(proposalPatch(p, app.map), { lineWidth: 100 })}`;
      if (values.out) {
        writeFileSync(resolve(values.out), yaml);
        io.out(resolve(values.out));
      } else {
        io.out(yaml.trimEnd());
      }
      await loop.proposals.setStatus(tenant, p.id, "exported");
      await loop.audit.record({ tenant, who: "cli", action: "proposal.export", target: p.id });
      return 0;
    }
    const list = (await loop.proposals.list(tenant)).filter(
      (p) => values.all || p.status === "open" || p.status === "exported",
    );
    if (values.json) {
      io.out(JSON.stringify(list, null, 2));
      return 0;
    }
    if (list.length === 0) {
      io.out(`No map proposals for ${tenant}.`);
      return 0;
    }
    for (const p of list) {
      const text = p.text.replace(/\s+/g, " ");
      io.out(
        `${p.id}  ${p.date}  ${p.status.padEnd(8)}  ${p.kind.padEnd(10)}  ${p.entryId}${p.field !== "entry" ? ` (${p.field})` : ""}  by ${p.author}\n    ${text.length > 160 ? `${text.slice(0, 157)}...` : text}`,
      );
    }
    io.out(`Export one as a YAML patch: aanzet map proposals --export <id>`);
    return 0;
  });
};

export const learning: Feature = {
  name: "learning",
  commands: {
    replay: replayCommand,
    knelpunten: knelpuntenCommand,
    report: reportCommand,
    "map proposals": proposalsCommand,
    "map gaps": runMapGaps,
  },
  plugins: (app) => ({
    learning: installLearning(app.bot, {
      retentionDays: app.config.env.AANZET_RETENTION_DAYS,
      ...(app.llm ? { embedder: app.llm.embedder } : {}),
    }),
  }),
};
