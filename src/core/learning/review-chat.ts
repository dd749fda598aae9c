// Lead review in chat: /knelpunten lists candidates; buttons lead:accept|reject|merge|snooze
// (value = candidate id) and typed commands do the same, so a console lead can do it all by
// typing: /accepteer <id>, /afwijzen <id> <reden>, /samenvoegen <id> <id>, /snooze <id> [dagen].
import type { SafeTurn, TurnHandler } from "../bot.js";
import { AanzetError } from "../errors.js";
import { lawName } from "../map/vocabulary.js";
import type { Store } from "../ports.js";
import type { Button, Reply } from "../types.js";
import type { KnelpuntenService } from "./knelpunten.js";
import { LEARN_MSG } from "./messages.js";
import { ReviewService, type Reviewer } from "./review.js";
import type { SettingsCache } from "./settings.js";
import type { Knelpunt } from "./types.js";

/** Candidates shown with buttons in one /knelpunten reply. */
const WITH_BUTTONS = 5;
const SHOWN = 10;

interface PendingLead {
  kind: "reject" | "merge";
  id: string;
  by: string;
}

const pendingKey = (tenant: string, thread: string): string => `leadpending:${tenant}:${thread}`;

export function isLead(role: SafeTurn["role"]): boolean {
  return role === "lead" || role === "admin";
}

const TREND = { up: "stijgend", down: "dalend", flat: "gelijk", new: "nieuw" } as const;

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** One candidate as a short Dutch block. */
export function describe(k: Knelpunt): string {
  const lines = [
    `• ${k.id}: ${k.title}`,
    `  ${k.cases} casussen · teams: ${k.teams.join(", ")} · ${day(k.firstSeen)} t/m ${day(k.lastSeen)}`,
    `  Trend: ${TREND[k.trend.direction]} (laatste 4 weken ${k.trend.recentPerWeek.toLocaleString("nl-NL")} per week, daarvoor ${k.trend.beforePerWeek.toLocaleString("nl-NL")})`,
  ];
  if (k.entries.length > 0) lines.push(`  Kaart: ${k.entries.join(", ")}`);
  if (k.laws.length > 0) lines.push(`  Wetten: ${k.laws.map(lawName).join(", ")}`);
  for (const e of k.examples.slice(0, 2)) lines.push(`  – “${e}”`);
  if (k.status === "snoozed" && k.review?.until) lines.push(`  (staat stil tot ${day(k.review.until)})`);
  return lines.join("\n");
}

function buttonsFor(id: string): Button[] {
  return [
    { label: LEARN_MSG.buttonAccept(id), action: "lead:accept", value: id, style: "primary" },
    { label: LEARN_MSG.buttonReject(id), action: "lead:reject", value: id, style: "danger" },
    { label: LEARN_MSG.buttonMerge(id), action: "lead:merge", value: id },
    { label: LEARN_MSG.buttonSnooze(id), action: "lead:snooze", value: id },
  ];
}

export interface ReviewChatDeps {
  store: Store;
  knelpunten: KnelpuntenService;
  review: ReviewService;
  settings: SettingsCache;
}

/** The chat plugin for leads. Non-leads pressing a lead button get a short refusal. */
export function reviewHandler(deps: ReviewChatDeps): TurnHandler {
  const { store, knelpunten, review, settings } = deps;

  async function list(turn: SafeTurn): Promise<Reply[]> {
    const all = await knelpunten.list(turn.tenant);
    const open = all.filter((k) => k.status === "candidate");
    if (open.length === 0) return [{ text: LEARN_MSG.noCandidates }];
    const shown = open.slice(0, SHOWN);
    const text = [LEARN_MSG.listHead(open.length), ...shown.map(describe), LEARN_MSG.listFoot].join("\n");
    return [{ text, buttons: shown.slice(0, WITH_BUTTONS).flatMap((k) => buttonsFor(k.id)) }];
  }

  async function act(turn: SafeTurn, fn: () => Promise<Reply[]>): Promise<Reply[]> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof AanzetError && err.code === "NOT_FOUND")
        return [{ text: LEARN_MSG.unknownGroup(err.subject ?? "") }];
      if (err instanceof AanzetError && err.code === "INPUT_INVALID") return [{ text: LEARN_MSG.mergeSelf }];
      throw err;
    }
  }

  async function accept(r: Reviewer, id: string): Promise<Reply[]> {
    const rec = await review.accept(r, id);
    return [{ text: LEARN_MSG.accepted(rec.group) }];
  }

  async function reject(r: Reviewer, id: string, reason: string): Promise<Reply[]> {
    const { review: rec, fitsRules } = await review.reject(r, id, reason);
    const out: Reply = { text: LEARN_MSG.rejected(rec.group) };
    if (fitsRules) {
      out.text += `\n${LEARN_MSG.offerProposal(rec.group)}`;
      out.buttons = [{ label: LEARN_MSG.buttonProposal(rec.group), action: "lead:proposal", value: rec.group }];
    }
    return [out];
  }

  async function merge(r: Reviewer, into: string, from: string): Promise<Reply[]> {
    const rec = await review.merge(r, into, from);
    return [{ text: LEARN_MSG.merged(rec.group, rec.into ?? into) }];
  }

  async function snooze(r: Reviewer, id: string, days: number | undefined): Promise<Reply[]> {
    const d = days ?? (await settings.get(r.tenant)).snoozeDays;
    const rec = await review.snooze(r, id, d);
    return [{ text: LEARN_MSG.snoozed(rec.group, day(rec.until ?? "")) }];
  }

  async function proposal(r: Reviewer, id: string): Promise<Reply[]> {
    const p = await review.proposalFrom(r, id);
    return [{ text: LEARN_MSG.proposalFromGroup(ReviewService.normalizeId(id), p.id) }];
  }

  async function command(turn: SafeTurn, r: Reviewer, name: string, args: string[]): Promise<Reply[] | undefined> {
    switch (name) {
      case "knelpunten":
        return list(turn);
      case "accepteer":
        return args[0] ? accept(r, args[0]) : [{ text: LEARN_MSG.usageId("accepteer") }];
      case "afwijzen": {
        const [id, ...reason] = args;
        return id && reason.length > 0 ? reject(r, id, reason.join(" ")) : [{ text: LEARN_MSG.usageReject }];
      }
      case "samenvoegen":
        return args[0] && args[1] ? merge(r, args[0], args[1]) : [{ text: LEARN_MSG.usageMerge }];
      case "snooze": {
        const days = args[1] !== undefined ? Number(args[1]) : undefined;
        if (!args[0] || (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 365)))
          return [{ text: LEARN_MSG.usageSnooze }];
        return snooze(r, args[0], days);
      }
      case "kaartvoorstel":
        return args[0] ? proposal(r, args[0]) : [{ text: LEARN_MSG.usageId("kaartvoorstel") }];
      default:
        return undefined;
    }
  }

  const COMMANDS = new Set(["knelpunten", "accepteer", "afwijzen", "samenvoegen", "snooze", "kaartvoorstel"]);

  return async (turn) => {
    const r: Reviewer = { tenant: turn.tenant, who: turn.user, role: turn.role };
    const action = turn.action?.id;
    if (action?.startsWith("lead:")) {
      if (!isLead(turn.role)) return [{ text: LEARN_MSG.onlyLeads, private: true }];
      const id = turn.action?.value ?? "";
      return act(turn, async () => {
        switch (action) {
          case "lead:accept":
            return accept(r, id);
          case "lead:snooze":
            return snooze(r, id, undefined);
          case "lead:proposal":
            return proposal(r, id);
          case "lead:reject":
          case "lead:merge": {
            const kind = action === "lead:reject" ? "reject" : "merge";
            await store.set(
              pendingKey(turn.tenant, turn.thread),
              { kind, id, by: turn.user } satisfies PendingLead,
              3_600_000,
            );
            return [{ text: kind === "reject" ? LEARN_MSG.askReason(id) : LEARN_MSG.askMergeWith(id) }];
          }
          default:
            return [{ text: LEARN_MSG.badButton }];
        }
      });
    }
    if (action) return undefined;
    const text = turn.text.trim();
    const m = /^\/([a-z]+)\b\s*([\s\S]*)$/i.exec(text);
    if (m && COMMANDS.has(m[1]!.toLowerCase())) {
      if (!isLead(turn.role)) return [{ text: LEARN_MSG.onlyLeads, private: true }];
      const args = m[2]!.trim().split(/\s+/).filter(Boolean);
      return act(
        turn,
        async () => (await command(turn, r, m[1]!.toLowerCase(), args)) ?? [{ text: LEARN_MSG.badButton }],
      );
    }
    if (!isLead(turn.role)) return undefined;
    // The lead's next message after [Afwijzen] is the reason, after [Samenvoegen] the other id.
    const pending = await store.get<PendingLead>(pendingKey(turn.tenant, turn.thread)).catch(() => undefined);
    if (!pending || pending.by !== turn.user) return undefined;
    await store.delete(pendingKey(turn.tenant, turn.thread));
    if (/^\/(stop|annuleer)\b/i.test(text)) return [{ text: "Oké, gestopt." }];
    if (text.startsWith("/") || text.length === 0) return undefined;
    return act(turn, () =>
      pending.kind === "reject" ? reject(r, pending.id, text) : merge(r, text.split(/\s+/)[0]!, pending.id),
    );
  };
}
