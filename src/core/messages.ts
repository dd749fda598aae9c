// Fixed Dutch texts of the core (B1, short). Flow wording lives in flows/messages.nl.yaml.
import type { Role } from "./types.js";

const WORKER_HELP = [
  "Ik ben aanzet. Stel je vraag over wie aan zet is, bijvoorbeeld: wie betaalt een traplift?",
  "Ik zeg wie moet handelen of betalen, onder welke wet, en wat je doet als dat vastloopt.",
  "Commando's: /toets (Omgekeerde Toets), /escalatie (vastgelopen casus), /export (verslag van een toets), /help.",
  "Zet geen namen, BSN of adressen in je vraag. Ik haal ze weg, maar beter is: niet typen.",
];

const COACH_HELP = [
  "Als coach kun je ook:",
  "- [Bevestigen] onder een antwoord: je zegt dat het klopt. Werkers zien dat.",
  "- [Verbeteren] onder een antwoord: je typt wat beter moet. Dat wordt een voorstel voor de kaart.",
  "- /corrigeer <kaart-id of nieuw> <wat er beter moet>: een voorstel zonder knop.",
  "- /gaten: vragen die de kaart niet kon beantwoorden.",
  "De beheerder ziet de voorstellen met: aanzet map proposals.",
];

const LEAD_HELP = [
  "Als lead kun je ook:",
  "- /knelpunten: vragen die in meer teams terugkomen (mogelijke knelpunten).",
  "- /accepteer <id>: het knelpunt gaat naar de werktafel.",
  "- /afwijzen <id> <reden>, /samenvoegen <id> <id>, /snooze <id> [dagen].",
  "- /kaartvoorstel <id>: maak van een knelpunt een voorstel voor de kaart.",
  "Een verslag voor de werktafel maak je met: aanzet report.",
];

const ADMIN_HELP = [
  "Als beheerder kun je ook:",
  "- /instellingen: rollen (coach, lead, beheerder) en de regels voor knelpunten.",
];

/** What this person can do, in Dutch: the worker's help plus the commands of their role. */
export function helpFor(role: Role): string {
  const parts = [WORKER_HELP];
  if (role === "coach" || role === "admin") parts.push(COACH_HELP);
  if (role === "lead" || role === "admin") parts.push(LEAD_HELP);
  if (role === "admin") parts.push(ADMIN_HELP);
  return parts.map((p) => p.join("\n")).join("\n\n");
}

export const MSG = {
  /** The worker's help (also the Teams welcome, before any role is known); see helpFor. */
  help: WORKER_HELP.join("\n"),
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
