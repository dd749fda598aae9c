// Events API listeners: @mentions (answer in the message's thread), DMs (answer in the DM),
// channel messages without a mention (handed to the core as overheard: it relays coaches'
// sparring answers, answers follow-ups in threads it owns, logs where listening is on) and
// the App Home. Bolt acks every event before these run.
import type { SlackDeps } from "./context.js";
import { deliver, guarded, type Destination } from "./deliver.js";
import { publishHome } from "./home.js";
import {
  isDirectChannel,
  isHumanMessage,
  mentions,
  messageTurn,
  tenantOf,
  type SlackMessageEvent,
} from "./normalise.js";
import { slackPort } from "./port.js";
import type { BotEvent, EventArgs, EventListener } from "./registration.js";

type MessageArgs = EventArgs<SlackMessageEvent>;

/** Hand a message to the core and post its replies at `dest`. */
async function handle(
  deps: SlackDeps,
  { envelope, event, client }: MessageArgs,
  dest: Destination,
  direct: boolean,
): Promise<void> {
  const role = await deps.roleOf(client, dest.tenant, dest.user);
  const replies = await deps.bot.handle(messageTurn(envelope, event, role, direct), slackPort(deps, client, dest));
  await deliver(deps, client, dest, replies);
}

/** @aanzet in a channel: answer in that message's thread. */
function onMention(deps: SlackDeps): EventListener {
  return async (args: MessageArgs) => {
    const { envelope, event, client } = args;
    // In a DM the message.im listener answers; a mention there would answer twice.
    if (!event.user || isDirectChannel(event.channel)) return;
    const dest: Destination = {
      tenant: tenantOf(envelope, event),
      channel: event.channel,
      user: event.user,
      threadTs: event.thread_ts ?? event.ts,
    };
    await guarded(deps, client, dest, "app_mention", () => handle(deps, args, dest, true));
  };
}

/** A DM to the bot: answer in the DM (in its thread when the message was in one). */
function onDirectMessage(deps: SlackDeps): EventListener {
  return async (args: MessageArgs) => {
    const { envelope, event, client } = args;
    if (!isHumanMessage(event)) return;
    const dest: Destination = {
      tenant: tenantOf(envelope, event),
      channel: event.channel,
      user: event.user!,
      threadTs: event.thread_ts,
    };
    await guarded(deps, client, dest, "message.im", () => handle(deps, args, dest, true));
  };
}

/** A channel message without a mention (those come as app_mention): overheard. The core
 * decides; a failure is posted only for a reply in a thread (the core says when). */
function onChannelMessage(deps: SlackDeps, surface: BotEvent): EventListener {
  return async (args: MessageArgs) => {
    const { envelope, event, client } = args;
    if (!isHumanMessage(event) || mentions(event.text, deps.botUserId)) return;
    const dest: Destination = {
      tenant: tenantOf(envelope, event),
      channel: event.channel,
      user: event.user!,
      threadTs: event.thread_ts,
    };
    await guarded(deps, client, event.thread_ts ? dest : undefined, surface, () => handle(deps, args, dest, false));
  };
}

interface HomeOpenedEvent {
  type: "app_home_opened";
  user: string;
  tab?: string;
}

function onHomeOpened(deps: SlackDeps): EventListener {
  return async ({ envelope, event, client }: EventArgs<HomeOpenedEvent>) => {
    if (event.tab && event.tab !== "home") return;
    await guarded(deps, client, undefined, "app_home_opened", () =>
      publishHome(deps, client, tenantOf(envelope), event.user),
    );
  };
}

/** One listener per manifest event. */
export function eventListeners(deps: SlackDeps): Record<BotEvent, EventListener> {
  return {
    app_mention: onMention(deps),
    "message.im": onDirectMessage(deps),
    "message.channels": onChannelMessage(deps, "message.channels"),
    "message.groups": onChannelMessage(deps, "message.groups"),
    app_home_opened: onHomeOpened(deps),
  };
}
