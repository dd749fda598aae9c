// Public surface of the Slack adapter (started by `aanzet serve` through src/features/channels.ts).

export { createSlackAdapter } from "./adapter.js";
export {
  BOT_EVENTS,
  SLASH_COMMANDS,
  SLACK_ENDPOINT,
  VIEW_CALLBACKS,
  requiredScopes,
  registerListeners,
  type Registrar,
} from "./registration.js";
