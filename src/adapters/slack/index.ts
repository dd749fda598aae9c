// Public surface of the Slack adapter (registered with `aanzet serve` by ../register.ts).

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
