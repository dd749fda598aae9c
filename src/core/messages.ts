// Fixed Dutch texts of the core (B1, short). Flow wording lives in flows/messages.nl.yaml.

export const MSG = {
  help: [
    "Ik ben aanzet. Stel je vraag over wie aan zet is, bijvoorbeeld: wie betaalt een traplift?",
    "Ik zeg wie moet handelen of betalen, onder welke wet, en wat je doet als dat vastloopt.",
    "Commando's: /toets (Omgekeerde Toets), /escalatie (vastgelopen casus), /export (verslag van een toets), /help.",
    "Zet geen namen, BSN of adressen in je vraag. Ik haal ze weg, maar beter is: niet typen.",
  ].join("\n"),
  tooLong: (max: number) =>
    `Je bericht is te lang voor mij (meer dan ${max} tekens). Stel je vraag korter, in een paar zinnen. Je bericht is niet opgeslagen.`,
  unknownCommand: (name: string) => `Het commando /${name} ken ik niet. Typ /help voor wat ik kan.`,
  unknownButton: "Deze knop werkt hier niet (meer). Stel je vraag opnieuw.",
  loggingDelayed: "(Let op: ik kan je vraag nu even niet opslaan. Dat doe ik later alsnog.)",
  failure: (code: string) =>
    `Sorry, er ging iets mis aan mijn kant (code ${code}). Probeer het zo nog eens, of vraag het je coach.`,
  busy: "Het is nu even erg druk, daardoor kan ik je vraag niet oppakken. Stel je vraag over een paar minuten opnieuw.",
  rateLimited: "Rustig aan: je stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw.",
} as const;
