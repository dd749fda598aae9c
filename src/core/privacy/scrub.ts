// The privacy scrubber: runs before a chat message is stored, logged or sent to an LLM.
import { detectAddresses } from "./detect-address.js";
import { detectBirthDates } from "./detect-birth-date.js";
import { detectBsns } from "./detect-bsn.js";
import { detectEmails } from "./detect-email.js";
import { detectIbans } from "./detect-iban.js";
import { detectBareNames } from "./detect-bare-name.js";
import { detectNames } from "./detect-name.js";
import { nameData } from "./name-data.js";
import { detectKentekens, detectNumbers } from "./detect-number.js";
import { detectPhones } from "./detect-phone.js";
import { PII_KINDS, PLACEHOLDERS, type Detector, type PiiKind, type ScrubResult, type Span } from "./types.js";

// Order matters: each pass sees the text with the earlier passes' placeholders in it. E-mail goes
// first (an address may hold a phone number or a date), IBAN before phone and BSN (its digits
// would look like either), numbers before addresses and dates, names last.
const HARD_IDENTIFIERS: readonly Detector[] = [detectEmails, detectIbans, detectPhones, detectBsns];
// Kentekens and file numbers after the dates (a compact 12031987 next to "geboren" is a birthday).
// Names without a title last, on what the titled names left.
const BEFORE_BARE_NAMES: readonly Detector[] = [
  ...HARD_IDENTIFIERS,
  detectAddresses,
  detectKentekens,
  detectBirthDates,
  detectNumbers,
  detectNames,
];

export interface ScrubberOptions {
  /** Lower-case words of the regulation map (terms, organisations, laws): never taken for a name. */
  vocabulary?: ReadonlySet<string> | undefined;
}

/** A scrub function that knows the map's words; `scrub` is the same without them. */
export function createScrubber(opts: ScrubberOptions = {}): (text: string) => ScrubResult {
  const vocabulary = opts.vocabulary ?? NO_WORDS;
  const detectors: Detector[] = [...BEFORE_BARE_NAMES, (t) => detectBareNames(t, nameData(), vocabulary)];
  return (text) => run(text, detectors);
}

const NO_WORDS: ReadonlySet<string> = new Set();
const ALL: readonly Detector[] = [...BEFORE_BARE_NAMES, (t) => detectBareNames(t, nameData(), NO_WORDS)];

/** Replaces personal data with Dutch placeholders ([BSN], [NAAM] ...) and counts what it replaced.
 * Pure but for reading the word lists once. */
export function scrub(text: string): ScrubResult {
  return run(text, ALL);
}

/** True when the text holds a BSN, IBAN, phone number or e-mail address that scrub would replace. */
export function containsPii(text: string): boolean {
  const { found } = run(text, HARD_IDENTIFIERS);
  return found.bsn + found.iban + found.phone + found.email > 0;
}

function run(text: string, detectors: readonly Detector[]): ScrubResult {
  const found = Object.fromEntries(PII_KINDS.map((k) => [k, 0])) as Record<PiiKind, number>;
  let out = text;
  for (const detect of detectors) {
    const spans = detect(out);
    if (spans.length > 0) out = replace(out, spans, found);
  }
  return { text: out, found };
}

function replace(text: string, spans: Span[], found: Record<PiiKind, number>): string {
  const parts: string[] = [];
  let pos = 0;
  for (const span of spans) {
    if (span.start < pos) continue; // detectors return no overlaps; a stray one is skipped, not doubled
    parts.push(text.slice(pos, span.start), PLACEHOLDERS[span.kind]);
    found[span.kind]++;
    pos = span.end;
  }
  parts.push(text.slice(pos));
  return parts.join("");
}
