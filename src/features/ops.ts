// Operations: `aanzet migrate | erase | export | purge | roles`, and the /instellingen chat
// command. Privileged actions are written to the tenant's audit log (who: "cli" for the
// command line); an erase audit event says how much went, never whose or which thread.
import { writeFileSync } from "node:fs";
import { parse } from "../cli/args.js";
import { runTenant } from "../cli/tenant-init.js";
import { AanzetError } from "../core/errors.js";
import { AuditLog } from "../core/learning/audit.js";
import type { GrantableRole } from "../roles.js";
import { erase } from "../store/erase.js";
import { exportTenant, exportUser } from "../store/export.js";
import { migrate } from "../store/migrate.js";
import { isAdminStore, openStore, type AdminStore } from "../store/open-store.js";
import { purge } from "../store/purge.js";
import { redactUrl } from "../store/redact-url.js";
import type { App, CommandHandler, Feature } from "./feature.js";
import { settingsCommand } from "./ops-settings.js";

const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
const perKind = (m: Record<string, number>) =>
  Object.entries(m)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ") || "nothing";

function adminStore(app: App): AdminStore {
  if (!isAdminStore(app.store)) throw new AanzetError("CONFIG_INVALID", "this store cannot list its records");
  return app.store;
}

async function withOpen<T>(open: () => Promise<App>, fn: (app: App) => Promise<T>): Promise<T> {
  const app = await open();
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

const audit = (
  app: App,
  tenant: string,
  action: string,
  target: string,
  details?: Record<string, string | number | boolean>,
) =>
  new AuditLog(app.store, app.clock).record({
    tenant,
    who: "cli",
    role: "admin",
    action,
    target,
    ...(details ? { details } : {}),
  });

const migrateCommand: CommandHandler = async ({ args, io }) => {
  const usage = "aanzet migrate --from <store url> --to <store url>";
  const { values } = parse(args, { from: { type: "string" }, to: { type: "string" } }, usage);
  if (!values.from || !values.to) throw new AanzetError("USAGE", `give both stores\nusage: ${usage}`);
  if (values.from === values.to) throw new AanzetError("USAGE", "--from and --to are the same store");
  const from = await openStore(values.from, process.cwd(), { source: "--from" });
  try {
    const to = await openStore(values.to, process.cwd(), { source: "--to" });
    try {
      const r = await migrate(from, to, (kind, n) => io.err(`  ${kind}: ${n}`));
      io.out(
        `migrated ${r.total} records from ${redactUrl(values.from)} to ${redactUrl(values.to)}: ${perKind(r.copied)}`,
      );
      if (values.json) io.out(JSON.stringify(r));
      return 0;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
};

const eraseCommand: CommandHandler = async ({ args, io, open }) => {
  const usage = "aanzet erase --user <id> | --thread <id> [--tenant <id>] [--dry-run] [--json]";
  const { values } = parse(
    args,
    {
      user: { type: "string", multiple: true },
      thread: { type: "string", multiple: true },
      "dry-run": { type: "boolean" },
    },
    usage,
  );
  const users = (values.user ?? []).filter((u) => u.trim());
  const threads = (values.thread ?? []).filter((t) => t.trim());
  if (users.length === 0 && threads.length === 0)
    throw new AanzetError("USAGE", `give --user or --thread\nusage: ${usage}`);
  return withOpen(open, async (app) => {
    const r = await erase(adminStore(app), {
      users,
      threads,
      tenant: values.tenant,
      dryRun: !!values["dry-run"],
      pseudonym: (t, u) => app.bot.pseudonym(t, u),
    });
    if (!r.dryRun) {
      for (const t of r.tenants)
        await audit(app, t, "data.erase", users.length > 0 ? "user" : "thread", {
          deleted: sum(r.deleted),
          rewritten: sum(r.rewritten),
        });
    }
    const verb = r.dryRun ? "would erase" : "erased";
    io.out(
      `${verb} ${sum(r.deleted)} records (${perKind(r.deleted)}); rewrote ${sum(r.rewritten)} shared records (${perKind(r.rewritten)}); tenants: ${r.tenants.join(", ") || "none"}`,
    );
    if (values.json) io.out(JSON.stringify(r));
    return 0;
  });
};

const exportCommand: CommandHandler = async ({ args, io, config, open }) => {
  const usage = "aanzet export --tenant <id> [--out <file>] | aanzet export --user <id> [--tenant <id>] [--out <file>]";
  const { values } = parse(args, { out: { type: "string" }, user: { type: "string", multiple: true } }, usage);
  const users = (values.user ?? []).filter((u) => u.trim());
  if (users.length > 0) return exportUserCommand(open, io, users, values.tenant, values.out);
  const tenant = values.tenant ?? config.tenant;
  return withOpen(open, async (app) => {
    const data = await exportTenant(adminStore(app), tenant, app.clock.now());
    await audit(app, tenant, "data.export", tenant, { records: sum(data.counts) });
    const json = JSON.stringify(data, null, 2);
    if (values.out) {
      writeFileSync(values.out, json + "\n", { mode: 0o600 });
      io.err(`exported ${sum(data.counts)} records of tenant ${tenant} to ${values.out}: ${perKind(data.counts)}`);
    } else {
      io.out(json);
    }
    return 0;
  });
};

/** `export --user`: what erase --user would remove, as one JSON document (AVG art. 15). */
async function exportUserCommand(
  open: () => Promise<App>,
  io: Parameters<CommandHandler>[0]["io"],
  users: string[],
  tenant: string | undefined,
  file: string | undefined,
): Promise<number> {
  return withOpen(open, async (app) => {
    const data = await exportUser(
      adminStore(app),
      { users, tenant, pseudonym: (t, u) => app.bot.pseudonym(t, u) },
      app.clock.now(),
    );
    for (const t of data.tenants) await audit(app, t, "data.export", "user", { records: sum(data.counts) });
    const json = JSON.stringify(data, null, 2);
    if (file) {
      writeFileSync(file, json + "\n", { mode: 0o600 });
      io.err(
        `exported ${sum(data.counts)} records about ${users.length} user id(s) to ${file}: ${perKind(data.counts)}`,
      );
    } else {
      io.out(json);
    }
    return 0;
  });
}

const purgeCommand: CommandHandler = async ({ args, io, config, open }) => {
  const usage = "aanzet purge [--tenant <id>] [--dry-run] [--json]";
  const { values } = parse(args, { "dry-run": { type: "boolean" } }, usage);
  return withOpen(open, async (app) => {
    const r = await purge(adminStore(app), config.retention, {
      now: app.clock.now(),
      tenant: values.tenant,
      dryRun: !!values["dry-run"],
    });
    io.out(
      `${r.dryRun ? "would purge" : "purged"} ${r.expired} expired and ${sum(r.deleted)} past-retention records (${perKind(r.deleted)}); kept as configuration: ${r.kept.join(", ") || "none"}`,
    );
    if (values.json) io.out(JSON.stringify(r));
    return 0;
  });
};

const rolesCommand: CommandHandler = async ({ args, io, config, open }) => {
  const usage =
    "aanzet roles show [--tenant <id>] | aanzet roles set [--tenant <id>] (--coach|--lead|--admin <id>)... [--remove]";
  const [sub, ...rest] = args;
  const { values } = parse(
    rest,
    {
      coach: { type: "string", multiple: true },
      lead: { type: "string", multiple: true },
      admin: { type: "string", multiple: true },
      remove: { type: "boolean" },
    },
    usage,
  );
  const tenant = values.tenant ?? config.tenant;
  if (sub !== "show" && sub !== "set")
    throw new AanzetError("USAGE", `unknown roles command "${sub ?? ""}"\nusage: ${usage}`);
  return withOpen(open, async (app) => {
    if (sub === "set") {
      const changes: Array<[GrantableRole, string]> = [
        ...(values.coach ?? []).map((id) => ["coach", id] as [GrantableRole, string]),
        ...(values.lead ?? []).map((id) => ["lead", id] as [GrantableRole, string]),
        ...(values.admin ?? []).map((id) => ["admin", id] as [GrantableRole, string]),
      ];
      if (changes.length === 0) throw new AanzetError("USAGE", `give --coach, --lead or --admin\nusage: ${usage}`);
      for (const [role, id] of changes) {
        await app.roles.change(tenant, role, id, values.remove ? "remove" : "add");
        await audit(app, tenant, values.remove ? "roles.revoke" : "roles.grant", id, { role });
      }
    }
    const r = await app.roles.stored(tenant);
    if (values.json) io.out(JSON.stringify({ tenant, ...r }));
    else
      io.out(
        `tenant ${tenant}: coaches ${r.coaches.join(", ") || "-"}; leads ${r.leads.join(", ") || "-"}; admins ${r.admins.join(", ") || "-"} (plus AANZET_COACHES/LEADS/ADMINS)`,
      );
    return 0;
  });
};

export const ops: Feature = {
  name: "ops",
  commands: {
    migrate: migrateCommand,
    erase: eraseCommand,
    export: exportCommand,
    purge: purgeCommand,
    roles: rolesCommand,
    tenant: runTenant,
  },
  plugins: (app) => {
    app.bot.use(settingsCommand(app));
    return undefined;
  },
};
