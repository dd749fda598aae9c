// Names after a form of address ("mevrouw Yilmaz-Öztürk", "dhr. J. Jansen", "mw. van den Berg"),
// after "cliënt" (stricter), after "naam:", and every later bare mention of a surname found so.
import { ACADEMIC_TITLES, COMMON_WORDS, INSTITUTIONS, PARTICLES } from "./common-words.js";
import type { Span } from "./types.js";

// A form of address, then the position where a name would start. Dotted forms may touch the name.
const ADDRESS =
  /(?<![\p{L}\p{N}])(?:(?:mevr|mvr|mw|dhr|mnr|mr|fam)\.[ \t]*|(?:mevrouw|mevr|mvr|mw|meneer|mijnheer|dhr|de heer|mr|familie)[ \t]+|naam(?:[ \t]+(?:cli[eë]nte?))?[ \t]*:[ \t]*)/giu;
// "cliënt Piet": a bare capitalised word after "cliënt" is as often a sentence going on, so only
// mixed-case words outside the common-word list count, and no all-caps words.
const CLIENT = /(?<![\p{L}\p{N}])cli[eë]nte?[ \t]+/giu;

// Context cues after which a name follows without a title: "belde Ahmed", "haar zoon Jan-Willem",
// "mijn cliënt fatima", "moeder El Amrani". Parsed strictly (no all-caps, no common words).
const CUE =
  /(?<![\p{L}\p{N}])(?:belde|(?:haar|zijn|mijn|hun|z'n|d'r|de) (?:zoon|zoontje|dochter|dochtertje|broer|zus|man|vrouw|ex|vriend|vriendin)|mijn cli[eë]nte?|moeder|vader|partner)[ \t]+/giu;
// After these cues and the short forms of address ("mevr jansen", "dhr de vries") a lower-case
// single name counts too.
const SHORT_ADDRESS = /^(?:mevr|mvr|mw|dhr|mnr)\b/iu;
const LOWER_NAME = /\p{Ll}[\p{Ll}'’]*(?:-\p{Ll}[\p{Ll}'’]*)*(?![\p{L}\p{N}'’-])/uy;
const NOT_LOWER_NAME =
  /^(?:mij|me|terug|opnieuw|gister|gisteravond|meteen|direct|samen|vanavond|vannacht|stuurde|overleden|overleed|woonde|werkte|betaalde|nam|stopte|gescheiden|getrouwd|bekend|onbekend|afwezig|aanwezig|nodig|erbij|ervan|daarover|hierover|erover|echt|wie|welke|kreeg|krijgen|had|heeft|moest|kon|wilde|zei|vroeg|zegt|belt|komt|woont|zit|staat|ligt|is|was|ziek|dood|dement|blind|doof|bang|blij|moe|zwanger|weg|mee|kwijt|opgenomen|verslaafd|werkloos|dakloos)$|(?:ende?|lijk|ig|isch|heid)$/u;
// A capitalised "Firstname Lastname" opening a sentence, then one of these verbs: "Fatima El Amrani belde".
const SENTENCE_START = /(?:^|[.!?][ \t]+|\n[ \t]*)(?=\p{Lu})/gu;
const VERB_AFTER =
  /^[ \t]+(?:belde|belt|heeft|had|is|was|wil|wilde|zegt|zei|kreeg|krijgt|woont|woonde|kwam|komt|vraagt|vroeg|mailde|mailt|stuurde|stuurt|kan|kon|moet|moest|zit|zat|werkt|werkte|ontvangt|betaalt|weet|vindt|gaat|ging|heb|appte|appt)(?![\p{L}])/u;

const WORD = /[\p{L}'’.]+/uy;
const NAME = /\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*(?![\p{L}\p{N}])/uy;
const INITIALS = /(?:\p{Lu}(?:\.[ \t]?|[ \t])){1,4}/uy;
const GAP = /[ \t]{1,3}/y;
const CAPITALISED = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*(?![\p{L}\p{N}])/gu;
const MAX_NAME_WORDS = 4;

type Found = { span: Span; words: string[] };

/** Spans of names. */
export function detectNames(text: string): Span[] {
  const found: Found[] = [];
  for (const m of text.matchAll(ADDRESS)) {
    const hit = parseName(text, m.index + m[0].length, false);
    if (hit) found.push(hit);
  }
  for (const m of text.matchAll(CUE)) {
    const pos = m.index + m[0].length;
    const hit = parseName(text, pos, true) ?? lowerName(text, pos);
    if (hit) found.push(hit);
  }
  for (const m of text.matchAll(ADDRESS)) {
    if (SHORT_ADDRESS.test(m[0])) {
      const hit = lowerName(text, m.index + m[0].length);
      if (hit) found.push(hit);
    }
  }
  for (const m of text.matchAll(SENTENCE_START)) {
    const pos = m.index + m[0].length;
    const hit = parseName(text, pos, true);
    if (hit && hit.span.start === pos && hit.words.length >= 2 && VERB_AFTER.test(text.slice(hit.span.end)))
      found.push(hit);
  }
  for (const m of text.matchAll(CLIENT)) {
    const hit = parseName(text, m.index + m[0].length, true);
    if (hit) found.push(hit);
  }
  const spans = found.map((f) => f.span);
  spans.push(...laterMentions(text, found));
  return dropOverlaps(spans);
}

/** A lower-case single name at `pos` ("haar zoon ahmed"), not a common word. */
function lowerName(text: string, pos: number): Found | undefined {
  let start = pos;
  for (let i = 0; i < 3; i++) {
    const particle = at(WORD, text, start);
    const gap = particle && PARTICLES.has(particle) ? at(GAP, text, start + particle.length) : undefined;
    if (!particle || !gap) break;
    start += particle.length + gap.length; // "dhr de vries"
  }
  const word = at(LOWER_NAME, text, start);
  if (word === undefined || word.length < 3) return undefined;
  const head = word.split("-")[0] ?? word;
  if (COMMON_WORDS.has(word) || COMMON_WORDS.has(head) || PARTICLES.has(word) || NOT_LOWER_NAME.test(word))
    return undefined;
  return { span: { start: pos, end: start + word.length, kind: "name" }, words: [] };
}

/** Reads a name from `pos`: academic titles, initials, then particles and capitalised words. */
function parseName(text: string, pos: number, strict: boolean): Found | undefined {
  let cur = pos;
  for (let word = at(WORD, text, cur); word && ACADEMIC_TITLES.has(word.toLowerCase()); word = at(WORD, text, cur)) {
    cur += word.length;
    cur += at(GAP, text, cur)?.length ?? 0;
  }
  const start = cur;
  cur += at(INITIALS, text, cur)?.length ?? 0;
  const words: string[] = [];
  let end = -1;
  while (words.length < MAX_NAME_WORDS) {
    let next = cur;
    let particles = 0;
    for (; particles < 3; particles++) {
      const word = at(WORD, text, next);
      if (!word || !PARTICLES.has(word.toLowerCase())) break;
      const gap = at(GAP, text, next + word.length);
      if (!gap) break;
      next += word.length + gap.length;
    }
    const name = at(NAME, text, next);
    if (!name || !isNameWord(name, strict, particles > 0)) break;
    words.push(name);
    end = next + name.length;
    const gap = at(GAP, text, end);
    if (!gap) break;
    cur = end + gap.length;
  }
  if (words.length === 0) return undefined;
  return { span: { start, end, kind: "name" }, words };
}

/** After a particle a plain word is a surname ("van der Meer", "de Wit"), an institution never is. */
function isNameWord(word: string, strict: boolean, afterParticle: boolean): boolean {
  // "Wmo-aanvraag", "UWV-dossier": judged by the first part; "Jan-Willem" (capital after the dash) is a name.
  const head = /-\p{Lu}/u.test(word) ? word : (word.split("-")[0] ?? word);
  const excluded = afterParticle ? INSTITUTIONS : COMMON_WORDS;
  if (word.length < 2 || excluded.has(word.toLowerCase()) || excluded.has(head.toLowerCase())) return false;
  // "mw. JANSEN" is dossier style; after "cliënt" capitals are an acronym more often than a name.
  if (head.length > 1 && head === head.toUpperCase()) return !strict && head.length >= 3;
  return true;
}

/** Bare mentions ("Yilmaz belde") of words already found as part of a name in this text. */
function laterMentions(text: string, found: Found[]): Span[] {
  const words = new Set<string>();
  for (const f of found) {
    for (const w of f.words) {
      for (const part of [w, ...w.split("-")])
        if (part.length >= 3 && !COMMON_WORDS.has(part.toLowerCase())) words.add(part);
    }
  }
  if (words.size === 0) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(CAPITALISED)) {
    if (words.has(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, kind: "name" });
  }
  return spans;
}

function dropOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of sorted) {
    const last = kept.at(-1);
    if (last === undefined || s.start >= last.end) kept.push(s);
  }
  return kept;
}

function at(re: RegExp, text: string, pos: number): string | undefined {
  re.lastIndex = pos;
  return re.exec(text)?.[0];
}
