// `aanzet map check`: validate map/ (and flows/, prompts/ when present) and list problems.
import { loadMap, reviewWarnings } from "../content/map-loader.js";
import { formatProblem } from "../core/map/problems.js";
import { successionWarnings } from "../core/map/succession.js";
import type { CliIO } from "./io.js";

export interface MapCheckOptions {
  mapDir: string;
  today: string;
  extraChecks?: () => import("../core/map/problems.js").ContentProblem[];
}

/** Returns the exit code: 0 when there are no errors (warnings allowed). */
export function runMapCheck(io: CliIO, opts: MapCheckOptions): number {
  const { map, problems, files, origin } = loadMap(opts.mapDir);
  const baseFile = (id: string) => origin.get(id) ?? "map";
  const all = [
    ...problems,
    ...reviewWarnings([...map.base], opts.today, baseFile),
    ...successionWarnings(map.base, map.base, opts.today, baseFile),
  ];
  for (const tenant of map.tenants()) {
    const local = map.entriesFor(tenant).filter((e) => map.isLocal(e.id, tenant));
    const tenantFile = (id: string) => origin.get(`${tenant}/${id}`) ?? `tenants/${tenant}`;
    all.push(...reviewWarnings(local, opts.today, tenantFile));
    all.push(...successionWarnings(local, map.entriesFor(tenant), opts.today, tenantFile));
  }
  if (opts.extraChecks) all.push(...opts.extraChecks());
  const errors = all.filter((p) => p.severity === "error");
  const warnings = all.filter((p) => p.severity === "warning");
  for (const p of errors) io.err(formatProblem(p));
  for (const p of warnings) io.err(formatProblem(p));
  const tenants = map.tenants();
  io.out(
    `map: ${map.base.length} entries in ${files} files, ${map.laws.size} laws` +
      (tenants.length ? `, overlays for ${tenants.join(", ")}` : "") +
      `; ${errors.length} errors, ${warnings.length} warnings`,
  );
  return errors.length > 0 ? 1 : 0;
}
