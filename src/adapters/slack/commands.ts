// Slash commands. Each acks first (Slack shows an error after 3 s without an ack) and then
// works: /aanzet answers only the asker, with "Plaats in kanaal"; /toets and /escalatie run
// their flow in a new thread; /knelpunten shows the lead's review list privately. Anonymous
// sparring and the listening switch (`/aanzet anoniem`, `/aanzet luister`) are core features.
import { randomUUID } from "node:crypto";
import type { SlashCommand } from "@slack/bolt";
import { helpFor } from "../../core/messages.js";
import type { Button, Reply, Role, Turn } from "../../core/types.js";
import type { SlackDeps } from "./context.js";
import { deliver, guarded, openThread, postEphemeral, type Destination } from "./deliver.js";
import { SLACK_MSG } from "./messages.js";
import { stripMentions } from "./normalise.js";
import type { CommandArgs, CommandListener, SlashCommandName } from "./registration.js";
import { SHARE_TTL_MS, keys, type ShareRecord } from "./state.js";
import { toMrkdwn } from "./render.js";
import { slackPort } from "./port.js";

function note(text: string) {
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: toMrkdwn(text) } }] };
}

function destination(c: SlashCommand, respond: CommandArgs["respond"]): Destination {
  return { tenant: c.team_id, channel: c.channel_id, user: c.user_id, ephemeral: true, respond };
}

function turn(c: SlashCommand, role: Role, text: string, thread: string): Turn {
  // Slash commands are not retried by Slack; trigger_id is unique per invocation.
  return {
    id: c.trigger_id,
    channel: "slack",
    tenant: c.team_id,
    team: c.channel_id,
    thread,
    user: c.user_id,
    role,
    text,
    direct: true,
  };
}

/** The /aanzet conversation of one person in one channel (clarify questions continue here). */
function slashThread(c: SlashCommand): string {
  return `${c.channel_id}:slash:${c.user_id}`;
}

/** "Plaats in kanaal" under an answered question: the reply waits in the store for a day. */
function shareButton(deps: SlackDeps, tenant: string) {
  return async (reply: Reply): Promise<Button[]> => {
    if (reply.answer?.status !== "answered" || reply.private || reply.target) return [];
    const id = randomUUID();
    const rec: ShareRecord = { reply, question: reply.answer.question };
    await deps.store.set(keys.share(tenant, id), rec, SHARE_TTL_MS);
    return [{ label: SLACK_MSG.shareButton, action: "answer:share", value: id }];
  };
}

function aanzet(deps: SlackDeps): CommandListener {
  return async ({ command: c, ack, respond, client }) => {
    await ack();
    const dest = destination(c, respond);
    await guarded(deps, client, dest, "/aanzet", async () => {
      const text = stripMentions(c.text ?? "");
      const sub = (text.split(/\s+/)[0] ?? "").toLowerCase();
      if (!text) return postEphemeral(client, dest, note(SLACK_MSG.emptyAanzet));
      if (sub === "help" || sub === "hulp")
        return postEphemeral(client, dest, note(helpFor(await deps.roleOf(client, c.team_id, c.user_id))));
      // Everything else, `anoniem <vraag>` and `luister aan|uit` included, is the core's.
      const role = await deps.roleOf(client, c.team_id, c.user_id);
      const replies = await deps.bot.handle(turn(c, role, text, slashThread(c)), slackPort(deps, client, dest));
      await deliver(deps, client, dest, replies, shareButton(deps, c.team_id));
    });
  };
}

/** /toets and /escalatie: a root message in the channel, the flow in its thread. */
function flowCommand(deps: SlackDeps): CommandListener {
  return async ({ command: c, ack, respond, client }) => {
    await ack();
    const dest = destination(c, respond);
    await guarded(deps, client, dest, c.command, async () => {
      const root = await openThread(deps, client, dest, SLACK_MSG.flowRoot(c.user_id, c.command));
      const role = await deps.roleOf(client, c.team_id, c.user_id);
      // The flow starts on the bare command; words after it are not flow input.
      const inThread: Destination = { tenant: c.team_id, channel: root.channel, user: c.user_id, threadTs: root.ts };
      const replies = await deps.bot.handle(
        turn(c, role, c.command, `${root.channel}:${root.ts}`),
        slackPort(deps, client, inThread),
      );
      await deliver(deps, client, inThread, replies);
    });
  };
}

/** /knelpunten: the core's review command, shown only to the person who asked. */
function knelpunten(deps: SlackDeps): CommandListener {
  return async ({ command: c, ack, respond, client }) => {
    await ack();
    const dest = destination(c, respond);
    await guarded(deps, client, dest, c.command, async () => {
      const role = await deps.roleOf(client, c.team_id, c.user_id);
      const text = `/knelpunten ${stripMentions(c.text ?? "")}`.trim();
      await deliver(
        deps,
        client,
        dest,
        await deps.bot.handle(turn(c, role, text, slashThread(c)), slackPort(deps, client, dest)),
      );
    });
  };
}

export function commandListeners(deps: SlackDeps): Record<SlashCommandName, CommandListener> {
  return {
    "/aanzet": aanzet(deps),
    "/toets": flowCommand(deps),
    "/escalatie": flowCommand(deps),
    "/knelpunten": knelpunten(deps),
  };
}
