// Query understanding: a messy question rewritten into a clean one, with the need, age group
// and situation pulled out, so the deterministic answerer can try again. The model only
// proposes a retrieval text; the map still decides the answer.
import { z } from "zod";
import { scrub } from "../privacy/index.js";
import { parseJsonReply } from "./json-reply.js";
import type { ChatMessage } from "./port.js";
import { renderPrompt, type PromptSet } from "./prompts.js";
import { userData } from "./user-data.js";

export const AGE_GROUPS = ["kind", "jongere", "volwassene", "oudere", "onbekend"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : undefined));

const RewriteSchema = z.object({
  vraag: z.string().trim().min(3).max(400),
  behoefte: optionalText(200),
  leeftijdsgroep: z.enum(AGE_GROUPS).nullish().catch(undefined),
  situatie: optionalText(300),
});

export interface Rewrite {
  question: string;
  need?: string | undefined;
  ageGroup?: AgeGroup | undefined;
  situation?: string | undefined;
}

/** System prompt (rules + task) and the question as data. */
export function rewriteMessages(prompts: PromptSet, question: string, maxWords: number): ChatMessage[] {
  const system = [
    renderPrompt(prompts.system, { max_words: String(maxWords) }),
    renderPrompt(prompts["rewrite-question"], { age_groups: AGE_GROUPS.join(", ") }),
  ].join("\n\n");
  return [
    { role: "system", content: system },
    { role: "user", content: userData({ vraag: question }) },
  ];
}

/** The model's reply as a Rewrite; throws LlmFailure("malformed"). */
export function parseRewrite(text: string): Rewrite {
  const r = parseJsonReply(text, RewriteSchema);
  return { question: r.vraag, need: r.behoefte, ageGroup: r.leeftijdsgroep ?? undefined, situation: r.situatie };
}

const AGE_WORDS: Record<AgeGroup, string> = {
  kind: "kind",
  jongere: "jongere",
  volwassene: "volwassene",
  oudere: "oudere",
  onbekend: "",
};

/**
 * What the deterministic answerer searches with: the clean question, alone and with the
 * extracted facts added (extra words can help or dilute, so the answerer tries each), scrubbed.
 */
export function retrievalTexts(r: Rewrite): string[] {
  const age = r.ageGroup ? AGE_WORDS[r.ageGroup] : undefined;
  const variants = [[r.question], [r.question, age], [r.question, r.need, age], [r.question, r.need, r.situation, age]];
  const texts = variants.map((parts) => scrub(parts.filter((p): p is string => !!p && p.length > 0).join(". ")).text);
  return [...new Set(texts)];
}
