// Role resolution from configuration: AANZET_COACHES / AANZET_LEADS / AANZET_ADMINS hold
// comma-separated ids, either "user" (any tenant) or "tenant:user". Channel adapters pass the
// channel's user id and, where the channel has them, group ids (Slack user groups, AAD groups).
// On top of that, RoleBook adds the grants an admin made per tenant (`roles:<tenant>` in the
// store, changed with /instellingen or `aanzet roles`).
import type { Config } from "./config.js";
import { AanzetError } from "./core/errors.js";
import type { Clock, Store } from "./core/ports.js";
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

/** Roles an admin can grant per tenant, kept in the store as `roles:<tenant>`. */
export interface TenantRoles {
  coaches: string[];
  leads: string[];
  admins: string[];
  updatedAt?: string;
}

export type GrantableRole = "coach" | "lead" | "admin";
const LIST: Record<GrantableRole, keyof Pick<TenantRoles, "coaches" | "leads" | "admins">> = {
  coach: "coaches",
  lead: "leads",
  admin: "admins",
};
const RANK: Record<Role, number> = { worker: 0, coach: 1, lead: 2, admin: 3 };

export function rolesKey(tenant: string): string {
  return `roles:${tenant}`;
}

/** The higher of two roles (admin > lead > coach > worker), as resolveRole ranks them. */
export function higherRole(a: Role, b: Role): Role {
  return RANK[a] >= RANK[b] ? a : b;
}

const EMPTY: TenantRoles = { coaches: [], leads: [], admins: [] };

/**
 * Roles from configuration (AANZET_COACHES/LEADS/ADMINS) plus the tenant's stored settings.
 * The stored record only adds roles: what the environment grants, only the environment takes
 * away. Cached per tenant for `ttlMs`, so a change reaches every process within that time.
 */
export class RoleBook {
  private readonly cache = new Map<string, { at: number; roles: TenantRoles }>();

  constructor(
    private readonly config: Config,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ttlMs = 30_000,
  ) {}

  /** The stored grants of a tenant (empty lists when none). Throws when the store is down. */
  async stored(tenant: string): Promise<TenantRoles> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(tenant);
    if (hit && now - hit.at < this.ttlMs && now >= hit.at) return hit.roles;
    const raw = await this.store.get<Partial<TenantRoles>>(rolesKey(tenant));
    const roles: TenantRoles = {
      coaches: Array.isArray(raw?.coaches) ? raw.coaches.filter((x) => typeof x === "string") : [],
      leads: Array.isArray(raw?.leads) ? raw.leads.filter((x) => typeof x === "string") : [],
      admins: Array.isArray(raw?.admins) ? raw.admins.filter((x) => typeof x === "string") : [],
      ...(typeof raw?.updatedAt === "string" ? { updatedAt: raw.updatedAt } : {}),
    };
    this.cache.set(tenant, { at: now, roles });
    return roles;
  }

  /** The highest role of a channel user (and their groups) in a tenant. With the store down,
   * the configured roles alone (the safe direction: nobody gains a role by an outage). */
  async resolve(tenant: string, user: string, groups: string[] = []): Promise<Role> {
    const fromEnv = resolveRole(this.config, tenant, user, groups);
    let roles = EMPTY;
    try {
      roles = await this.stored(tenant);
    } catch {
      roles = this.cache.get(tenant)?.roles ?? EMPTY;
    }
    const ids = [user, ...groups];
    const fromStore: Role = ids.some((id) => roles.admins.includes(id))
      ? "admin"
      : ids.some((id) => roles.leads.includes(id))
        ? "lead"
        : ids.some((id) => roles.coaches.includes(id))
          ? "coach"
          : "worker";
    return higherRole(fromEnv, fromStore);
  }

  /** Grant or withdraw a stored role; returns the new record. Callers check that the actor
   * is an admin and write the audit event. */
  async change(tenant: string, role: GrantableRole, id: string, op: "add" | "remove"): Promise<TenantRoles> {
    const value = id.trim();
    if (!/^[A-Za-z0-9:._@-]{1,128}$/.test(value))
      throw new AanzetError("INPUT_INVALID", `not a user or group id: ${JSON.stringify(value.slice(0, 40))}`);
    this.cache.delete(tenant);
    const current = await this.stored(tenant);
    const list = new Set(current[LIST[role]]);
    if (op === "add") list.add(value);
    else list.delete(value);
    const next: TenantRoles = { ...current, [LIST[role]]: [...list].sort(), updatedAt: this.clock.now().toISOString() };
    await this.store.set(rolesKey(tenant), next);
    this.cache.set(tenant, { at: this.clock.now().getTime(), roles: next });
    return next;
  }

  forget(tenant: string): void {
    this.cache.delete(tenant);
  }
}
