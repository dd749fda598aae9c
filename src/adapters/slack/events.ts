// Events API listeners: @mentions (answer in the message's thread), DMs (answer in the DM),
// channel messages (thread follow-ups, coach replies to anonymous questions, passive
// listening) and the App Home. Bolt acks every event before these run.
import { relayCoachReply, startAnonymous } from "./anonymous.js";
import type { SlackDeps } from "./context.js";
import { deliver, guarded, type Destination } from "./deliver.js";
import { publishHome } from "./home.js";
import {
  isDirectChannel,
  isHumanMessage,
  mentions,
  messageTurn,
  stripMentions,
  tenantOf,
  type SlackMessageEvent,
} from "./normalise.js";
import type { BotEvent, EventArgs, EventListener } from "./registration.js";
import { firstTime, isBotThread, isListening, keys, rememberThread, type AnonRecord } from "./state.js";
import { slackPort } from "./port.js";

type MessageArgs = EventArgs<SlackMessageEvent>;

/** Answer a message as a direct question and post the replies at `dest`. */
async function answer(deps: SlackDeps, { envelope, event, client }: MessageArgs, dest: Destination): Promise<void> {
  const role = await deps.roleOf(client, dest.tenant, dest.user);
  const replies = await deps.bot.handle(messageTurn(envelope, event, role, true), slackPort(deps, client, dest));
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
    await guarded(deps, client, dest, "app_mention", async () => {
      // The thread is the bot's from the mention on, not only once the answer is posted: a
      // follow-up that arrives while the first answer is still on its way (or on another
      // process) must not be taken for talk between colleagues.
      await rememberThread(deps.store, dest.tenant, `${dest.channel}:${dest.threadTs}`, deps.app.clock.now());
      return answer(deps, args, dest);
    });
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
    await guarded(deps, client, dest, "message.im", async () => {
      // "anoniem <vraag>" in the DM works like `/aanzet anoniem <vraag>`.
      const anon = /^anoniem(?:\s+|$)/i.exec(stripMentions(event.text ?? ""));
      if (!anon) return answer(deps, args, dest);
      if (!(await firstTime(deps.store, dest.tenant, envelope.event_id ?? `${event.channel}:${event.ts}`))) return;
      return startAnonymous(deps, client, dest, stripMentions(event.text ?? "").slice(anon[0].length));
    });
  };
}

/** A channel message without a mention (those come as app_mention). In order: a coach's reply
 * to an anonymous question, a follow-up in a thread the bot answered, passive listening. */
function onChannelMessage(deps: SlackDeps, surface: BotEvent): EventListener {
  return async (args: MessageArgs) => {
    const { envelope, event, client } = args;
    if (!isHumanMessage(event) || mentions(event.text, deps.botUserId)) return;
    const tenant = tenantOf(envelope, event);
    const user = event.user!;
    if (event.thread_ts) {
      const threadTs = event.thread_ts;
      const dest: Destination = { tenant, channel: event.channel, user, threadTs };
      let passOn = false;
      await guarded(deps, client, dest, surface, async () => {
        const anon = await deps.store.get<AnonRecord>(keys.anon(tenant, event.channel, threadTs));
        if (anon) return relayCoachReply(deps, client, envelope, event, anon);
        if (await isBotThread(deps.store, tenant, `${event.channel}:${threadTs}`)) return answer(deps, args, dest);
        passOn = true;
      });
      if (!passOn) return;
    }
    // Passive: nobody asked the bot, so a failure is logged, never posted.
    await guarded(deps, client, undefined, `${surface} passive`, async () => {
      if (!(await isListening(deps.store, tenant, event.channel))) return;
      const role = await deps.roleOf(client, tenant, user);
      const here: Destination = { tenant, channel: event.channel, user };
      const replies = await deps.bot.handle(messageTurn(envelope, event, role, false), slackPort(deps, client, here));
      // The core answers nothing to passive turns; only targeted notices (leads) may come.
      const targeted = replies.filter((r) => r.target);
      if (targeted.length > 0) await deliver(deps, client, here, targeted);
    });
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
