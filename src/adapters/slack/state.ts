// Slack-only records in the shared store. Keys follow `<kind>:<tenant>:<id>`.
//   slackthread:<tenant>:<channel>:<ts>   a thread the bot answered in (follow-ups need no mention)
//   slacklisten:<tenant>:<channel>        passive listening switched on by a coach
//   slackanon:<tenant>:<channel>:<ts>     anonymous sparring: coaches' thread -> asker (raw id!)
//   slackshare:<tenant>:<id>              an ephemeral /aanzet answer the asker may post
//   slackonce:<tenant>:<event_id>         side effects outside the core done once (Slack retries)
import type { Store } from "../../core/ports.js";
import type { Reply } from "../../core/types.js";

const DAY = 86_400_000;
/** A thread stays "answered by the bot" for two weeks after the bot's last post in it. */
export const THREAD_TTL_MS = 14 * DAY;
/** The asker's raw Slack id is kept only while coaches may still answer: two weeks. */
export const ANON_TTL_MS = 14 * DAY;
export const SHARE_TTL_MS = DAY;

export interface ListenState {
  /** Pseudonym of the coach who switched it on. */
  by: string;
  at: string;
}

/** Anonymous sparring mapping, keyed by the coaches' thread. The raw Slack user id is needed
 * to DM coach replies back; it is never logged or copied and expires with the record. */
export interface AnonRecord {
  asker: string;
  at: string;
}

export interface ShareRecord {
  reply: Reply;
  question: string;
}

export const keys = {
  thread: (tenant: string, thread: string) => `slackthread:${tenant}:${thread}`,
  listen: (tenant: string, channel: string) => `slacklisten:${tenant}:${channel}`,
  anon: (tenant: string, channel: string, ts: string) => `slackanon:${tenant}:${channel}:${ts}`,
  share: (tenant: string, id: string) => `slackshare:${tenant}:${id}`,
  once: (tenant: string, eventId: string) => `slackonce:${tenant}:${eventId}`,
};

/** Remember that the bot answered in this thread (`${channel}:${ts}`). */
export async function rememberThread(store: Store, tenant: string, thread: string, now: Date): Promise<void> {
  await store.set(keys.thread(tenant, thread), { at: now.toISOString() }, THREAD_TTL_MS);
}

export async function isBotThread(store: Store, tenant: string, thread: string): Promise<boolean> {
  return (await store.get(keys.thread(tenant, thread))) !== undefined;
}

export async function isListening(store: Store, tenant: string, channel: string): Promise<boolean> {
  return (await store.get<ListenState>(keys.listen(tenant, channel))) !== undefined;
}

/** True the first time an event id is seen: for work the core's dedupe does not cover
 * (relays, anonymous posts). Slack resends with the same event_id (x-slack-retry-num). */
export async function firstTime(store: Store, tenant: string, eventId: string): Promise<boolean> {
  return store.add(keys.once(tenant, eventId), 1, DAY);
}
