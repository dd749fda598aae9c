// The regulation map's shape. Every entry is validated at boot and by `aanzet map check`;
// errors must name file, entry id and field, so keep messages specific and say how to fix.
import { z } from "zod";
import { isCalendarDay } from "./dates.js";
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

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "use a date as YYYY-MM-DD, e.g. 2026-11-01" })
  .refine(isCalendarDay, { message: "this date is not on the calendar (check day and month)" });

/** Where a person lives or stays: decides between Wmo/Zvw (thuis) and Wlz (instelling), etc. */
export const SETTINGS = [
  "thuis",
  "wlz-instelling",
  "ziekenhuis",
  "opvang",
  "beschermd-wonen",
  "detentie",
  "dakloos",
] as const;
/** Main income or regime of the household. */
export const INCOMES = ["bijstand", "aow", "studiefinanciering", "werk", "uwv-uitkering", "geen-inkomen"] as const;
/** Debt regimes; several can hold at once. */
export const DEBT_REGIMES = ["wsnp", "msnp", "bewind", "beslag"] as const;

const oneOrMore = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.union([z.enum(values), z.array(z.enum(values)).min(1)], {
    message: `${what} must be one of: ${values.join(", ")} (or a list of them)`,
  });

/**
 * Case facts an entry or one of its aanZet lines needs (`when:`). Every key is optional; a
 * listed key must hold for the line to apply. Ages: `ageFrom` is inclusive, `ageBelow` exclusive
 * (`ageBelow: 18` = minderjarig). A list means "any of these". The fact ids and the Dutch words
 * that state them live in map/facts.yaml.
 */
export const WhenSchema = z
  .strictObject({
    ageFrom: z.number().int().min(0).max(120).optional(),
    ageBelow: z.number().int().min(1).max(121).optional(),
    wlz: z.union([z.boolean(), z.literal("aangevraagd")]).optional(),
    setting: oneOrMore(SETTINGS, "setting").optional(),
    income: oneOrMore(INCOMES, "income").optional(),
    debt: oneOrMore(DEBT_REGIMES, "debt").optional(),
    children: z.boolean().optional(),
    partner: z.boolean().optional(),
    /** Need is temporary (e.g. under 26 weeks) or lasting. */
    duration: z.enum(["tijdelijk", "blijvend"]).optional(),
    /** Another counter already refused (gap questions: who pays the difference?). */
    refused: z.boolean().optional(),
  })
  .refine((w) => w.ageFrom === undefined || w.ageBelow === undefined || w.ageFrom < w.ageBelow, {
    message: "ageFrom must be lower than ageBelow",
  });

export type When = z.infer<typeof WhenSchema>;
export type Setting = (typeof SETTINGS)[number];

export const REVIEWER_ROLES = ["maatwerkcoach", "jurist", "beleidsadviseur", "programmalead", "redactie"] as const;

/**
 * A capitalised word, initials ("J. de Vries") or an e-mail address: a person, not a role.
 * Only used to word the error; any value outside REVIEWER_ROLES is rejected anyway.
 */
function looksLikeName(value: unknown): boolean {
  return (
    typeof value === "string" && (/\p{Lu}/u.test(value) || /@|\b\p{L}\.\s/u.test(value) || /\s/.test(value.trim()))
  );
}

const reviewerRole = z.enum(REVIEWER_ROLES, {
  error: (issue) =>
    looksLikeName(issue.input)
      ? `reviewedBy looks like a person's name: record the reviewer's role, never a name (one of: ${REVIEWER_ROLES.join(", ")})`
      : `reviewedBy must be one of: ${REVIEWER_ROLES.join(", ")}`,
});

/** A bill (wetsvoorstel) that may change this entry: data, not prose, so a watch can list them. */
export const PendingBillSchema = z.strictObject({
  // YAML reads an unquoted 36713 as a number; the dossier number is an id, so take it as text.
  kamerstuk: z.preprocess(
    (v) => (typeof v === "number" ? String(v) : v),
    z
      .string({ message: "kamerstuk is the dossier number, e.g. 36713" })
      .regex(/^\d{5}(-[A-Z0-9]+)?$/, { message: "kamerstuk is the dossier number, e.g. 36713" }),
  ),
  title: z.string().min(5),
  status: z.enum(
    [
      "ingediend",
      "aangenomen-tk",
      "aangenomen-ek",
      "aangenomen",
      "verworpen",
      "ingetrokken",
      "in-werking",
      "controversieel",
    ],
    {
      message:
        "status: ingediend, aangenomen-tk, aangenomen-ek, aangenomen, verworpen, ingetrokken, in-werking or controversieel",
    },
  ),
  checked: isoDate,
  /** Planned or actual date of entry into force, when known. */
  inForce: isoDate.optional(),
  note: z.string().min(5).max(300).optional(),
});
export type PendingBill = z.infer<typeof PendingBillSchema>;

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
  /** Deep link to the article, preferably on wetten.overheid.nl. */
  url: z
    .string()
    .url({ message: "url must be a full https:// link to the article" })
    .refine((u) => u.startsWith("https://"), { message: "use an https:// link" })
    .optional(),
  role: z.enum(["primary", "fallback", "escalation"], {
    message: "role must be primary, fallback or escalation",
  }),
  condition: z
    .string()
    .min(8, { message: "say in one sentence when this actor is aan zet" })
    .max(300, { message: "keep the condition to one short sentence (max 300 characters)" }),
  /** The case facts under which this line applies (see WhenSchema). */
  when: WhenSchema.optional(),
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
    /** Concept ids from map/thesaurus/ that this entry is about (everyday words reach it). */
    concepts: z
      .array(z.string().regex(idPattern, { message: "concept ids are lowercase words joined by hyphens" }))
      .default([]),
    /** The case facts this entry needs as a whole (see WhenSchema). */
    when: WhenSchema.optional(),
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
    /** Role of who reviewed it (never a name). */
    reviewedBy: reviewerRole.optional(),
    /** Date of the law version (wetten.overheid.nl "geldend van") the entry was checked against. */
    lawVersion: isoDate.optional(),
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
    /** Id of the entry this one replaces from validFrom (the same rule in an earlier year). */
    supersedes: z.string().regex(idPattern).optional(),
    /** Bills that may change this entry. */
    pending: z.array(PendingBillSchema).default([]),
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

/** map/thesaurus/*.yaml: everyday words and phrases that name a concept of the map. */
export const ConceptSchema = z.strictObject({
  id: z.string().regex(idPattern, { message: "concept ids are lowercase words joined by hyphens" }),
  label: z.string().min(2).max(80),
  /** Words and phrases, as workers type them, that mean this concept. */
  phrases: z.array(z.string().min(2).max(80)).min(1, { message: "a concept needs at least one phrase" }),
  /** Broader concepts (e.g. traplift -> woonvoorziening). */
  broader: z.array(z.string().regex(idPattern)).default([]),
});
export const ThesaurusFileSchema = z.strictObject({
  concepts: z.array(ConceptSchema).min(1, { message: "a thesaurus file needs a `concepts:` list" }),
});
export type Concept = z.infer<typeof ConceptSchema>;

/** map/facts.yaml: how case facts are stated in chat (cue phrases per fact value). */
export const FactCueSchema = z.strictObject({
  /** Fact id, as in WhenSchema (ageFrom/ageBelow read the fact `age`). */
  fact: z.enum(["wlz", "setting", "income", "debt", "children", "partner", "duration", "refused"]),
  /** The value these cues state: true/false for yes-no facts, else one of the fact's values. */
  value: z.union([z.boolean(), z.string().min(2)]),
  /** Dutch phrase for "Ik ga ervan uit: ...", e.g. "woont thuis". */
  label: z.string().min(3).max(60),
  /** The one question to ask when this fact decides between actors ("Heeft de persoon een Wlz-indicatie?"). */
  ask: z.string().min(8).max(100).optional(),
  cues: z.array(z.string().min(2).max(60)).min(1),
});
export const FactsFileSchema = z.strictObject({
  facts: z.array(FactCueSchema).min(1),
  /** Words that flip a following cue ("geen wlz", "niet meer thuis"). */
  negations: z.array(z.string().min(2)).min(1),
  /**
   * Ways of asking "wie is aan zet?" ("wie betaalt", "bij wie", "recht op"): a message asked
   * like this is a social-domain question even when the map knows none of its words, so an
   * abstain says "not covered" (a gap for the coach), not "off-topic".
   */
  askForms: z.array(z.string().min(3)).default([]),
});
export type FactCue = z.infer<typeof FactCueSchema>;

export type AanZetItem = z.infer<typeof AanZetItemSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type MapEntry = z.infer<typeof EntrySchema>;
export type LawInfo = z.infer<typeof LawInfoSchema>;
export type Topic = (typeof TOPICS)[number];
