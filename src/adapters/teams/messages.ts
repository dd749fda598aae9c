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
  // the answer form under an anonymous question (the sparring texts are the core's)
  anonAnswerLabel: "Je antwoord aan de collega",
  anonAnswerSubmit: "Stuur door",
  anonAnswerEmpty: "Schrijf eerst je antwoord.",
} as const;
