// Dutch answer texts (B1, short). The order follows the worker's question: who is aan zet
// first, under which law, then what to do when that route fails, then the sources.
import type { MapEntry } from "../map/schema.js";
import { actorName, lawName } from "../map/vocabulary.js";

export const MAX_ANSWER_WORDS = 120;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Cut text to at most `max` words at a sentence end where possible. */
export function limitWords(text: string, max: number): string {
  if (words(text) <= max) return text;
  const sentences = text.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [text];
  let out = "";
  for (const s of sentences) {
    if (words(out + s) > max) break;
    out += s;
  }
  if (out.trim().length === 0) out = text.split(/\s+/).slice(0, max).join(" ") + " …";
  return out.trim();
}

export function confidenceLabel(confidence: number): string {
  if (confidence >= 0.75) return "hoog";
  if (confidence >= 0.5) return "redelijk";
  return "laag";
}

/**
 * "(Wet maatschappelijke ondersteuning 2015, art. 2.3.5)"; an article that already names its
 * law ("art. 35 PW", "art. 4 WPO") stands alone, also when the entry has no law id.
 */
function lawRef(law: string | null, article: string | undefined): string {
  const namesLaw =
    article !== undefined &&
    /[a-z]{2,}/i.test(article.replace(/\b(art|artikel|artikelen|lid|sub|en|onder)\b\.?/gi, ""));
  if (article && (namesLaw || !law)) return ` (${article})`;
  if (!law) return "";
  return ` (${lawName(law)}${article ? `, ${article}` : ""})`;
}

/** The answer text for one entry; `confidence` adds an honest caveat when it is not high. */
export function composeAnswer(entry: MapEntry, confidence: number, isLocal: boolean): string {
  const primary = entry.aanZet.find((a) => a.role === "primary") ?? entry.aanZet[0]!;
  const law = lawRef(primary.law, primary.article);
  const head = `Aan zet: ${actorName(primary.actor)}${law}. ${primary.condition}`;
  const others = entry.aanZet
    .filter((a) => a !== primary && a.role !== "escalation")
    .slice(0, 1)
    .map((a) => `Anders: ${actorName(a.actor)}. ${a.condition}`);
  const stuck = `Lukt het niet? ${entry.ifStuck}`;
  const local =
    entry.certainty === "settled"
      ? []
      : entry.certainty === "unsure"
        ? [`Let op: dit staat nog niet vast. ${entry.local ?? ""} Check het bij je coach.`.replace(/\s+/g, " ")]
        : [
            `Let op: dit verschilt per gemeente. ${entry.local ?? ""} Check de regels van je eigen gemeente.`.replace(
              /\s+/g,
              " ",
            ),
          ];
  const caveat = confidence < 0.5 ? ["Ik weet niet zeker of dit je vraag is. Klopt het niet, vraag het je coach."] : [];
  const localMark = isLocal ? ["(Lokale regel van jouw gemeente.)"] : [];
  // The fixed parts always stay; the summary gives way first when the answer is too long.
  const fixed = [head, ...others, stuck, ...local, ...caveat, ...localMark].join("\n");
  const room = Math.max(15, MAX_ANSWER_WORDS - words(fixed));
  const summary = limitWords(entry.summary.trim(), room);
  return [head, summary, ...others, stuck, ...local, ...caveat, ...localMark].join("\n");
}

/** One question back when two entries with different answers are equally likely. */
export function composeClarify(options: MapEntry[]): string {
  const lines = options.map((e, i) => `${i + 1}. ${e.choiceLabel ?? e.title}`);
  return [
    "Ik wil je goed antwoorden. Gaat het om:",
    ...lines,
    "Antwoord met het nummer, of stel je vraag iets preciezer.",
  ].join("\n");
}

export const ABSTAIN_NOT_COVERED =
  "Dat weet ik niet. Deze vraag staat niet in de regelkaart, en ik ga niet gokken. Vraag het je maatwerkcoach. Ik bewaar je vraag (zonder persoonsgegevens), zodat de coach de kaart kan aanvullen.";

export const ABSTAIN_OFF_TOPIC =
  "Daar kan ik je niet mee helpen. Ik beantwoord alleen vragen over wie aan zet is in het sociaal domein: zorg, jeugd, inkomen, schulden, wonen. Stel je vraag anders, of vraag het je coach.";

export const EMPTY_QUESTION = "Stel je vraag in één of twee zinnen. Bijvoorbeeld: wie betaalt een traplift?";

/** One question back when one case fact decides between two entries with different actors. */
export function composeFactClarify(ask: string, options: MapEntry[]): string {
  const lines = options.map((e, i) => `${i + 1}. ${e.choiceLabel ?? e.title}`);
  return [
    `Eén vraag, dan weet ik wie aan zet is: ${ask}`,
    ...lines,
    "Antwoord met het nummer, of zeg het in je eigen woorden.",
  ].join("\n");
}
