// Addresses: postcode (+ huisnummer) and street + huisnummer, counted as kind "postcode".
import { COMMON_WORDS, PARTICLES } from "./common-words.js";
import type { Span } from "./types.js";

const POSTCODE = /(?<![\p{L}\p{N}])[1-9]\d{3}( ?)(\p{L}{2})(?![\p{L}\p{N}])/gu;
// After a postcode: ", nr 5", " 12a", " huisnummer 3-II". The number must end there (no "12,50").
const HOUSE_NUMBER =
  /,? ?(?:(?:nr|no|huisnr|huisnummer)\.?:? ?)?[1-9]\d{0,4}(?:[ -]?(?:I{1,3}|hs|bis|[a-zA-Z])(?![\p{L}/])|-\d{1,3})?(?![\p{N}]|[.,:]\p{N}| ?%)/uy;
// Street names by their last part. The strong endings are streets in any case ("dorpsstraat 12");
// the weak ones also end ordinary words ("onderweg", "loopbaan"), so they need a capital.
const STREET =
  /(?<![\p{L}\p{N}-])((?:\p{L}[\p{L}'-]*?)?(?:straat|laan|gracht|kade|singel|steeg|plein|plantsoen|dreef|allee|weg|pad|hof|park|veld|baan|markt|wal|dijk))( ?(?:nr\.? ?)?)([1-9]\d{0,3})(?![\p{N}]|[.,:]\p{N}| ?%)/giu;
// "-ring" is left out on purpose: "Uitkering 1200 euro", "Vergadering 3 maart".
const WEAK_ENDING = /(?:weg|pad|hof|park|veld|baan|markt|wal|dijk)$/i;
// The ending as a word of its own ("Nieuwe Gracht 4") needs a capitalised word before it.
const BARE_ENDING =
  /^(?:straat|laan|gracht|kade|singel|steeg|plein|plantsoen|dreef|allee|weg|pad|hof|park|veld|baan|markt|wal|dijk)$/i;
const STREET_SUFFIX = /(?:[ -]?(?:I{1,3}|hs|bis|[a-zA-Z])(?![\p{L}/])|-\d{1,3})?/uy;
const POSTCODE_AFTER = /,? ?[1-9]\d{3} ?\p{L}{2}(?![\p{L}\p{N}])/uy;
const UNIT_AFTER =
  /^ ?(?:euro|eur|jaar|jaren|maand|maanden|week|weken|dag|dagen|uur|uren|min|minuten|km|kilometer|kilo|kg|meter|m|procent|keer|x|%|cm|stuks|mensen|personen|kinderen)(?![\p{L}])/iu;
const WORD_BEFORE = /(\p{L}[\p{L}'.-]*) $/u;
const POSTBUS_BEFORE = /(?:postbus|antwoordnummer) ?\d+ ?,? ?$/i;

// Two-letter groups after four digits that are not postcode letters. In capitals: units and
// abbreviations ("1500 MB", "2015 PW"); in lower case also short words ("1998 en 12").
const NOT_POSTCODE_UPPER = new Set([
  "MB",
  "KB",
  "GB",
  "TB",
  "KG",
  "KM",
  "CM",
  "MM",
  "ML",
  "MG",
  "KW",
  "MW",
  "EU",
  "NL",
  "PW",
  "BW",
  "WW",
  "OM",
  "VS",
  "UK",
  "TK",
  "EK",
  "BC",
  "SR",
  "AO",
  "OK",
  "XL",
  "ST",
  "TM",
  "NR",
  "BV",
  "CA",
]);
const NOT_POSTCODE_LOWER = new Set([
  ...[...NOT_POSTCODE_UPPER].map((w) => w.toLowerCase()),
  "en",
  "op",
  "in",
  "is",
  "de",
  "te",
  "om",
  "al",
  "er",
  "ik",
  "je",
  "we",
  "ze",
  "na",
  "nu",
  "of",
  "zo",
  "ja",
  "ma",
  "di",
  "wo",
  "do",
  "vr",
  "za",
  "uw",
  "ie",
  "an",
  "at",
  "on",
  "to",
  "be",
  "by",
  "or",
  "it",
  "no",
  "so",
  "me",
  "my",
  "us",
  "up",
  "go",
  "jr",
  "ct",
  "hé",
  "eh",
  "oh",
  "ex",
  "pp",
  "rd",
  "th",
  "nd",
  "he",
  "hè",
  "wa",
  "ah",
  "ha",
  "jo",
  "ff",
  "pc",
  "ad",
  "uu",
  "mn",
  "nl",
]);

/** Spans of addresses: street + number (with a postcode right after, as one), and postcodes. */
export function detectAddresses(text: string): Span[] {
  const spans = streets(text);
  let i = 0;
  for (const m of text.matchAll(POSTCODE)) {
    while (i < spans.length && (spans[i]?.end ?? 0) <= m.index) i++;
    const covering = spans[i];
    if (covering && covering.start <= m.index) continue;
    const span = postcode(text, m);
    if (span && (covering === undefined || span.end <= covering.start)) spans.splice(i, 0, span);
  }
  return spans;
}

/**
 * A postcode counts with a house number after it. Without one it still counts when written as
 * a postcode is (uppercase letters, or glued "1234ab"): the six characters narrow a person down
 * to a few houses. "in 1012" (digits only) and "1998 en 12" (a word, not letters) stay.
 * A postcode after "Postbus 123" or "Antwoordnummer 123" is an organisation's and stays.
 */
function postcode(text: string, m: RegExpExecArray): Span | undefined {
  const start = m.index;
  const [whole, space, letters = ""] = m;
  const upper = letters === letters.toUpperCase();
  HOUSE_NUMBER.lastIndex = start + whole.length;
  // Glued and followed by a house number ("6117NR 214") it is a postcode whatever the letters.
  const glued = space === "" && HOUSE_NUMBER.test(text);
  const excluded = upper ? NOT_POSTCODE_UPPER.has(letters) : NOT_POSTCODE_LOWER.has(letters.toLowerCase());
  if (excluded && !glued) return undefined;
  if (POSTBUS_BEFORE.test(text.slice(Math.max(0, start - 32), start))) return undefined;
  let end = start + whole.length;
  HOUSE_NUMBER.lastIndex = end;
  const number = HOUSE_NUMBER.exec(text);
  if (number) end += number[0].length;
  else if (space !== "" && !upper) return undefined;
  return { start, end, kind: "postcode" };
}

function streets(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(STREET)) {
    const street = m[1] ?? "";
    if (/^\d{4}$/.test(m[3] ?? "") && /^(?:19|20)/.test(m[3] ?? "")) continue; // a year, not a house number
    let start = m.index;
    const extended = extendBack(text, start);
    const capitalised = /^\p{Lu}/u.test(street) || extended < start;
    // A lower-case weak ending counts too ("lindenhof 141"), unless a unit follows ("bijbaan 20 uur").
    if (
      WEAK_ENDING.test(street) &&
      !capitalised &&
      (street.length < 6 || UNIT_AFTER.test(text.slice(m.index + m[0].length)))
    )
      continue;
    if (BARE_ENDING.test(street) && extended === start) continue;
    if (COMMON_WORDS.has(street.toLowerCase())) continue;
    start = extended;
    let end = m.index + m[0].length;
    STREET_SUFFIX.lastIndex = end;
    end += STREET_SUFFIX.exec(text)?.[0].length ?? 0;
    POSTCODE_AFTER.lastIndex = end;
    end += POSTCODE_AFTER.exec(text)?.[0].length ?? 0;
    spans.push({ start, end, kind: "postcode" });
  }
  return spans;
}

/** Start of the street name when capitalised words lead it ("Van Goghstraat", "Burgemeester de Withstraat"). */
function extendBack(text: string, start: number): number {
  let best = start;
  let pos = start;
  for (let i = 0; i < 3; i++) {
    const word = WORD_BEFORE.exec(text.slice(Math.max(0, pos - 40), pos))?.[1];
    if (word === undefined) break;
    const lower = word.toLowerCase();
    pos -= word.length + 1;
    const capital = /^\p{Lu}/u.test(word);
    if (PARTICLES.has(lower)) {
      if (capital) best = pos; // "Van Goghstraat", "De Ruyterkade"
      continue;
    }
    if (!capital || COMMON_WORDS.has(lower)) break;
    best = pos;
  }
  return best;
}
