// Public surface of the chat-history importers used by `aanzet replay`.
export { readExport, detectFormat, FORMATS } from "./read.js";
export { replay, replayTurn, type ReplaySummary } from "./replay.js";
export { parseJsonl, parseTimestamp } from "./jsonl.js";
export { parseSlackFiles, readSlackFolder, readSlackZip, slackText } from "./slack.js";
export { parseWhatsApp, teamFromFilename, whatsappId, zonedTime } from "./whatsapp.js";
export type { ImportFormat, ImportIssue, ImportedMessage, ParseResult } from "./types.js";
