// `aanzet map watch [--on <date>]`: asks the Basiswettenbestand which version of each cited
// law is in force on that day (default today) and lists the entries checked against an older
// version. Off by default: it only touches the network when a coach or a schedule runs it.
import type { Config } from "../config.js";
import { type SruOptions, versionInForce, watchLaws } from "../content/bwb-watch.js";
import { loadMap } from "../content/map-loader.js";
import { AanzetError } from "../core/errors.js";
import { isCalendarDay } from "../core/map/dates.js";
import type { MapEntry } from "../core/map/schema.js";
import { parse } from "./args.js";
import type { CliIO } from "./io.js";

const USAGE = "aanzet map watch [--on YYYY-MM-DD]";

/**
 * Run the law watch; returns the exit code: 0 when the watch ran (also when it lists entries
 * to review), 1 when the map has errors or the BWB service fails, 2 on bad arguments.
 * `defaultMapDir` is used unless AANZET_MAP_DIR is set.
 */
export async function runMapWatch(io: CliIO, args: string[], config: Config, defaultMapDir: string): Promise<number> {
  const { values } = parse(args, { on: { type: "string" } }, USAGE);
  const on = values.on ?? config.today ?? new Date().toISOString().slice(0, 10);
  if (!isCalendarDay(on))
    throw new AanzetError("USAGE", `--on needs a date as YYYY-MM-DD, got "${on}"\nusage: ${USAGE}`);
  const { map, problems, origin } = loadMap(config.env.AANZET_MAP_DIR ?? defaultMapDir);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new AanzetError("MAP_INVALID", `the regulation map has ${errors.length} errors; run aanzet map check first`);
  }
  const entries: MapEntry[] = [...map.base];
  const fileOf = new Map<MapEntry, string>(map.base.map((e) => [e, origin.get(e.id) ?? "map"]));
  for (const tenant of map.tenants()) {
    for (const e of map.entriesFor(tenant).filter((x) => map.isLocal(x.id, tenant))) {
      entries.push(e);
      fileOf.set(e, origin.get(`${tenant}/${e.id}`) ?? `tenants/${tenant}`);
    }
  }
  const sru: SruOptions = { baseUrl: config.bwb.sruUrl, timeoutMs: config.bwb.timeoutMs };
  const result = await watchLaws(entries, map.laws, (id) => versionInForce(id, on, sru));
  io.out(`law watch on ${on}: ${result.versions.size} laws asked at ${sru.baseUrl}`);
  for (const f of result.findings) {
    const law = f.version.title ? `${f.version.title} (${f.version.bwbId})` : f.version.bwbId;
    io.out(
      `review ${f.entry.id} (${fileOf.get(f.entry)}): ${law} has a version in force from ${f.version.start}; ` +
        `the entry was checked against ${f.entry.lawVersion}`,
    );
  }
  for (const [id, v] of result.versions) {
    if (!v) io.out(`not found: ${id} has no version in force on ${on} in the BWB; check the link`);
  }
  if (result.unversioned.length > 0) {
    const n = result.unversioned.length;
    io.out(
      `${n} ${n === 1 ? "entry cites" : "entries cite"} a law but record${n === 1 ? "s" : ""} no lawVersion, so ${n === 1 ? "it is" : "they are"} not watched; add lawVersion to watch ${n === 1 ? "it" : "them"}`,
    );
  }
  const toReview = new Set(result.findings.map((f) => f.entry.id)).size;
  io.out(`${toReview} ${toReview === 1 ? "entry" : "entries"} to review`);
  return 0;
}
