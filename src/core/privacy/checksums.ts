// Check digits of Dutch BSNs (11-proef) and IBANs (ISO 13616, mod 97).

/**
 * True when the number is a BSN by the 11-proef: 9 digits (or 8, read with a leading 0), spaces
 * and dots allowed, weights 9..2 and -1, sum divisible by 11. All zeros passes the sum but is no BSN.
 */
export function isValidBsn(input: string): boolean {
  const raw = input.replace(/[ .]/g, "");
  if (!/^\d{8,9}$/.test(raw)) return false;
  const digits = raw.padStart(9, "0");
  if (/^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * IBAN lengths per country: the SEPA area, Turkey and the Balkans (countries of origin of many
 * clients). Morocco and Suriname have no IBAN in the registry, so they are absent on purpose.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AL: 28,
  AT: 20,
  BA: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  RS: 22,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TR: 26,
  UA: 29,
  VA: 22,
  XK: 20,
};

/** Remainder mod 97 of the IBAN read as a number: country and check digits moved to the end, A=10..Z=35. */
export function ibanRemainder(compact: string): number {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    // Letters count as two digits, so shift twice; digits once. Stays below 2^53 throughout.
    if (code >= 65 && code <= 90) rest = (rest * 100 + (code - 55)) % 97;
    else rest = (rest * 10 + (code - 48)) % 97;
  }
  return rest;
}

/** True when the text (spaces allowed, any case) is an IBAN of a listed country with the right length and mod 97 = 1. */
export function isValidIban(input: string): boolean {
  const compact = input.replace(/[ .]/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  const length = IBAN_LENGTHS[compact.slice(0, 2)];
  if (length === undefined || compact.length !== length) return false;
  return ibanRemainder(compact) === 1;
}

/** Shape of a Dutch IBAN (NLkk BANK 0123456789), checksum not looked at. */
export function hasNlIbanShape(input: string): boolean {
  return /^NL\d{2}[A-Z]{4}\d{10}$/.test(input.replace(/[ .-]/g, "").toUpperCase());
}
