// Loads map/ from disk: entries/*.yaml, laws.yaml and tenants/<tenant>/*.yaml, validated by
// the zod schemas in core. Never throws on bad content: every problem is returned with file,
// entry id and field so `aanzet map check` can list them all at once.
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import {
  type Concept,
  EntrySchema,
  type FactCue,
  FactsFileSchema,
  LawsFileSchema,
  MapFileSchema,
  ThesaurusFileSchema,
  type LawInfo,
  type MapEntry,
} from "../core/map/schema.js";
import type { ContentProblem } from "../core/map/problems.js";
import { reviewDue } from "../core/map/review-due.js";
import { RegulationMap } from "../core/map/regulation-map.js";
import { normalize } from "../core/text/normalize.js";

export interface MapLoadResult {
  map: RegulationMap;
  problems: ContentProblem[];
  files: number;
  /** Entry id -> the file it came from (base entries; tenant entries keyed `tenant/id`). */
  origin: Map<string, string>;
}

/** Parse one YAML file; a syntax error becomes a problem with line and column. */
export function readYaml(path: string, display: string, problems: ContentProblem[]): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    problems.push({
      file: display,
      item: "-",
      field: "-",
      message: `cannot read file: ${(err as Error).message}`,
      severity: "error",
    });
    return undefined;
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0];
      const at = pos ? ` (line ${pos.line}, column ${pos.col})` : "";
      problems.push({
        file: display,
        item: "-",
        field: "-",
        message: `YAML syntax error${at}: ${e.message.split("\n")[0]}. Check indentation and quotes.`,
        severity: "error",
      });
    }
    return undefined;
  }
  try {
    return doc.toJS();
  } catch (err) {
    // yaml refuses alias bombs ("billion laughs") and similar only while converting.
    problems.push({
      file: display,
      item: "-",
      field: "-",
      message: `YAML cannot be read: ${(err as Error).message}. Remove anchors/aliases (&x, *x).`,
      severity: "error",
    });
    return undefined;
  }
}

/** Turn zod issues into problems for one item. */
export function zodProblems(error: z.ZodError, file: string, item: string): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    item,
    field: issue.path.length > 0 ? issue.path.join(".") : "-",
    message: issue.message,
    severity: "error" as const,
  }));
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort()
    .map((f) => join(dir, f));
}

function loadEntryFiles(
  files: string[],
  root: string,
  problems: ContentProblem[],
  origin?: Map<string, string>,
  prefix = "",
): MapEntry[] {
  const entries: MapEntry[] = [];
  const seen = new Map<string, string>();
  for (const path of files) {
    const display = relative(root, path) || path;
    const data = readYaml(path, display, problems);
    if (data === undefined) continue;
    const file = MapFileSchema.safeParse(data);
    if (!file.success) {
      problems.push(...zodProblems(file.error, display, "-"));
      continue;
    }
    file.data.entries.forEach((raw, index) => {
      const rawId =
        typeof raw === "object" && raw && "id" in raw ? String((raw as { id: unknown }).id) : `#${index + 1}`;
      const parsed = EntrySchema.safeParse(raw);
      if (!parsed.success) {
        problems.push(...zodProblems(parsed.error, display, rawId));
        return;
      }
      const entry = parsed.data;
      const earlier = seen.get(entry.id);
      if (earlier) {
        problems.push({
          file: display,
          item: entry.id,
          field: "id",
          message: `duplicate id (also in ${earlier}); give each entry its own id`,
          severity: "error",
        });
        return;
      }
      seen.set(entry.id, display);
      origin?.set(prefix + entry.id, display);
      entries.push(entry);
    });
  }
  return entries;
}

function loadLaws(path: string, root: string, problems: ContentProblem[]): LawInfo[] {
  if (!existsSync(path)) return [];
  const display = relative(root, path);
  const data = readYaml(path, display, problems);
  if (data === undefined) return [];
  const parsed = LawsFileSchema.safeParse(data);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, display, "laws"));
    return [];
  }
  return parsed.data.laws;
}

/** Review-date warnings: entries whose reviewBy (default reviewedOn + the review interval) has passed. */
export function reviewWarnings(
  entries: MapEntry[],
  today: string,
  fileOf: (id: string) => string = () => "map",
): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const e of entries) {
    const file = fileOf(e.id);
    const due = reviewDue(e);
    if (due < today) {
      out.push({
        file,
        item: e.id,
        field: "reviewedOn",
        message: `review is overdue (was due ${due}): check the entry against current law and update reviewedOn`,
        severity: "warning",
      });
    }
    if (e.reviewedOn > today) {
      out.push({
        file,
        item: e.id,
        field: "reviewedOn",
        message: `reviewedOn ${e.reviewedOn} lies in the future`,
        severity: "error",
      });
    }
    e.pending.forEach((bill, i) => {
      if (bill.checked > today) {
        out.push({
          file,
          item: e.id,
          field: `pending.${i}.checked`,
          message: `bill ${bill.kamerstuk} was checked on ${bill.checked}, which lies in the future`,
          severity: "error",
        });
      }
      if (bill.status === "in-werking" && bill.inForce && bill.inForce <= today) {
        out.push({
          file,
          item: e.id,
          field: `pending.${i}.status`,
          message: `bill ${bill.kamerstuk} is in force since ${bill.inForce}: bring the entry up to date and remove the bill from pending`,
          severity: "warning",
        });
      }
    });
  }
  return out;
}

function loadThesaurus(dir: string, root: string, problems: ContentProblem[]): Concept[] {
  const concepts: Concept[] = [];
  const ids = new Map<string, string>();
  const phrases = new Map<string, string>();
  for (const path of yamlFiles(dir)) {
    const display = relative(root, path) || path;
    const data = readYaml(path, display, problems);
    if (data === undefined) continue;
    const parsed = ThesaurusFileSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, display, "concepts"));
      continue;
    }
    for (const c of parsed.data.concepts) {
      const earlier = ids.get(c.id);
      if (earlier) {
        problems.push({
          file: display,
          item: c.id,
          field: "id",
          message: `duplicate concept id (also in ${earlier})`,
          severity: "error",
        });
        continue;
      }
      ids.set(c.id, display);
      for (const phrase of c.phrases) {
        const key = normalize(phrase);
        const other = phrases.get(key);
        if (other && other !== c.id) {
          problems.push({
            file: display,
            item: c.id,
            field: "phrases",
            message: `phrase "${phrase}" is also in concept ${other}: one phrase may name one concept only`,
            severity: "error",
          });
        }
        phrases.set(key, c.id);
      }
      concepts.push(c);
    }
  }
  return concepts;
}

function loadFacts(
  path: string,
  root: string,
  problems: ContentProblem[],
): { cues: FactCue[]; negations: string[]; askForms: string[] } {
  if (!existsSync(path)) return { cues: [], negations: [], askForms: [] };
  const display = relative(root, path);
  const data = readYaml(path, display, problems);
  if (data === undefined) return { cues: [], negations: [], askForms: [] };
  const parsed = FactsFileSchema.safeParse(data);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, display, "facts"));
    return { cues: [], negations: [], askForms: [] };
  }
  return { cues: parsed.data.facts, negations: parsed.data.negations, askForms: parsed.data.askForms };
}

/** Cross-file checks: concepts an entry names exist, concepts are used, supersedes resolves. */
function crossChecks(
  entries: MapEntry[],
  concepts: Concept[],
  fileOf: (id: string) => string,
  thesaurusFile: string,
  problems: ContentProblem[],
): void {
  const known = new Set(concepts.map((c) => c.id));
  const used = new Set<string>();
  const ids = new Set(entries.map((e) => e.id));
  for (const e of entries) {
    for (const c of e.concepts) {
      used.add(c);
      if (!known.has(c)) {
        problems.push({
          file: fileOf(e.id),
          item: e.id,
          field: "concepts",
          message: `unknown concept "${c}": add it to map/thesaurus/ or remove it here`,
          severity: "error",
        });
      }
    }
    if (e.supersedes && !ids.has(e.supersedes)) {
      problems.push({
        file: fileOf(e.id),
        item: e.id,
        field: "supersedes",
        message: `supersedes "${e.supersedes}", but no entry has that id`,
        severity: "error",
      });
    }
  }
  for (const c of concepts) {
    for (const b of c.broader) {
      used.add(b);
      if (!known.has(b)) {
        problems.push({
          file: thesaurusFile,
          item: c.id,
          field: "broader",
          message: `unknown broader concept "${b}"`,
          severity: "error",
        });
      }
    }
  }
  // A concept whose label is a term the entries use (title, keywords, summary) reaches them
  // through that term, so it counts as used too.
  const mapText = ` ${entries.map((e) => normalize([e.title, ...e.keywords, e.summary].join(" "))).join(" ")} `;
  for (const c of concepts) {
    if (!used.has(c.id) && !mapText.includes(` ${normalize(c.label)} `)) {
      problems.push({
        file: thesaurusFile,
        item: c.id,
        field: "id",
        message:
          "no entry names this concept and its label is no term of the map: add it to an entry's `concepts:`, change the label or remove it",
        severity: "warning",
      });
    }
  }
}

/** Load the whole map directory. `root` is the project directory used for display paths. */
export function loadMap(mapDir: string, root = join(mapDir, "..")): MapLoadResult {
  const problems: ContentProblem[] = [];
  const baseFiles = yamlFiles(join(mapDir, "entries"));
  if (baseFiles.length === 0) {
    problems.push({
      file: relative(root, mapDir) || mapDir,
      item: "-",
      field: "-",
      message: "no map files found in entries/",
      severity: "error",
    });
  }
  const origin = new Map<string, string>();
  const entries = loadEntryFiles(baseFiles, root, problems, origin);
  const laws = loadLaws(join(mapDir, "laws.yaml"), root, problems);
  const overlays = new Map<string, MapEntry[]>();
  const tenantsDir = join(mapDir, "tenants");
  let files = baseFiles.length;
  if (existsSync(tenantsDir)) {
    for (const tenant of readdirSync(tenantsDir).sort()) {
      const dir = join(tenantsDir, tenant);
      if (!statSync(dir).isDirectory()) continue;
      // tenant.yaml holds the tenant's roles and channels (src/cli/tenant-file.ts), no entries.
      const tf = yamlFiles(dir).filter((f) => basename(f) !== "tenant.yaml");
      files += tf.length;
      overlays.set(tenant, loadEntryFiles(tf, root, problems, origin, `${tenant}/`));
    }
  }
  const concepts = loadThesaurus(join(mapDir, "thesaurus"), root, problems);
  const facts = loadFacts(join(mapDir, "facts.yaml"), root, problems);
  const all = [...entries, ...[...overlays.values()].flat()];
  crossChecks(
    all,
    concepts,
    (id) => origin.get(id) ?? "map",
    relative(root, join(mapDir, "thesaurus")) || "thesaurus",
    problems,
  );
  return { map: new RegulationMap({ entries, laws, overlays, concepts, facts }), problems, files, origin };
}
