// Shared shapes of the privacy scrubber: what it finds and what it puts in its place.

/** Kinds of personal data the scrubber replaces. "postcode" covers every address form. */
export type PiiKind = "bsn" | "iban" | "phone" | "email" | "postcode" | "dob" | "name" | "kenteken" | "nummer";

/** Scrubbed text plus how many items of each kind were replaced. */
export type ScrubResult = { text: string; found: Record<PiiKind, number> };

/** A stretch of text [start, end) holding one item of personal data. */
export type Span = { start: number; end: number; kind: PiiKind };

/** A detector reads text and returns the spans to replace, sorted and not overlapping. */
export type Detector = (text: string) => Span[];

export const PII_KINDS: readonly PiiKind[] = [
  "bsn",
  "iban",
  "phone",
  "email",
  "postcode",
  "dob",
  "name",
  "kenteken",
  "nummer",
];

/** Dutch placeholders; none holds a digit, an @ or a lowercase letter, so a second scrub leaves them be. */
export const PLACEHOLDERS: Record<PiiKind, string> = {
  bsn: "[BSN]",
  iban: "[IBAN]",
  phone: "[TELEFOON]",
  email: "[EMAIL]",
  postcode: "[ADRES]",
  dob: "[GEBOORTEDATUM]",
  name: "[NAAM]",
  kenteken: "[KENTEKEN]",
  nummer: "[NUMMER]",
};
