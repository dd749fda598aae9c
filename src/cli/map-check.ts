// `aanzet map check [--due <date>]`: validate map/ (and flows/, prompts/ when present) and list
// problems; with --due, also list what must be reviewed before that date.
import { loadMap, reviewWarnings } from "../content/map-loader.js";
import { AanzetError } from "../core/errors.js";
import { isCalendarDay } from "../core/map/dates.js";
import { formatProblem, type ContentProblem } from "../core/map/problems.js";
import { dueBefore, formatDue } from "../core/map/review-due.js";
import { successionWarnings } from "../core/map/succession.js";
import { parse } from "./args.js";
import type { CliIO } from "./io.js";

export interface MapCheckOptions {
  mapDir: string;
  today: string;
  /** Arguments after `map check` (e.g. `--due 2027-03-01`). */
  args?: string[];
  extraChecks?: () => ContentProblem[];
}

const USAGE = "aanzet map check [--due YYYY-MM-DD]";

/**
 * Returns the exit code: 0 when there are no errors (warnings and due reviews allowed),
 * 1 when the map has errors.
 */
export function runMapCheck(io: CliIO, opts: MapCheckOptions): number {
  const { values } = parse(opts.args ?? [], { due: { type: "string" } }, USAGE);
  if (values.due !== undefined && !isCalendarDay(values.due)) {
    throw new AanzetError("USAGE", `--due needs a date as YYYY-MM-DD, got "${values.due}"\nusage: ${USAGE}`);
  }
  const { map, problems, files, origin } = loadMap(opts.mapDir);
  const baseFile = (id: string) => origin.get(id) ?? "map";
  const all = [
    ...problems,
    ...reviewWarnings([...map.base], opts.today, baseFile),
    ...successionWarnings(map.base, map.base, opts.today, baseFile),
  ];
  const due = values.due ? dueBefore(map.base, values.due, baseFile) : [];
  for (const tenant of map.tenants()) {
    const local = map.entriesFor(tenant).filter((e) => map.isLocal(e.id, tenant));
    const tenantFile = (id: string) => origin.get(`${tenant}/${id}`) ?? `tenants/${tenant}`;
    all.push(...reviewWarnings(local, opts.today, tenantFile));
    all.push(...successionWarnings(local, map.entriesFor(tenant), opts.today, tenantFile));
    if (values.due) due.push(...dueBefore(local, values.due, tenantFile));
  }
  if (opts.extraChecks) all.push(...opts.extraChecks());
  const errors = all.filter((p) => p.severity === "error");
  const warnings = all.filter((p) => p.severity === "warning");
  for (const p of errors) io.err(formatProblem(p));
  for (const p of warnings) io.err(formatProblem(p));
  if (values.due) {
    io.out(`due before ${values.due}: ${due.length} ${due.length === 1 ? "entry" : "entries"}`);
    for (const d of due.sort((a, b) => a.due.localeCompare(b.due))) io.out(formatDue(d));
  }
  const tenants = map.tenants();
  io.out(
    `map: ${map.base.length} entries in ${files} files, ${map.laws.size} laws` +
      (tenants.length ? `, overlays for ${tenants.join(", ")}` : "") +
      `; ${errors.length} errors, ${warnings.length} warnings`,
  );
  return errors.length > 0 ? 1 : 0;
}
