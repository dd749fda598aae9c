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
  // anonymous sparring
  anonEmpty: "Typ je vraag achter /aanzet anoniem. Zet er geen namen of andere persoonsgegevens in.",
  anonOff: "Anoniem vragen staat nog niet aan. Vraag je coach om het coaches-kanaal in te stellen.",
  anonPosted:
    "Je vraag staat zonder jouw naam bij de coaches. Ik stuur hun antwoord naar je door in een privébericht. Persoonsgegevens heb ik weggehaald.",
  anonQuestion: (text: string) =>
    `*Anonieme vraag van een collega*\n>${text.replace(/\n/g, "\n>")}\nAntwoord in deze thread. Ik stuur je antwoord door naar de vrager. Je naam gaat mee.`,
  anonRelay: (coach: string, text: string) => `*Antwoord van coach <@${coach}> op je anonieme vraag:*\n${text}`,
  // passive listening
  listenUsage: "Gebruik: /aanzet luister aan, of /aanzet luister uit.",
  listenCoachOnly: "Alleen een coach kan meeluisteren aan- of uitzetten.",
  listenOn:
    "aanzet luistert vanaf nu mee in dit kanaal. Ik geef hier geen antwoord op vragen zonder @aanzet. Ik tel alleen vragen die vaak terugkomen, zonder namen, zodat de coaches knelpunten zien. Een coach zet dit uit met /aanzet luister uit.",
  listenOff: "aanzet luistert niet meer mee in dit kanaal.",
  listenAlreadyOn: "Meeluisteren staat al aan in dit kanaal.",
  listenAlreadyOff: "Meeluisteren staat al uit in dit kanaal.",
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
