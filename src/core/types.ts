// Plain values that cross the core's edge. Adapters build a Turn from a channel event and
// render Replies in their own format; nothing here knows Slack, Teams or the terminal.

export type Role = "worker" | "coach" | "lead" | "admin";
export type ChannelKind = "console" | "slack" | "teams" | "replay";
export type AnswerStatus = "answered" | "clarify" | "abstained";

/** One inbound message or button press, normalised by an adapter. */
export interface Turn {
  /** Channel message id (Slack ts/event id, Teams activity id, replay id). */
  id: string;
  channel: ChannelKind;
  /** Municipality / Slack workspace / Teams tenant: every record is scoped to it. */
  tenant: string;
  /** The wijkteam (channel or team) the message came from. */
  team: string;
  /** Conversation key for per-thread state (flows, clarify): unique within the tenant. */
  thread: string;
  /** The channel's raw user id; pseudonymised before anything is stored. */
  user: string;
  role: Role;
  /** Message text with mentions already stripped by the adapter. Raw: scrubbed by the core. */
  text: string;
  /** A button press: the action id and its value, instead of (or with) text. */
  action?: { id: string; value?: string };
  /** False for passive listening: log for pattern detection, never answer. */
  direct: boolean;
  /** When the message was sent; defaults to the core's clock. */
  at?: Date;
}

export interface AanZetOut {
  actor: string;
  law: string | null;
  role: "primary" | "fallback" | "escalation";
  note: string;
}

/** The answer as `ask --json` prints it (see interface.md), plus fields for rendering. */
export interface Answer {
  question: string;
  status: AnswerStatus;
  answer: string;
  aanZet: AanZetOut[];
  routes: string[];
  entries: Array<{ id: string; title: string; score: number }>;
  sources: Array<{ title: string; url: string }>;
  /** 0..1, how sure the answerer is; shown to users as hoog/redelijk/laag. */
  confidence: number;
  /** True when the entry depends on local policy: the answer tells the worker to check. */
  checkLocally: boolean;
  /** Set when a coach confirmed this entry's answer. */
  confirmed?: { by: string; on: string };
  /** Why it abstained or asks: "off-topic" (not a social-domain question), "not-covered", ... */
  reason?: string;
  /** Case facts the answer relied on (fact id -> value), e.g. { wlz: "false", setting: "thuis" }. */
  assumed?: Record<string, string>;
  /** Other needs a long case story holds (at most three), each with its primary counter. */
  otherNeeds?: Array<{ id: string; title: string; actor: string }>;
}

/** A button offered under a reply; `action` is routed back to the core as Turn.action. */
export interface Button {
  label: string;
  action: string;
  value?: string;
  style?: "primary" | "danger";
}

/** What the core asks an adapter to show. Text is Dutch, B1, short. */
export interface Reply {
  text: string;
  answer?: Answer;
  buttons?: Button[];
  /** A Markdown document the channel should offer as a file or code block (decision record). */
  document?: { title: string; filename: string; markdown: string };
  /** Only the asker should see this (Slack ephemeral, Teams personal); default false. */
  private?: boolean;
  /** Route this reply elsewhere than the thread, e.g. the coaches' channel for anonymous sparring. */
  target?: { kind: "coaches" | "leads" | "user"; id?: string };
}
