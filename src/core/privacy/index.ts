// Public surface of the privacy scrubber. Every chat message goes through scrub() before it is
// stored, logged or sent to an LLM. The choices, each explained where it is made:
// - BSN: 9 digits passing the 11-proef; after a "bsn" label also 8 digits and typo'd numbers.
// - IBAN: mod 97 valid (SEPA, TR, Balkans); a typo'd IBAN of the exact NL shape counts too.
// - Phone: Dutch 10-digit numbers in the usual groupings; 0800/090x service numbers stay.
// - Address ("postcode"): postcode + number, full postcode in capitals, street + number.
// - Date of birth: only next to a birth word; law dates and deadlines stay.
// - Name: after a form of address, "cliënt" (stricter) or "naam:", plus later bare mentions; after
//   cues ("belde", "haar zoon", "moeder", "mijn cliënt", "mevr", "dhr") also a lower-case single name;
//   "Firstname Lastname" opening a sentence before a verb.
// - Kenteken: Dutch sidecodes, dashed in any case, spaced or compact in capitals.
// - Nummer: values behind polis/klant/dossier/zaak/kenmerk/CJIB/relatie labels and any run of 7+
//   digits (not after €, 0800/090x or KvK).
// - Names without a title (detect-bare-name.ts): word lists in data/ (sources in data/SOURCES.md),
//   the Dutch word list, places and the map's own words (createScrubber({ vocabulary })).
export { containsPii, createScrubber, scrub, type ScrubberOptions } from "./scrub.js";
export { scrubValue } from "./scrub-value.js";
export { mapVocabulary } from "./vocabulary.js";
export { isValidBsn, isValidIban } from "./checksums.js";
export { PII_KINDS, PLACEHOLDERS, type PiiKind, type ScrubResult } from "./types.js";
