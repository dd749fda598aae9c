// Dutch readability for the B1 check: Flesch-Douma (Douma 1960, the Dutch adaptation of Flesch's
// Reading Ease) over sentences and words, plus a list of officialese words that B1 readers
// stumble on. Syllables are counted as vowel groups, which is close enough for Dutch (aa, ee,
// ie, oe, ui, eu, ij, ou, au ... are one group; a diaeresis starts a new syllable: "ruïne").

const VOWELS = "aeiouyáéíóúàèìòùâêîôû";

/** Vowel-group syllables of one word (at least 1). */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-zà-ÿ]/g, "");
  if (!w) return 0;
  let n = 0;
  let inVowel = false;
  for (const ch of w) {
    if ("ëïöü".includes(ch)) {
      n++;
      inVowel = true;
    } else if (VOWELS.includes(ch)) {
      if (!inVowel) n++;
      inVowel = true;
    } else {
      inVowel = false;
    }
  }
  return Math.max(1, n);
}

/** Words of a text: letters (with hyphens inside), numbers and ids left out. */
export function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}][\p{L}'-]*/gu) ?? []).filter((w) => /\p{L}{2,}/u.test(w));
}

/**
 * Sentences of a chat text: split on . ! ? : and on new lines (a list item or a button row is its
 * own unit). URLs, placeholders and "art. 2.3.5"-style references are cut out first.
 */
export function sentencesOf(text: string): string[] {
  const clean = text
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\{[^}]*\}/g, "x")
    .replace(/\b(art|nr|bijv|o\.a|d\.w\.z|e\.d|incl|max|min|ca|mw|dhr)\./gi, "$1")
    .replace(/(\d)\.(\d)/g, "$1$2");
  return clean
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/^[-•*#>\s]+/, "").trim())
    .filter((s) => wordsOf(s).length > 0);
}

export interface Score {
  sentences: number;
  words: number;
  syllables: number;
  /** Words per sentence. */
  wps: number;
  /** Flesch-Douma: 206.84 - 0.77 x syllables per 100 words - 0.93 x words per sentence. */
  douma: number;
}

/** Flesch-Douma over a set of sentences. */
export function douma(sentences: readonly string[]): Score {
  let words = 0;
  let syl = 0;
  for (const s of sentences) {
    const ws = wordsOf(s);
    words += ws.length;
    for (const w of ws) syl += syllables(w);
  }
  const n = Math.max(1, sentences.length);
  const wps = words / n;
  const per100 = words ? (syl / words) * 100 : 0;
  return { sentences: sentences.length, words, syllables: syl, wps, douma: 206.84 - 0.77 * per100 - 0.93 * wps };
}

/**
 * Officialese ("ambtelijke") words with a plain B1 alternative, after the Direct Duidelijk and
 * Taalunie plain-language lists. Law names and route names are not on it: a worker must see those.
 */
export const HARD_WORDS: Readonly<Record<string, string>> = {
  indien: "als",
  middels: "met",
  teneinde: "om",
  alsmede: "en",
  tevens: "ook",
  reeds: "al",
  derhalve: "daarom",
  dientengevolge: "daardoor",
  aldus: "zo",
  thans: "nu",
  omtrent: "over",
  inzake: "over",
  ingevolge: "volgens",
  krachtens: "volgens",
  voornoemd: "die",
  onderhavig: "deze",
  desalniettemin: "toch",
  niettemin: "toch",
  hetgeen: "wat",
  zulks: "dat",
  onverwijld: "meteen",
  terstond: "meteen",
  betreffende: "over",
  dienen: "moeten",
  dient: "moet",
  verstrekken: "geven",
  retourneren: "terugsturen",
  woonachtig: "wonend",
  alvorens: "voordat",
  zodoende: "zo",
  wellicht: "misschien",
  doch: "maar",
  gaarne: "graag",
  geacht: "beste",
  conform: "volgens",
  ultimo: "eind",
};

/** Hard words in a text, lowercased, each once. */
export function hardWordsIn(text: string): string[] {
  const found = new Set<string>();
  for (const w of wordsOf(text)) if (HARD_WORDS[w.toLowerCase()] !== undefined) found.add(w.toLowerCase());
  return [...found];
}
