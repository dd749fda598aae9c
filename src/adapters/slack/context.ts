// What every Slack listener gets: the aanzet App's parts plus Slack facts (bot user id,
// the coaches' and leads' channels) and role resolution. Built once per adapter.
import type { webApi } from "@slack/bolt";
import type { App } from "../../features/feature.js";
import type { Config } from "../../config.js";
import type { Bot } from "../../core/bot.js";
import type { Log, Store } from "../../core/ports.js";
import type { Role } from "../../core/types.js";
import { resolveRole, type RoleBook } from "../../roles.js";

export type WebClient = webApi.WebClient;

export interface SlackDeps {
  app: App;
  bot: Bot;
  store: Store;
  log: Log;
  config: Config;
  /** The bot's own user id (`U…`): mentions of it are stripped, its threads remembered. */
  botUserId: string;
  coachesChannel?: string | undefined;
  leadsChannel?: string | undefined;
  roleOf(client: WebClient, tenant: string, user: string): Promise<Role>;
}

const GROUP_CACHE_MS = 5 * 60_000;

/** Slack user group ids (`S…`) named in AANZET_COACHES / AANZET_LEADS / AANZET_ADMINS. */
export function configuredGroups(config: Config, tenant: string): string[] {
  const all = [...config.env.AANZET_COACHES, ...config.env.AANZET_LEADS, ...config.env.AANZET_ADMINS];
  const ids = all
    .map((entry) => {
      const i = entry.indexOf(":");
      if (i < 0) return entry;
      return entry.slice(0, i) === tenant ? entry.slice(i + 1) : "";
    })
    .filter((id) => /^S[A-Z0-9]+$/.test(id));
  return [...new Set(ids)];
}

/** Role resolution by configured user ids and, when groups are configured, Slack user group
 * membership (usergroups.users.list, cached for five minutes per workspace and group). */
export function roleResolver(config: Config, log: Log, roles?: RoleBook): SlackDeps["roleOf"] {
  const cache = new Map<string, { at: number; users: Promise<Set<string>> }>();
  const members = (client: WebClient, tenant: string, group: string): Promise<Set<string>> => {
    const key = `${tenant}:${group}`;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < GROUP_CACHE_MS) return hit.users;
    const users = client.usergroups.users
      .list({ usergroup: group })
      .then((r) => new Set(r.users ?? []))
      .catch((err: unknown) => {
        cache.delete(key);
        log.warn({ code: "HANDLER_FAILED", group, slackError: slackErrorCode(err) }, "slack user group lookup failed");
        return new Set<string>();
      });
    cache.set(key, { at: Date.now(), users });
    return users;
  };
  return async (client, tenant, user) => {
    const groups = configuredGroups(config, tenant);
    const mine: string[] = [];
    for (const g of groups) if ((await members(client, tenant, g)).has(user)) mine.push(g);
    // Stored grants (/instellingen, `aanzet roles`) count too, not only the environment.
    return roles ? roles.resolve(tenant, user, mine) : resolveRole(config, tenant, user, mine);
  };
}

/** Slack's own error string of a failed Web API call (e.g. `not_in_channel`), if any. */
export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  if (data && typeof data.error === "string") return data.error;
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Errors meaning "the bot cannot post in this conversation" (not a member, DM between others). */
export function cannotPostHere(err: unknown): boolean {
  const code = slackErrorCode(err);
  return (
    code === "not_in_channel" || code === "channel_not_found" || code === "is_archived" || code === "restricted_action"
  );
}
