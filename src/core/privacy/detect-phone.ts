// Dutch phone numbers: 10 digits from the trunk 0 (or +31 / 0031), grouped the ways people write them.
import type { Span } from "./types.js";

// Prefix, then exactly nine digits with at most one separator (" ", "-", "/", ".", ")") between
// two digits. The fixed count keeps "06 12345678 06 87654321" as two numbers, and each digit has
// one way to match, so there is no backtracking blow-up.
const CANDIDATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}+])(?<!\p{N}[.,:/-])` +
    String.raw`(?<prefix>(?:\+|00)31 ?-? ?(?:\(0\) ?)?|\(?0)` +
    String.raw`(?<body>[1-9](?:(?: ?[-/.] ?| |\) ?)?\d){8})` +
    String.raw`(?!\p{N})(?![.,/-]\p{N})`,
  "gu",
);

// Group lengths people use, the first group counted with its trunk 0. Anything else (notably
// "06-01-2026 12", a date and an hour) is not taken for a phone number.
const GROUPINGS = new Set([
  "10",
  // mobile 06
  "2,8",
  "2,4,4",
  "2,2,2,2,2",
  "2,3,3,2",
  "2,2,3,3",
  "4,6",
  // three-digit area code (020, 010, 085, 088 ...)
  "3,7",
  "3,3,4",
  "3,3,2,2",
  "3,2,2,3",
  "3,4,3",
  // four-digit area code (0299, 0513 ...)
  "4,3,3",
  "4,2,2,2",
]);

// 0800 (free) and 0900/0906/0909 (paid) numbers belong to organisations, and advice often cites
// them, so they stay. 085/088 numbers are also organisations mostly, but a direct line of a
// worker is one too, so those are scrubbed.
const SERVICE = /^0(?:800|90[069])/;

/** Spans of Dutch phone numbers (service numbers excluded). */
export function detectPhones(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const body = m.groups?.["body"] ?? "";
    const groups = body.split(/\D+/).filter((g) => g.length > 0);
    if (groups.length === 0) continue;
    groups[0] = `0${groups[0]}`;
    const domestic = groups.join("");
    if (SERVICE.test(domestic)) continue;
    if (!GROUPINGS.has(groups.map((g) => g.length).join(","))) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, kind: "phone" });
  }
  return spans;
}
