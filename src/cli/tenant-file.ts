// map/tenants/<id>/tenant.yaml: who a municipality's coaches, leads and admins are and where its
// coaches and leads are reached. Written by `aanzet tenant init`, checked by
// `aanzet map check --tenant <id>`. The map loader reads the other YAML files of the folder as
// overlay entries and leaves this one alone.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { ContentProblem } from "../core/map/problems.js";

export const TENANT_FILE = "tenant.yaml";
/** A tenant id: lowercase letters, digits and hyphens, as used in store keys and folder names. */
export const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** A Slack user or user group id, a Teams/Entra object id, or a plain console user name. */
const principal = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{1,127}$/, { message: "use an id (Slack U…/S…, Entra object id), not a name" });
const channel = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@;=-]{1,255}$/, {
  message: "use the channel or conversation id, not its name",
});

export const TenantFileSchema = z.strictObject({
  id: z.string().regex(TENANT_ID, { message: "lowercase letters, digits and hyphens" }),
  name: z.string().min(2, { message: "give the municipality's name, e.g. Gemeente Voorbeeldstad" }),
  roles: z
    .strictObject({
      coaches: z.array(principal).default([]),
      leads: z.array(principal).default([]),
      admins: z.array(principal).default([]),
    })
    .default({ coaches: [], leads: [], admins: [] }),
  channels: z
    .strictObject({
      slack: z.strictObject({ coaches: channel.optional(), leads: channel.optional() }).optional(),
      teams: z.strictObject({ coaches: channel.optional(), leads: channel.optional() }).optional(),
    })
    .default({}),
});

export type TenantFile = z.infer<typeof TenantFileSchema>;

/** Read and validate a tenant's tenant.yaml; problems name the file and field. */
export function readTenantFile(
  mapDir: string,
  tenant: string,
  root = join(mapDir, ".."),
): { file?: TenantFile; problems: ContentProblem[] } {
  const dir = join(mapDir, "tenants", tenant);
  const path = join(dir, TENANT_FILE);
  const display = relative(root, path) || path;
  const problem = (field: string, message: string): ContentProblem => ({
    file: display,
    item: tenant,
    field,
    message,
    severity: "error",
  });
  if (!TENANT_ID.test(tenant))
    return { problems: [problem("id", "a tenant id has lowercase letters, digits and hyphens only")] };
  if (!existsSync(dir))
    return {
      problems: [problem("-", `no overlay folder for "${tenant}": create it with aanzet tenant init ${tenant}`)],
    };
  if (!existsSync(path))
    return { problems: [problem("-", `no ${TENANT_FILE}: create it with aanzet tenant init ${tenant} --force`)] };
  let data: unknown;
  try {
    data = parse(readFileSync(path, "utf8"));
  } catch (err) {
    return { problems: [problem("-", `not valid YAML: ${(err as Error).message.split("\n")[0]}`)] };
  }
  const parsed = TenantFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => problem(i.path.join(".") || "-", i.message)),
    };
  }
  if (parsed.data.id !== tenant)
    return { problems: [problem("id", `says "${parsed.data.id}"; the folder is "${tenant}"`)] };
  return { file: parsed.data, problems: [] };
}
