// IBANs, compact or in groups of four, any case.
import { hasNlIbanShape, IBAN_LENGTHS, isValidIban } from "./checksums.js";
import type { Span } from "./types.js";

const START = /(?<![\p{L}\p{N}])[a-z]{2}\d{2}/giu;
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
    const end = collect(text, m.index, length);
    if (end === undefined) continue;
    const candidate = text.slice(m.index, end);
    if (isValidIban(candidate) || (candidate.slice(0, 2).toUpperCase() === "NL" && hasNlIbanShape(candidate))) {
      spans.push({ start: m.index, end, kind: "iban" });
    }
  }
  return spans;
}

/** End of exactly `length` alphanumerics from `start`, single spaces between them allowed; else undefined. */
function collect(text: string, start: number, length: number): number | undefined {
  let pos = start;
  let taken = 0;
  while (taken < length && pos < text.length) {
    const ch = text.charAt(pos);
    if (ALNUM.test(ch)) {
      taken++;
      pos++;
    } else if (ch === " " && taken >= 4 && ALNUM.test(text.charAt(pos + 1))) {
      pos++;
    } else {
      break;
    }
  }
  if (taken !== length) return undefined;
  // The account number must end here: a further letter or digit glued on means it is something else.
  return ALNUM.test(text.charAt(pos)) ? undefined : pos;
}
