// Loads flows/ from disk: one flow per *.yaml file plus the Dutch message catalogue
// messages.nl.yaml, validated by the core's zod schema and graph checks. Never throws on bad
// content: every problem comes back with file, flow/step and field (see loadValidFlows).
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { AanzetError } from "../core/errors.js";
import { checkFlow, checkFlowSet, parseFlow } from "../core/flows/graph-check.js";
import { flattenCatalogue, Messages } from "../core/flows/messages.js";
import type { FlowDef } from "../core/flows/schema.js";
import { formatProblem, type ContentProblem } from "../core/map/problems.js";
import { ROUTE_IDS } from "../core/map/vocabulary.js";
import { readYaml } from "./map-loader.js";

export const CATALOGUE_FILE = "messages.nl.yaml";

export interface FlowLoadResult {
  flows: FlowDef[];
  messages: Messages;
  problems: ContentProblem[];
  files: number;
}

function display(root: string, path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith("..") ? rel : path;
}

/** Load and check every flow in `flowsDir`. `root` is the directory display paths are relative to. */
export function loadFlows(flowsDir: string, root = join(flowsDir, "..")): FlowLoadResult {
  const problems: ContentProblem[] = [];
  const dirShown = display(root, flowsDir);
  if (!existsSync(flowsDir)) {
    problems.push({
      file: dirShown,
      item: "-",
      field: "-",
      message: "flows directory not found (set AANZET_FLOWS_DIR or add flows/)",
      severity: "error",
    });
    return { flows: [], messages: new Messages({}), problems, files: 0 };
  }
  const names = readdirSync(flowsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const cataloguePath = join(flowsDir, CATALOGUE_FILE);
  const catalogueShown = display(root, cataloguePath);
  let messages = new Messages({});
  if (!existsSync(cataloguePath)) {
    problems.push({
      file: catalogueShown,
      item: "-",
      field: "-",
      message: "the message catalogue is missing: all flow wording lives in this file",
      severity: "error",
    });
  } else {
    const data = readYaml(cataloguePath, catalogueShown, problems);
    if (data !== undefined) {
      const { entries, bad } = flattenCatalogue(data);
      for (const key of bad) {
        problems.push({
          file: catalogueShown,
          item: "-",
          field: key,
          message: "a message must be text (use a YAML string, `|` for several lines)",
          severity: "error",
        });
      }
      messages = new Messages(entries);
    }
  }
  const flows: FlowDef[] = [];
  const flowFiles = names.filter((n) => !/^messages\./.test(n));
  for (const name of flowFiles) {
    const path = join(flowsDir, name);
    const shown = display(root, path);
    const data = readYaml(path, shown, problems);
    if (data === undefined) continue;
    const { flow, problems: shape } = parseFlow(data, shown);
    problems.push(...shape);
    if (!flow) continue;
    const graph = checkFlow(flow, messages, ROUTE_IDS);
    problems.push(...graph);
    if (!graph.some((p) => p.severity === "error")) flows.push(flow);
  }
  problems.push(...checkFlowSet(flows, messages, catalogueShown));
  return { flows, messages, problems, files: flowFiles.length };
}

/** Load flows for the running bot; refuses to start on errors (English, for operators). */
export function loadValidFlows(flowsDir: string, root?: string): FlowLoadResult {
  const result = loadFlows(flowsDir, root);
  const errors = result.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    const shown = errors.slice(0, 5).map(formatProblem).join("\n");
    throw new AanzetError(
      "FLOW_INVALID",
      `the flows have ${errors.length} error(s); run \`aanzet flows check\`:\n${shown}`,
    );
  }
  return result;
}
