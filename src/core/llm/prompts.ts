// Prompt templates: one file per task in prompts/, with front matter naming the variables the
// text uses as {{name}}. The code fills exactly the variables listed here; the loader checks
// each file against this list so a typo shows at start and in `aanzet map check`, not as a
// silently empty hole in a prompt. Only trusted values (map data, limits) are templated in:
// the worker's question always travels separately, as data in the user message.
import type { ContentProblem } from "../map/problems.js";

/** Variables the code provides per prompt. */
export const PROMPT_SPECS = {
  system: ["max_words"],
  "rewrite-question": ["age_groups"],
  "phrase-answer": ["entries", "primary_actor", "max_words"],
} as const satisfies Record<string, readonly string[]>;

export type PromptName = keyof typeof PROMPT_SPECS;
export const PROMPT_NAMES = Object.keys(PROMPT_SPECS) as PromptName[];

export interface PromptTemplate {
  name: PromptName;
  /** Display path of the file, for problems. */
  file: string;
  description: string;
  /** Declared variables (front matter). */
  variables: string[];
  body: string;
}

export type PromptSet = Record<PromptName, PromptTemplate>;

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const NAME = /^[a-z][a-z0-9_]*$/;

/** Names used as {{name}} in a template body (trimmed), in order of first use. */
export function usedVariables(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(PLACEHOLDER)) {
    const v = m[1]!.trim();
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** Problems of one template against its declaration and what the code provides. */
export function checkTemplate(t: { name: string; file: string; variables: string[]; body: string }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const err = (field: string, message: string): void => {
    problems.push({ file: t.file, item: t.name, field, message, severity: "error" });
  };
  const spec = (PROMPT_SPECS as Record<string, readonly string[]>)[t.name];
  if (!spec) {
    err("name", `unknown prompt "${t.name}": the code uses ${PROMPT_NAMES.join(", ")}`);
    return problems;
  }
  const used = usedVariables(t.body);
  for (const v of used) {
    if (!NAME.test(v))
      err(`{{${v}}}`, `"{{${v}}}" is not a valid variable: use lowercase letters, digits and _ (e.g. {{max_words}})`);
    else if (!t.variables.includes(v)) {
      err(
        `{{${v}}}`,
        spec.includes(v)
          ? `the text uses {{${v}}} but the front matter does not list it under variables`
          : `unknown variable {{${v}}}: the code fills only ${spec.map((s) => `{{${s}}}`).join(", ")}`,
      );
    }
  }
  for (const v of t.variables) {
    if (!spec.includes(v))
      err(`variables.${v}`, `unknown variable "${v}": the code fills only ${spec.join(", ")}; remove it`);
    else if (!used.includes(v)) err(`variables.${v}`, `variable "${v}" is listed but the text never uses {{${v}}}`);
  }
  for (const v of spec) {
    if (!t.variables.includes(v) && !used.includes(v)) {
      err(`variables.${v}`, `missing variable "${v}": list it under variables and use {{${v}}} in the text`);
    }
  }
  if (t.body.trim().length < 20) err("body", "the prompt text is empty or too short");
  return problems;
}

/** Fill a template. Values are inserted once (a value holding "{{x}}" stays as it is). */
export function renderPrompt(t: PromptTemplate, values: Partial<Record<string, string>>): string {
  return t.body
    .replace(PLACEHOLDER, (whole, raw: string) => {
      const v = values[raw.trim()];
      if (v === undefined) throw new Error(`prompt ${t.name}: no value for {{${raw.trim()}}}`);
      return v;
    })
    .trim();
}
