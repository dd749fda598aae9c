// Dates of birth: a full date only counts within a few words of a birth word ("geboren", "geb.",
// "geboortedatum", "gebdat", "dob"). A date on its own ("per 1 januari 2026", "1-1-2026") is a law
// or a deadline far more often than a birthday, so it stays; no guessing from the year.
import type { Span } from "./types.js";

const MONTHS =
  "jan(?:uari)?|feb(?:ruari)?|mrt|maart|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sept?(?:ember)?|okt(?:ober)?|oct|nov(?:ember)?|dec(?:ember)?";
// 12-03-1987, 12/3/87, 12.03.1987, 1987-03-12, 12031987, 12 maart 1987, 3 mrt. '87, 3e juni.
// In a birth context a day and month without a year is a birthday too.
const DATE = String.raw`(?<!\p{N})(?:(?<d>\d{1,2})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?:\d{4}|'?\d{2})|\d{4}-(?<im>\d{1,2})-(?<id>\d{1,2})|(?<td>\d{1,2})(?:e|ste)? (?:${MONTHS})\.?,?(?: (?:\d{4}|'\d{2}))?|(?<cd>\d{2})(?<cm>\d{2})(?:19|20)\d{2})(?![\p{N}\p{L}])`;

// Not after "[": the placeholder [GEBOORTEDATUM] is no birth word, or a second scrub would differ.
const KEYWORD =
  /(?<![\p{L}[])(?:geboortedatum|geboortedata|geboren|geb\.? ?datum|gebdatum|gebdat|geb\.?|d\.o\.b\.?|dob)(?![\p{L}])/giu;
// From a birth word to the date: up to 30 characters without a digit, a sentence break or a
// placeholder ("geboren op", "geb.:", "geboren in Rabat op", "geboren d.d.").
const AFTER_KEYWORD = new RegExp(String.raw`(?:d\.d\.|[^\p{N}\n.,;!?[\]]){0,30}?(?<date>${DATE})`, "iuy");
// Birth word after the date: "op 5 mei 1990 geboren", "12-3-1987 (geb.)", "is 12 maart jarig".
const KEYWORD_AFTER_DATE = /^[^\p{N}\n.,;:!?[\]]{0,25}?(?<![\p{L}])(?:geboren|geb\.|jarig(?![\p{L}]))/iu;
// More dates in a row: "geboortedata kinderen: 1-2-2010, 3-4-2012 en 5-6-2015".
const NEXT_DATE = new RegExp(String.raw`(?: ?[,&/] ?| en | of )(?<date>${DATE})`, "iuy");
const ANY_DATE = new RegExp(DATE, "giu");
const MAX_CHAIN = 8;

// "ze is van 3 juni 1972", "meneer is van 12-3-1950": a full date with a year right after "is van".
// Also "(Samira Tahiri, van 22 februari 1958)": a name, a comma, "van" and a date with a year.
const IS_VAN = new RegExp(
  String.raw`(?:(?<![\p{L}])(?:is|ben|zijn|was)|(?<=\p{Lu}[\p{L}'’-]+,)) van (?<date>${DATE})`,
  "gu",
);
const DOCUMENT_BEFORE =
  /(?:wet|regeling|besluit|brief|beschikking|uitspraak|factuur|aanmaning|afspraak|versie|wijziging|datum|beslissing|bericht|mail|e-mail|contract|rekening|nota)\p{L}* (?:\p{L}+ )?$/iu;

/** Spans of dates of birth. */
export function detectBirthDates(text: string): Span[] {
  const spans: Span[] = [];
  for (const k of text.matchAll(KEYWORD)) {
    if ((spans.at(-1)?.end ?? 0) > k.index) continue;
    let pos = k.index + k[0].length;
    let re = AFTER_KEYWORD;
    for (let i = 0; i < MAX_CHAIN; i++) {
      re.lastIndex = pos;
      const m = re.exec(text);
      const date = m?.groups?.["date"];
      if (!m || date === undefined || !plausible(m)) break;
      const end = m.index + m[0].length;
      spans.push({ start: end - date.length, end, kind: "dob" });
      pos = end;
      re = NEXT_DATE;
    }
  }
  const before: Span[] = [];
  let i = 0;
  for (const m of text.matchAll(ANY_DATE)) {
    while (i < spans.length && (spans[i]?.end ?? 0) <= m.index) i++;
    if ((spans[i]?.start ?? Infinity) <= m.index || !plausible(m)) continue;
    const end = m.index + m[0].length;
    if (KEYWORD_AFTER_DATE.test(text.slice(end, end + 40))) before.push({ start: m.index, end, kind: "dob" });
  }
  for (const m of text.matchAll(IS_VAN)) {
    const date = m.groups?.["date"] ?? "";
    if (!/\d{4}|'\d{2}|\d[-/.]\d{1,2}[-/.]\d{2}/.test(date) || !plausible(m)) continue;
    if (DOCUMENT_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue; // "de brief is van 3 juni 2026"
    const end = m.index + m[0].length;
    const start = end - date.length;
    if ([...spans, ...before].some((sp) => sp.start < end && start < sp.end)) continue;
    before.push({ start, end, kind: "dob" });
  }
  return [...spans, ...before].sort((a, b) => a.start - b.start);
}

/** Day 1-31 and month 1-12, whichever of the date shapes matched. */
function plausible(m: RegExpExecArray): boolean {
  const g = m.groups ?? {};
  const day = Number(g["d"] ?? g["id"] ?? g["td"] ?? g["cd"]);
  const month = g["m"] ?? g["im"] ?? g["cm"];
  const dayOk = day >= 1 && day <= 31;
  if (month === undefined) return dayOk; // month written as a word
  return dayOk && Number(month) >= 1 && Number(month) <= 12;
}
