// A light Dutch stemmer (after Kraaij & Pohlmann's rules, simplified): conflates plural,
// diminutive and inflected forms ("rolstoelen", "rolstoeltje" -> "rolstoel") so that chat
// wording meets map wording. Over-stemming is harmless here because both sides use it.

const VOWELS = /[aeiouy]/;

function undouble(w: string): string {
  // "kk", "dd", "tt" at the end after stripping: "bedden" -> "bedd" -> "bed"
  return /([bcdfgklmnprstvz])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** Stem one normalised token. Short tokens and numbers are returned unchanged. */
export function stem(token: string): string {
  let w = token;
  if (w.length <= 3 || /^\d/.test(w)) return w;
  // diminutives: -etje, -tje, -pje, -je
  for (const suf of ["etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je"]) {
    if (w.endsWith(suf) && w.length - suf.length >= 3) {
      w = w.slice(0, -suf.length);
      return finish(w);
    }
  }
  if (w.endsWith("heden") && w.length > 7) return w.slice(0, -5) + "heid";
  if (w.endsWith("ingen") && w.length > 7) return w.slice(0, -2);
  for (const suf of ["ene", "ende", "end"]) {
    if (w.endsWith(suf) && w.length - suf.length >= 4) return finish(w.slice(0, -suf.length));
  }
  if (w.endsWith("en") && w.length >= 6 && !w.endsWith("een")) {
    return finish(w.slice(0, -2));
  }
  if (w.endsWith("s") && w.length >= 5 && !/[aeiouy]s$|ss$|is$/.test(w)) {
    return finish(w.slice(0, -1));
  }
  if (w.endsWith("e") && w.length >= 5 && !w.endsWith("ee") && !w.endsWith("ie")) {
    return finish(w.slice(0, -1));
  }
  return w;
}

function finish(w: string): string {
  let r = undouble(w);
  // restore a long vowel lost by Dutch spelling: "stoelen" is fine, "traplift"; "kosten" ->
  // "kost"; "boeten" -> "boet"; "uren" -> "ur" would be too short, so keep >= 3 letters.
  if (r.length < 3 || !VOWELS.test(r)) return w;
  // "v"/"z" alternation: "brieven" -> "briev" -> "brief", "huizen" -> "huiz" -> "huis"
  if (r.endsWith("v")) r = r.slice(0, -1) + "f";
  else if (r.endsWith("z")) r = r.slice(0, -1) + "s";
  return r;
}
