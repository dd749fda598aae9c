// Slack payloads -> core Turns. Pure functions: no Web API calls, no store.
import type { Role, Turn } from "../../core/types.js";

/** The parts of a Slack message event the adapter reads (app_mention and message.*). */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  client_msg_id?: string;
  team?: string;
}

/** The Events API envelope around an event. */
export interface EventEnvelope {
  team_id?: string;
  event_id?: string;
  event_time?: number;
  authorizations?: Array<{ team_id?: string | null; enterprise_id?: string | null }>;
}

/** Remove bot and user mentions (`<@U123>`, `<@U123|naam>`, `<!here>`) and unwrap Slack's
 * link syntax, so the core sees the words the worker typed. */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[UWB][A-Z0-9]+(?:\|[^>]*)?>/g, " ")
    .replace(/<!(?:here|channel|everyone)(?:\|[^>]*)?>/g, " ")
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label: string | undefined) => label ?? " ")
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name: string | undefined) => (name ? `#${name}` : " "))
    .replace(
      /<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g,
      (_m, url: string, label: string | undefined) => label ?? url.replace(/^mailto:/, ""),
    )
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

/** True when the text mentions this user id (the bot), in either mention form. */
export function mentions(text: string | undefined, userId: string): boolean {
  return !!text && (text.includes(`<@${userId}>`) || text.includes(`<@${userId}|`));
}

/** The workspace a payload belongs to: every record is scoped to it. */
export function tenantOf(envelope: EventEnvelope, event?: { team?: string }): string {
  return envelope.team_id ?? envelope.authorizations?.[0]?.team_id ?? event?.team ?? "unknown";
}

/** DM channel ids start with D; DMs are one conversation, channel threads are many. */
export function isDirectChannel(channel: string): boolean {
  return channel.startsWith("D");
}

/** Conversation key: `${channel}:${thread_ts ?? ts}` in channels; a DM's top level is one
 * conversation (`${channel}:dm`) so flows and clarify questions continue without threads. */
export function threadKey(channel: string, ts: string, threadTs?: string): string {
  if (threadTs) return `${channel}:${threadTs}`;
  return isDirectChannel(channel) ? `${channel}:dm` : `${channel}:${ts}`;
}

/** Messages from people only: no edits, joins, bot posts or our own echoes. */
export function isHumanMessage(event: SlackMessageEvent): boolean {
  if (event.bot_id || !event.user) return false;
  return event.subtype === undefined || event.subtype === "thread_broadcast" || event.subtype === "file_share";
}

/** A message event as a Turn. `id` is the event_id: Slack keeps it on retries, so the core's
 * dedupe answers each message once. */
export function messageTurn(envelope: EventEnvelope, event: SlackMessageEvent, role: Role, direct: boolean): Turn {
  const turn: Turn = {
    id: envelope.event_id ?? event.client_msg_id ?? `${event.channel}:${event.ts}`,
    channel: "slack",
    tenant: tenantOf(envelope, event),
    team: event.channel,
    thread: threadKey(event.channel, event.ts, event.thread_ts),
    user: event.user ?? "unknown",
    role,
    text: stripMentions(event.text ?? ""),
    direct,
  };
  const seconds = Number(event.ts);
  if (Number.isFinite(seconds) && seconds > 0) turn.at = new Date(Math.round(seconds * 1000));
  return turn;
}

/** Where a Slack message lives, for threads and replies. */
export interface MessageRef {
  channel: string;
  ts: string;
}
