// What the Slack app listens to, as data: manifest.json must declare exactly these commands
// and events (test/adapters/slack/manifest.test.ts compares both ways). Registration goes
// through a Registrar so the test can record it without Bolt; boltRegistrar binds it to Bolt.
import type {
  App as BoltApp,
  BlockAction,
  RespondFn,
  SlashCommand,
  ViewOutput,
  ViewSubmitAction,
  SlackViewMiddlewareArgs,
} from "@slack/bolt";
import type { SlackDeps, WebClient } from "./context.js";
import type { EventEnvelope } from "./normalise.js";
import { queueEvent } from "./queued.js";

/** The one HTTP endpoint for events, commands and interactivity. */
export const SLACK_ENDPOINT = "/slack/events";

export const SLASH_COMMANDS = ["/aanzet", "/toets", "/escalatie", "/knelpunten"] as const;
export type SlashCommandName = (typeof SLASH_COMMANDS)[number];

/** Manifest event names (`message.im` etc.); Bolt sees them as one `message` event. */
export const BOT_EVENTS = [
  "app_home_opened",
  "app_mention",
  "message.channels",
  "message.groups",
  "message.im",
] as const;
export type BotEvent = (typeof BOT_EVENTS)[number];

/** Modal callback ids (view_submission). */
export const CORRECTION_VIEW = "coach:correct";
export const VIEW_CALLBACKS = [CORRECTION_VIEW] as const;

/** The bot scope each event subscription needs. */
export const EVENT_SCOPES: Record<BotEvent, string | undefined> = {
  app_home_opened: undefined,
  app_mention: "app_mentions:read",
  "message.channels": "channels:history",
  "message.groups": "groups:history",
  "message.im": "im:history",
};

/** Scopes of the Web API methods the adapter calls: chat.postMessage/postEphemeral/update
 * (chat:write), usergroups.users.list for coach/lead roles by user group (usergroups:read).
 * views.open, views.publish and auth.test need no scope. */
export const WEB_API_SCOPES = ["chat:write", "usergroups:read"] as const;

/** Every bot scope the manifest should request: no more, no less. */
export function requiredScopes(): string[] {
  const fromEvents = BOT_EVENTS.map((e) => EVENT_SCOPES[e]).filter((s): s is string => !!s);
  return [...new Set([...fromEvents, ...WEB_API_SCOPES, "commands"])].sort();
}

export interface EventArgs<E> {
  envelope: EventEnvelope;
  event: E;
  client: WebClient;
}
// Each listener casts the event to the shape it reads (see normalise.ts).
export type EventListener = (args: EventArgs<any>) => Promise<void>;

export interface CommandArgs {
  command: SlashCommand;
  ack: () => Promise<void>;
  respond: RespondFn;
  client: WebClient;
}
export type CommandListener = (args: CommandArgs) => Promise<void>;

export interface ActionArgs {
  body: BlockAction;
  ack: () => Promise<void>;
  respond: RespondFn;
  client: WebClient;
}
export type ActionListener = (args: ActionArgs) => Promise<void>;

export interface ViewArgs {
  body: ViewSubmitAction;
  view: ViewOutput;
  ack: SlackViewMiddlewareArgs<ViewSubmitAction>["ack"];
  client: WebClient;
}
export type ViewListener = (args: ViewArgs) => Promise<void>;

/** Where listeners get registered: Bolt in production, a recorder in the manifest test. */
export interface Registrar {
  event(name: BotEvent, listener: EventListener): void;
  command(name: SlashCommandName, listener: CommandListener): void;
  /** Every block_actions payload (buttons in messages, ephemerals, App Home). */
  actions(listener: ActionListener): void;
  view(callbackId: string, listener: ViewListener): void;
}

export interface Listeners {
  events: Record<BotEvent, EventListener>;
  commands: Record<SlashCommandName, CommandListener>;
  actions: ActionListener;
  views: Record<(typeof VIEW_CALLBACKS)[number], ViewListener>;
}

/** Register every listener the lists above name, and only those. */
export function registerListeners(r: Registrar, listeners: Listeners): void {
  for (const name of BOT_EVENTS) r.event(name, listeners.events[name]);
  for (const name of SLASH_COMMANDS) r.command(name, listeners.commands[name]);
  r.actions(listeners.actions);
  for (const id of VIEW_CALLBACKS) r.view(id, listeners.views[id]);
}

const MESSAGE_CHANNEL_TYPES: Record<string, BotEvent> = {
  im: "message.im",
  channel: "message.channels",
  group: "message.groups",
};

/** Bind a Registrar to Bolt. `message.*` events share one Bolt `message` listener that
 * dispatches on the event's channel_type. */
export function boltRegistrar(bolt: BoltApp, deps: Pick<SlackDeps, "log" | "app">): Registrar {
  const messageListeners = new Map<BotEvent, EventListener>();
  return {
    event(name, listener) {
      if (name.startsWith("message.")) {
        if (messageListeners.size === 0) {
          bolt.event("message", async ({ event, body, client }) => {
            const type = (event as { channel_type?: string }).channel_type ?? "";
            const target = MESSAGE_CHANNEL_TYPES[type];
            const l = target ? messageListeners.get(target) : undefined;
            if (l) await queueEvent(deps, target!, l, { envelope: body as EventEnvelope, event, client });
            else deps.log.debug({ channelType: type }, "slack message event without listener");
          });
        }
        messageListeners.set(name, listener);
        return;
      }
      bolt.event(name, async ({ event, body, client }) => {
        await queueEvent(deps, name, listener, { envelope: body as EventEnvelope, event, client });
      });
    },
    command(name, listener) {
      bolt.command(name, async ({ command, ack, respond, client }) => {
        await listener({ command, ack: async () => ack(), respond, client });
      });
    },
    actions(listener) {
      bolt.action<BlockAction>({ type: "block_actions" }, async ({ body, ack, respond, client }) => {
        await listener({ body, ack: async () => ack(), respond, client });
      });
    },
    view(callbackId, listener) {
      bolt.view<ViewSubmitAction>(
        { callback_id: callbackId, type: "view_submission" },
        async ({ body, view, ack, client }) => {
          await listener({ body, view, ack, client });
        },
      );
    },
  };
}
