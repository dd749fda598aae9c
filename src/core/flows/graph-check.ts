// Validation of flows as data: the zod shape per step, then the graph (every `next` resolves,
// every step is reachable, every path can finish) and the wording (every message key exists).
// Each problem names file, flow/step and field, and says how to fix it.
import type { z } from "zod";
import type { ContentProblem } from "../map/problems.js";
import { ENGINE_KEYS, placeholders, type Messages } from "./messages.js";
import { END, FlowSchema, StepSchema, type FlowDef, type StepDef } from "./schema.js";

function problem(
  file: string,
  item: string,
  field: string,
  message: string,
  severity: "error" | "warning" = "error",
): ContentProblem {
  return { file, item, field, message, severity };
}

function issues(error: z.ZodError, file: string, item: string, prefix = ""): ContentProblem[] {
  return error.issues.map((i) =>
    problem(file, item, [prefix, ...i.path.map(String)].filter(Boolean).join(".") || "-", i.message),
  );
}

/** Parse one flow file's data; problems name the step ids (not indexes) where possible. */
export function parseFlow(data: unknown, file: string): { flow?: FlowDef; problems: ContentProblem[] } {
  const rawId = data && typeof data === "object" && "id" in data ? String((data as { id: unknown }).id) : "-";
  const top = FlowSchema.safeParse(data);
  if (!top.success) return { problems: issues(top.error, file, rawId) };
  const problems: ContentProblem[] = [];
  const steps: StepDef[] = [];
  top.data.steps.forEach((raw, index) => {
    const stepId =
      raw && typeof raw === "object" && "id" in raw ? String((raw as { id: unknown }).id) : `#${index + 1}`;
    const parsed = StepSchema.safeParse(raw);
    if (!parsed.success) problems.push(...issues(parsed.error, file, `${top.data.id}/${stepId}`));
    else steps.push(parsed.data);
  });
  if (problems.length > 0) return { problems };
  return { flow: { ...top.data, steps, file }, problems };
}

/** Targets a step can go to, with the answer value that leads there (undefined = always/default). */
export function targets(step: StepDef): Array<{ when?: string; goto: string; outcome?: string }> {
  if (typeof step.next === "string") return [{ goto: step.next }];
  return step.next.map((b) =>
    "when" in b
      ? { when: b.when, goto: b.goto, ...(b.outcome ? { outcome: b.outcome } : {}) }
      : { goto: b.default, ...(b.outcome ? { outcome: b.outcome } : {}) },
  );
}

/** Values a step's answer can take, for branching; undefined for free text. */
export function answerValues(step: StepDef): string[] | undefined {
  if (step.input === "yesno") return ["ja", "nee"];
  if (step.input === "choice") return (step.options ?? []).map((o) => o.value);
  return undefined;
}

/** Every message key a flow refers to, with the field it sits in. */
function keysOf(flow: FlowDef): Array<{ item: string; field: string; key: string }> {
  const out: Array<{ item: string; field: string; key: string }> = [];
  const f = (field: string, key: string | undefined) => key && out.push({ item: flow.id, field, key });
  f("title", flow.title);
  f("intro", flow.intro);
  f("start.button", flow.start.button);
  f("record.title", flow.record.title);
  f("record.note", flow.record.note);
  for (const [id, o] of Object.entries(flow.outcomes)) {
    f(`outcomes.${id}.label`, o.label);
    f(`outcomes.${id}.advice`, o.advice);
  }
  for (const s of flow.steps) {
    const item = `${flow.id}/${s.id}`;
    const g = (field: string, key: string | undefined) => key && out.push({ item, field, key });
    g("message", s.message);
    g("label", s.label);
    g("help", s.help);
    g("validation.message", s.validation?.message);
    (s.options ?? []).forEach((o, i) => g(`options.${i}.label`, o.label));
  }
  return out;
}

/** Graph and wording checks for one parsed flow against the catalogue. */
export function checkFlow(flow: FlowDef, messages: Messages, routeIds?: readonly string[]): ContentProblem[] {
  const file = flow.file;
  const out: ContentProblem[] = [];
  const at = (s: StepDef) => `${flow.id}/${s.id}`;
  const ids = new Set<string>();
  for (const s of flow.steps) {
    if (ids.has(s.id)) out.push(problem(file, at(s), "id", `duplicate step id "${s.id}": give every step its own id`));
    ids.add(s.id);
  }
  const byId = new Map(flow.steps.map((s) => [s.id, s]));

  for (const s of flow.steps) {
    if (s.input === "choice" && (s.options ?? []).length < 2) {
      out.push(problem(file, at(s), "options", "a choice step needs at least two `options` (value + label)"));
    }
    if (s.input !== "choice" && s.options) {
      out.push(
        problem(file, at(s), "options", `options only work with input: choice (this step has input: ${s.input})`),
      );
    }
    const values = (s.options ?? []).map((o) => o.value);
    const dup = values.find((v, i) => values.indexOf(v) !== i);
    if (dup) out.push(problem(file, at(s), "options", `option value "${dup}" appears twice`));
    if (s.validation?.pattern) {
      try {
        new RegExp(s.validation.pattern, "u");
      } catch {
        out.push(problem(file, at(s), "validation.pattern", "the pattern is not a valid regular expression"));
      }
    }
    if (s.validation && s.input !== "text") {
      out.push(problem(file, at(s), "validation", "validation only applies to input: text"));
    }
    const allowed = answerValues(s);
    const list = targets(s);
    if (Array.isArray(s.next)) {
      const defaults = s.next.filter((b) => "default" in b).length;
      if (defaults !== 1)
        out.push(problem(file, at(s), "next", "a branching `next` needs exactly one `- default: <step>` item"));
      if (!allowed)
        out.push(
          problem(
            file,
            at(s),
            "next",
            "branching on the answer needs input: choice or yesno; use `next: <step>` for text",
          ),
        );
    }
    for (const t of list) {
      if (t.goto !== END && !byId.has(t.goto)) {
        out.push(
          problem(
            file,
            at(s),
            "next",
            `goes to unknown step "${t.goto}": use a step id of this flow, or "${END}" to finish`,
          ),
        );
      }
      if (t.when !== undefined && allowed && !allowed.includes(t.when)) {
        out.push(
          problem(
            file,
            at(s),
            "next",
            `branch on "${t.when}", which is not an answer of this step (${allowed.join(", ")})`,
          ),
        );
      }
      if (t.outcome && !flow.outcomes[t.outcome]) {
        out.push(problem(file, at(s), "next", `unknown outcome "${t.outcome}": add it under \`outcomes:\` first`));
      }
    }
  }

  // Reachability from the first step, and whether each step can still finish.
  const first = flow.steps[0];
  if (first) {
    const seen = new Set<string>([first.id]);
    const queue = [first.id];
    while (queue.length > 0) {
      const s = byId.get(queue.shift()!);
      if (!s) continue;
      for (const t of targets(s)) {
        if (t.goto !== END && byId.has(t.goto) && !seen.has(t.goto)) {
          seen.add(t.goto);
          queue.push(t.goto);
        }
      }
    }
    for (const s of flow.steps) {
      if (!seen.has(s.id)) {
        out.push(
          problem(file, at(s), "id", `step "${s.id}" is unreachable: no \`next\` leads to it from the first step`),
        );
      }
    }
    const finishes = new Set<string>();
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of flow.steps) {
        if (finishes.has(s.id)) continue;
        if (targets(s).some((t) => t.goto === END || finishes.has(t.goto))) {
          finishes.add(s.id);
          grew = true;
        }
      }
    }
    // A `next` to an unknown step already explains why paths cannot finish; say it once.
    const dangling = flow.steps.some((s) => targets(s).some((t) => t.goto !== END && !byId.has(t.goto)));
    for (const s of flow.steps) {
      if (!dangling && seen.has(s.id) && !finishes.has(s.id)) {
        out.push(
          problem(file, at(s), "next", `from step "${s.id}" the flow can never finish: let some path reach "${END}"`),
        );
      }
    }
  }

  for (const [field, what] of [
    ["conclusion", "the conclusion"],
    ["alternatives", "the alternatives considered"],
    ["decision", "the decision that followed"],
  ] as const) {
    const id = flow.record[field];
    if (id && !byId.has(id))
      out.push(problem(file, flow.id, `record.${field}`, `unknown step "${id}": name the step that asks for ${what}`));
  }
  for (const [id, o] of Object.entries(flow.outcomes)) {
    if (o.route && routeIds && !routeIds.includes(o.route)) {
      out.push(
        problem(
          file,
          flow.id,
          `outcomes.${id}.route`,
          `unknown route id "${o.route}": use a route from map/vocabulary.json`,
        ),
      );
    }
  }
  const needsCase = flow.steps.some((s) => s.show === "law-purposes" || s.show === "legal-room");
  if (needsCase && !flow.steps.some((s) => s.caseText)) {
    out.push(
      problem(
        file,
        flow.id,
        "steps",
        "a step shows map content but no step has `caseText: true` to search the map with",
      ),
    );
  }

  for (const k of keysOf(flow)) {
    if (!messages.has(k.key)) {
      out.push(
        problem(
          file,
          k.item,
          k.field,
          `message key "${k.key}" is missing from flows/messages.nl.yaml: add the Dutch text there`,
        ),
      );
    }
  }
  if (flow.record.note) {
    const template = messages.raw(flow.record.note) ?? "";
    const known = new Set([...byId.keys(), ...NOTE_VARS]);
    for (const name of placeholders(template)) {
      if (!known.has(name)) {
        out.push(
          problem(
            file,
            flow.id,
            "record.note",
            `the note "${flow.record.note}" uses {${name}}, which is no step id of this flow nor one of ${NOTE_VARS.join(", ")}`,
          ),
        );
      }
    }
  }
  return out;
}

/** Placeholders a note template may use besides step ids. */
export const NOTE_VARS = ["id", "datum", "uitkomst", "flow"] as const;

/** Flow ids must be unique, commands too; engine keys must be in the catalogue. */
export function checkFlowSet(flows: FlowDef[], messages: Messages, catalogueFile: string): ContentProblem[] {
  const out: ContentProblem[] = [];
  const ids = new Map<string, string>();
  const commands = new Map<string, string>();
  for (const f of flows) {
    const earlier = ids.get(f.id);
    if (earlier)
      out.push(problem(f.file, f.id, "id", `duplicate flow id (also in ${earlier}); give each flow its own id`));
    ids.set(f.id, f.file);
    for (const c of f.start.commands) {
      const other = commands.get(c);
      if (other && other !== f.id)
        out.push(problem(f.file, f.id, "start.commands", `command /${c} also starts flow "${other}"`));
      if (["help", "export"].includes(c))
        out.push(problem(f.file, f.id, "start.commands", `/${c} is taken by the bot itself; pick another command`));
      commands.set(c, f.id);
    }
  }
  for (const key of ENGINE_KEYS) {
    if (!messages.has(key))
      out.push(problem(catalogueFile, "-", key, `message key "${key}" is used by the flow engine and must be present`));
  }
  return out;
}
