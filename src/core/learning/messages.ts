// Dutch texts of the learning loop (B1, short): feedback, coach moderation, lead review.

export const LEARN_MSG = {
  buttonUseful: "Nuttig",
  buttonWrong: "Klopt niet",
  buttonConfirm: "Bevestigen",
  buttonCorrect: "Verbeteren",
  thanksUseful: "Dank je! Fijn dat het antwoord hielp.",
  thanksWrong: "Dank je. Ik geef het door aan de coach. Die kijkt of de regelkaart beter moet.",
  coachWrongNotice: (question: string, entry: string) =>
    `Een werker meldt dat een antwoord niet klopt.\nVraag: “${question}”\nKaart: ${entry}\nWil je het antwoord bevestigen of verbeteren?`,
  onlyCoaches: "Dit kan alleen een maatwerkcoach. Denk je dat het antwoord niet klopt? Kies dan [Klopt niet].",
  onlyLeads: "Dit kan alleen een programmalead. Vraag het je lead of coach.",
  unknownEntry: (id: string) =>
    `Ik ken geen kaart met id “${id}”. Gebruik het id uit het antwoord, of “nieuw” voor een nieuwe kaart.`,
  badButton: "Deze knop mist gegevens. Stel de vraag opnieuw en probeer het nog eens.",
  confirmed: (title: string) => `Bevestigd. Antwoorden over “${title}” tonen nu dat een coach ze heeft bevestigd.`,
  askCorrection: (title: string) => `Typ in je volgende bericht wat er beter moet aan “${title}”. Stoppen? Typ /stop.`,
  correctionCancelled: "Oké, ik maak geen voorstel.",
  proposalMade: (id: string) =>
    `Dank je. Voorstel ${id} staat in de wachtrij voor de regelkaart. De beheerder ziet het met: aanzet map proposals.`,
  correctUsage:
    "Gebruik: /corrigeer <kaart-id of nieuw> <wat er beter moet>. Bijvoorbeeld: /corrigeer traplift De eigen bijdrage is anders.",
  leadNotice: (title: string, cases: number, teams: number, id: string) =>
    `Nieuw mogelijk knelpunt: “${title}”. ${cases} casussen uit ${teams} teams. Bekijk het met /knelpunten (id ${id}).`,
  noCandidates: "Er zijn nu geen kandidaat-knelpunten. Ik meld het als er een bijkomt.",
  listHead: (n: number) => (n === 1 ? "Er is 1 kandidaat-knelpunt:" : `Er zijn ${n} kandidaat-knelpunten:`),
  listFoot:
    "Typ /accepteer <id>, /afwijzen <id> <reden>, /samenvoegen <id> <id> of /snooze <id> [dagen]. Of kies een knop.",
  unknownGroup: (id: string) => `Ik ken geen knelpunt met id “${id}”. Typ /knelpunten voor de lijst.`,
  accepted: (id: string) => `Geaccepteerd: knelpunt ${id} staat op de agenda voor de werktafel.`,
  askReason: (id: string) =>
    `Waarom wijs je knelpunt ${id} af? Typ de reden in je volgende bericht. Stoppen? Typ /stop.`,
  rejected: (id: string) => `Afgewezen: knelpunt ${id}. De reden is bewaard.`,
  offerProposal: (id: string) =>
    `Past het binnen de bestaande regels? Maak er dan een kaart of veelgestelde vraag van, zodat werkers het antwoord vinden. Kies [Kaartvoorstel ${id}] of typ /kaartvoorstel ${id}.`,
  askMergeWith: (id: string) => `Met welk knelpunt voeg je ${id} samen? Typ het id in je volgende bericht.`,
  merged: (from: string, into: string) => `Samengevoegd: ${from} hoort nu bij ${into}.`,
  mergeSelf: "Kies twee verschillende knelpunten om samen te voegen.",
  snoozed: (id: string, until: string) => `Knelpunt ${id} staat stil tot ${until}. Daarna zie je het weer in de lijst.`,
  usageReject: "Gebruik: /afwijzen <id> <reden>. Bijvoorbeeld: /afwijzen k1a2b3c past binnen bestaande regels",
  usageMerge: "Gebruik: /samenvoegen <id> <id>. Het tweede knelpunt gaat op in het eerste.",
  usageSnooze: "Gebruik: /snooze <id> [dagen]. Bijvoorbeeld: /snooze k1a2b3c 14",
  usageId: (cmd: string) => `Gebruik: /${cmd} <id>. Typ /knelpunten voor de ids.`,
  proposalFromGroup: (id: string, proposal: string) =>
    `Voorstel ${proposal} gemaakt voor de regelkaart, op basis van knelpunt ${id}.`,
  buttonAccept: (id: string) => `Accepteer ${id}`,
  buttonReject: (id: string) => `Afwijzen ${id}`,
  buttonMerge: (id: string) => `Samenvoegen ${id}`,
  buttonSnooze: (id: string) => `Snooze ${id}`,
  buttonProposal: (id: string) => `Kaartvoorstel ${id}`,
  noGaps: "Er zijn nu geen vragen die de regelkaart niet kon beantwoorden.",
  gapsHead: (n: number) =>
    n === 1 ? "1 vraag kon de regelkaart niet beantwoorden:" : `${n} vragen kon de regelkaart niet beantwoorden:`,
  gapsFoot: "Vul de kaart aan met: /corrigeer nieuw <wat er op de kaart moet>.",
  offTopicCount: (n: number) =>
    `${n} ${n === 1 ? "bericht ging" : "berichten gingen"} niet over het sociaal domein. Die tel ik alleen.`,
} as const;

/** Reasons that mean "this fits within the rules": the answer belongs in the map instead. */
export const FITS_RULES =
  /past\s+(wel\s+)?binnen\s+(de\s+)?(bestaande\s+)?regels|binnen\s+bestaande\s+regels|geen\s+structureel/i;
