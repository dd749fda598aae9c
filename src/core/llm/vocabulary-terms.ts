// How actors and laws are written in running Dutch text, for the grounding check. Built from
// map/vocabulary.json (ids and labels, so a new actor or law is covered at once) plus the
// short forms workers and models use ("Wmo", "de SVB", "Het Juiste Loket"). A mention of
// "gemeente" alone names the municipality without saying which department: it matches any
// gemeente-* actor (GEMEENTE_FAMILY).
import { ACTOR_LABELS, LAW_LABELS, actorName } from "../map/vocabulary.js";

export const GEMEENTE_FAMILY = "gemeente*";

/** Extra written forms per actor id (beyond id, short label and its "/"-parts). */
const ACTOR_ALIASES: Record<string, string[]> = {
  "gemeente-wijkteam": ["wijkteam", "buurtteam", "sociaal team", "sociaal wijkteam"],
  "gemeente-inkomen": ["Werk en Inkomen", "Werk & Inkomen", "sociale dienst"],
  "gemeente-burgerzaken": ["Burgerzaken"],
  "gemeente-schuldhulp": ["schuldhulp van de gemeente"],
  "belastingdienst-toeslagen": ["Dienst Toeslagen", "Toeslagen"],
  zorgverzekeraar: ["verzekeraar", "zorgverzekering", "basisverzekering"],
  rechtbank: ["kantonrechter", "rechter", "kinderrechter"],
  "gecertificeerde-instelling": ["GI"],
  "raad-kinderbescherming": ["Raad voor de Kinderbescherming", "Kinderbescherming", "RvdK"],
  svb: ["Sociale Verzekeringsbank"],
  uwv: [],
  "landelijk-escalatieteam": ["LET", "escalatieteam"],
  "landelijk-maatwerkloket": ["Maatwerkloket"],
  "juiste-loket": ["Juiste Loket"],
  woningcorporatie: ["corporatie"],
};

/** Short forms per law id (beyond id, label and label without year or parentheses). */
const LAW_ALIASES: Record<string, string[]> = {
  "wmo-2015": ["Wmo", "Wmo 2015"],
  zvw: ["Zvw"],
  wlz: ["Wlz"],
  wgs: ["Wgs"],
  awb: ["Awb"],
  "wet-brp": ["Wet BRP"],
  awir: ["Awir"],
  "wet-op-de-huurtoeslag": ["Wht"],
  participatiewet: ["Pw"],
  faillissementswet: ["Wsnp"],
  bw: ["BW", "Burgerlijk Wetboek"],
  aow: ["AOW"],
  akw: ["AKW", "Kinderbijslagwet"],
  wia: ["WIA"],
  ww: ["WW"],
  wajong: ["Wajong"],
  "wsf-2000": ["Wsf", "Wsf 2000"],
  wvggz: ["Wvggz"],
  "vreemdelingenwet-2000": ["Vreemdelingenwet"],
  "wet-inburgering-2021": ["Wet inburgering"],
  "huisvestingswet-2014": ["Huisvestingswet"],
};

/** All-caps short forms that are also everyday words in lower case: match them in capitals only. */
const CAPS_ONLY = new Set(["let", "duo", "ind", "gi", "pw"]);

export interface Term {
  kind: "actor" | "law";
  id: string;
  re: RegExp;
  length: number;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}

function term(kind: Term["kind"], id: string, alias: string): Term | undefined {
  const a = alias.trim();
  if (a.length < 2) return undefined;
  const capsOnly = a === a.toUpperCase() && CAPS_ONLY.has(a.toLowerCase());
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(a)}(?![\\p{L}\\p{N}])`, capsOnly ? "gu" : "giu");
  return { kind, id, re, length: a.length };
}

function actorForms(id: string): string[] {
  const short = actorName(id);
  // "Gemeente - Wmo" is a full name; its parts alone ("Wmo", "wonen") are not this actor.
  const forms = [id, short, ...short.split(/\s+\/\s+/)];
  if (/^(het|de)\s/i.test(short)) forms.push(short.replace(/^(het|de)\s+/i, ""));
  return forms.filter((f) => !/^gemeente$/i.test(f));
}

function lawForms(id: string, label: string): string[] {
  const bare = label.replace(/\s*\(.*\)\s*$/, "").trim();
  return [id, id.replace(/-/g, " "), label, bare, bare.replace(/\s+\d{4}$/, "")];
}

function build(): Term[] {
  const terms: Term[] = [];
  for (const id of Object.keys(ACTOR_LABELS)) {
    for (const f of new Set([...actorForms(id), ...(ACTOR_ALIASES[id] ?? [])])) {
      const t = term("actor", id, f);
      if (t) terms.push(t);
    }
  }
  for (const f of ["gemeente", "gemeenten", "gemeentes", "gemeentelijke"])
    terms.push(term("actor", GEMEENTE_FAMILY, f)!);
  for (const [id, label] of Object.entries(LAW_LABELS)) {
    for (const f of new Set([...lawForms(id, label), ...(LAW_ALIASES[id] ?? [])])) {
      const t = term("law", id, f);
      if (t) terms.push(t);
    }
  }
  // Longest first: "Gemeente - Wmo" is one actor, not the family plus a law.
  return terms.sort((a, b) => b.length - a.length);
}

export const TERMS: readonly Term[] = build();

export interface Mention {
  kind: "actor" | "law";
  id: string;
  start: number;
  end: number;
}

/** Actor and law mentions in a text, in reading order, longest form winning on overlap. */
export function findMentions(text: string): Mention[] {
  const taken: Array<[number, number]> = [];
  const out: Mention[] = [];
  for (const t of TERMS) {
    for (const m of text.matchAll(t.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      out.push({ kind: t.kind, id: t.id, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
