// Kentekens, file numbers, long digit runs, written-out variants and names after context cues:
// the planted value is gone, the words around it stay.
import { describe, expect, it } from "vitest";
import { scrub } from "../../../src/core/privacy/index.js";

const s = (text: string): string => scrub(text).text;

describe("scrub: kenteken", () => {
  it.each([
    ["auto XL-32-DP staat bij de garage", "auto [KENTEKEN] staat bij de garage"],
    ["kenteken 12-ABC-3 op zijn naam", "kenteken [KENTEKEN] op zijn naam"],
    ["boete voor 1-ABC-23 van het CJIB", "boete voor [KENTEKEN] van het CJIB"],
    ["zijn auto XL32DP is verkocht", "zijn auto [KENTEKEN] is verkocht"],
    ["auto xl-32-dp staat er nog", "auto [KENTEKEN] staat er nog"],
    ["busje 99-XX-XX bij de RDW", "busje [KENTEKEN] bij de RDW"],
  ])("%s", (text, out) => {
    expect(s(text)).toBe(out);
    expect(scrub(text).found.kenteken).toBe(1);
  });
});

describe("scrub: file numbers and long digit runs", () => {
  it.each([
    ["polisnummer 1234567 bij de verzekeraar", "polisnummer [NUMMER] bij de verzekeraar"],
    ["polis: AB-12345 loopt af", "polis: [NUMMER] loopt af"],
    ["klantnummer: 88231 bij Vattenfall", "klantnummer: [NUMMER] bij Vattenfall"],
    ["klant nr 4455 belt", "klant nr [NUMMER] belt"],
    ["dossiernummer 2024/1234 ligt bij de SVB", "dossiernummer [NUMMER] ligt bij de SVB"],
    ["dossier 55123 is dicht", "dossier [NUMMER] is dicht"],
    ["zaaknr. 12345 bij de rechtbank", "zaaknr. [NUMMER] bij de rechtbank"],
    ["zaak 2024/1234 loopt", "zaak [NUMMER] loopt"],
    ["kenmerk ABC123 op de brief", "kenmerk [NUMMER] op de brief"],
    ["betalingskenmerk 1234 5678 9012 3456 graag vermelden", "betalingskenmerk [NUMMER] graag vermelden"],
    ["CJIB-nummer 1234567890123 op de acceptgiro", "CJIB-nummer [NUMMER] op de acceptgiro"],
    ["CJIB 887766 stuurt aanmaning", "CJIB [NUMMER] stuurt aanmaning"],
    ["relatienummer: 554433 bij de Belastingdienst", "relatienummer: [NUMMER] bij de Belastingdienst"],
    ["relatienr 9988 is nieuw", "relatienr [NUMMER] is nieuw"],
    ["nummer 1234567 staat erop", "nummer [NUMMER] staat erop"],
    ["zie 1234 5678 9012 op de brief", "zie [NUMMER] op de brief"],
    ["zie 1234.5678.9012 op de brief", "zie [NUMMER] op de brief"],
    ["klantnummer 123456789 is fout", "klantnummer [NUMMER] is fout"],
  ])("%s", (text, out) => {
    expect(s(text)).toBe(out);
    expect(scrub(text).found.nummer).toBe(1);
  });

  it.each([
    "€ 1.250,00 per maand",
    "€ 1.250.000 schuld",
    "art. 2.3.5 Wmo",
    "in 2026 stijgt het met 2,5%",
    "bel 0800-0543 of 0900 1234567",
    "termijn tot 28.12.2026",
    "kamerstuk 34325, nr. 32",
    "KvK 12345672",
    "van 2025 2026 naar 2027",
  ])("keeps %s", (text) => {
    expect(s(text)).toBe(text);
  });
});

describe("scrub: written variants", () => {
  it.each([
    ["iban NL91.ABNA.0417.1643.00 graag", "iban [IBAN] graag", "iban"],
    ["rekening NL91 ABNA 0417 1643 00 van haar", "rekening [IBAN] van haar", "iban"],
    ["mail naam [at] hotmail [dot] com graag", "mail [EMAIL] graag", "email"],
    ["mail naam at hotmail dot com graag", "mail [EMAIL] graag", "email"],
    ["mail f.berg (at) gmail (punt) nl graag", "mail [EMAIL] graag", "email"],
    ["ze is van 3 juni 1972 en woont alleen", "ze is van [GEBOORTEDATUM] en woont alleen", "dob"],
    ["meneer is van 12-3-1950, weduwnaar", "meneer is van [GEBOORTEDATUM], weduwnaar", "dob"],
    ["zoon geboren 3 juni 2010 heeft autisme", "zoon geboren [GEBOORTEDATUM] heeft autisme", "dob"],
    ["geb. 4 mei 1980 in Rabat", "geb. [GEBOORTEDATUM] in Rabat", "dob"],
    ["woont 6117NR 214 sinds mei", "woont [ADRES] sinds mei", "postcode"],
    ["woont lindenhof 141 met haar kinderen", "woont [ADRES] met haar kinderen", "postcode"],
    ["woont kerkstraat 12a boven de winkel", "woont [ADRES] boven de winkel", "postcode"],
  ] as const)("%s", (text, out, kind) => {
    expect(s(text)).toBe(out);
    expect(scrub(text).found[kind]).toBe(1);
  });

  it.each([
    "de wet is van 1 januari 2026",
    "de brief is van 3 juni 2026",
    "een bijbaan 20 uur per week",
    "loopbaan 10 jaar",
    "ik ben er at least",
  ])("keeps %s", (text) => {
    expect(s(text)).toBe(text);
  });
});

describe("scrub: names after context cues", () => {
  it.each([
    ["Mevrouw belde Ahmed gisteren", "Mevrouw belde [NAAM] gisteren"],
    ["gisteren belde Fatima El Amrani over de huur", "gisteren belde [NAAM] over de huur"],
    ["haar zoon Jan-Willem van der Berg is 12", "haar zoon [NAAM] is 12"],
    ["haar zoon ahmed gaat naar school", "haar zoon [NAAM] gaat naar school"],
    ["zijn dochter fatima heeft astma", "zijn dochter [NAAM] heeft astma"],
    ["zijn dochter Sanne van den Berg heeft astma", "zijn dochter [NAAM] heeft astma"],
    ["mijn cliënt Fatima El Amrani krijgt niets", "mijn cliënt [NAAM] krijgt niets"],
    ["mijn client ahmed heeft schulden", "mijn client [NAAM] heeft schulden"],
    ["mevr jansen belde vanochtend", "mevr [NAAM] belde vanochtend"],
    ["dhr de vries heeft een brief", "dhr [NAAM] heeft een brief"],
    ["moeder Yasmina woont in Den Haag", "moeder [NAAM] woont in Den Haag"],
    ["vader karim werkt bij de SVB", "vader [NAAM] werkt bij de SVB"],
    ["partner Piet werkt fulltime", "partner [NAAM] werkt fulltime"],
    ["Fatima El Amrani belde vanochtend.", "[NAAM] belde vanochtend."],
    ["Hoi. Jan Jansen heeft een schuld.", "Hoi. [NAAM] heeft een schuld."],
  ])("%s", (text, out) => {
    expect(s(text)).toBe(out);
    expect(scrub(text).found.name).toBeGreaterThanOrEqual(1);
  });

  it.each([
    "haar moeder woont in Amsterdam",
    "Den Haag heeft een eigen regeling.",
    "Sociale Dienst belde terug.",
    "belde het UWV en belde CAK, partner heeft Wmo",
    "Gisteren belde SVB over de Participatiewet",
    "vader overleden, moeder ziek",
    "belde mij terug",
    "moeder krijgt € 1.250,00 per maand volgens art. 2.3.5 in 2026, 12%",
    "partner is van de gemeente",
  ])("keeps %s", (text) => {
    expect(s(text)).toBe(text);
  });

  it("is idempotent on the new kinds", () => {
    const once = s("haar zoon ahmed, auto XL-32-DP, kenmerk 1234567, mail a at b dot nl, ze is van 3 juni 1972");
    expect(s(once)).toBe(once);
    expect(Object.values(scrub(once).found).every((n) => n === 0)).toBe(true);
  });
});
