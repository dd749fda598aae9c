// The chat channels for `aanzet serve` (Slack, Teams) and the serve command itself. The SDKs
// (Bolt, botbuilder) load only when their channel is configured, so `aanzet ask` and `aanzet
// chat` start without them.
import { serveCommand } from "../server/command.js";
import type { Feature } from "./feature.js";

export const channels: Feature = {
  name: "channels",
  commands: { serve: serveCommand },
  adapters: [
    async (app) =>
      app.config.slack ? (await import("../adapters/slack/adapter.js")).createSlackAdapter(app) : undefined,
    async (app) =>
      app.config.teams ? (await import("../adapters/teams/channel.js")).createTeamsChannel(app) : undefined,
  ],
};
