// Burgerservicenummers: 9 digits, bare or as 123 456 782 / 123.456.782 / 123-456-782 / 1234.56.782.
import { isValidBsn } from "./checksums.js";
import type { Span } from "./types.js";

const CANDIDATE =
  /(?<![\p{L}\p{N}])(?<!\p{N}[.,:/-])(?:\d{4}[ .-]\d{2}[ .-]\d{3}|\d{3}[ .-]\d{3}[ .-]\d{3}|\d{8,9})(?![\p{L}\p{N}])(?![.,:/-]\p{N})/gu;

// "bsn", "BSN-nr.", "burgerservicenummer", "sofinummer", then a few words but no digit and no
// sentence break before the number ("bsn van meneer is 123456782"). A placeholder in between
// ("bsn [BSN] of 123456789") ends the label's reach, so a second scrub changes nothing.
const LABEL_BEFORE = /(?<![\p{L}[])(?:bsn|burgerservice|sofi)\p{L}{0,8}(?:[- ]?nr\.?)?[^\p{N}\n.,;!?[\]]{0,20}$/iu;
const EURO_BEFORE = /€ ?$/;

/**
 * Spans of BSNs. Unlabelled, only 9 digits that pass the 11-proef count: a bare 8-digit number is
 * as often a KvK or dossier number, and 123456789 is just a number. Right after a label ("bsn:",
 * "burgerservicenummer") 8 or 9 digits count even with a failing checksum: a typo'd BSN still
 * points at the client.
 */
export function detectBsns(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const before = text.slice(Math.max(0, m.index - 48), m.index);
    const labelled = LABEL_BEFORE.test(before);
    const digits = m[0].replace(/\D/g, "");
    const counts = labelled || (digits.length === 9 && isValidBsn(digits) && !EURO_BEFORE.test(before));
    if (counts) spans.push({ start: m.index, end: m.index + m[0].length, kind: "bsn" });
  }
  return spans;
}
