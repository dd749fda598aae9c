// A flow's durable state per thread, and how it is written: every change at once, with a
// version number that two processes sharing a store use to notice each other (see saveState).
import type { Store } from "../ports.js";

export interface StoredAnswer {
  /** Option value for choice/yesno; the text itself for free text. */
  value: string;
  /** What the record shows: the option label as shown, or the (scrubbed) text. */
  text: string;
  skipped?: boolean;
  /** The worker's own reason given with a choice ("ja, want ..."). */
  reason?: string;
}

/** Regulation map entries and laws matched on the case text (computed content). */
export interface CaseMatch {
  entries: string[];
  laws: string[];
}

export type FlowStatus = "active" | "stopping" | "done" | "abandoned" | "expired";

export interface FlowState {
  /** Shape version of this record. */
  v: 1;
  /** Instance id shown to the worker, e.g. OT-7K3P9Q; also the decision record's id. */
  id: string;
  flow: string;
  tenant: string;
  /** Team (Slack channel, Teams team, console team) where the flow ran, for the record. */
  team?: string;
  thread: string;
  /** Pseudonym of the starter: only they advance the flow. */
  owner: string;
  status: FlowStatus;
  /** Visited step ids; the last one is the current step. */
  history: string[];
  answers: Record<string, StoredAnswer>;
  match?: CaseMatch;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  /** Grows by one with every write in this thread (across flow instances). */
  version: number;
  /** Id of the last finished flow in this thread, for /export after a later flow stopped. */
  previous?: string;
}

export function isOpen(s: FlowState | undefined): s is FlowState {
  return !!s && (s.status === "active" || s.status === "stopping");
}

export function stateKey(tenant: string, thread: string): string {
  return `flow:${tenant}:${thread}`;
}

export function recordKey(tenant: string, id: string): string {
  return `flowrec:${tenant}:${id}`;
}

function claimKey(tenant: string, thread: string, version: number): string {
  return `flowv:${tenant}:${thread}:${version}`;
}

/**
 * A claim only has to outlive the race it settles (milliseconds between another process's
 * read and its own claim); short, so a process that dies between claim and write does not
 * block the thread for long.
 */
const CLAIM_TTL_MS = 60_000;

export async function loadState(store: Store, tenant: string, thread: string): Promise<FlowState | undefined> {
  const s = await store.get<FlowState>(stateKey(tenant, thread));
  return s && s.v === 1 ? s : undefined;
}

/**
 * Write `next` if no other process wrote this version first. The claim is `store.add` on
 * `flowv:<tenant>:<thread>:<version>`: atomic where the backend's add is, a cheap
 * get-then-set elsewhere. False means someone else moved the flow on: reload and re-ask.
 */
export async function saveState(store: Store, next: FlowState, ttlMs: number): Promise<boolean> {
  const claim = claimKey(next.tenant, next.thread, next.version);
  if (!(await store.add(claim, 1, CLAIM_TTL_MS))) return false;
  try {
    await store.set(stateKey(next.tenant, next.thread), next, ttlMs);
  } catch (err) {
    // Release the claim, or the next attempt at this version would look like a conflict.
    await store.delete(claim).catch(() => false);
    throw err;
  }
  return true;
}
