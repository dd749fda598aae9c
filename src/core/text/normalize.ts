// Text normalisation for Dutch chat questions: lowercase, no diacritics (cliënt = client),
// punctuation to spaces, numbers kept. Used for both the map index and the question.

/** Lowercase, strip diacritics and punctuation; keeps letters, digits and single spaces. */
export function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]s\b/g, "s") // "pgb's" -> "pgbs", "opa's" -> "opas"
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Normalised tokens of a text, in order. */
export function tokenize(text: string): string[] {
  const n = normalize(text);
  return n.length === 0 ? [] : n.split(" ");
}

/**
 * Words that carry no topic: Dutch function words plus the chat phrasing of the question
 * itself ("wie betaalt", "aan zet", "kan ik"), so they never decide which entry matches.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "de het een en of maar want dus dan als om te ten ter van voor door met bij naar uit op in aan af tot tegen over onder na " +
    "ik jij je u hij zij ze we wij jullie hun hem haar mij me mijn zijn jouw uw ons onze die dat deze dit wat wie welke waar wanneer hoe " +
    "waarom er hier daar nog al ook wel niet geen nee ja heel erg veel weinig meer minder zo zoals even toch eigenlijk gewoon echt " +
    "is ben bent was waren wordt worden werd geworden kan kun kunt kunnen kon moet moeten mag mogen wil wilt willen zal zou zouden " +
    "heb hebt heeft hebben had gaat gaan ga doet doen deed krijgt krijgen kreeg regelen regelt geregeld betaalt betalen betaald " +
    "vergoedt vergoeden vergoed vergoeding zit zitten staat staan komt komen kom iemand iets alles niets iedereen men mensen " +
    "vraag vragen vraagje weet weten iemand hallo hoi hey hi goedemorgen goedemiddag dank bedankt thanks groet groeten alvast " +
    "zet zetten aanzet aan beurt verantwoordelijk verantwoordelijkheid nou he hé ok oke okay graag help hulpvraag casus situatie " +
    "eens vind vindt vinden vond nieuw nieuwe nieuws valt vallen viel steeds weg daarvoor daarna daarom daarbij daardoor omdat toen nu straks later eerst soms vaak altijd nooit " +
    "ander andere anders zelf zelfs elk elke iedere alle beide via per binnen buiten zonder tijdens sinds vanaf bijv bv etc enz alleen weer " +
    "team teams tips tip idee ideeen iemand snap snapt begrijp weetje lukt goed beter slecht fijn leuk mooi raar " +
    "aanvragen aanvraag aangevraagd aanvraagt vraagt nodig nodige precies iets snel graag hulpje " +
    "client clienten clientje cliente klant inwoner inwoonster meneer mevrouw mevr mw dhr heer jaar jaren jr jarige oud"
  ).split(/\s+/),
);
