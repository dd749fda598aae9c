// Case context in a question that changes who is aan zet within one entry: a Wlz-indicatie
// moves most care to the zorgkantoor; an age under or over 18 moves it between Jeugdwet and
// Wmo/Zvw. Entries carry those alternatives as fallback items with their condition; this
// module only decides whether the question clearly states that condition.
import type { AanZetItem, MapEntry } from "../map/schema.js";
import { normalize } from "../text/normalize.js";

export interface CaseContext {
  wlz: boolean;
  age?: number | undefined;
}

const AGE_PATTERNS = [
  /\b(\d{1,2})(?: \d)? ?(?:jaar|jr|jarige|jarig|j)\b/,
  /\b(?:jongen|meisje|kind|kindje|zoon|zoontje|dochter|dochtertje|jongere|tiener|client|cliente|mevr|mw|dhr|man|vrouw|broer|zus|puber)(?: van)? (\d{1,2})\b/,
];

/** Read the case context from a (scrubbed) question. */
export function caseContext(question: string): CaseContext {
  const n = normalize(question);
  const wlz = /\bwlz\b/.test(n) && !/\b(geen|zonder|nog geen) wlz/.test(n);
  let age: number | undefined;
  for (const p of AGE_PATTERNS) {
    const m = p.exec(n);
    if (m) {
      const v = Number(m[1]);
      if (v >= 0 && v <= 110) {
        age = v;
        break;
      }
    }
  }
  return { wlz, age };
}

function mentions(item: AanZetItem, re: RegExp): boolean {
  return re.test(normalize(item.condition));
}

/**
 * The item that the question's context makes primary, if it is not the listed primary:
 * only a fallback item whose own condition names that context qualifies.
 */
export function contextualPrimary(entry: MapEntry, ctx: CaseContext): AanZetItem | undefined {
  const primary = entry.aanZet.find((a) => a.role === "primary");
  if (!primary) return undefined;
  const others = entry.aanZet.filter((a) => a !== primary && a.role === "fallback");
  if (ctx.wlz && primary.law !== "wlz" && !mentions(primary, /\bwlz\b/)) {
    const w = others.find((a) => a.law === "wlz" && mentions(a, /\bwlz\b/));
    if (w) return w;
  }
  if (ctx.age !== undefined) {
    const minor = ctx.age < 18;
    if (minor && primary.law !== "jeugdwet" && !mentions(primary, /\b(kind|kinderen|jeugd|jongeren|onder 18)\b/)) {
      const j = others.find(
        (a) =>
          (a.law === "jeugdwet" || a.law === "zvw") && mentions(a, /\b(kind|kinderen|onder 18|jonger dan 18|jeugd)\b/),
      );
      if (j) return j;
    }
    if (!minor && primary.law === "jeugdwet") {
      const adult = others.find(
        (a) => a.law !== "jeugdwet" && mentions(a, /\b(18|volwassen|volwassene|meerderjarig)\b/),
      );
      if (adult) return adult;
    }
  }
  return undefined;
}

/** The entry's aanZet list with `promoted` as the first primary and the old primary a fallback. */
export function promote(items: AanZetItem[], promoted: AanZetItem): AanZetItem[] {
  return [
    { ...promoted, role: "primary" },
    ...items.filter((a) => a !== promoted).map((a) => (a.role === "primary" ? { ...a, role: "fallback" as const } : a)),
  ];
}

/** Re-rank factor for an entry given the case context: age and Wlz signals in the question. */
export function contextFactor(entry: MapEntry, ctx: CaseContext): number {
  const head = normalize([entry.title, entry.choiceLabel ?? "", ...entry.keywords].join(" "));
  let f = 1;
  if (ctx.age !== undefined) {
    const forKids = /\b(kind|kinderen|jeugd|jeugdhulp|onder 18|minderjarig|jongere|jongeren)\b/.test(head);
    const forAdults = /\b(volwassen|volwassene|volwassenen|18 plus|vanaf 18|18\+)\b/.test(head);
    if (ctx.age < 18) f *= forAdults && !forKids ? 0.8 : forKids ? 1.15 : 1;
    else f *= forKids && !forAdults ? 0.85 : forAdults ? 1.1 : 1;
  }
  if (ctx.wlz && /\bwlz\b/.test(head)) f *= 1.1;
  return f;
}
