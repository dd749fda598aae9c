// The regulation map's shape. Every entry is validated at boot and by `aanzet map check`;
// errors must name file, entry id and field, so keep messages specific and say how to fix.
import { z } from "zod";
import { ACTOR_IDS, LAW_IDS, ROUTE_IDS } from "./vocabulary.js";

/** Topic ids group entries for coverage reports and for the answerer's tie-breaking. */
export const TOPICS = [
  "hulpmiddelen",
  "wonen-aanpassing",
  "zorg-thuis",
  "wlz-verblijf",
  "jeugd",
  "overgang-18",
  "ggz",
  "detentie",
  "vervoer",
  "zorgkosten",
  "bijstand",
  "inkomen",
  "schulden",
  "wonen",
  "adres",
  "uwv-svb",
  "toeslagen",
  "escalatie",
  "methode",
  "overig",
] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "use a date as YYYY-MM-DD, e.g. 2026-11-01" });

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const actorId = z.enum(ACTOR_IDS, {
  message: "unknown actor id: use one of the actors in map/vocabulary.json (or add it there first)",
});
const lawId = z.enum(LAW_IDS, {
  message: "unknown law id: use one of the laws in map/vocabulary.json (or add it there first)",
});
const routeId = z.enum(ROUTE_IDS, {
  message: "unknown route id: use one of the routes in map/vocabulary.json (or add it there first)",
});

export const AanZetItemSchema = z.strictObject({
  actor: actorId,
  law: lawId.nullable().default(null),
  article: z.string().min(1).optional(),
  role: z.enum(["primary", "fallback", "escalation"], {
    message: "role must be primary, fallback or escalation",
  }),
  condition: z
    .string()
    .min(8, { message: "say in one sentence when this actor is aan zet" })
    .max(300, { message: "keep the condition to one short sentence (max 300 characters)" }),
});

export const SourceSchema = z.strictObject({
  title: z.string().min(3, { message: "give the source a readable title" }),
  url: z
    .string()
    .url({ message: "a source needs a full public URL (https://...)" })
    .refine((u) => u.startsWith("https://") || u.startsWith("http://"), {
      message: "a source URL must be http(s)",
    }),
  date: isoDate.optional(),
});

export const EntrySchema = z
  .strictObject({
    id: z.string().regex(idPattern, { message: "ids are lowercase words joined by hyphens, e.g. rolstoel-langdurig" }),
    title: z.string().min(3).max(90),
    topic: z.enum(TOPICS, { message: `topic must be one of: ${TOPICS.join(", ")}` }),
    summary: z
      .string()
      .min(20, { message: "write a short B1 summary (one to three sentences)" })
      .max(600, { message: "the summary is too long for a chat answer: keep it under 600 characters" }),
    questions: z
      .array(z.string().min(5))
      .min(1, { message: "add at least one example question as a worker would ask it" }),
    keywords: z.array(z.string().min(2)).default([]),
    aanZet: z
      .array(AanZetItemSchema)
      .min(1, { message: "say who is aan zet: add at least one aanZet item" })
      .refine((items) => items.some((i) => i.role === "primary"), {
        message: "at least one aanZet item must have role: primary",
      }),
    routes: z.array(routeId).default([]),
    ifStuck: z
      .string()
      .min(10, { message: "say in one or two sentences what to do when the regular route fails" })
      .max(400),
    knelpunten: z.array(z.string().min(5)).default([]),
    local: z.string().min(5).optional(),
    certainty: z.enum(["settled", "check-locally", "unsure"]).default("settled"),
    choiceLabel: z.string().min(3).max(80).optional(),
    sources: z.array(SourceSchema).min(1, { message: "every entry needs at least one public source" }),
    reviewedOn: isoDate,
    reviewBy: isoDate.optional(),
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.validFrom && e.validUntil && e.validFrom > e.validUntil) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "validUntil lies before validFrom" });
    }
    if (e.certainty !== "settled" && !e.local) {
      ctx.addIssue({
        code: "custom",
        path: ["local"],
        message: "an entry that is not settled must say in `local` what to check locally",
      });
    }
  });

export const MapFileSchema = z.strictObject({
  entries: z.array(z.unknown()).min(1, { message: "a map file needs an `entries:` list with at least one entry" }),
});

export const LawInfoSchema = z.strictObject({
  id: lawId,
  purpose: z.string().min(20, { message: "describe the purpose (grondwaarde) of the law in B1 Dutch" }),
  source: SourceSchema,
});

export const LawsFileSchema = z.strictObject({ laws: z.array(LawInfoSchema).min(1) });

export type AanZetItem = z.infer<typeof AanZetItemSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type MapEntry = z.infer<typeof EntrySchema>;
export type LawInfo = z.infer<typeof LawInfoSchema>;
export type Topic = (typeof TOPICS)[number];
