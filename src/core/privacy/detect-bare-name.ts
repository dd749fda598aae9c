// Names without a title: "Fatima El Amrani belde", "haar zoon Mohammed Jansen", "ik sprak
// fatima gisteren". Runs after detect-name.ts (forms of address and cues) on what that left.
//
// A word is a name when
// - it is capitalised mid-sentence and is a known first name or surname, or is no Dutch word,
//   place, organisation or map term (chat capitalises little else mid-sentence);
// - it opens a sentence and is a known name that is no Dutch word ("Fatima belde"), or a known
//   name followed by a verb or by another name ("Bakker belde", "Roos Jansen");
// - it is lower case, a known name and no Dutch word ("fatima", "yilmaz");
// - it is all capitals, a known name and at least three letters ("JANSEN", dossier style);
// - or it is another mention of a word found as a name in the same text.
// Particles between and before names belong to the name ("Fatima van der Berg"). Places,
// organisations and map terms are never a name here, so "Amsterdam", "Zilveren Kruis" and
// "Participatiewet" survive. Missing a name is the worse error: a capitalised word the lists do
// not know is taken for a name.
import { COMMON_WORDS, INSTITUTIONS, PARTICLES } from "./common-words.js";
import { isDutchWord, type NameData } from "./name-data.js";
import type { Span } from "./types.js";

const TOKEN = /(?<![\p{L}\p{N}_'’\-[])\p{L}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*(?![\p{L}\p{N}_@\]])/gu;
const VERB_AFTER =
  /[ \t]+(?:belde|belt|heeft|had|is|was|wil|wilde|zegt|zei|kreeg|krijgt|woont|woonde|kwam|komt|vraagt|vroeg|mailde|mailt|stuurde|stuurt|kan|kon|moet|moest|zit|zat|werkt|werkte|ontvangt|betaalt|weet|vindt|gaat|ging|appte|appt|en|van|uit)(?![\p{L}])/uy;
const POSSESSIVE = /['’]s$/u;
/** Lower-case words a known-name list may hold but that are chat words first. */
const NOT_LOWER = new Set(["ben", "mee", "aan", "wil", "kan", "will", "hoi", "said", "can", "mark", "rick", "bas"]);

const ADDRESS_WORDS = new Set([
  "mevrouw",
  "meneer",
  "mijnheer",
  "heer",
  "mevr",
  "mvr",
  "mw",
  "dhr",
  "mnr",
  "familie",
  "fam",
]);

type Tok = { start: number; end: number; word: string; lower: string };

/** Spans of names written without a title. */
export function detectBareNames(text: string, data: NameData, vocabulary: ReadonlySet<string>): Span[] {
  const toks: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[0].length < 2) continue;
    const word = m[0].includes("s") ? m[0].replace(POSSESSIVE, "") : m[0];
    toks.push({ start: m.index, end: m.index + word.length, word, lower: word.toLowerCase() });
  }
  const c = classifier(data, vocabulary);
  const hit = toks.map(() => false);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const atStart = opensSentence(text, t.start);
    const prev = toks[i - 1];
    const afterAddress = prev !== undefined && ADDRESS_WORDS.has(prev.lower) && gapOk(text, prev, t);
    hit[i] = c.isName(t, atStart, () => nextIsName(i), verbAt(text, t.end), afterAddress);
  }
  function nextIsName(i: number): boolean {
    const n = toks[i + 1];
    if (!n || !gapOk(text, toks[i]!, n)) return false;
    return c.isName(n, false, () => false, false);
  }
  // Every other mention of a word found as a name, in any position and case.
  const named = new Set(toks.filter((_, i) => hit[i]).map((t) => t.lower));
  for (let i = 0; i < toks.length; i++)
    if (!hit[i] && named.has(toks[i]!.lower) && !c.guarded(toks[i]!.lower)) hit[i] = true;
  // Join a name with the particles before it and the particles + capitalised words after it.
  const spans: Span[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!hit[i]) continue;
    let first = i;
    while (first > 0 && PARTICLES.has(toks[first - 1]!.lower) && gapOk(text, toks[first - 1]!, toks[first]!)) first--;
    // A particle that opens the text or a sentence is a surname's only when a name precedes it.
    if (first < i && !(first > 0 && hit[first - 1] && gapOk(text, toks[first - 1]!, toks[first]!))) {
      if (!/\p{Ll}/u.test(toks[first]!.word[0]!)) first = i;
    }
    let last = i;
    for (let j = i + 1; j < toks.length && gapOk(text, toks[j - 1]!, toks[j]!); j++) {
      const t = toks[j]!;
      if (hit[j]) {
        last = j;
        continue;
      }
      if (PARTICLES.has(t.lower) && j - last <= 3) continue;
      if (!toks.slice(last + 1, j).every((p) => PARTICLES.has(p.lower))) break;
      if (!/^\p{Lu}/u.test(t.word) || c.guardedSurname(t.lower)) break;
      last = j; // "Fatima van der Berg", "Anna ter Horst": a plain word after a name and particles is a surname
    }
    if (last < i) last = i;
    const start = toks[first]!.start;
    const end = toks[last]!.end;
    const prev = spans.at(-1);
    if (prev && start <= prev.end + 1 && /^[ \t]*$/.test(text.slice(prev.end, start)))
      prev.end = Math.max(prev.end, end);
    else spans.push({ start, end, kind: "name" });
    i = last;
  }
  return spans;
}

function verbAt(text: string, pos: number): boolean {
  VERB_AFTER.lastIndex = pos;
  return VERB_AFTER.test(text);
}

/** True when only spaces, quotes or a bullet stand between `pos` and a sentence end (or the start). */
function opensSentence(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && /[\s"'“‘(]/u.test(text[i]!)) {
    if (text[i] === "\n") return true;
    i--;
  }
  if (i < 0) return true;
  const ch = text[i]!;
  if (".!?:;".includes(ch)) return true;
  // A bullet at the start of a line: "- Fatima belde".
  return "-*•>".includes(ch) && (i === 0 || text[i - 1] === "\n");
}

function gapOk(text: string, a: Tok, b: Tok): boolean {
  return /^[ \t]{1,3}$/.test(text.slice(a.end, b.start));
}

function classifier(data: NameData, vocabulary: ReadonlySet<string>) {
  const memo = <T>(f: (w: string) => T): ((w: string) => T) => {
    const seen = new Map<string, T>();
    return (w) => {
      let v = seen.get(w);
      if (v === undefined) {
        v = f(w);
        seen.set(w, v);
      }
      return v;
    };
  };
  const known = (w: string): boolean => data.firstNames.has(w) || data.surnames.has(w);
  /** Never a name on its own: places, organisations, map terms, everyday chat words. */
  const guarded = (w: string): boolean =>
    data.places.has(w) ||
    data.nonNames.has(w) ||
    INSTITUTIONS.has(w) ||
    COMMON_WORDS.has(w) ||
    PARTICLES.has(w) ||
    vocabulary.has(w);
  const dutch = (w: string): boolean => w.length > 14 || isDutchWord(w, data.words);
  const parts = (w: string): string[] => w.split("-").filter((p) => p.length > 0);
  /** "Jan-Willem", "El-Amrani": every part a known name or a particle, one at least a name. */
  const knownWord = memo((w: string): boolean => {
    if (!w.includes("-")) return known(w);
    const ps = parts(w);
    return ps.some(known) && ps.every((p) => known(p) || PARTICLES.has(p));
  });
  const guardedWord = memo((w: string): boolean => guarded(w) || guarded(parts(w)[0] ?? w));
  // "Wmo-aanvraag", "Sociaal-medisch": judged by the first part; "Jan-Willem" (names only) is no word.
  const dutchWord = memo(
    (w: string): boolean =>
      dutch(w) || (w.includes("-") && !parts(w).every((p) => known(p) || PARTICLES.has(p)) && dutch(parts(w)[0] ?? w)),
  );
  function isName(
    t: Tok,
    atStart: boolean,
    nextIsName: () => boolean,
    verbAfter: boolean,
    afterAddress = false,
  ): boolean {
    const w = t.lower;
    if (w.length < 2 || guardedWord(w)) return false;
    const letters = t.word.replace(/[^\p{L}]/gu, "");
    const upper = letters === letters.toUpperCase();
    const capital = /^\p{Lu}/u.test(t.word);
    if (upper && letters.length > 1) return knownWord(w) && letters.length >= 3; // "JANSEN", not "UWV"
    if (!capital) {
      if (w.length < 3 || !knownWord(w) || NOT_LOWER.has(w)) return false;
      return !dutchWord(w) || afterAddress; // "mevrouw bakker": after a form of address a word-like name too
    }
    if (!atStart) return knownWord(w) || !dutchWord(w);
    if (knownWord(w) && !dutchWord(w)) return true;
    if (knownWord(w) || !dutchWord(w)) return verbAfter || nextIsName();
    return false;
  }
  /** After a name and particles a place is a surname too ("Anna ter Horst"); an organisation is not. */
  const guardedSurname = memo(
    (w: string): boolean => guardedWord(w) && !(data.places.has(w) && !data.nonNames.has(w) && !INSTITUTIONS.has(w)),
  );
  return { isName, guarded: guardedWord, guardedSurname };
}
