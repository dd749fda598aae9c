// Dutch texts of the channel features (anonymous sparring, passive listening). B1, short.

export const CHANNEL_MSG = {
  // anonymous sparring
  anonEmpty:
    "Typ je vraag achter anoniem, bijvoorbeeld: anoniem hoe ga ik om met een cliënt die steeds afzegt? Zet er geen namen of andere persoonsgegevens in.",
  anonOff: "Anoniem vragen staat nog niet aan. Vraag je beheerder om het coaches-kanaal in te stellen.",
  anonOnlyPrivate: "Anoniem vragen kan alleen in een privéchat met mij. Zo ziet niemand dat de vraag van jou komt.",
  anonPosted:
    "Je vraag staat zonder jouw naam bij de coaches. Ik stuur hun antwoord naar je door in een privébericht. Persoonsgegevens heb ik weggehaald.",
  anonQuestion: (question: string, howToAnswer: string) =>
    `**Anonieme vraag van een collega**\n${question}\n${howToAnswer} Ik stuur je antwoord door naar de vrager. Je naam gaat mee.`,
  anonAnswerInThread: "Antwoord in deze thread.",
  anonAnswerWithMention: "Antwoord in deze thread met @aanzet.",
  anonAnswerWithButton: "Antwoord met de knop hieronder, of in deze thread met @aanzet.",
  anonAnswerButton: "Antwoord",
  anonRelay: (coach: string | undefined, text: string) =>
    `Antwoord van ${coach ? `coach ${coach}` : "een coach"} op je anonieme vraag:\n${text}`,
  anonRelayed: "Je antwoord is doorgestuurd naar de collega.",
  anonGone: "Deze anonieme vraag kan ik niet meer vinden. Misschien is hij te oud.",
  anonRelayFailed: "Ik kon je antwoord nu niet doorsturen. Probeer het zo nog eens.",
  anonAnswerEmpty: "Schrijf eerst je antwoord.",
  // passive listening
  listenUsage: "Gebruik: luister aan, of luister uit (met /aanzet in Slack).",
  listenNotHere: "Meeluisteren kan alleen in een kanaal waar ik alle berichten zie, niet hier.",
  listenCoachOnly: "Alleen een coach kan meeluisteren aan- of uitzetten.",
  listenOn:
    "aanzet luistert vanaf nu mee in dit kanaal. Ik geef hier geen antwoord op vragen zonder @aanzet. Ik tel alleen vragen die vaak terugkomen, zonder namen, zodat de coaches knelpunten zien. Een coach zet dit uit met luister uit.",
  listenOff: "aanzet luistert niet meer mee in dit kanaal.",
  listenAlreadyOn: "Meeluisteren staat al aan in dit kanaal.",
  listenAlreadyOff: "Meeluisteren staat al uit in dit kanaal.",
  notInChannel: "Ik kan hier niet posten. Nodig mij eerst uit in dit kanaal.",
} as const;
