// Year-bound rules must hand over to their successor: an entry that ends (validUntil) needs
// an entry that `supersedes` it from the next day, or from that day the bot has no answer on
// the topic. `map check` reports the gap while there is still time to fill it.
import { addDays } from "./dates.js";
import type { ContentProblem } from "./problems.js";
import type { MapEntry } from "./schema.js";

/** How long before an entry ends `map check` starts warning that no successor exists. */
export const SUCCESSION_WARNING_DAYS = 60;

/**
 * Warnings for entries of `entries` whose validUntil is past or within `windowDays` of `today`
 * and that no entry of `all` takes over (supersedes it with validFrom = validUntil + 1 day).
 */
export function successionWarnings(
  entries: readonly MapEntry[],
  all: readonly MapEntry[],
  today: string,
  fileOf: (id: string) => string = () => "map",
  windowDays = SUCCESSION_WARNING_DAYS,
): ContentProblem[] {
  const horizon = addDays(today, windowDays);
  const out: ContentProblem[] = [];
  for (const e of entries) {
    if (!e.validUntil || e.validUntil > horizon) continue;
    const gapDay = addDays(e.validUntil, 1);
    const successors = all.filter((s) => s.supersedes === e.id);
    if (successors.some((s) => s.validFrom === gapDay)) continue;
    const starts = successors.map((s) => `${s.id} begint op ${s.validFrom ?? "(geen validFrom)"}`);
    out.push({
      file: fileOf(e.id),
      item: e.id,
      field: "validUntil",
      message:
        `vanaf ${gapDay} geen antwoord over ${e.title} (${e.id})` +
        (starts.length > 0
          ? `: de opvolger sluit niet aan (${starts.join("; ")}); zet validFrom op ${gapDay}`
          : `: maak een opvolger met supersedes: ${e.id} en validFrom: ${gapDay}`),
      severity: "warning",
    });
  }
  return out;
}
