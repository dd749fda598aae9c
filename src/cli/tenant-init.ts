// `aanzet tenant init <id>`: a municipality starts in minutes. Creates map/tenants/<id>/ from a
// template (map/templates/tenant/, or another tenant's overlay with --from) with tenant.yaml for
// roles and channels, and grants the given roles in the store. `aanzet tenant apply <id>` puts
// the roles of an edited tenant.yaml in the store again.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { App } from "../features/feature.js";
import { PROJECT_ROOT } from "../project-root.js";
import type { Config } from "../config.js";
import { AanzetError } from "../core/errors.js";
import type { GrantableRole } from "../roles.js";
import { parse } from "./args.js";
import type { CliIO } from "./io.js";
import { readTenantFile, TENANT_FILE, TENANT_ID } from "./tenant-file.js";

export const TENANT_USAGE =
  "aanzet tenant init <id> [--name <naam>] [--from <tenant>] [--coach <id>]... [--lead <id>]... [--admin <id>]... [--force] | aanzet tenant apply <id>";

interface Ctx {
  args: string[];
  io: CliIO;
  config: Config;
  open: () => Promise<App>;
}

/** The map folder this process uses (AANZET_MAP_DIR or the project's map/). */
export function mapDirOf(config: Config): string {
  return config.env.AANZET_MAP_DIR ?? join(PROJECT_ROOT, "map");
}

const yamlList = (ids: string[]) => (ids.length ? `[${ids.map((i) => JSON.stringify(i)).join(", ")}]` : "[]");

function fillTemplate(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m);
}

/** Run `aanzet tenant ...`; returns the exit code. */
export async function runTenant(ctx: Ctx): Promise<number> {
  const [sub, ...rest] = ctx.args;
  const { values, positionals } = parse(
    rest,
    {
      name: { type: "string" },
      from: { type: "string" },
      force: { type: "boolean" },
      coach: { type: "string", multiple: true },
      lead: { type: "string", multiple: true },
      admin: { type: "string", multiple: true },
    },
    TENANT_USAGE,
  );
  if (sub !== "init" && sub !== "apply")
    throw new AanzetError("USAGE", `unknown tenant command "${sub ?? ""}"\nusage: ${TENANT_USAGE}`);
  const id = positionals[0] ?? "";
  if (!TENANT_ID.test(id))
    throw new AanzetError(
      "USAGE",
      `give a tenant id of lowercase letters, digits and hyphens, e.g. aanzet tenant ${sub} leiden`,
    );
  const mapDir = mapDirOf(ctx.config);
  if (sub === "apply") return applyRoles(ctx, mapDir, id);

  const dir = join(mapDir, "tenants", id);
  if (existsSync(dir) && !values.force)
    throw new AanzetError("USAGE", `map/tenants/${id} already exists; use --force to write its tenant.yaml again`);
  const from = values.from;
  const source = from ? join(mapDir, "tenants", from) : join(mapDir, "templates", "tenant");
  if (!existsSync(source) || !statSync(source).isDirectory())
    throw new AanzetError(
      "USAGE",
      from ? `no tenant "${from}" to copy in ${mapDir}/tenants` : `no template in ${source}`,
    );
  const name = values.name ?? `Gemeente ${id.charAt(0).toUpperCase()}${id.slice(1)}`;
  const roles = { coaches: values.coach ?? [], leads: values.lead ?? [], admins: values.admin ?? [] };
  const vars = {
    id,
    name: JSON.stringify(name),
    coaches: yamlList(roles.coaches),
    leads: yamlList(roles.leads),
    admins: yamlList(roles.admins),
  };
  const template = join(mapDir, "templates", "tenant", TENANT_FILE);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  try {
    if (from) {
      // A neighbour's overlay as the start: its entries, not its roles.
      for (const f of readdirSync(source)) {
        if (f === TENANT_FILE || existsSync(join(dir, f))) continue;
        cpSync(join(source, f), join(dir, f), { recursive: true });
        written.push(join(dir, f));
      }
    } else {
      for (const f of readdirSync(source)) {
        if (f === TENANT_FILE || existsSync(join(dir, f))) continue;
        writeFileSync(join(dir, f), fillTemplate(readFileSync(join(source, f), "utf8"), { ...vars, name }));
        written.push(join(dir, f));
      }
    }
    writeFileSync(join(dir, TENANT_FILE), fillTemplate(readFileSync(template, "utf8"), vars));
    written.push(join(dir, TENANT_FILE));
    const check = readTenantFile(mapDir, id);
    if (check.problems.length > 0)
      throw new AanzetError(
        "USAGE",
        `the new ${TENANT_FILE} is not valid: ${check.problems[0]!.field}: ${check.problems[0]!.message}`,
      );
  } catch (err) {
    if (!values.force) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  for (const f of written) ctx.io.out(`wrote ${f}`);
  const granted = await grant(ctx, id, roles);
  ctx.io.out(
    `tenant ${id} (${name}) is ready${granted ? `; ${granted} ${granted === 1 ? "role" : "roles"} stored` : ""}. Next: add local rules to map/tenants/${id}/ (see lokaal.yaml.voorbeeld), then run: aanzet map check --tenant ${id}`,
  );
  return 0;
}

async function applyRoles(ctx: Ctx, mapDir: string, id: string): Promise<number> {
  const { file, problems } = readTenantFile(mapDir, id);
  if (!file) throw new AanzetError("USAGE", `${problems[0]!.file}: ${problems[0]!.field}: ${problems[0]!.message}`);
  const n = await grant(ctx, id, file.roles);
  ctx.io.out(
    `tenant ${id}: ${n} ${n === 1 ? "role" : "roles"} stored from ${TENANT_FILE} (withdraw one with: aanzet roles set --remove)`,
  );
  return 0;
}

/** Grant the roles in the store; returns how many were given. */
async function grant(ctx: Ctx, tenant: string, roles: { coaches: string[]; leads: string[]; admins: string[] }) {
  const changes: Array<[GrantableRole, string]> = [
    ...roles.coaches.map((u) => ["coach", u] as [GrantableRole, string]),
    ...roles.leads.map((u) => ["lead", u] as [GrantableRole, string]),
    ...roles.admins.map((u) => ["admin", u] as [GrantableRole, string]),
  ];
  if (changes.length === 0) return 0;
  const app = await ctx.open();
  try {
    for (const [role, user] of changes) await app.roles.change(tenant, role, user, "add");
  } finally {
    await app.close();
  }
  return changes.length;
}
