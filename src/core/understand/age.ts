// Ages as workers write them in chat: "17 jaar", "dochter van 15", "18,5", "17-jarige",
// "wordt over twee maanden 18", "onder de 23", "27+", "minderjarig". Pure: no I/O.
//
// These are number patterns, not topic words: which ages matter for which entry is data
// (`when: { ageFrom, ageBelow }` in map/), this module only reads what the message states.

export interface AgeFacts {
  /** The person's age now (may be fractional: 17,5). */
  age?: number;
  /** The age the person is about to reach ("wordt 18", "bijna 18"). */
  turning?: number;
  /** The message bounds the age from below ("27+", "ouder dan 27", "meerderjarig"). */
  ageAtLeast?: number;
  /** The message bounds the age from above, exclusive ("onder de 23", "minderjarig"). */
  ageUnder?: number;
}

// Words after a number that make it no age ("2 maanden", "4 kinderen", "300 euro").
const NOT_AGE_UNIT =
  /^(maand|maanden|mnd|week|weken|dag|dagen|uur|euro|eur|kinderen|kind|keer|procent|personen|kamers|m2|cm|kg|km|nummer)$/;

// Persons a number can follow directly: "dochter 15", "jongen van 17".
const PERSON =
  "kind|kindje|zoon|zoontje|dochter|dochtertje|jongen|meisje|jongere|jongeman|tiener|puber|client|cliente|clientje|mevr|mw|mevrouw|dhr|meneer|man|vrouw|broer|zus|zusje|broertje|opa|oma|moeder|vader|moe|pa|ma|stiefzoon|stiefdochter|pleegkind|pleegzoon|pleegdochter|neef|nicht|student|leerling";

const RE = {
  // "17 jaar", "17,5 jaar", "17 jr", "17-jarige" (punctuation kept: decimals need the comma)
  withUnit: /\b(\d{1,3})(?:[,.](\d))?\s*-?\s*(?:jaar|jr|j|jarige|jarig)\b/g,
  person: new RegExp(`\\b(?:${PERSON})\\s*(?:van|is|,)?\\s*(\\d{1,3})(?:[,.](\\d))?(?!\\d)`, "g"),
  // "is 17 en", "17 en over twee maanden": a bare number after "is" or "(nu)"
  isAge: /\b(?:is|is\s+al|is\s+nu|is\s+pas|is\s+net|nu|pas|net)\s+(\d{1,3})(?:[,.](\d))?(?![\d,.])\s*(\S*)/g,
  turning:
    /\b(?:wordt|word|worden|wordt\s+ze|wordt\s+hij|bijna|binnenkort|straks|wordt\s+over\s+\S+\s+\S+|over\s+\S+\s+(?:maanden|maand|mnd|weken|week|dagen|jaar)(?:\s+(?:al|wordt|is))?)\s+(\d{1,2})\b(?!\s*(?:maanden|maand|mnd|weken|week|dagen|euro))/g,
  turningAfter: /\b(\d{1,2})\s*(?:wordt|worden|word)\b/g,
  turningEe: /\b(?:na\s+(?:zijn|haar|de|het)\s+|vanaf\s+(?:zijn|haar)\s+)(\d{1,2})\s*(?:e|ste|de)\b/g,
  // "als hij 27 is", "als ze 18 wordt", "nu ze 17 is"
  pronoun:
    /\b(?:als|dat|nu|zodra|wanneer)\s+(?:hij|ze|zij|die|het kind|de jongere)\s+(\d{1,3})(?:[,.](\d))?\s+(?:jaar\s+)?(is|wordt|was|word)\b/g,
  under: /\b(?:onder\s+de|jonger\s+dan|tot|beneden\s+de|nog\s+geen)\s+(\d{1,3})(?:\s*(?:jaar|jr))?\b/g,
  atLeast:
    /\b(?:ouder\s+dan|boven\s+de|vanaf|minstens)\s+(\d{1,3})(?:\s*(?:jaar|jr))\b|\b(\d{1,3})\s*\+|\b(\d{1,3})\s*plus\b/g,
  overAge: /\b(?:ouder\s+dan|boven\s+de)\s+(\d{1,3})\b/g,
};

function num(whole: string, dec: string | undefined): number {
  return Number(dec ? `${whole}.${dec}` : whole);
}

const plausible = (n: number): boolean => n >= 0 && n <= 110;

/** Read the age facts from a message (lowercase, diacritics stripped is fine; raw works too). */
export function readAges(raw: string): AgeFacts {
  const text = raw
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const out: AgeFacts = {};
  const set = (k: keyof AgeFacts, n: number) => {
    if (plausible(n) && out[k] === undefined) out[k] = n;
  };

  for (const m of text.matchAll(RE.pronoun))
    set(m[3] === "wordt" || m[3] === "word" ? "turning" : "age", num(m[1]!, m[2]));
  for (const m of text.matchAll(RE.turning)) set("turning", Number(m[1]));
  for (const m of text.matchAll(RE.turningAfter)) set("turning", Number(m[1]));
  for (const m of text.matchAll(RE.turningEe)) set("turning", Number(m[1]));

  for (const m of text.matchAll(RE.withUnit)) {
    // "over 2 jaar", "al 3 jaar", "sinds 5 jaar", "2 jaar geleden": a duration, not an age
    const before = text.slice(Math.max(0, (m.index ?? 0) - 12), m.index).trim();
    if (/\b(over|al|sinds|ruim|bijna|binnen|na|voor|afgelopen|laatste|ongeveer|paar|per|duurt|duurde)$/.test(before))
      continue;
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 10);
    if (/^\s*(geleden|lang|terug|later)\b/.test(after)) continue;
    set("age", num(m[1]!, m[2]));
  }
  for (const m of text.matchAll(RE.person)) {
    const after =
      text
        .slice((m.index ?? 0) + m[0].length)
        .trim()
        .split(/\s+/)[0] ?? "";
    if (NOT_AGE_UNIT.test(after.replace(/[^a-z0-9]/g, ""))) continue;
    set("age", num(m[1]!, m[2]));
  }
  for (const m of text.matchAll(RE.isAge)) {
    if (NOT_AGE_UNIT.test((m[3] ?? "").replace(/[^a-z0-9]/g, ""))) continue;
    if (/^(uur|euro|procent|%)/.test(m[3] ?? "")) continue;
    const n = num(m[1]!, m[2]);
    if (n >= 1 && n <= 105) set("age", n);
  }
  for (const m of text.matchAll(RE.under)) set("ageUnder", Number(m[1]));
  for (const m of text.matchAll(RE.atLeast)) set("ageAtLeast", Number(m[1] ?? m[2] ?? m[3]));
  for (const m of text.matchAll(RE.overAge)) set("ageAtLeast", Number(m[1]) + 1);
  if (/\bminderjarig/.test(text)) set("ageUnder", 18);
  if (/\b(meerderjarig|volwassen)/.test(text)) set("ageAtLeast", 18);
  // A number that was read as the coming age is not also the age now ("wordt 18" read by isAge).
  if (out.age !== undefined && out.turning !== undefined && out.age === out.turning) delete out.age;
  return out;
}

/** The age that decides which rule applies: a coming birthday is what the question is about. */
export function decidingAge(f: AgeFacts): { at?: number; atLeast?: number; under?: number } {
  const at = f.turning ?? f.age;
  return {
    ...(at !== undefined ? { at } : {}),
    ...(f.ageAtLeast !== undefined ? { atLeast: f.ageAtLeast } : {}),
    ...(f.ageUnder !== undefined ? { under: f.ageUnder } : {}),
  };
}
