// A Teams activity -> a core Turn. Pure: no SDK, no store.
import type { Config } from "../../config.js";
import type { Turn } from "../../core/types.js";
import { resolveRole } from "../../roles.js";
import { cardSubmit, isPersonal, mentionsBot, teamOf, tenantOf, userOf, type TeamsActivity } from "./activity.js";
import { commandText, stripMentions } from "./normalise.js";

/** The worker's words: mentions stripped, command words mapped to the core's commands. */
export function textOf(a: TeamsActivity): string {
  return commandText(stripMentions(a.text ?? "", a.recipient?.name));
}

/**
 * The Turn for a message or card submit, or undefined when the bot was not addressed (a
 * channel or group chat message without @mention: Teams only sends those to bots with
 * extra permissions, and answering them would be rude). `id` is the activity id: Teams keeps
 * it on redelivery, so the core's dedupe answers each message once.
 */
export function toTurn(a: TeamsActivity, config: Config): Turn | undefined {
  if (a.from?.role === "bot") return undefined;
  const submit = cardSubmit(a);
  if (!submit && a.type !== "message") return undefined;
  if (!submit && !isPersonal(a) && !mentionsBot(a)) return undefined;
  const tenant = tenantOf(a, config.tenant);
  const user = userOf(a);
  const turn: Turn = {
    id: a.id ?? "",
    channel: "teams",
    tenant,
    team: teamOf(a),
    thread: a.conversation?.id ?? "unknown",
    user,
    role: resolveRole(config, tenant, user),
    text: submit ? (submit.text ?? "").trim() : textOf(a),
    direct: true,
  };
  if (submit)
    turn.action = submit.value !== undefined ? { id: submit.action, value: submit.value } : { id: submit.action };
  return turn;
}
