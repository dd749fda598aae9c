// Public surface of the Slack adapter: importing it registers the channel with `aanzet serve`.
import { registerAdapter } from "../../server/serve.js";
import { createSlackAdapter } from "./adapter.js";

registerAdapter(createSlackAdapter);

export { createSlackAdapter } from "./adapter.js";
export { BOT_EVENTS, SLASH_COMMANDS, SLACK_ENDPOINT, VIEW_CALLBACKS, requiredScopes, registerListeners, type Registrar } from "./registration.js";
