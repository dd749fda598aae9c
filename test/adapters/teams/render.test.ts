import { describe, expect, it } from "vitest";
import { ADAPTIVE_CARD, CORRECT_SUBMIT, renderReply, visibleText } from "../../../src/adapters/teams/index.js";
import { actorName, lawName, routeName } from "../../../src/core/map/vocabulary.js";
import type { Answer, Reply } from "../../../src/core/types.js";
import { checkCard } from "./card-check.js";

function answer(over: Partial<Answer> = {}): Answer {
  return {
    question: "wie betaalt een traplift?",
    status: "answered",
    answer: "Aan zet: Gemeente - Wmo. De gemeente regelt een traplift.\nLukt het niet? Maak bezwaar.",
    aanZet: [
      { actor: "gemeente-wmo", law: "wmo-2015", role: "primary", note: "thuis" },
      { actor: "zorgkantoor", law: "wlz", role: "fallback", note: "instelling" },
    ],
    routes: ["bijzondere-bijstand"],
    entries: [{ id: "traplift", title: "Traplift", score: 8 }],
    sources: [{ title: "Wmo 2015 [art. 2.3.5]", url: "https://wetten.overheid.nl/BWBR0035362" }],
    confidence: 0.9,
    checkLocally: false,
    ...over,
  };
}

function cardOf(reply: Reply) {
  const [activity] = renderReply(reply);
  expect(activity!.attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD);
  const card = activity!.attachments![0]!.content;
  expect(checkCard(card)).toEqual([]);
  return { activity: activity!, card };
}

describe("Teams answer cards", () => {
  it("show who is aan zet, the law, the other party, the route, confidence and sources as links", () => {
    const a = answer();
    const { activity, card } = cardOf({ text: a.answer, answer: a });
    const text = visibleText(activity);
    expect(card.body[0]).toMatchObject({
      type: "TextBlock",
      text: `Aan zet: ${actorName("gemeente-wmo")}`,
      weight: "Bolder",
    });
    expect(text).toContain(`Wet: ${lawName("wmo-2015")}`);
    expect(text).toContain(`Anders: ${actorName("zorgkantoor")}`);
    expect(text).toContain(`Als het vastloopt: ${routeName("bijzondere-bijstand")}`);
    expect(text).toContain("Zekerheid: hoog");
    expect(text).toContain("Lukt het niet? Maak bezwaar.");
    expect(text).toContain("- [Wmo 2015 art. 2.3.5](https://wetten.overheid.nl/BWBR0035362)");
    expect(activity.summary).toBe(`Aan zet: ${actorName("gemeente-wmo")}`);
  });

  it("say confidence honestly", () => {
    for (const [confidence, label] of [
      [0.9, "hoog"],
      [0.6, "redelijk"],
      [0.3, "laag"],
    ] as const) {
      const { activity } = cardOf({ text: "x", answer: answer({ confidence }) });
      expect(visibleText(activity)).toContain(`Zekerheid: ${label}`);
    }
  });

  it("mark an answer a coach confirmed", () => {
    const { activity } = cardOf({ text: "x", answer: answer({ confirmed: { by: "c1", on: "2026-11-01" } }) });
    expect(visibleText(activity)).toContain("Bevestigd: door een coach (2026-11-01)");
  });

  it("say 'geen vaste wet' when the actor acts without a law", () => {
    const { activity } = cardOf({
      text: "x",
      answer: answer({ aanZet: [{ actor: "gemeente-wmo", law: null, role: "primary", note: "" }] }),
    });
    expect(visibleText(activity)).toContain("Wet: geen vaste wet");
  });

  it("show a clarify or abstain answer as its text, with no facts", () => {
    const text =
      "Ik wil je goed antwoorden. Gaat het om:\n1. een rolstoel voor lange tijd\n2. een rolstoel voor korte tijd";
    const { card } = cardOf({ text, answer: answer({ status: "clarify", aanZet: [], sources: [] }) });
    expect(card.body.map((b) => b.type)).toEqual(["TextBlock", "TextBlock", "TextBlock"]);
    expect(card.body[1]).toMatchObject({ text: "1. een rolstoel voor lange tijd" });
  });
});

describe("Teams buttons", () => {
  const buttons = [
    { label: "Nuttig", action: "feedback:useful", value: "teams:a1" },
    { label: "Klopt niet", action: "feedback:wrong", value: "teams:a1", style: "danger" as const },
    { label: "Start Omgekeerde Toets", action: "flow:start", value: "omgekeerde-toets", style: "primary" as const },
    { label: "Bevestig", action: "coach:confirm", value: "traplift|teams:a1" },
    { label: "Corrigeer", action: "coach:correct", value: "traplift|teams:a1" },
  ];

  it("become Action.Submit with {action, value}; Corrigeer opens a form", () => {
    const { card } = cardOf({ text: "x", answer: answer(), buttons });
    const actions = card.actions as Array<Record<string, unknown>>;
    expect(actions.slice(0, 4)).toEqual([
      { type: "Action.Submit", title: "Nuttig", data: { action: "feedback:useful", value: "teams:a1" } },
      {
        type: "Action.Submit",
        title: "Klopt niet",
        data: { action: "feedback:wrong", value: "teams:a1" },
        style: "destructive",
      },
      {
        type: "Action.Submit",
        title: "Start Omgekeerde Toets",
        data: { action: "flow:start", value: "omgekeerde-toets" },
        style: "positive",
      },
      { type: "Action.Submit", title: "Bevestig", data: { action: "coach:confirm", value: "traplift|teams:a1" } },
    ]);
    const form = actions[4] as {
      type: string;
      title: string;
      card: { body: Array<Record<string, unknown>>; actions: Array<Record<string, unknown>> };
    };
    expect(form.type).toBe("Action.ShowCard");
    expect(form.title).toBe("Corrigeer");
    const input = form.card.body.find((b) => b.type === "Input.Text")!;
    expect(input).toMatchObject({ id: "text", isMultiline: true, isRequired: true });
    expect(form.card.actions[0]).toMatchObject({
      type: "Action.Submit",
      data: { action: CORRECT_SUBMIT, value: "traplift|teams:a1" },
    });
  });

  it("turn a reply with buttons but no answer into a small card", () => {
    const { card } = cardOf({
      text: "Stap 1 van 4.\nWat wil de inwoner?",
      buttons: [{ label: "Stop", action: "flow:stop", style: "danger" }],
    });
    expect(card.body).toHaveLength(2);
    expect(card.actions).toEqual([
      { type: "Action.Submit", title: "Stop", data: { action: "flow:stop" }, style: "destructive" },
    ]);
  });
});

describe("plain replies", () => {
  it("are markdown messages with the core's line breaks as paragraphs", () => {
    expect(renderReply({ text: "Regel een.\nRegel twee." })).toEqual([
      { type: "message", text: "Regel een.\n\nRegel twee.", textFormat: "markdown" },
    ]);
  });

  it("add a decision record as a markdown message", () => {
    const out = renderReply({
      text: "Klaar.",
      document: { title: "Verslag", filename: "verslag.md", markdown: "# Verslag\n\n- stap 1" },
    });
    expect(out).toHaveLength(2);
    expect(out[1]!.text).toBe("**Verslag**\n\n# Verslag\n\n- stap 1");
  });

  it("render nothing for an empty reply", () => {
    expect(renderReply({ text: "  " })).toEqual([]);
  });
});
