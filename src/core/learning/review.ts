// Lead review of candidate knelpunten: accept (a structural knelpunt for the werktafel),
// reject with a reason (when it fits the existing rules, offer a map proposal instead),
// merge two groups, snooze until a date. Decisions are review records, never written by the
// detector, and every one is audited.
import { AanzetError } from "../errors.js";
import type { Clock, Store } from "../ports.js";
import { scrub } from "../privacy/index.js";
import type { AuditLog } from "./audit.js";
import type { KnelpuntenService } from "./knelpunten.js";
import { FITS_RULES } from "./messages.js";
import type { PatternDetector } from "./patterns.js";
import { groupKey, loadReviews, resolveMerged, reviewKey } from "./patterns-store.js";
import type { ProposalQueue } from "./proposals.js";
import { PROPOSAL_NEW_ENTRY, type GroupRecord, type Proposal, type ReviewRecord } from "./types.js";

export interface Reviewer {
  tenant: string;
  /** Pseudonym (chat) or "cli". */
  who: string;
  role?: string;
}

export class ReviewService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly knelpunten: KnelpuntenService,
    private readonly proposals: ProposalQueue,
    private readonly detector?: PatternDetector,
  ) {}

  /** Normalise what a lead typed ("#K1A2B3C" -> "k1a2b3c"). */
  static normalizeId(raw: string): string {
    return raw.trim().replace(/^#/, "").toLowerCase();
  }

  private async exists(tenant: string, id: string): Promise<boolean> {
    if (await this.store.get<GroupRecord>(groupKey(tenant, id))) return true;
    for await (const _ of this.store.scan(`member:${tenant}:${id}:`)) return true;
    return false;
  }

  private async decide(
    r: Reviewer,
    id: string,
    record: Omit<ReviewRecord, "group" | "by" | "at">,
    action: string,
    details: Record<string, string | number | boolean> = {},
  ): Promise<ReviewRecord> {
    const gid = ReviewService.normalizeId(id);
    if (!(await this.exists(r.tenant, gid))) throw new AanzetError("NOT_FOUND", `no knelpunt ${gid}`, { subject: gid });
    const review: ReviewRecord = { group: gid, by: r.who, at: this.clock.now().toISOString(), ...record };
    await this.store.set(reviewKey(r.tenant, gid), review);
    await this.audit.record({
      tenant: r.tenant,
      who: r.who,
      ...(r.role ? { role: r.role } : {}),
      action,
      target: gid,
      details,
    });
    return review;
  }

  accept(r: Reviewer, id: string): Promise<ReviewRecord> {
    return this.decide(r, id, { status: "accepted" }, "lead.accept");
  }

  /** Reject with a reason; `fitsRules` says the lead may turn it into a map proposal. */
  async reject(r: Reviewer, id: string, reason: string): Promise<{ review: ReviewRecord; fitsRules: boolean }> {
    const clean = scrub(reason).text.trim();
    const review = await this.decide(r, id, { status: "rejected", reason: clean }, "lead.reject", { reason: clean });
    return { review, fitsRules: FITS_RULES.test(clean) };
  }

  /** Merge `from` into `into`: its cases count for `into` from now on. */
  async merge(r: Reviewer, into: string, from: string): Promise<ReviewRecord> {
    const a = ReviewService.normalizeId(into);
    const b = ReviewService.normalizeId(from);
    const reviews = await loadReviews(this.store, r.tenant);
    const target = resolveMerged(a, reviews);
    if (target === b || a === b) throw new AanzetError("INPUT_INVALID", "cannot merge a knelpunt into itself");
    if (!(await this.exists(r.tenant, target)))
      throw new AanzetError("NOT_FOUND", `no knelpunt ${target}`, { subject: target });
    const review = await this.decide(r, b, { status: "merged", into: target }, "lead.merge", { into: target });
    await this.detector?.applyMerge(r.tenant, b, target);
    return review;
  }

  async snooze(r: Reviewer, id: string, days: number): Promise<ReviewRecord> {
    const until = new Date(this.clock.now().getTime() + days * 86_400_000).toISOString();
    return this.decide(r, id, { status: "snoozed", until }, "lead.snooze", { days });
  }

  /** Turn a (rejected) knelpunt into a map proposal: an FAQ on its entry, or a new entry. */
  async proposalFrom(r: Reviewer, id: string): Promise<Proposal> {
    const gid = ReviewService.normalizeId(id);
    const k = await this.knelpunten.get(r.tenant, gid);
    if (!k) throw new AanzetError("NOT_FOUND", `no knelpunt ${gid}`, { subject: gid });
    const entryId = k.entries[0] ?? PROPOSAL_NEW_ENTRY;
    const reason = (await this.store.get<ReviewRecord>(reviewKey(r.tenant, gid)))?.reason;
    const text = [
      `Veelgestelde vraag (${k.cases} casussen, teams: ${k.teams.join(", ")}): ${/[.!?…]$/.test(k.title) ? k.title : `${k.title}.`}`,
      reason ? `Oordeel lead: ${reason}.` : "",
      "Voorbeelden:",
      ...k.examples.map((e) => `- ${e}`),
    ]
      .filter(Boolean)
      .join("\n");
    const p = await this.proposals.create({
      tenant: r.tenant,
      entryId,
      field: entryId === PROPOSAL_NEW_ENTRY ? "entry" : "questions",
      text,
      question: k.examples[0] ?? k.title,
      kind: "faq",
      author: r.who,
      groupId: gid,
    });
    const review = await this.store.get<ReviewRecord>(reviewKey(r.tenant, gid));
    if (review) await this.store.set(reviewKey(r.tenant, gid), { ...review, proposal: p.id });
    await this.audit.record({
      tenant: r.tenant,
      who: r.who,
      ...(r.role ? { role: r.role } : {}),
      action: "lead.proposal",
      target: gid,
      details: { proposal: p.id },
    });
    return p;
  }
}
