// Loads prompts/ from disk: one Markdown file per task (system.md, rewrite-question.md,
// phrase-answer.md) with YAML front matter naming the variables the text uses as {{name}}.
// Never throws on bad content: problems come back with file, prompt and variable, for the
// start-up check (loadValidPrompts) and `aanzet map check`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseDocument } from "yaml";
import { z } from "zod";
import { AanzetError } from "../core/errors.js";
import {
  PROMPT_NAMES,
  checkTemplate,
  type PromptName,
  type PromptSet,
  type PromptTemplate,
} from "../core/llm/prompts.js";
import { formatProblem, type ContentProblem } from "../core/map/problems.js";
import { zodProblems } from "./map-loader.js";

const FrontMatterSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().min(5, { message: "say in one line what this prompt is for" }),
  variables: z
    .union([z.array(z.string()), z.record(z.string(), z.string())], {
      message: "list the variables the text uses, e.g. `variables: { max_words: the word limit }`",
    })
    .nullish(),
});

export interface PromptLoadResult {
  /** All prompts, when every file loaded without errors. */
  prompts?: PromptSet | undefined;
  problems: ContentProblem[];
  files: number;
}

function display(root: string, path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith("..") ? rel : path;
}

/** Split `---\nyaml\n---\nbody`; undefined when the file has no front matter. */
function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1]!, body: text.slice(m[0].length), bodyLine: m[0].split("\n").length };
}

function loadOne(
  path: string,
  shown: string,
  name: PromptName,
  problems: ContentProblem[],
): PromptTemplate | undefined {
  const err = (field: string, message: string): void => {
    problems.push({ file: shown, item: name, field, message, severity: "error" });
  };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    err("-", `cannot read file: ${(e as Error).message}`);
    return undefined;
  }
  const parts = splitFrontMatter(text);
  if (!parts) {
    err(
      "-",
      "the file must start with front matter: a line `---`, `description:` and `variables:`, and a closing `---`",
    );
    return undefined;
  }
  const doc = parseDocument(parts.yaml, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0];
      err(
        "-",
        `YAML syntax error in the front matter${pos ? ` (line ${pos.line + 1})` : ""}: ${e.message.split("\n")[0]}`,
      );
    }
    return undefined;
  }
  const fm = FrontMatterSchema.safeParse(doc.toJS() ?? {});
  if (!fm.success) {
    problems.push(...zodProblems(fm.error, shown, name));
    return undefined;
  }
  if (fm.data.name !== undefined && fm.data.name !== name) {
    err("name", `name "${fm.data.name}" does not match the file name; use "${name}" or remove the line`);
  }
  const declared = fm.data.variables ?? [];
  const variables = Array.isArray(declared) ? declared : Object.keys(declared);
  const template: PromptTemplate = { name, file: shown, description: fm.data.description, variables, body: parts.body };
  const found = checkTemplate(template);
  problems.push(...found);
  return found.some((p) => p.severity === "error") ? undefined : template;
}

/** Load and check every prompt in `dir`. `root` is the directory display paths are relative to. */
export function loadPrompts(dir: string, root = join(dir, "..")): PromptLoadResult {
  const problems: ContentProblem[] = [];
  const dirShown = display(root, dir);
  if (!existsSync(dir)) {
    problems.push({
      file: dirShown,
      item: "-",
      field: "-",
      message: "prompts directory not found (set AANZET_PROMPTS_DIR or add prompts/)",
      severity: "error",
    });
    return { problems, files: 0 };
  }
  const present = readdirSync(dir).filter((f) => f.endsWith(".md") && f.toLowerCase() !== "readme.md");
  const loaded: Partial<PromptSet> = {};
  for (const name of PROMPT_NAMES) {
    const path = join(dir, `${name}.md`);
    const shown = display(root, path);
    if (!existsSync(path)) {
      problems.push({
        file: shown,
        item: name,
        field: "-",
        message: `missing prompt file: the bot needs ${name}.md for this task`,
        severity: "error",
      });
      continue;
    }
    const t = loadOne(path, shown, name, problems);
    if (t) loaded[name] = t;
  }
  for (const f of present) {
    if (!(PROMPT_NAMES as string[]).includes(f.replace(/\.md$/, ""))) {
      problems.push({
        file: display(root, join(dir, f)),
        item: "-",
        field: "-",
        message: `not a prompt the bot uses (${PROMPT_NAMES.join(", ")}); rename or remove it`,
        severity: "warning",
      });
    }
  }
  const complete = PROMPT_NAMES.every((n) => loaded[n]) && !problems.some((p) => p.severity === "error");
  return { prompts: complete ? (loaded as PromptSet) : undefined, problems, files: present.length };
}

/** Load prompts for the running bot; refuses to start on errors (English, for operators). */
export function loadValidPrompts(dir: string, root?: string): PromptSet {
  const result = loadPrompts(dir, root);
  const errors = result.problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !result.prompts) {
    const shown = errors.slice(0, 5).map(formatProblem).join("\n");
    throw new AanzetError(
      "PROMPT_INVALID",
      `the prompts have ${errors.length} error(s); run \`aanzet map check\`:\n${shown}`,
    );
  }
  return result.prompts;
}
