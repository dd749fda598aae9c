// Shapes of the learning loop: proposals for the map, audit events, question groups and the
// knelpunt view that `aanzet knelpunten` and the reports print. Plain data, stored as is.

/** Sparse feature vector of one question: feature -> weight. */
export type SparseVector = Map<string, number>;

/**
 * Optional dense embeddings of scrubbed questions (issue 8 plugs an LLM endpoint in here).
 * When given, group similarity mixes lexical and embedding cosine.
 */
export interface QuestionEmbedder {
  /** A vector for the scrubbed text, or undefined when the service is unavailable. */
  embed(text: string, tenant?: string): Promise<number[] | undefined>;
  /** Share of the embedding cosine in the combined similarity, 0..1 (default 0.5). */
  weight?: number;
}

/** Review state of a group. "open" groups are below the rule and not listed. */
export type GroupStatus = "open" | "candidate" | "accepted" | "rejected" | "merged" | "snoozed";

/** One case of a group, compact: enough for the rule of three and the trend. */
export interface CaseRef {
  /** Question record id. */
  r: string;
  /** Message id as given by the channel or replay. */
  m: string;
  /** ISO time of the message. */
  at: string;
  team: string;
  /** Case key: the conversation the question came from (several messages, one case). */
  c: string;
}

/** A group of questions that ask the same thing; written by the detector only. */
export interface GroupRecord {
  id: string;
  tenant: string;
  createdAt: string;
  updatedAt: string;
  firstAt: string;
  lastAt: string;
  /** Number of members this writer has seen (the member records are the truth). */
  size: number;
  /** Sum of the members' unit vectors, truncated to the strongest features. */
  centroid: Record<string, number>;
  /** Mean embedding of the members, when an embedder is configured. */
  embedding?: number[];
  /** Most recent cases (capped), for the rule check without a scan. */
  recent: CaseRef[];
  /** When the group first met the rule (the leads were told then). */
  candidateAt?: string;
  /** The last placement-log number folded into centroid and size (patterns-store.ts). */
  seq?: number;
}

/** Membership of one question in a group; inserted with store.add, never overwritten. */
export interface MemberRecord {
  group: string;
  recordId: string;
  messageId: string;
  team: string;
  caseKey: string;
  at: string;
  /** Scrubbed question text. */
  text: string;
  /** Answered entry (first) or the entries the answerer considered. */
  entries: string[];
  answered: boolean;
  laws: string[];
  /** Similarity with the group when it joined (1 for the founder). */
  score: number;
}

/** A lead's decision on a group; written by review actions only, so no detector write loses it. */
export interface ReviewRecord {
  group: string;
  status: Exclude<GroupStatus, "open" | "candidate">;
  by: string;
  at: string;
  reason?: string;
  /** Snoozed until this ISO time. */
  until?: string;
  /** Merged into this group. */
  into?: string;
  /** Map proposal made from a rejection ("past binnen bestaande regels"). */
  proposal?: string;
}

/** Per-tenant settings of the recurring-question detection (`settings:<tenant>`). */
export interface PatternSettings {
  /** Distinct cases needed within the window. */
  minCases: number;
  /** Distinct teams needed within the window. */
  minTeams: number;
  /** Window length in days (8 weeks: the Almelo rule). */
  windowDays: number;
  /** Similarity needed to join a group (0..1). */
  threshold: number;
  /** Days a snooze lasts when no number is given. */
  snoozeDays: number;
}

export const PROPOSAL_NEW_ENTRY = "new entry";

/** A proposed change to the regulation map, waiting for a map editor. */
export interface Proposal {
  id: string;
  tenant: string;
  /** Map entry id, or "new entry". */
  entryId: string;
  /** Entry field the text is meant for (summary, ifStuck, ... or "entry" for a new one). */
  field: string;
  /** Scrubbed proposed text. */
  text: string;
  /** Scrubbed question that led to it, when known. */
  question?: string;
  recordId?: string;
  groupId?: string;
  kind: "correction" | "new-entry" | "faq";
  /** Pseudonym of the coach or lead. */
  author: string;
  /** YYYY-MM-DD */
  date: string;
  createdAt: string;
  status: "open" | "exported" | "done" | "dropped";
}

/** One line of the append-only audit log: who did what, when. */
export interface AuditEvent {
  at: string;
  tenant: string;
  /** Pseudonym, or "system" for the detector. */
  who: string;
  role?: string;
  action: string;
  /** Id of what was acted on (record, entry, group, proposal). */
  target: string;
  details?: Record<string, string | number | boolean>;
}

/** A knelpunt as listed to leads and in reports (the JSON contract is a subset). */
export interface Knelpunt {
  id: string;
  /** "open" only when asked for groups below the rule. */
  status: GroupStatus;
  title: string;
  cases: number;
  teams: string[];
  firstSeen: string;
  lastSeen: string;
  messageIds: string[];
  entries: string[];
  laws: string[];
  /** Up to three scrubbed example questions, most typical first. */
  examples: string[];
  /** Cases per week: last 4 weeks against the weeks before. */
  trend: Trend;
  /** Cases per ISO week start (YYYY-MM-DD), oldest first. */
  weekly: Array<{ week: string; cases: number }>;
  /** Cases per team. */
  perTeam: Record<string, number>;
  review?: ReviewRecord;
  mergedFrom: string[];
}

export interface Trend {
  recentCases: number;
  beforeCases: number;
  recentPerWeek: number;
  beforePerWeek: number;
  direction: "up" | "down" | "flat" | "new";
}
