// block_actions: every button press is acked at once, then routed. The adapter handles three
// actions itself (answer:share, coach:correct's modal, Home refresh after lead:*); all other
// actions go to the core as Turn.action and the replies land where the button was.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import { can } from "../../roles.js";
import type { Turn } from "../../core/types.js";
import type { SlackDeps, WebClient } from "./context.js";
import { cannotPostHere, slackErrorCode } from "./context.js";
import { deliver, guarded, openThread, post, postEphemeral, type Destination } from "./deliver.js";
import { publishHome } from "./home.js";
import { SLACK_MSG } from "./messages.js";
import { isDirectChannel, threadKey, type MessageRef } from "./normalise.js";
import type { ActionArgs, ActionListener } from "./registration.js";
import { contextLine, parseActionId, renderReply, type Block } from "./render.js";
import { ownThread } from "../../core/channel/conversation.js";
import { keys, type ShareRecord } from "./state.js";
import { openCorrection } from "./views.js";
import { slackPort } from "./port.js";

export const SHARE_ACTION = "answer:share";
export const CORRECT_ACTION = "coach:correct";
/** Flow step buttons: once pressed, the row is replaced by "Gekozen: …" so it can't be pressed twice. */
const STEP_ACTIONS = new Set(["flow:answer", "flow:back", "flow:stop", "flow:skip"]);

/** Where the pressed button lives, and where replies go. */
interface Origin {
  dest: Destination;
  thread: string;
  /** The (non-ephemeral) message holding the button. */
  message?: MessageRef | undefined;
  fromHome: boolean;
}

function origin(body: BlockAction, tenant: string, respond: ActionArgs["respond"]): Origin {
  const user = body.user.id;
  const container = body.container as {
    type?: string;
    channel_id?: string;
    is_ephemeral?: boolean;
    thread_ts?: string;
  };
  if (container.type === "view" || (!body.channel && !container.channel_id)) {
    return { dest: { tenant, channel: user, user }, thread: `home:${user}`, fromHome: true };
  }
  const channel = body.channel?.id ?? container.channel_id!;
  if (container.is_ephemeral || !body.message) {
    // Ephemeral messages (the /aanzet answer) are not sent back; their conversation is the asker's.
    const threadTs = container.thread_ts;
    return {
      dest: { tenant, channel, user, threadTs, ephemeral: true, respond },
      thread: threadTs ? `${channel}:${threadTs}` : `${channel}:slash:${user}`,
      fromHome: false,
    };
  }
  const msg = body.message as { ts: string; thread_ts?: string };
  // Reply in the message's thread; at a DM's top level, at the top level.
  const threadTs = msg.thread_ts ?? (isDirectChannel(channel) ? undefined : msg.ts);
  return {
    dest: { tenant, channel, user, threadTs },
    thread: threadKey(channel, msg.ts, msg.thread_ts),
    message: { channel, ts: msg.ts },
    fromHome: false,
  };
}

function note(text: string) {
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

/** Post the ephemeral answer behind "Plaats in kanaal" to the channel, for everyone. */
async function share(deps: SlackDeps, client: WebClient, args: ActionArgs, o: Origin, id: string): Promise<void> {
  const rec = await deps.store.get<ShareRecord>(keys.share(o.dest.tenant, id));
  if (!rec) {
    await postEphemeral(client, o.dest, note(SLACK_MSG.shareGone));
    return;
  }
  const r = renderReply(rec.reply);
  const blocks: Block[] = [contextLine(SLACK_MSG.question(rec.question)), ...r.blocks];
  blocks.unshift({ type: "section", text: { type: "mrkdwn", text: SLACK_MSG.sharedBy(o.dest.user) } });
  let ref: MessageRef;
  try {
    ref = await post(client, o.dest.channel, { text: r.text, blocks });
  } catch (err) {
    if (!cannotPostHere(err)) throw err;
    await postEphemeral(client, o.dest, note(SLACK_MSG.notInChannel));
    return;
  }
  // Follow-up questions in the shared answer's thread need no mention.
  if (!isDirectChannel(ref.channel))
    await ownThread(
      deps.store,
      { channel: "slack", tenant: o.dest.tenant, thread: `${ref.channel}:${ref.ts}` },
      deps.app.clock.now(),
    );
  await deps.store.delete(keys.share(o.dest.tenant, id));
  try {
    await args.respond({ response_type: "ephemeral", replace_original: true, text: SLACK_MSG.shared });
  } catch (err) {
    // The answer is in the channel; only the "Geplaatst" note failed. No apology for that.
    deps.log.warn(
      { code: "HANDLER_FAILED", slackError: slackErrorCode(err) },
      "could not replace the shared ephemeral",
    );
  }
}

/** Replace a pressed flow-step row with "Gekozen: <label>" (best effort). */
async function markChosen(
  deps: SlackDeps,
  client: WebClient,
  body: BlockAction,
  action: ButtonAction,
  at: MessageRef,
): Promise<void> {
  const blocks = (body.message as { blocks?: Block[] } | undefined)?.blocks;
  if (!blocks) return;
  const updated = blocks.map((b) =>
    b.block_id === action.block_id ? contextLine(SLACK_MSG.chosen(action.text.text)) : b,
  );
  try {
    await client.chat.update({
      channel: at.channel,
      ts: at.ts,
      text: (body.message as { text?: string }).text ?? "",
      blocks: updated as never,
    });
  } catch (err) {
    deps.log.warn({ code: "HANDLER_FAILED", slackError: slackErrorCode(err) }, "could not mark flow choice");
  }
}

/** flow:start on an ephemeral answer: run the flow in a new thread in the channel (or DM). */
async function flowThread(deps: SlackDeps, client: WebClient, o: Origin, flow: string | undefined): Promise<Origin> {
  const root = await openThread(deps, client, o.dest, SLACK_MSG.flowRoot(o.dest.user, flow ?? ""));
  return {
    dest: { tenant: o.dest.tenant, channel: root.channel, user: o.dest.user, threadTs: root.ts },
    thread: `${root.channel}:${root.ts}`,
    fromHome: false,
  };
}

export function onBlockAction(deps: SlackDeps): ActionListener {
  return async (args) => {
    await args.ack();
    const { body, client } = args;
    const action = body.actions[0];
    if (!action || action.type !== "button") return;
    const button = action as ButtonAction;
    if (button.url) return; // a link button: Slack opens the link, nothing to do
    const id = parseActionId(button.action_id);
    const value = button.value;
    const tenant = body.team?.id ?? body.user.team_id ?? "unknown";
    let o = origin(body, tenant, args.respond);
    await guarded(deps, client, o.dest, `action ${id}`, async () => {
      if (id === SHARE_ACTION) return share(deps, client, args, o, value ?? "");
      const role = await deps.roleOf(client, tenant, o.dest.user);
      if (id === CORRECT_ACTION && can(role, "coach")) {
        return openCorrection(client, body.trigger_id, {
          value: value ?? "",
          tenant,
          thread: o.thread,
          ...(o.fromHome ? {} : { channel: o.dest.channel, threadTs: o.dest.threadTs, ephemeral: o.dest.ephemeral }),
        });
      }
      if (id === "flow:start" && o.dest.ephemeral) o = await flowThread(deps, client, o, value);
      const turn: Turn = {
        id: body.trigger_id,
        channel: "slack",
        tenant,
        team: o.fromHome ? "home" : (body.channel?.id ?? o.dest.channel),
        thread: o.thread,
        user: o.dest.user,
        role,
        text: "",
        action: value !== undefined ? { id, value } : { id },
        direct: true,
      };
      const replies = await deps.bot.handle(turn, slackPort(deps, client, o.dest));
      if (o.fromHome) return publishHome(deps, client, tenant, o.dest.user, replies);
      // Mark the row only when the flow answered with its next prompt (or its record); a refusal
      // (someone else's flow) leaves the buttons for the flow's owner.
      const movedOn = replies.some((r) => (r.buttons?.length ?? 0) > 0 || r.document);
      if (STEP_ACTIONS.has(id) && o.message && movedOn) await markChosen(deps, client, body, button, o.message);
      await deliver(deps, client, o.dest, replies);
    });
  };
}
