// Feedback and moderation, usable from every channel: workers mark an answer useful or wrong;
// coaches confirm an entry's answer (shown as confirmed from then on) or correct it, which
// puts a proposed map change in the queue. Every action lands in the audit log.
import type { AnswerDecorator, SafeTurn, TurnHandler } from "../bot.js";
import type { RegulationMap } from "../map/regulation-map.js";
import type { Clock, Store } from "../ports.js";
import { questionKey, type QuestionRecord } from "../question-log.js";
import type { Answer, Button, Reply } from "../types.js";
import type { AuditLog } from "./audit.js";
import { LEARN_MSG } from "./messages.js";
import { fieldAndText, type ProposalQueue } from "./proposals.js";
import { PROPOSAL_NEW_ENTRY } from "./types.js";

export interface Confirmation {
  entryId: string;
  by: string;
  on: string;
  recordId: string;
  /** The entry's reviewedOn when confirmed: a later map review makes the mark lapse. */
  reviewedOn: string;
}

interface PendingCorrection {
  entryId: string;
  recordId: string;
  by: string;
}

const confirmKey = (tenant: string, entryId: string): string => `confirm:${tenant}:${entryId}`;
const correctingKey = (tenant: string, thread: string): string => `correcting:${tenant}:${thread}`;
const feedbackKey = (tenant: string, recordId: string, user: string): string =>
  `feedback:${tenant}:${recordId}:${user}`;

export function isCoach(role: SafeTurn["role"]): boolean {
  return role === "coach" || role === "admin";
}

export interface FeedbackDeps {
  store: Store;
  clock: Clock;
  map: RegulationMap;
  audit: AuditLog;
  proposals: ProposalQueue;
}

/** Split a coach button value `<entryId>|<recordId>`. */
function parseCoachValue(value: string | undefined): { entryId: string; recordId: string } | undefined {
  if (!value) return undefined;
  const i = value.indexOf("|");
  if (i <= 0) return undefined;
  return { entryId: value.slice(0, i), recordId: value.slice(i + 1) };
}

/** Buttons under an answered question: feedback for everyone, moderation for coaches. */
export function answerButtons(answer: Answer, turn: SafeTurn, rec: QuestionRecord): Button[] {
  const buttons: Button[] = [
    { label: LEARN_MSG.buttonUseful, action: "feedback:useful", value: rec.id },
    { label: LEARN_MSG.buttonWrong, action: "feedback:wrong", value: rec.id },
  ];
  const entry = answer.entries[0]?.id;
  if (entry && isCoach(turn.role)) {
    buttons.push(
      { label: LEARN_MSG.buttonConfirm, action: "coach:confirm", value: `${entry}|${rec.id}`, style: "primary" },
      { label: LEARN_MSG.buttonCorrect, action: "coach:correct", value: `${entry}|${rec.id}` },
    );
  }
  return buttons;
}

/** Marks answers from confirmed entries, unless the entry was reviewed again since. */
export function confirmationDecorator(deps: Pick<FeedbackDeps, "store" | "map">): AnswerDecorator {
  return async (answer, turn) => {
    const entryId = answer.status === "answered" ? answer.entries[0]?.id : undefined;
    if (!entryId) return answer;
    const c = await deps.store.get<Confirmation>(confirmKey(turn.tenant, entryId)).catch(() => undefined);
    const entry = deps.map.get(entryId, turn.tenant);
    if (!c || !entry || c.reviewedOn !== entry.reviewedOn) return answer;
    return { ...answer, confirmed: { by: c.by, on: c.on } };
  };
}

/** The plugin: feedback buttons, coach buttons, a coach's correction text and /corrigeer. */
export function feedbackHandler(deps: FeedbackDeps): TurnHandler {
  const { store, clock, map, audit, proposals } = deps;
  const today = (): string => clock.now().toISOString().slice(0, 10);
  const entryTitle = (id: string, tenant: string): string => map.get(id, tenant)?.title ?? id;

  async function feedback(turn: SafeTurn, useful: boolean): Promise<Reply[]> {
    const recordId = turn.action?.value ?? "";
    const rec = recordId ? await store.get<QuestionRecord>(questionKey(turn.tenant, recordId)) : undefined;
    await store.set(feedbackKey(turn.tenant, recordId, turn.user), {
      value: useful ? "useful" : "wrong",
      at: clock.now().toISOString(),
      entry: rec?.entries[0],
    });
    await audit.record({
      tenant: turn.tenant,
      who: turn.user,
      role: turn.role,
      action: useful ? "feedback.useful" : "feedback.wrong",
      target: recordId,
      ...(rec?.entries[0] ? { details: { entry: rec.entries[0] } } : {}),
    });
    if (useful) return [{ text: LEARN_MSG.thanksUseful, private: true }];
    const out: Reply[] = [{ text: LEARN_MSG.thanksWrong, private: true }];
    const entryId = rec?.entries[0];
    if (rec && entryId) {
      out.push({
        text: LEARN_MSG.coachWrongNotice(rec.text, `${entryTitle(entryId, turn.tenant)} (${entryId})`),
        target: { kind: "coaches" },
        buttons: [
          { label: LEARN_MSG.buttonConfirm, action: "coach:confirm", value: `${entryId}|${rec.id}`, style: "primary" },
          { label: LEARN_MSG.buttonCorrect, action: "coach:correct", value: `${entryId}|${rec.id}` },
        ],
      });
    }
    return out;
  }

  async function confirm(turn: SafeTurn): Promise<Reply[]> {
    const v = parseCoachValue(turn.action?.value);
    const entry = v ? map.get(v.entryId, turn.tenant) : undefined;
    if (!v) return [{ text: LEARN_MSG.badButton, private: true }];
    if (!entry) return [{ text: LEARN_MSG.unknownEntry(v.entryId), private: true }];
    const c: Confirmation = {
      entryId: entry.id,
      by: turn.user,
      on: today(),
      recordId: v.recordId,
      reviewedOn: entry.reviewedOn,
    };
    await store.set(confirmKey(turn.tenant, entry.id), c);
    await audit.record({
      tenant: turn.tenant,
      who: turn.user,
      role: turn.role,
      action: "coach.confirm",
      target: entry.id,
      details: { record: v.recordId },
    });
    return [{ text: LEARN_MSG.confirmed(entry.title) }];
  }

  async function startCorrection(turn: SafeTurn): Promise<Reply[]> {
    const v = parseCoachValue(turn.action?.value);
    if (!v) return [{ text: LEARN_MSG.badButton, private: true }];
    const pending: PendingCorrection = { entryId: v.entryId, recordId: v.recordId, by: turn.user };
    await store.set(correctingKey(turn.tenant, turn.thread), pending, 3_600_000);
    return [{ text: LEARN_MSG.askCorrection(entryTitle(v.entryId, turn.tenant)), private: true }];
  }

  async function propose(turn: SafeTurn, entryId: string, raw: string, recordId?: string): Promise<Reply[]> {
    const rec = recordId ? await store.get<QuestionRecord>(questionKey(turn.tenant, recordId)) : undefined;
    const isNew = entryId === PROPOSAL_NEW_ENTRY;
    const { field, text } = isNew ? { field: "entry", text: raw.trim() } : fieldAndText(raw);
    const p = await proposals.create({
      tenant: turn.tenant,
      entryId,
      field,
      text,
      kind: isNew ? "new-entry" : "correction",
      author: turn.user,
      ...(rec ? { question: rec.text } : {}),
      ...(recordId ? { recordId } : {}),
    });
    await audit.record({
      tenant: turn.tenant,
      who: turn.user,
      role: turn.role,
      action: "coach.correct",
      target: entryId,
      details: { proposal: p.id, field, ...(recordId ? { record: recordId } : {}) },
    });
    return [{ text: LEARN_MSG.proposalMade(p.id) }];
  }

  /** `/corrigeer <entryId|nieuw> <tekst>` */
  async function correctCommand(turn: SafeTurn, args: string): Promise<Reply[]> {
    const m = /^(\S+)\s+([\s\S]+)$/.exec(args.trim());
    if (!m) return [{ text: LEARN_MSG.correctUsage, private: true }];
    const target = m[1]!.toLowerCase() === "nieuw" || m[1]!.toLowerCase() === "new" ? PROPOSAL_NEW_ENTRY : m[1]!;
    if (target !== PROPOSAL_NEW_ENTRY && !map.get(target, turn.tenant))
      return [{ text: LEARN_MSG.unknownEntry(target), private: true }];
    return propose(turn, target, m[2]!);
  }

  return async (turn) => {
    const action = turn.action?.id;
    if (action === "feedback:useful" || action === "feedback:wrong")
      return feedback(turn, action === "feedback:useful");
    if (action === "coach:confirm" || action === "coach:correct") {
      if (!isCoach(turn.role)) return [{ text: LEARN_MSG.onlyCoaches, private: true }];
      return action === "coach:confirm" ? confirm(turn) : startCorrection(turn);
    }
    const text = turn.text.trim();
    const command = /^\/corrigeer\b([\s\S]*)$/i.exec(text);
    if (command) {
      if (!isCoach(turn.role)) return [{ text: LEARN_MSG.onlyCoaches, private: true }];
      return correctCommand(turn, command[1] ?? "");
    }
    if (!isCoach(turn.role) || action) return undefined;
    // A coach's next message after [Verbeteren] is the correction text.
    const pending = await store.get<PendingCorrection>(correctingKey(turn.tenant, turn.thread)).catch(() => undefined);
    if (!pending || pending.by !== turn.user) return undefined;
    await store.delete(correctingKey(turn.tenant, turn.thread));
    if (/^\/(stop|annuleer)\b/i.test(text)) return [{ text: LEARN_MSG.correctionCancelled, private: true }];
    if (text.startsWith("/") || text.length === 0) return undefined;
    return propose(turn, pending.entryId, text, pending.recordId);
  };
}
