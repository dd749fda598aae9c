// Reading a chat message beyond its words: which age band it mentions, whether it reports a
// blockage or asks for a procedure, and whether it is a reply to a colleague rather than a case.

// Ages decide which rules apply (jeugd under 18, young-adult rules 18-20, 21-26): "kind van 10"
// and "jongen van 19" are different problems even when the rest reads alike.
const PERSON =
  "kind|kindje|zoon|dochter|jongen|meisje|jongere|jongeman|tiener|puber|man|vrouw|meneer|mevrouw|mevr|mw|dhr|heer|dame|moeder|vader|client|cliente|baby|broer|zus|student|leerling|pleegkind";
const AGE = new RegExp(
  `\\b(?:${PERSON})\\s+(?:van\\s+)?(\\d{1,2})(?!\\s*(?:euro|procent|uur|dagen|weken|maanden|keer))\\b` +
    `|\\b(\\d{1,2})\\s*(?:jarige|jarigen|jarig|jr)\\b|\\b(?:is|wordt|bijna|jonger dan|onder de)\\s+(1[2-9]|[2-9]\\d)\\b`,
  "g",
);

// What kind of question it is. A knelpunt reports a blockage ("krijgt geen", "weigert", "loopt
// vast"); a how-to question asks for a procedure ("hoe vraag ik ... aan"). On one topic they are
// different problems, so each kind is a feature of its own.
const BLOCKAGE =
  /\b(geen|niet|nergens|weigert|weigeren|weigering|geweigerd|afgewezen|afwijzing|wijst af|stopt|gestopt|stopgezet|beeindigd|vervalt|vervallen|kwijt|kwijtraakt|vast|muurvast|vastgelopen|blokkeert|geblokkeerd|dreigt|terwijl|pas na|nee)\b/;
const PROCEDURE =
  /\b(hoe vraag|vraag ik|vraag je|aanvragen|aanvraag|hoe werkt|hoe lang duurt|hoe lang|hoe gaat dat|welke formulieren|formulier|waar kan ik|waar vraag|waar vind ik|hoe regel ik|recht op|heeft hij recht|heeft zij recht|valt dat onder|wat is de|wat zijn de|wat kost|hoeveel|welke regels|wat gebeurt er|hoe zit het)\b/;

/** "blockage", "procedure" or undefined for a normalised text. */
export function questionKind(normalised: string): "blokkade" | "procedure" | undefined {
  if (BLOCKAGE.test(normalised)) return "blokkade";
  if (PROCEDURE.test(normalised)) return "procedure";
  return undefined;
}

/** Age-band concepts mentioned in a normalised text. */
export function ageBands(normalised: string): string[] {
  const out = new Set<string>();
  for (const m of normalised.matchAll(AGE)) {
    const n = Number(m[1] ?? m[2] ?? m[3]);
    if (!Number.isFinite(n) || n < 1 || n > 110) continue;
    if (n < 18) out.add("leeftijd-minderjarig");
    else if (n <= 20) out.add("leeftijd-18-20");
    else if (n <= 26) out.add("leeftijd-21-26");
    else if (n >= 67) out.add("leeftijd-oudere");
  }
  return [...out];
}

// Chat replies to a colleague ("bij ons gaat dat via ...") are answers, not new cases.
const REPLY_START =
  /^(bij ons|volgens mij|ja[,. !]|nee[,. !]|klopt|probeer|wij hebben|wij doen|dat (gaat|loopt|kan|is|moet|hebben|heb)|je kunt|je kan|check|top|dank|thanks|super|misschien|ik zou|ik heb dat|ik had|@|haha|ah |oh |oke|ok[ ,.!])/i;

/** True when a passive message reads as an answer or reaction rather than a case. */
export function looksLikeReply(text: string): boolean {
  const t = text.trim();
  return !t.includes("?") && REPLY_START.test(t);
}
