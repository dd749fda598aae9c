// Role resolution from configuration: AANZET_COACHES / AANZET_LEADS / AANZET_ADMINS hold
// comma-separated ids, either "user" (any tenant) or "tenant:user". Channel adapters pass the
// channel's user id and, where the channel has them, group ids (Slack user groups, AAD groups).
import type { Config } from "./config.js";
import type { Role } from "./core/types.js";

function listed(list: string[], tenant: string, ids: string[]): boolean {
  return ids.some((id) => list.includes(id) || list.includes(`${tenant}:${id}`));
}

/** The highest role this user has in this tenant; "worker" when not configured. */
export function resolveRole(config: Config, tenant: string, user: string, groups: string[] = []): Role {
  const ids = [user, ...groups];
  if (listed(config.env.AANZET_ADMINS, tenant, ids)) return "admin";
  if (listed(config.env.AANZET_LEADS, tenant, ids)) return "lead";
  if (listed(config.env.AANZET_COACHES, tenant, ids)) return "coach";
  return "worker";
}

/** True when `role` may do what `needed` may: admin > lead > coach > worker, except that
 * coach and lead are separate duties (a lead does not curate the map by default). */
export function can(role: Role, needed: Role): boolean {
  if (role === "admin") return true;
  return role === needed;
}
