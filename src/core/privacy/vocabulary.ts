// The words of the regulation map (titles, keywords, actors, laws, thesaurus), so the scrubber
// never takes "Participatiewet", "Zilveren Kruis" or a map term for a name.
import type { RegulationMap } from "../map/regulation-map.js";
import { nameData } from "./name-data.js";

const WORD = /\p{L}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*/gu;

/** Lower-case words of every string in the map; known first names and surnames are left out. */
export function mapVocabulary(map: RegulationMap): ReadonlySet<string> {
  const { firstNames, surnames } = nameData();
  const out = new Set<string>();
  const add = (v: unknown, depth: number): void => {
    if (depth > 8) return;
    if (typeof v === "string") {
      for (const m of v.matchAll(WORD)) {
        const w = m[0].toLowerCase();
        if (w.length >= 2 && !firstNames.has(w) && !surnames.has(w)) out.add(w);
      }
    } else if (Array.isArray(v)) for (const x of v) add(x, depth + 1);
    else if (v && typeof v === "object") for (const x of Object.values(v)) add(x, depth + 1);
  };
  for (const tenant of ["", ...map.tenants()]) add(map.entriesFor(tenant || undefined), 0);
  add([...map.laws.values()], 0);
  add(map.concepts, 0);
  return out;
}
