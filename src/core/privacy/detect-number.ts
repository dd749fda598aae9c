// Kentekens, numbers behind a file label (polis, klant, dossier, zaak, kenmerk, CJIB, relatie) and
// any other run of 7 or more digits: each points at one person's file, car or account.
import type { Span } from "./types.js";

// Sidecodes of Dutch licence plates (compact 99-99-XX left out: that is a postcode, "1234AB") (L letter, D digit), with dashes in any case, or with spaces or compact in capitals.
const SIDECODES = [
  "LL-DD-DD",
  "DD-DD-LL",
  "DD-LL-DD",
  "LL-DD-LL",
  "LL-LL-DD",
  "DD-LL-LL",
  "DD-LLL-D",
  "D-LLL-DD",
  "LL-DDD-L",
  "L-DDD-LL",
  "LLL-DD-L",
  "L-DD-LLL",
  "D-LL-DDD",
  "DDD-LL-D",
];
const shape = (code: string, letter: string, sep: string): string =>
  [...code].map((c) => (c === "L" ? letter : c === "D" ? "\\d" : sep)).join("");
const KENTEKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(?:${SIDECODES.map((c) => shape(c, "[A-Za-z]", "-")).join("|")}|${SIDECODES.map((c) => shape(c, "[A-Z]", " ")).join("|")}|${SIDECODES.filter(
    (c) => c !== "DD-DD-LL",
  )
    .map((c) => shape(c, "[A-Z]", ""))
    .join("|")})(?![\p{L}\p{N}]|-[\p{L}\p{N}])`,
  "gu",
);

// A file label, then ":" / "nr" / "nummer", then a value holding at least one digit.
const LABELLED =
  /(?<![\p{L}[])(?:(?:polis|klant|dossier|zaak|relatie|cjib|klanten)(?:[- ]?(?:nummer|nr)\.?)?|betalings)?(?:kenmerk)?(?=[\s:.#-])/giu;
const LABEL_WORD =
  /^(?:(?:polis|klant|dossier|zaak|relatie|cjib|klanten)(?:[- ]?(?:nummer|nr)\.?)?|(?:betalings)?kenmerk)$/iu;
const AFTER_LABEL =
  /(?:[ \t]*(?:nr\.?|nummer|no\.?|#)?[ \t]*:?[ \t]*)(?<value>(?=[A-Za-z0-9/.-]*\d)[A-Za-z0-9](?:[A-Za-z0-9/-]|[ .](?=\d))*)/uy;

// Only values with four or more digits: "kenmerk 4412, 12 weken" keeps its weeks.
const MORE_VALUES =
  /[ \t]*(?:[/&,+]|en(?![\p{L}])|of(?![\p{L}]))[ \t]*(?<value>(?=(?:[A-Za-z/.-]*\d){4})[A-Za-z0-9](?:[A-Za-z0-9/-]|\.(?=\d))*)/uy;
const BRIDGE =
  /(?:[ \t]+(?:(?:nr\.?|nummer)[ \t]+)?(?:is|was|bij|van|de|het|haar|zijn|hun|ons|onze|mijn|staat|op|wordt|luidt|\p{L}{2,20}))(?:[ \t]+(?:is|was|bij|van|de|het|op|\p{L}{2,20})){0,4}(?=[ \t]*:?[ \t]*[A-Za-z]{0,3}[-/]?\d)/uy;

// Seven or more digits, spaces or dots allowed between groups of 3-4 ("1234 5678 9012").
// Not after a service prefix ("0900-1234567") nor after "KvK" (a public register number).
const DIGIT_RUN =
  /(?<![\p{L}\p{N},.€]|€ |\d[ .]|0800[- ]|090[069][- ]|kvk[ :.-]{1,3}|kvk-?nr\.?:? ?)\d+(?:[ .]\d{3,4})*(?![\p{L}\p{N}]|[.,]\d)/giu;
const SERVICE = /^0(?:800|90[069])/;
const YEAR = /^(?:19|20)\d\d$/;

/** Spans of kentekens. */
export function detectKentekens(text: string): Span[] {
  return [...text.matchAll(KENTEKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind: "kenteken" }));
}

/** Spans of labelled numbers and runs of 7 or more digits. */
export function detectNumbers(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(LABELLED)) {
    if (m[0] === "" || !LABEL_WORD.test(m[0])) continue;
    if ((spans.at(-1)?.end ?? 0) > m.index) continue;
    AFTER_LABEL.lastIndex = m.index + m[0].length;
    let a = AFTER_LABEL.exec(text);
    if (!a) {
      // "dossiernr is 551298", "klant nummer bij de woningcorporatie is 77120-4": up to five short
      // words, then a value with five or more digits (a year or an amount has fewer).
      BRIDGE.lastIndex = m.index + m[0].length;
      const b = BRIDGE.exec(text);
      if (b) {
        AFTER_LABEL.lastIndex = b.index + b[0].length;
        a = AFTER_LABEL.exec(text);
        if (a && (a.groups?.["value"] ?? "").replace(/\D/g, "").length < 5) a = null;
      }
    }
    const value = a?.groups?.["value"];
    if (!a || value === undefined) continue;
    const trimmed = value.replace(/[./-]+$/, "");
    let end = a.index + a[0].length - (value.length - trimmed.length);
    spans.push({ start: end - trimmed.length, end, kind: "nummer" });
    // "zaaknummer 11223344 / 25-998", "dossier 4412 en 4413": more values after the first.
    for (let i = 0; i < 4; i++) {
      MORE_VALUES.lastIndex = end;
      const more = MORE_VALUES.exec(text);
      const v = more?.groups?.["value"]?.replace(/[./-]+$/, "");
      if (!more || !v) break;
      const vEnd = more.index + more[0].indexOf(v) + v.length;
      spans.push({ start: vEnd - v.length, end: vEnd, kind: "nummer" });
      end = vEnd;
    }
  }
  for (const m of text.matchAll(DIGIT_RUN)) {
    const groups = m[0].split(/[ .]/);
    if (groups.join("").length < 7 || SERVICE.test(m[0])) continue;
    if (groups.length > 1 && groups.every((g) => YEAR.test(g))) continue; // "2025 2026"
    const start = m.index;
    if (spans.some((s) => s.start < start + m[0].length && start < s.end)) continue;
    spans.push({ start, end: start + m[0].length, kind: "nummer" });
  }
  return spans.sort((a, b) => a.start - b.start);
}
