// Answer phrasing: the model rewrites the deterministic answer in natural B1 Dutch from the
// matched entry only. Its text replaces `answer` only after the grounding check; the answer's
// other fields (status, aanZet, sources, entries) always stay the deterministic ones.
import { z } from "zod";
import { MAX_ANSWER_WORDS } from "../answer/compose.js";
import type { MapEntry } from "../map/schema.js";
import { actorName, lawName } from "../map/vocabulary.js";
import type { Answer } from "../types.js";
import type { Grounding } from "./grounding.js";
import { parseJsonReply } from "./json-reply.js";
import type { ChatMessage } from "./port.js";
import { renderPrompt, type PromptSet } from "./prompts.js";
import { userData } from "./user-data.js";

const PhraseSchema = z.object({ antwoord: z.string().trim().min(1) });

/** Lines of the deterministic answer that must survive phrasing word for word: caveats. */
const KEPT_LINES = [/^Let op:/, /^Ik weet niet zeker/, /^\(Lokale regel/, /^Dit zijn de regels van/, /^Geldt op /];

export interface PhraseRequest {
  messages: ChatMessage[];
  grounding: Grounding;
}

function primaryOf(answer: Answer): Answer["aanZet"][number] {
  return answer.aanZet.find((a) => a.role === "primary") ?? answer.aanZet[0]!;
}

/** The entry as the model sees it: the answer's aanZet order (case context applied), Dutch keys. */
export function entryPayload(answer: Answer, entry: MapEntry): Record<string, unknown> {
  return {
    titel: entry.title,
    samenvatting: entry.summary.trim(),
    aanZet: answer.aanZet.map((a) => ({
      wie: actorName(a.actor),
      id: a.actor,
      wet: a.law ? lawName(a.law) : null,
      artikel: entry.aanZet.find((i) => i.actor === a.actor && i.law === a.law)?.article ?? null,
      rol: a.role,
      wanneer: a.note,
    })),
    alsHetVastloopt: entry.ifStuck.trim(),
    lokaal: entry.local?.trim() ?? null,
    bronnen: answer.sources.map((s) => ({ titel: s.title, url: s.url })),
  };
}

function strings(v: unknown, out: string[]): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === "object") for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** Messages for the phrasing call and what its reply is checked against. */
export function phraseRequest(prompts: PromptSet, answer: Answer, entry: MapEntry, question: string): PhraseRequest {
  const payload = entryPayload(answer, entry);
  const primary = primaryOf(answer);
  const system = [
    renderPrompt(prompts.system, { max_words: String(MAX_ANSWER_WORDS) }),
    renderPrompt(prompts["phrase-answer"], {
      entries: JSON.stringify([payload], null, 2),
      primary_actor: actorName(primary.actor),
      max_words: String(MAX_ANSWER_WORDS),
    }),
  ].join("\n\n");
  return {
    messages: [
      { role: "system", content: system },
      { role: "user", content: userData({ vraag: question }) },
    ],
    grounding: {
      primaryActor: primary.actor,
      actors: answer.aanZet.map((a) => a.actor),
      laws: answer.aanZet.map((a) => a.law).filter((l): l is string => !!l),
      urls: answer.sources.map((s) => s.url),
      text: [...strings(payload, []), ...entry.aanZet.map((a) => a.condition), question].join("\n"),
    },
  };
}

/** The phrased text from the model's reply; throws LlmFailure("malformed"). */
export function parsePhrase(text: string): string {
  return parseJsonReply(text, PhraseSchema)
    .antwoord.replace(/\r\n?/g, "\n")
    .replace(/\n{3,}/g, "\n\n");
}

/** Caveat lines of the deterministic text, to append to a phrased answer unchanged. */
export function keptLines(deterministic: string): string[] {
  return deterministic.split("\n").filter((l) => KEPT_LINES.some((re) => re.test(l.trim())));
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
