// The core's channel port for one Slack turn: what Slack can do, and how to post for it.
import { AanzetError } from "../../core/errors.js";
import type { ChannelCapabilities, ChannelPort } from "../../core/channel/port.js";
import { cannotPostHere, type SlackDeps, type WebClient } from "./context.js";
import { post, type Destination } from "./deliver.js";
import { isDirectChannel } from "./normalise.js";
import { renderReply, type Rendered } from "./render.js";

/** Slack: threads, a shared workspace (rate-limited), and channel messages the bot overhears. */
export const SLACK_CAPABILITIES: ChannelCapabilities = {
  hasThreads: true,
  rateLimited: true,
  overhears: true,
  inlineForms: false,
};

/** Text that is already Slack mrkdwn (a coach's reply), passed on unchanged. */
function mrkdwn(text: string): Rendered {
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

/** The port for a turn whose replies go to `dest`. */
export function slackPort(deps: SlackDeps, client: WebClient, dest: Destination): ChannelPort {
  const dm = isDirectChannel(dest.channel);
  return {
    // A DM delivers only messages to the bot: nothing to overhear there.
    capabilities: { ...SLACK_CAPABILITIES, overhears: !dm },
    privateHere: !!dest.ephemeral || dm,
    async post(place, reply) {
      const channel = place === "coaches" ? deps.coachesChannel : undefined;
      if (!channel) return undefined;
      const ref = await post(client, channel, renderReply(reply));
      return `${ref.channel}:${ref.ts}`;
    },
    async announce(reply) {
      try {
        await post(client, dest.channel, renderReply(reply));
      } catch (err) {
        if (cannotPostHere(err))
          throw new AanzetError("FORBIDDEN", "the bot may not post in this channel", { cause: err });
        throw err;
      }
    },
    replyAddress: () => dest.user,
    async dm(address, reply) {
      // The coach's words are Slack mrkdwn already (and the mention of the coach must work).
      await post(client, address, mrkdwn(reply.text));
    },
    senderName: () => `<@${dest.user}>`,
    threadOf: () => (dest.threadTs && !dm ? `${dest.channel}:${dest.threadTs}` : undefined),
  };
}
