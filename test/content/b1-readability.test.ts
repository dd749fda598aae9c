// B1 is checked, not hoped for. Every user-facing text (the flow catalogue, the fixed texts of
// the core, the learning loop, the admin settings and the Slack/Teams surfaces, and a sample of
// answers composed from the map) is scored with Flesch-Douma, the Dutch adaptation of Flesch's
// Reading Ease: 206.84 - 0.77 x syllables per 100 words - 0.93 x words per sentence. Higher is
// easier; texts for the general Dutch public aim at 60 or more, and B1 texts for workers in chat
// land around 60-70 (school texts for 12-year-olds score about 70).
//
// Thresholds, and why (Douma scale: 60-70 is "normal", 70-80 "fairly easy", 80+ "easy"):
// - Our own wording (flow catalogue, fixed texts): Douma >= 70 over all sentences, at most 12
//   words per sentence on average and no sentence over 22 words. B1 guidance (Direct Duidelijk,
//   Taalunie) asks for short sentences of about 10-15 words with common words; chat needs
//   shorter still. On 2026-12-04 these texts scored about 83 with 7.5 words per sentence, so the
//   bar leaves room for new texts that must name laws and routes ("Participatiewet",
//   "Landelijk Maatwerkloket", several syllables each and no simpler word), but not for prose.
// - Composed answers (a fixed sample of tuning questions; never the blind set): Douma >= 55,
//   at most 12 words per sentence on average, none over 25. Their summaries come from the map
//   and carry law names, amounts and article numbers; they scored about 63 with 8.8 words per
//   sentence, and a drop below 55 means the answers drifted towards officialese.
// - No word from HARD_WORDS ("indien", "middels", "dient", ...) anywhere: each has a plain
//   alternative that the list gives.
// Per-sentence Douma is noisy on two-word labels, so it only ranks the report, it never fails.
// On failure the test prints the worst sentences (lowest Douma per sentence, longest) to fix.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SLACK_MSG } from "../../src/adapters/slack/messages.js";
import { TEAMS_MSG } from "../../src/adapters/teams/messages.js";
import { loadFlows } from "../../src/content/flow-loader.js";
import { Answerer } from "../../src/core/answer/answerer.js";
import { ABSTAIN_NOT_COVERED, ABSTAIN_OFF_TOPIC, EMPTY_QUESTION } from "../../src/core/answer/compose.js";
import { LEARN_MSG } from "../../src/core/learning/messages.js";
import { helpFor, MSG } from "../../src/core/messages.js";
import { OPS_MSG } from "../../src/features/ops-settings.js";
import { realMap } from "../helpers/bot.js";
import { ROOT } from "../helpers/cli.js";
import { douma, hardWordsIn, HARD_WORDS, sentencesOf, wordsOf } from "../helpers/readability.js";

const SAMPLE: unknown = new Proxy({}, { get: (_t, key) => (typeof key === "symbol" ? undefined : ["U0123ABC"]) });

/** Every string of a message object; functions are called with sample values for their slots. */
function textsOf(name: string, obj: Record<string, unknown>): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === "string") out.push({ where: `${name}.${k}`, text: v });
    else if (typeof v === "function") {
      const f = v as (...a: unknown[]) => unknown;
      // Sample slot values: an id, then a number; texts that take a record (the settings
      // overview) get one whose every field is a list of one id.
      const tries = [
        Array.from({ length: v.length }, (_, i) => (i === 0 ? "k1a2b3c" : 3)),
        Array.from({ length: v.length }, () => "k1a2b3c"),
        Array.from({ length: v.length }, () => SAMPLE),
      ];
      let r: unknown;
      for (const args of tries) {
        try {
          r = f(...args);
          break;
        } catch {
          // try the next kind of sample value
        }
      }
      expect(typeof r, `${name}.${k} could not be called with sample values`).toBe("string");
      if (typeof r === "string") out.push({ where: `${name}.${k}`, text: r });
    }
  }
  return out;
}

/** Short labels (buttons, headings) are not prose: only texts of at least 4 words count. */
const isProse = (t: { text: string }) => wordsOf(t.text).length >= 4;

const flowTexts = () => {
  const { messages } = loadFlows(join(ROOT, "flows"), ROOT);
  return messages.keys().map((k) => ({ where: `flows/messages.nl.yaml ${k}`, text: messages.raw(k) ?? "" }));
};

const fixedTexts = () => [
  ...textsOf("MSG", MSG),
  ...(["worker", "coach", "lead", "admin"] as const).map((r) => ({ where: `helpFor(${r})`, text: helpFor(r) })),
  { where: "ABSTAIN_NOT_COVERED", text: ABSTAIN_NOT_COVERED },
  { where: "ABSTAIN_OFF_TOPIC", text: ABSTAIN_OFF_TOPIC },
  { where: "EMPTY_QUESTION", text: EMPTY_QUESTION },
  ...textsOf("LEARN_MSG", LEARN_MSG),
  ...textsOf("OPS_MSG", OPS_MSG),
  ...textsOf("SLACK_MSG", SLACK_MSG),
  ...textsOf("TEAMS_MSG", TEAMS_MSG),
];

/** Every 6th question of the tuning set (never the blind set), answered with the real map. */
function composedAnswers(): Array<{ where: string; text: string }> {
  const answerer = new Answerer(realMap);
  const lines = readFileSync(join(ROOT, "test/eval/tuning/questions.jsonl"), "utf8").trim().split("\n");
  return lines
    .filter((_, i) => i % 6 === 0)
    .map((l) => JSON.parse(l) as { id: string; text: string })
    .map((q) => ({
      where: `answer to ${q.id}`,
      text: answerer.answer(q.text, { tenant: "default", today: "2026-11-23" }).answer.answer,
    }));
}

interface Sentence {
  where: string;
  text: string;
  words: number;
  douma: number;
}

function sentences(texts: Array<{ where: string; text: string }>): Sentence[] {
  return texts.flatMap((t) =>
    sentencesOf(t.text).map((s) => {
      const sc = douma([s]);
      return { where: t.where, text: s, words: sc.words, douma: sc.douma };
    }),
  );
}

function report(label: string, all: Sentence[]): string {
  const worst = [...all].sort((a, b) => a.douma - b.douma).slice(0, 8);
  const longest = [...all].sort((a, b) => b.words - a.words).slice(0, 5);
  const overall = douma(all.map((s) => s.text));
  return [
    `${label}: ${all.length} sentences, Douma ${overall.douma.toFixed(1)}, ${overall.wps.toFixed(1)} words per sentence`,
    "hardest sentences:",
    ...worst.map((s) => `  ${s.douma.toFixed(0).padStart(4)}  ${s.where}: ${s.text}`),
    "longest sentences:",
    ...longest.map((s) => `  ${String(s.words).padStart(4)}w ${s.where}: ${s.text}`),
  ].join("\n");
}

function check(
  label: string,
  texts: Array<{ where: string; text: string }>,
  bar: { douma: number; avgWords: number; maxWords: number },
) {
  const all = sentences(texts.filter(isProse));
  expect(all.length).toBeGreaterThan(10);
  const overall = douma(all.map((s) => s.text));
  const why = report(label, all);
  if (process.env.AANZET_B1_REPORT) console.log(why);
  expect(overall.douma, why).toBeGreaterThanOrEqual(bar.douma);
  expect(overall.wps, why).toBeLessThanOrEqual(bar.avgWords);
  const tooLong = all.filter((s) => s.words > bar.maxWords).map((s) => `${s.words} words, ${s.where}: ${s.text}`);
  expect(tooLong, why).toEqual([]);
  const hard = texts.flatMap((t) => hardWordsIn(t.text).map((w) => `${t.where}: "${w}" (say "${HARD_WORDS[w]}")`));
  expect(hard).toEqual([]);
  return overall;
}

const OWN = { douma: 70, avgWords: 12, maxWords: 22 };

describe("B1 readability", () => {
  it("the flow catalogue reads at B1", () => {
    check("flow catalogue", flowTexts(), OWN);
  });

  it("the fixed texts of core, learning loop, settings, Slack and Teams read at B1", () => {
    check("fixed texts", fixedTexts(), OWN);
  });

  it("a sample of composed answers stays readable", () => {
    const texts = composedAnswers();
    expect(texts.length).toBeGreaterThan(20);
    check("composed answers", texts, { douma: 55, avgWords: 12, maxWords: 25 });
  });

  it("the measure tells plain from officialese Dutch", () => {
    const plain = douma(sentencesOf("Wie betaalt de traplift? De gemeente betaalt. Vraag het aan bij de Wmo."));
    const official = douma(
      sentencesOf(
        "Indien de aanvrager niet beschikt over voldoende middelen teneinde de noodzakelijke woningaanpassingsvoorziening te bekostigen, dient hij zich onverwijld te wenden tot het college van burgemeester en wethouders.",
      ),
    );
    expect(plain.douma).toBeGreaterThan(70);
    expect(official.douma).toBeLessThan(30);
    expect(hardWordsIn("Indien nodig dient u dit te melden")).toEqual(["indien", "dient"]);
  });
});
