// Dutch texts the Teams adapter shows itself (B1, short). Answers and flow wording come from
// the core; these are only about Teams' own surfaces (cards, forms, relays).

export const TEAMS_MSG = {
  // answer cards
  whoLabel: "Aan zet",
  otherLabel: "Anders",
  lawLabel: "Wet",
  routesLabel: "Als het vastloopt",
  confidenceLabel: "Zekerheid",
  confirmedLabel: "Bevestigd",
  confirmed: (on: string) => `door een coach (${on})`,
  noLaw: "geen vaste wet",
  sourcesLabel: "Bronnen",
  // coach correction form
  correctLabel: "Wat klopt er niet, en wat is het goede antwoord?",
  correctHint: "Je correctie wordt een voorstel voor de regelkaart. Zet er geen namen of andere persoonsgegevens in.",
  correctPlaceholder: "Schrijf kort wat er beter moet.",
  correctSubmit: "Verstuur",
  correctEmpty: "Schrijf kort wat er beter moet.",
  // private replies in a channel
  privateFailed: "Ik kon je geen privébericht sturen. Open een chat met mij en stel je vraag daar.",
  privateSent: "Ik heb je een privébericht gestuurd.",
  // anonymous sparring
  anonEmpty:
    "Typ je vraag achter anoniem, bijvoorbeeld: anoniem hoe ga ik om met een cliënt die steeds afzegt? Zet er geen namen of andere persoonsgegevens in.",
  anonOff: "Anoniem vragen staat nog niet aan. Vraag je beheerder om het coaches-kanaal in te stellen.",
  anonOnlyPersonal: "Anoniem vragen kan alleen in een privéchat met mij. Zo ziet niemand dat de vraag van jou komt.",
  anonPosted:
    "Je vraag staat zonder jouw naam bij de coaches. Ik stuur hun antwoord hier naar je door. Persoonsgegevens heb ik weggehaald.",
  anonTitle: "Anonieme vraag van een collega",
  anonHint:
    "Antwoord met de knop hieronder, of in deze thread met @aanzet. Ik stuur je antwoord door naar de vrager. Je naam gaat mee.",
  anonAnswerButton: "Antwoord",
  anonAnswerLabel: "Je antwoord aan de collega",
  anonAnswerSubmit: "Stuur door",
  anonRelay: (coach: string | undefined) =>
    `Antwoord van ${coach ? `coach ${coach}` : "een coach"} op je anonieme vraag:`,
  anonRelayed: "Je antwoord is doorgestuurd naar de collega.",
  anonGone: "Deze anonieme vraag kan ik niet meer vinden. Misschien is hij te oud.",
  anonRelayFailed: "Ik kon je antwoord nu niet doorsturen. Probeer het zo nog eens.",
  anonAnswerEmpty: "Schrijf eerst je antwoord.",
} as const;
