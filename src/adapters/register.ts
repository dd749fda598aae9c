// Registers the channel adapters with `aanzet serve`. The SDKs (Bolt, botbuilder) load only
// when their channel is configured, so `aanzet ask` and `aanzet chat` start without them.
import { registerAdapter } from "../server/serve.js";

registerAdapter(async (app) =>
  app.config.slack ? (await import("./slack/adapter.js")).createSlackAdapter(app) : undefined,
);
registerAdapter(async (app) =>
  app.config.teams ? (await import("./teams/channel.js")).createTeamsChannel(app) : undefined,
);
