// The law watch: asks the Basiswettenbestand (BWB) which version of each law the map cites
// is in force on a day, and lists the entries that were checked against an older version.
// The BWB's public search service speaks SRU (Search/Retrieve via URL) 1.2 with CQL queries
// over the `BWB` connection of zoekservice.overheid.nl; one record per version ("toestand"),
// whose validity starts at overheidbwb:geldigheidsperiode_startdatum.
import { AanzetError } from "../core/errors.js";
import type { LawInfo, MapEntry } from "../core/map/schema.js";

/** A BWB id as it appears in wetten.overheid.nl links (".../BWBR0015703/...", "jci1.3:c:BWBR0015703"). */
const BWB_ID = /BWBR\d{7}/g;

/** One version of a regulation as the BWB lists it. */
export interface LawVersion {
  bwbId: string;
  title: string | undefined;
  /** First day this version is in force (geldigheidsperiode_startdatum). */
  start: string;
  /** Last day, when the BWB gives one (9999-12-31 = open). */
  end: string | undefined;
}

export interface SruOptions {
  /** The SRU endpoint, e.g. https://zoekservice.overheid.nl/sru/Search. */
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .trim();
}

/** Text of the first element with this local name (any namespace prefix). */
function field(xml: string, name: string): string | undefined {
  const m = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>([^<]*)</(?:[\\w.-]+:)?${name}>`).exec(xml);
  return m ? decode(m[1]!) : undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The versions in an SRU searchRetrieve response of the BWB connection. Throws an
 * AanzetError when the service answers with an SRU diagnostic instead of records.
 */
export function parseSruVersions(xml: string): LawVersion[] {
  const diagnostic = /<(?:[\w.-]+:)?diagnostic\b[\s\S]*?<\/(?:[\w.-]+:)?diagnostic>/.exec(xml);
  if (diagnostic) {
    const message = field(diagnostic[0], "message") ?? field(diagnostic[0], "details") ?? "no message";
    throw new AanzetError("BWB_UNAVAILABLE", `the BWB search service refused the query: ${message}`);
  }
  if (!/searchRetrieveResponse\b/.test(xml)) {
    throw new AanzetError("BWB_UNAVAILABLE", "the BWB search service did not answer with an SRU response");
  }
  const out: LawVersion[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?record\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?record>/g)) {
    const rec = m[1]!;
    const bwbId = field(rec, "identifier");
    const start = field(rec, "geldigheidsperiode_startdatum");
    if (!bwbId || !start || !DAY.test(start)) continue;
    const end = field(rec, "geldigheidsperiode_einddatum");
    out.push({ bwbId, title: field(rec, "title"), start, end: end && DAY.test(end) ? end : undefined });
  }
  return out;
}

/** The CQL query for the version of one regulation in force on a day. */
export function versionQuery(bwbId: string, on: string): string {
  return `dcterms.identifier==${bwbId} and overheidbwb.geldigheidsdatum==${on}`;
}

/** Ask the BWB which version of `bwbId` is in force on `on`; undefined when it lists none. */
export async function versionInForce(bwbId: string, on: string, opts: SruOptions): Promise<LawVersion | undefined> {
  const url = new URL(opts.baseUrl);
  url.searchParams.set("x-connection", "BWB");
  url.searchParams.set("operation", "searchRetrieve");
  url.searchParams.set("version", "1.2");
  url.searchParams.set("maximumRecords", "10");
  url.searchParams.set("query", versionQuery(bwbId, on));
  const doFetch = opts.fetch ?? fetch;
  let body: string;
  try {
    const res = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs), headers: { accept: "text/xml" } });
    if (!res.ok) {
      throw new AanzetError(
        "BWB_UNAVAILABLE",
        `the BWB search service at ${opts.baseUrl} answered HTTP ${res.status} for ${bwbId}`,
      );
    }
    body = await res.text();
  } catch (err) {
    if (err instanceof AanzetError) throw err;
    const e = err as Error;
    const why =
      e.name === "TimeoutError"
        ? `did not answer within ${opts.timeoutMs} ms`
        : `could not be reached (${(e.cause as Error | undefined)?.message ?? e.message})`;
    throw new AanzetError("BWB_UNAVAILABLE", `the BWB search service at ${opts.baseUrl} ${why}`, { cause: err });
  }
  const versions = parseSruVersions(body).filter(
    (v) => v.bwbId === bwbId && v.start <= on && (v.end === undefined || v.end >= on),
  );
  return versions.sort((a, b) => b.start.localeCompare(a.start))[0];
}

/** The BWB ids an entry cites: in its aanZet links, and through the laws.yaml link of each law id. */
export function citedBwbIds(entry: MapEntry, laws: ReadonlyMap<string, LawInfo>): string[] {
  const ids = new Set<string>();
  for (const line of entry.aanZet) {
    for (const id of line.url?.match(BWB_ID) ?? []) ids.add(id);
    const law = line.law ? laws.get(line.law) : undefined;
    for (const id of law?.source.url.match(BWB_ID) ?? []) ids.add(id);
  }
  return [...ids].sort();
}

/** An entry checked against an older version of a law than the one in force. */
export interface WatchFinding {
  entry: MapEntry;
  version: LawVersion;
}

export interface WatchResult {
  findings: WatchFinding[];
  /** Entries that cite a law but record no lawVersion, so nothing can be compared. */
  unversioned: MapEntry[];
  /** BWB ids asked, with the version in force (undefined: the BWB lists none on that day). */
  versions: Map<string, LawVersion | undefined>;
}

/**
 * Look up every cited law once (a few at a time) and compare with each entry's lawVersion.
 * The first failed lookup rejects the whole watch: a partial answer would read as "no change".
 */
export async function watchLaws(
  entries: readonly MapEntry[],
  laws: ReadonlyMap<string, LawInfo>,
  lookup: (bwbId: string) => Promise<LawVersion | undefined>,
  concurrency = 4,
): Promise<WatchResult> {
  const cited = new Map(entries.map((e) => [e, citedBwbIds(e, laws)] as const));
  const queue = [...new Set([...cited.values()].flat())].sort();
  const versions = new Map<string, LawVersion | undefined>();
  let failed = false;
  const worker = async () => {
    // After one failure the other workers stop taking new ids.
    for (let id = queue.shift(); id !== undefined && !failed; id = queue.shift()) {
      try {
        versions.set(id, await lookup(id));
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  const findings: WatchFinding[] = [];
  const unversioned: MapEntry[] = [];
  for (const [entry, ids] of cited) {
    if (ids.length === 0) continue;
    if (!entry.lawVersion) {
      unversioned.push(entry);
      continue;
    }
    for (const id of ids) {
      const v = versions.get(id);
      if (v && v.start > entry.lawVersion) findings.push({ entry, version: v });
    }
  }
  return { findings, unversioned, versions: new Map([...versions].sort(([a], [b]) => a.localeCompare(b))) };
}
