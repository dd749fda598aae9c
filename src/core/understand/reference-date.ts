// The day whose rules a question asks about. "Wat is het eigen risico in 2027?" asked in
// December 2026 is about the rule from 1 January 2027, not today's. Only the Dutch grammar of
// dates is here (month names, "vorig jaar", "per 1 januari"): generic, like a date extractor,
// with no topic words. Pure: no I/O, no clock (today is passed in).
import { isCalendarDay } from "../map/dates.js";

/** Dutch month names and their usual abbreviations -> month number (1-12). */
export const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  maart: 3,
  mrt: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augustus: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** How far from today a year may be to be read as a question about that year's rules. */
const PAST_YEARS = 10;
const COMING_YEARS = 5;
/** Words before a past year that ask about that year ("in 2025", "over 2024", "toeslag 2025" does not). */
const PAST_CUE = /(?:^|\s)(?:in|over|per|tot|voor|jaar|t\/m)\s+$/;
/** Words before a year that make it a fact of the case, not the day asked about ("geboren in 2019", "sinds 2021"). */
const FACT_CUE = /(?:geboren|sinds|sedert|uit|vanaf|gestart|begonnen)(?:\s+in)?\s+$/;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function day(year: number, month: number, d: number): string | undefined {
  const s = `${year}-${pad(month)}-${pad(d)}`;
  return isCalendarDay(s) ? s : undefined;
}

/** "vorig jaar" -> -1, "volgend jaar" -> +1, "dit jaar" -> 0; undefined when not said. */
function relativeYear(t: string): number | undefined {
  if (/\b(?:vorig|vorige|afgelopen)\s+jaar\b|\bverleden\s+jaar\b/.test(t)) return -1;
  if (/\b(?:volgend|volgende|komend|komende)\s+jaar\b|\bhet\s+nieuwe\s+jaar\b/.test(t)) return 1;
  if (/\b(?:dit|deze|huidige)\s+jaar\b/.test(t)) return 0;
  return undefined;
}

/**
 * A year written as a number that asks about that year's rules: a coming year anywhere ("eigen
 * risico 2027"), a past year only after a cue such as "in" or "over" (a bare past year is more
 * often a case fact); never an amount ("2050 euro", "€ 2030") or a birth or start year.
 */
function explicitYear(t: string, current: number): number | undefined {
  const re = /\b(20\d\d)\b(?!\s*(?:euro|eur\b|,-|,\d|\.\d|€))/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const before = t.slice(Math.max(0, m.index - 30), m.index);
    if (/€\s*$/.test(before) || FACT_CUE.test(before)) continue;
    const y = Number(m[1]);
    if (y > current && y - current <= COMING_YEARS) return y;
    if (y < current && current - y <= PAST_YEARS && PAST_CUE.test(before)) return y;
    if (y === current) return y;
  }
  return undefined;
}

/**
 * The day (YYYY-MM-DD) whose rules the question is about, for `validFrom`/`validUntil`:
 * - a full date ("op 1 juli 2026", "15-01-2027", "2027-01-15") gives that day;
 * - a day and month without a year ("per 1 januari") gives its next occurrence from today,
 *   or that day in the year a relative phrase names ("1 juli vorig jaar");
 * - a year ("in 2027", "volgend jaar", "vorig jaar"): today for the current year, 1 January
 *   for a coming year (the day a new year's rule starts), 1 July for a past year (mid-year:
 *   the rule that held most of that year);
 * - otherwise today.
 */
export function referenceDate(text: string, today: string): string {
  const t = text.toLowerCase();
  const current = Number(today.slice(0, 4));
  const iso = /\b(20\d\d)-(\d\d)-(\d\d)\b/.exec(t);
  if (iso) {
    const d = day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (d) return d;
  }
  const numeric = /\b(\d{1,2})[-/](\d{1,2})[-/](20\d\d)\b/.exec(t);
  if (numeric) {
    const d = day(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
    if (d) return d;
  }
  const rel = relativeYear(t);
  const named = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_RE})\\b\\.?(?:\\s+(20\\d\\d)\\b)?`).exec(t);
  if (named) {
    const [, dd, mm, yy] = named;
    const month = MONTHS[mm!]!;
    if (yy) {
      const d = day(Number(yy), month, Number(dd));
      if (d) return d;
    } else if (rel !== undefined) {
      const d = day(current + rel, month, Number(dd));
      if (d) return d;
    } else {
      const thisYear = day(current, month, Number(dd));
      if (thisYear) return thisYear >= today ? thisYear : (day(current + 1, month, Number(dd)) ?? thisYear);
    }
  }
  const year = rel !== undefined ? current + rel : explicitYear(t, current);
  if (year === undefined || year === current) return today;
  return year > current ? `${year}-01-01` : `${year}-07-01`;
}
