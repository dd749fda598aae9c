// E-mail addresses, also the spelled-out "naam(at)domein.nl" and "naam [at] domein.nl" forms, the
// spaced "naam @ domein . com" and the typo "naam@@domein.nl".
import type { Span } from "./types.js";

// The lookbehind lets a match start only at the first character of a run, so a long run without
// an @ is walked once, not once per start position (that would be quadratic on 50 kB of letters).
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+(?:@@?| ?@ | ?[([]at[)\]] ?)[\p{L}\p{N}-]+(?:(?:\.| \. )[\p{L}\p{N}-]+)*(?:\.| \. )\p{L}{2,}(?![\p{L}\p{N}])/giu;

// Written out against harvesting: "naam [at] hotmail [dot] com", "naam at hotmail dot com".
const AT = String.raw`(?: ?[([]at[)\]] ?| at )`;
const DOT = String.raw`(?: ?[([](?:dot|punt)[)\]] ?| (?:dot|punt) )`;
const EMAIL_WORDS = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:(?:${DOT}|\.)[\p{L}\p{N}-]+)*${DOT}\p{L}{2,}(?![\p{L}\p{N}])`,
  "giu",
);

/** Spans of e-mail addresses. */
export function detectEmails(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(EMAIL)) {
    spans.push({ start: m.index, end: m.index + m[0].length, kind: "email" });
  }
  for (const m of text.matchAll(EMAIL_WORDS)) {
    if (spans.some((sp) => sp.start < m.index + m[0].length && m.index < sp.end)) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, kind: "email" });
  }
  return spans.sort((a, b) => a.start - b.start);
}
