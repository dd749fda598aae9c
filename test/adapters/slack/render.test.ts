// Block Kit rendering: what a worker sees under an answer, within Slack's limits.
import { describe, expect, it } from "vitest";
import { renderReply } from "../../../src/adapters/slack/render.js";
import type { Answer, Reply } from "../../../src/core/types.js";
import { allText, buttonsOf } from "./harness.js";

const answer = (over: Partial<Answer> = {}): Answer => ({
  question: "wie betaalt een traplift?",
  status: "answered",
  answer: "Aan zet: Gemeente - Wmo.",
  aanZet: [
    { actor: "gemeente-wmo", law: "wmo2015", role: "primary", note: "" },
    { actor: "zorgkantoor", law: "wlz", role: "fallback", note: "" },
  ],
  routes: [],
  entries: [{ id: "traplift", title: "Traplift", score: 0.9 }],
  sources: [{ title: "Wmo 2015 <art. 2.3.5>", url: "https://wetten.overheid.nl/BWBR0035362" }],
  confidence: 0.4,
  checkLocally: true,
  ...over,
});

const render = (r: Reply) => {
  const out = renderReply(r);
  return { ...out, all: allText({ text: out.text, blocks: out.blocks }) };
};

describe("renderReply", () => {
  it("shows confidence honestly, local checks and a coach's confirmation", () => {
    const low = render({ text: "x", answer: answer() });
    expect(low.all).toContain("Zekerheid: *laag*");
    expect(low.all).toContain("check de regels van je eigen gemeente");
    const high = render({
      text: "x",
      answer: answer({ confidence: 0.9, checkLocally: false, confirmed: { by: "p", on: "2026-11-01" } }),
    });
    expect(high.all).toContain("Zekerheid: *hoog*");
    expect(high.all).toContain("bevestigd door een coach (2026-11-01)");
    expect(render({ text: "x", answer: answer({ confidence: 0.6 }) }).all).toContain("Zekerheid: *redelijk*");
  });

  it("names who is aan zet, the law, and where to go when that fails; escapes sources", () => {
    const r = render({ text: "x", answer: answer() });
    expect(r.all).toContain("*Wie is aan zet*\nGemeente - Wmo");
    expect(r.all).toContain("*Lukt dat niet?*\nZorgkantoor");
    expect(r.all).toContain("<https://wetten.overheid.nl/BWBR0035362|Wmo 2015 &lt;art. 2.3.5&gt;>");
  });

  it("shows no answer card for an abstention, only its text", () => {
    const r = render({ text: "Dat weet ik niet.", answer: answer({ status: "abstained", aanZet: [], sources: [] }) });
    expect(r.all).not.toContain("Zekerheid");
    expect(r.all).not.toContain("Wie is aan zet");
    expect(r.all).toContain("Dat weet ik niet.");
  });

  it("escapes markup in text and keeps every section within 3000 characters", () => {
    const long = `${"regel met <tekst> & meer\n".repeat(300)}`;
    const r = renderReply({ text: long });
    expect(r.blocks.length).toBeGreaterThan(2);
    for (const b of r.blocks) expect((b.text as { text: string }).text.length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(r.blocks)).not.toContain("<tekst>");
    expect(r.text.length).toBeLessThanOrEqual(3000);
  });

  it("puts a decision record in code blocks and splits more than 25 buttons over actions blocks", () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({
      label: `Knop ${i}`,
      action: "flow:answer",
      value: String(i),
    }));
    const r = renderReply({
      text: "Klaar",
      document: { title: "Verslag OT-1", filename: "ot-1.md", markdown: "# Verslag\n- punt" },
      buttons,
    });
    expect(JSON.stringify(r.blocks)).toContain("```# Verslag");
    expect(r.blocks.filter((b) => b.type === "actions")).toHaveLength(2);
    const ids = buttonsOf({ blocks: r.blocks });
    expect(ids).toHaveLength(30);
    expect(new Set(ids.slice(0, 25).map((b) => b.action_id)).size).toBe(25);
  });
});
