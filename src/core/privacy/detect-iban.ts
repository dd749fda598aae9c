// IBANs, compact or in groups of four, any case.
import { hasNlIbanShape, IBAN_LENGTHS, isValidIban } from "./checksums.js";
import type { Span } from "./types.js";

const START = /(?<![\p{L}\p{N}])[a-z]{2}[ .-]?\d{2}/giu;
const ALNUM = /[A-Za-z0-9]/;

/**
 * Spans of IBANs. A valid checksum always counts. So does a string of the exact Dutch shape
 * NLkk BANK 0123456789 whose checksum fails: a typo'd account number still points at a person,
 * and nothing else in a Dutch chat looks like that. Other countries need a valid checksum.
 */
export function detectIbans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(START)) {
    const last = spans.at(-1);
    if (last !== undefined && m.index < last.end) continue;
    const length = IBAN_LENGTHS[m[0].slice(0, 2).toUpperCase()];
    if (length === undefined) continue;
    const hit = collect(text, m.index, length);
    if (hit === undefined) continue;
    const candidate = text.slice(m.index, hit.end);
    // A glued-on word ("...164300BIC: ABNANL2A") is fine when the checksum holds.
    const valid = isValidIban(candidate) && hit.next !== "digit";
    const nlTypo = hit.next === "none" && candidate.slice(0, 2).toUpperCase() === "NL" && hasNlIbanShape(candidate);
    if (valid || nlTypo) spans.push({ start: m.index, end: hit.end, kind: "iban" });
  }
  return spans;
}

/**
 * End of exactly `length` alphanumerics from `start` (single spaces between them allowed, as in
 * "NL91 ABNA 0417 1643 00", "NL91.ABNA.0417.1643.00" or "NL 91 ..."), and what follows: nothing alphanumeric, a letter or a digit.
 */
function collect(
  text: string,
  start: number,
  length: number,
): { end: number; next: "none" | "letter" | "digit" } | undefined {
  let pos = start;
  let taken = 0;
  while (taken < length && pos < text.length) {
    const ch = text.charAt(pos);
    if (ALNUM.test(ch)) {
      taken++;
      pos++;
    } else if ((ch === " " || ch === "." || ch === "-") && taken >= 2 && ALNUM.test(text.charAt(pos + 1))) {
      pos++;
    } else {
      break;
    }
  }
  if (taken !== length) return undefined;
  const after = text.charAt(pos);
  return { end: pos, next: /\d/.test(after) ? "digit" : ALNUM.test(after) ? "letter" : "none" };
}
