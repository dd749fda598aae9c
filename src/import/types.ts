// Shapes shared by the chat-history importers (JSONL, Slack export, WhatsApp export).

/** One message from an export, normalised. Text is raw: the bot scrubs it on the way in. */
export interface ImportedMessage {
  /** Stable id: given (JSONL), the Slack ts, or a hash of the WhatsApp line. */
  id: string;
  team: string;
  /** The author's id or name in the export; pseudonymised by the bot, never stored. */
  user: string;
  at: Date;
  text: string;
  /** Conversation key (Slack thread); a message without one is its own case. */
  thread?: string;
}

/** A line or item that could not be read; the import goes on without it. */
export interface ImportIssue {
  /** 1-based line number (JSONL, WhatsApp) or item number in a Slack day file. */
  line: number;
  /** File inside a Slack export. */
  file?: string;
  reason: string;
}

export interface ParseResult {
  messages: ImportedMessage[];
  issues: ImportIssue[];
  /** Items skipped on purpose (system lines, media, joins, empty messages). */
  skipped: number;
  /** Why each skipped item was skipped, with its sender when it has one (WhatsApp). */
  skips?: Skip[];
}

/** One item skipped on purpose. */
export interface Skip {
  user?: string;
  reason: string;
}

export type ImportFormat = "jsonl" | "slack" | "whatsapp";
