// When an entry is due for review: its reviewBy, else reviewedOn plus the map's review
// interval. A pending bill's status is due for a new check one interval after `checked`.
import { addMonths } from "./dates.js";
import type { MapEntry } from "./schema.js";

/** The map's review interval: an entry is checked against the law at least this often. */
export const REVIEW_INTERVAL_MONTHS = 12;

/** The day the entry's review falls due. */
export function reviewDue(e: MapEntry): string {
  return e.reviewBy ?? addMonths(e.reviewedOn, REVIEW_INTERVAL_MONTHS);
}

export interface DueEntry {
  entry: MapEntry;
  file: string;
  /** Earliest due day of the items below. */
  due: string;
  /** What is due, e.g. "review due 2027-06-01 (reviewed 2026-06-01 by jurist)". */
  items: string[];
}

/** Entries with a review or a pending-bill check due before `before`, earliest first. */
export function dueBefore(
  entries: readonly MapEntry[],
  before: string,
  fileOf: (id: string) => string = () => "map",
): DueEntry[] {
  const out: DueEntry[] = [];
  for (const e of entries) {
    const found: Array<{ due: string; text: string }> = [];
    const review = reviewDue(e);
    if (review < before) {
      found.push({
        due: review,
        text: `review due ${review} (reviewed ${e.reviewedOn}${e.reviewedBy ? ` by ${e.reviewedBy}` : ""})`,
      });
    }
    for (const bill of e.pending) {
      const due = addMonths(bill.checked, REVIEW_INTERVAL_MONTHS);
      if (due < before) {
        found.push({
          due,
          text: `bill ${bill.kamerstuk} status check due ${due} (${bill.status}, checked ${bill.checked})`,
        });
      }
    }
    if (found.length === 0) continue;
    found.sort((a, b) => a.due.localeCompare(b.due));
    out.push({ entry: e, file: fileOf(e.id), due: found[0]!.due, items: found.map((f) => f.text) });
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.entry.id.localeCompare(b.entry.id));
}

/** One human line per entry for `map check --due`. */
export function formatDue(d: DueEntry): string {
  return `${d.due} ${d.entry.id} (${d.file}): ${d.items.join("; ")}`;
}
