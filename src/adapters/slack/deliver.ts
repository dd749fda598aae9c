// Posting core Replies to Slack: in the thread, as an ephemeral for the asker, or to the
// coaches'/leads' channel when a reply carries a target. Also the one apology path.
import type { RespondFn, types } from "@slack/bolt";
import { errorCode } from "../../core/errors.js";
import { MSG } from "../../core/messages.js";
import type { Button, Reply } from "../../core/types.js";
import { cannotPostHere, slackErrorCode, type SlackDeps, type WebClient } from "./context.js";
import type { MessageRef } from "./normalise.js";
import { SLACK_MSG } from "./messages.js";
import { renderReply, type Rendered } from "./render.js";

/** Where the replies of one turn go. */
export interface Destination {
  tenant: string;
  channel: string;
  /** Raw Slack id of the person who acted: ephemerals and DMs go to them. */
  user: string;
  /** Post in this thread (a channel thread, or a thread in a DM). */
  threadTs?: string | undefined;
  /** Every reply only visible to `user` (slash commands, buttons on ephemeral messages). */
  ephemeral?: boolean;
  /** response_url of a command or action: the fallback for ephemerals where the bot is no member. */
  respond?: RespondFn | undefined;
}

type Blocks = types.KnownBlock[];

function blocksOf(r: Rendered): { blocks?: Blocks } {
  return r.blocks.length > 0 ? { blocks: r.blocks as unknown as Blocks } : {};
}

/** Post a rendered message; returns where it landed. */
export async function post(client: WebClient, channel: string, r: Rendered, threadTs?: string): Promise<MessageRef> {
  const res = await client.chat.postMessage({
    channel,
    text: r.text,
    ...blocksOf(r),
    unfurl_links: false,
    unfurl_media: false,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return { channel: res.channel ?? channel, ts: res.ts ?? "" };
}

/** Post a message only `dest.user` sees; falls back to response_url, then to a DM. */
export async function postEphemeral(client: WebClient, dest: Destination, r: Rendered): Promise<void> {
  try {
    await client.chat.postEphemeral({
      channel: dest.channel,
      user: dest.user,
      text: r.text,
      ...blocksOf(r),
      ...(dest.threadTs ? { thread_ts: dest.threadTs } : {}),
    });
  } catch (err) {
    if (!cannotPostHere(err)) throw err;
    if (dest.respond) {
      await dest.respond({ response_type: "ephemeral", replace_original: false, text: r.text, ...blocksOf(r) });
    } else {
      await post(client, dest.user, r);
    }
  }
}

/** Post one adapter message at `dest`: ephemeral when the destination is, else in place. */
export async function tell(client: WebClient, dest: Destination, r: Rendered): Promise<void> {
  if (dest.ephemeral) await postEphemeral(client, dest, r);
  else await post(client, dest.channel, r, dest.threadTs);
}

/** Deliver the replies of one turn. `extra` adds adapter buttons (e.g. "Plaats in kanaal"). */
export async function deliver(
  deps: SlackDeps,
  client: WebClient,
  dest: Destination,
  replies: Reply[],
  extra: (reply: Reply) => Promise<Button[]> = async () => [],
): Promise<void> {
  for (const reply of replies) {
    const target = reply.target;
    if (target && target.kind !== "user") {
      const channel = target.kind === "coaches" ? deps.coachesChannel : deps.leadsChannel;
      if (!channel) {
        deps.log.warn({ code: "NOT_FOUND", target: target.kind }, "reply target channel not configured");
        continue;
      }
      await post(client, target.id ?? channel, renderReply(reply));
      continue;
    }
    if (target?.kind === "user") {
      await post(client, target.id ?? dest.user, renderReply(reply));
      continue;
    }
    const rendered = renderReply(reply, await extra(reply));
    if (dest.ephemeral || reply.private) {
      await postEphemeral(client, dest, rendered);
      continue;
    }
    await post(client, dest.channel, rendered, dest.threadTs);
  }
}

/** A failed handler: log once with a code, tell the user in Dutch, never rethrow. */
export async function apologise(
  deps: SlackDeps,
  client: WebClient,
  dest: Destination | undefined,
  err: unknown,
  what: string,
): Promise<void> {
  const code = errorCode(err);
  deps.log.error(
    { code, surface: what, slackError: slackErrorCode(err), err: err instanceof Error ? err.name : typeof err },
    "slack handler failed",
  );
  if (!dest) return;
  try {
    await tell(client, dest, { text: MSG.failure(code), blocks: [] });
  } catch (again) {
    deps.log.warn({ code: errorCode(again), slackError: slackErrorCode(again) }, "slack apology could not be posted");
  }
}

/** Run a listener body; any failure becomes an apology at `dest` (never a crash). */
export async function guarded(
  deps: SlackDeps,
  client: WebClient,
  dest: Destination | undefined,
  what: string,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (err) {
    await apologise(deps, client, dest, err, what);
  }
}

/** Start a thread for a flow: a root message in `dest.channel`, or in the user's DM with the
 * bot when the bot may not post there (not a member, a DM between two people). */
export async function openThread(
  deps: SlackDeps,
  client: WebClient,
  dest: Destination,
  text: string,
): Promise<MessageRef> {
  const root: Rendered = { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
  let ref: MessageRef;
  try {
    ref = await post(client, dest.channel, root);
  } catch (err) {
    if (!cannotPostHere(err)) throw err;
    await postEphemeral(client, { ...dest, ephemeral: true }, { text: SLACK_MSG.movedToDm, blocks: [] });
    ref = await post(client, dest.user, root);
  }
  // The flow's first turn (in this thread) makes the thread the bot's, in the core.
  return ref;
}
