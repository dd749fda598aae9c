// The core's channel port for one Slack turn: what Slack can do, and where to post for it.
import type { ChannelCapabilities, ChannelPort } from "../../core/channel/port.js";
import type { SlackDeps, WebClient } from "./context.js";
import type { Destination } from "./deliver.js";

/** Slack: threads, a shared workspace (rate-limited), and channel messages the bot overhears. */
export const SLACK_CAPABILITIES: ChannelCapabilities = { hasThreads: true, rateLimited: true, overhears: true };

/** The port for a turn whose replies go to `dest`. */
export function slackPort(_deps: SlackDeps, _client: WebClient, _dest: Destination): ChannelPort {
  return { capabilities: SLACK_CAPABILITIES };
}
