// A content problem found while loading map, flows or prompts: file + item + field + fix.

export interface ContentProblem {
  file: string;
  /** Entry id, flow id/step, or prompt name; "-" when the whole file is at fault. */
  item: string;
  field: string;
  message: string;
  severity: "error" | "warning";
}

/** One line for operators: `map/entries/x.yaml: traplift: aanZet.0.actor: unknown actor id ...` */
export function formatProblem(p: ContentProblem): string {
  const where = [p.file, p.item, p.field].filter((s) => s && s !== "-").join(": ");
  return `${p.severity === "warning" ? "warning" : "error"}: ${where}: ${p.message}`;
}
