// The shape of a dialogue flow as data (flows/*.yaml). Steps refer to message keys only; the
// Dutch wording sits in flows/messages.nl.yaml. zod checks the shape, graph-check.ts the links.
import { z } from "zod";

/** The reserved `next` target that finishes the flow. */
export const END = "end";

/** Computed content a step can show above its question (see computed.ts). */
export const COMPUTED_KINDS = ["law-purposes", "legal-room", "outcomes"] as const;
export type ComputedKind = (typeof COMPUTED_KINDS)[number];

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = (what: string) =>
  z.string().regex(idPattern, { message: `${what} ids are lowercase words joined by hyphens, e.g. wens-inwoner` });

/** A message key in the catalogue: dotted lowercase words, e.g. `toets.doel.vraag`. */
const key = z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/, {
  message: "message keys are dotted lowercase words, e.g. toets.doel.vraag",
});

const OptionSchema = z.strictObject({
  value: z.string().regex(/^[a-z0-9-]+$/, { message: "an option value is one lowercase word, e.g. ja or deels" }),
  label: key,
});

const ValidationSchema = z.strictObject({
  minLength: z.number().int().min(1).optional(),
  maxLength: z.number().int().min(1).optional(),
  pattern: z.string().min(1).optional(),
  /** Message key shown when the pattern does not match. */
  message: key.optional(),
});

const BranchSchema = z.strictObject({
  when: z.string().min(1, { message: "`when` needs the option value this branch is for" }),
  goto: z.string().min(1),
  outcome: id("outcome").optional(),
});
const DefaultSchema = z.strictObject({
  default: z.string().min(1),
  outcome: id("outcome").optional(),
});

/** `next: stap-id`, or a list of `{when, goto}` branches with one `{default}` at the end. */
const NextSchema = z.union([
  z.string().min(1),
  z
    .array(z.union([BranchSchema, DefaultSchema]), {
      message: "next is a step id, or a list of `- when: <value>` / `goto: <step>` items plus `- default: <step>`",
    })
    .min(1),
]);

export const StepSchema = z.strictObject({
  id: id("step").refine((s) => s !== END, {
    message: `"${END}" is reserved for finishing the flow; pick another step id`,
  }),
  /** The question (message key). */
  message: key,
  /** Short heading for this answer in the decision record; default: the step id. */
  label: key.optional(),
  input: z.enum(["text", "choice", "yesno"], { message: "input must be text, choice or yesno" }),
  options: z.array(OptionSchema).optional(),
  validation: ValidationSchema.optional(),
  help: key.optional(),
  skippable: z.boolean().default(false),
  /** Computed content shown above the question. */
  show: z.enum(COMPUTED_KINDS, { message: `show must be one of: ${COMPUTED_KINDS.join(", ")}` }).optional(),
  /** This answer describes the case: computed content searches the map with it. */
  caseText: z.boolean().default(false),
  next: NextSchema,
});

const OutcomeSchema = z.strictObject({
  /** Short name for the record and the note, e.g. "Maatwerkbudget". */
  label: key,
  /** The advice shown to the worker. */
  advice: key,
  /** Route id from map/vocabulary.json, for the record. */
  route: z.string().optional(),
});

export const FlowSchema = z.strictObject({
  id: id("flow"),
  title: key,
  intro: key,
  start: z.strictObject({
    /** Slash commands without the slash, e.g. [toets]. */
    commands: z
      .array(z.string().regex(/^[a-z][a-z0-9-]*$/, { message: "a command is one lowercase word without the slash" }))
      .default([]),
    /** Whole messages that start the flow, e.g. "omgekeerde toets" (a question never does). */
    phrases: z.array(z.string().min(3)).default([]),
    /** Label of the start button offered under answers; no button when absent. */
    button: key.optional(),
  }),
  record: z.strictObject({
    title: key,
    /** Step whose answer is the worker's conclusion. */
    conclusion: z.string().min(1).optional(),
    /** Step whose answer lists the alternatives considered (own section in the record). */
    alternatives: z.string().min(1).optional(),
    /** Step whose answer is the decision that followed (beschikking, date). */
    decision: z.string().min(1).optional(),
    /** A template to copy (e.g. the escalation note); `{step-id}` is that step's answer. */
    note: key.optional(),
  }),
  outcomes: z
    .record(
      z.string().regex(idPattern, { message: "outcome ids are lowercase words joined by hyphens" }),
      OutcomeSchema,
    )
    .default({}),
  steps: z.array(z.unknown()).min(1, { message: "a flow needs at least one step under `steps:`" }),
});

export type FlowOption = z.infer<typeof OptionSchema>;
export type StepDef = z.infer<typeof StepSchema>;
export type OutcomeDef = z.infer<typeof OutcomeSchema>;
export type NextDef = StepDef["next"];

/** A validated flow with its steps parsed. */
export interface FlowDef extends Omit<z.infer<typeof FlowSchema>, "steps"> {
  steps: StepDef[];
  /** Display path of the file it came from (for problems). */
  file: string;
}
