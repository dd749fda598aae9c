// Dutch texts the Slack adapter shows itself (B1, short). Answers and flow wording come from
// the core; these are only about Slack's own surfaces (threads, modal, App Home, relays).

export const SLACK_MSG = {
  // answer cards
  whoLabel: "Wie is aan zet",
  lawLabel: "Wet",
  stuckLabel: "Lukt dat niet?",
  sourcesLabel: "Bronnen",
  confidence: (label: string) => `Zekerheid: *${label}*`,
  confirmed: (on: string) => `bevestigd door een coach (${on})`,
  checkLocally: "Dit verschilt per gemeente: check de regels van je eigen gemeente.",
  noLaw: "geen vaste wet",
  // /aanzet
  shareButton: "Plaats in kanaal",
  shared: "Geplaatst in het kanaal.",
  sharedBy: (user: string) => `<@${user}> deelt een antwoord van aanzet.`,
  shareGone: "Dit antwoord kan ik niet meer plaatsen. Stel je vraag opnieuw.",
  question: (text: string) => `Vraag: ${text}`,
  emptyAanzet:
    "Typ je vraag achter /aanzet, bijvoorbeeld: /aanzet wie betaalt een traplift? Anoniem vragen aan de coaches: /aanzet anoniem <vraag>.",
  notInChannel: "Ik kan hier niet posten. Nodig mij eerst uit in dit kanaal: /invite @aanzet",
  movedToDm: "Ik kan hier niet posten. Ik ga verder in een privébericht met jou.",
  // flows
  /** Root of a flow thread; `flow` is the command (`/toets`) or the flow id (`escalatie`). */
  flowRoot: (user: string, flow: string) => {
    const f = flow.replace(/^\//, "");
    if (f === "escalatie") return `<@${user}> zet een vastgelopen casus op een rij. Antwoord in deze thread.`;
    if (f === "toets" || f === "omgekeerde-toets")
      return `<@${user}> start de Omgekeerde Toets. Antwoord in deze thread.`;
    return `<@${user}> start een stappenplan. Antwoord in deze thread.`;
  },
  chosen: (label: string) => `Gekozen: ${label}`,
  // modal
  correctTitle: "Corrigeer antwoord",
  correctSubmit: "Verstuur",
  correctCancel: "Annuleer",
  correctLabel: "Wat klopt er niet, en wat is het goede antwoord?",
  correctHint: "Je correctie wordt een voorstel voor de regelkaart. Zet er geen namen of andere persoonsgegevens in.",
  correctEmpty: "Schrijf kort wat er beter moet.",
  // App Home
  homeTitle: "aanzet",
  homeIntro:
    "Stel je vraag over wie aan zet is: met @aanzet in een kanaal, hier in Berichten, of met /aanzet. Met /toets doe je de Omgekeerde Toets, met /escalatie zet je een vastgelopen casus op een rij.",
  homePrivacy: "Zet geen namen, BSN of adressen in je vraag. Ik haal ze weg, maar beter is: niet typen.",
  homeLeadTitle: "Knelpunten om te beoordelen",
  homeLastAction: "Laatste actie",
  homeTruncated: "Er zijn meer knelpunten. Gebruik /knelpunten voor de hele lijst.",
} as const;
