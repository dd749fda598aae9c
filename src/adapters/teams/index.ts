// Public surface of the Teams adapter (started by `aanzet serve` through src/features/channels.ts at
// POST /api/messages); it stays off unless MicrosoftAppId or AANZET_TEAMS_EMULATOR=1 is set.
// Every botbuilder import lives in this folder (bridge.ts and channel.ts only).

export { createTeamsChannel, sdkLogic, turnErrorHandler, TEAMS_PATH, type TeamsChannel } from "./channel.js";
export { createTurnHandler, type TurnIO, type WireActivity } from "./handler.js";
export type { TeamsBridge, ConversationTarget } from "./bridge.js";
export { toTurn, textOf } from "./to-turn.js";
export { stripMentions, commandText, TEAMS_COMMANDS } from "./normalise.js";
export { renderReply, visibleText, ADAPTIVE_CARD, CORRECT_SUBMIT } from "./render.js";
export { teamsPort, TEAMS_CAPABILITIES } from "./port.js";
export { isLoopback } from "./loopback.js";
