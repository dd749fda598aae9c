// The queue of proposed map changes: coach corrections, new entries and FAQ items that leads
// turned down as knelpunt ("past binnen bestaande regels"). A map editor exports one as a
// YAML patch (`aanzet map proposals --export <id>`) and applies it by hand after review.
import { randomBytes } from "node:crypto";
import type { RegulationMap } from "../map/regulation-map.js";
import type { Clock, Store } from "../ports.js";
import { scrub } from "../privacy/index.js";
import { STOPWORDS } from "../text/normalize.js";
import { PROPOSAL_NEW_ENTRY, type Proposal } from "./types.js";

/** Entry fields a correction may name ("summary: ..." at the start of the text). */
export const PROPOSAL_FIELDS = [
  "title",
  "summary",
  "ifStuck",
  "aanZet",
  "local",
  "questions",
  "keywords",
  "sources",
  "knelpunten",
] as const;

export const proposalKey = (tenant: string, id: string): string => `proposal:${tenant}:${id}`;

export type NewProposal = Omit<Proposal, "id" | "createdAt" | "status" | "date" | "text" | "field"> & {
  text: string;
  field?: string | undefined;
};

/** Split "ifStuck: tekst" into field and text; plain text goes to the summary. */
export function fieldAndText(raw: string): { field: string; text: string } {
  const m = /^\s*([a-zA-Z]+)\s*:\s*([\s\S]+)$/.exec(raw);
  const named = m ? PROPOSAL_FIELDS.find((f) => f.toLowerCase() === m[1]!.toLowerCase()) : undefined;
  return named ? { field: named, text: m![2]!.trim() } : { field: "summary", text: raw.trim() };
}

export class ProposalQueue {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Add a proposal; the text is scrubbed again (it may come from a CLI or a lead's reason). */
  async create(p: NewProposal): Promise<Proposal> {
    const now = this.clock.now();
    const base = {
      ...p,
      field: p.field ?? (p.entryId === PROPOSAL_NEW_ENTRY ? "entry" : "summary"),
      text: scrub(p.text).text,
      ...(p.question !== undefined ? { question: scrub(p.question).text } : {}),
      date: now.toISOString().slice(0, 10),
      createdAt: now.toISOString(),
      status: "open" as const,
    };
    for (let i = 0; i < 5; i++) {
      const id = "p" + randomBytes(4).readUInt32BE(0).toString(36).slice(0, 6).padStart(6, "0");
      const proposal: Proposal = { id, ...base };
      if (await this.store.add(proposalKey(p.tenant, id), proposal)) return proposal;
    }
    throw new Error("proposal queue: could not find a free id");
  }

  async get(tenant: string, id: string): Promise<Proposal | undefined> {
    return this.store.get<Proposal>(proposalKey(tenant, id));
  }

  /** All proposals of a tenant, oldest first. */
  async list(tenant: string): Promise<Proposal[]> {
    const out: Proposal[] = [];
    for await (const [, p] of this.store.scan<Proposal>(`proposal:${tenant}:`)) out.push(p);
    return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  }

  async setStatus(tenant: string, id: string, status: Proposal["status"]): Promise<Proposal | undefined> {
    const p = await this.get(tenant, id);
    if (!p) return undefined;
    const next = { ...p, status };
    await this.store.set(proposalKey(tenant, id), next);
    return next;
  }
}

function slug(text: string): string {
  const s = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\[[a-z]+\]/g, " ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .split("-")
    .filter((w) => w.length > 2 && !STOPWORDS.has(w))
    .slice(0, 5)
    .join("-");
  return s || "nieuwe-kaart";
}

/**
 * The proposal as a plain object for a YAML patch: for an existing entry the entry id, field,
 * current and proposed text; for a new entry a skeleton that `aanzet map check` explains.
 */
export function proposalPatch(p: Proposal, map: RegulationMap): Record<string, unknown> {
  const meta = {
    proposal: p.id,
    kind: p.kind,
    author: p.author,
    date: p.date,
    status: p.status,
    ...(p.groupId ? { knelpunt: p.groupId } : {}),
  };
  const entry = p.entryId === PROPOSAL_NEW_ENTRY ? undefined : map.get(p.entryId, p.tenant);
  if (entry) {
    const current = (entry as Record<string, unknown>)[p.field];
    return {
      ...meta,
      patch: {
        entry: entry.id,
        file: "map/entries/<file>.yaml",
        field: p.field,
        ...(current !== undefined ? { current } : {}),
        proposed: p.text,
        ...(p.question ? { question: p.question } : {}),
      },
    };
  }
  const title = (p.question ?? p.text).replace(/\s+/g, " ").trim();
  return {
    ...meta,
    note: "Nieuwe kaart: vul de TODO-velden in, kies ids uit map/vocabulary.json en draai daarna `aanzet map check`.",
    entries: [
      {
        id: slug(title),
        title: title.length > 80 ? `${title.slice(0, 77).trimEnd()}...` : title,
        topic: "overig",
        summary: p.text,
        questions: [p.question ?? title],
        keywords: [],
        aanZet: [
          { actor: "TODO-actor-id", law: null, role: "primary", condition: "TODO: wanneer is deze partij aan zet?" },
        ],
        routes: [],
        ifStuck: "TODO: wat doe je als de gewone route vastloopt?",
        certainty: "unsure",
        local: "TODO: wat moet de werker lokaal checken?",
        sources: [{ title: "TODO: openbare bron", url: "https://wetten.overheid.nl/" }],
        reviewedOn: p.date,
      },
    ],
  };
}
