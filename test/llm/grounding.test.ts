// The grounding check on its own: what an LLM-phrased answer may and may not say about the
// traplift entry (primary: Gemeente - Wmo under the Wmo 2015; fallback: zorgkantoor, Wlz).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadValidPrompts } from "../../src/content/prompt-loader.js";
import { Answerer } from "../../src/core/answer/answerer.js";
import { checkGrounding } from "../../src/core/llm/grounding.js";
import { keptLines, phraseRequest } from "../../src/core/llm/phrase.js";
import { findMentions } from "../../src/core/llm/vocabulary-terms.js";
import { realMap } from "../helpers/bot.js";
import { ROOT } from "../helpers/cli.js";

const prompts = loadValidPrompts(join(ROOT, "prompts"), ROOT);
const answerer = new Answerer(realMap);
const question = "wie betaalt een traplift?";
const answer = answerer.answer(question, { today: "2026-11-22" }).answer;
const entry = realMap.get(answer.entries[0]!.id)!;
const { grounding, messages } = phraseRequest(prompts, answer, entry, question);
const check = (text: string) => checkGrounding(text, grounding);

describe("grounding check", () => {
  it("works on the traplift entry", () => {
    expect(answer.status).toBe("answered");
    expect(entry.id).toBe("traplift");
    expect(grounding.primaryActor).toBe("gemeente-wmo");
  });

  it("accepts a text that names the primary actor first and stays within the entry", () => {
    expect(
      check(
        "De gemeente is aan zet via de Wmo. Een traplift is een woonvoorziening. Maak binnen 6 weken bezwaar. Twijfel? Bel Het Juiste Loket.",
      ),
    ).toEqual({ ok: true });
    expect(
      check(
        "Gemeente - Wmo is aan zet (art. 2.3.5 Wmo 2015). Woont iemand in een Wlz-instelling, dan regelt het zorgkantoor het.",
      ),
    ).toEqual({ ok: true });
    expect(check("De gemeente regelt de traplift. Zie https://wetten.overheid.nl/BWBR0035362/2026-01-01.")).toEqual({
      ok: true,
    });
  });

  it("rejects a law that is not in the entry", () => {
    expect(check("De gemeente is aan zet via de Zorgverzekeringswet.")).toEqual({ ok: false, detail: "law:zvw" });
    expect(check("De gemeente is aan zet. Dit staat in de Participatiewet.")).toEqual({
      ok: false,
      detail: "law:participatiewet",
    });
    expect(check("De gemeente is aan zet. Dit staat in de Armenwet.")).toEqual({ ok: false, detail: "unknown_law" });
    expect(check("De gemeente is aan zet volgens de Wtcg.")).toEqual({ ok: false, detail: "unknown_law" });
    expect(check("De gemeente is aan zet volgens art. 4.1.1 Wmo 2015.")).toEqual({ ok: false, detail: "number" });
  });

  it("rejects an actor that is not in the entry, and another actor named first", () => {
    expect(check("De SVB betaalt de traplift.")).toEqual({ ok: false, detail: "first_actor:svb" });
    expect(check("De gemeente is aan zet, maar vaak betaalt het UWV.")).toEqual({ ok: false, detail: "actor:uwv" });
    expect(check("Het zorgkantoor is aan zet, niet de gemeente.")).toEqual({
      ok: false,
      detail: "first_actor:zorgkantoor",
    });
    expect(check("Een traplift is een woonvoorziening.")).toEqual({ ok: false, detail: "no_actor" });
    expect(check("De gemeente is aan zet. Vraag het na bij het KLZ-loket.")).toEqual({
      ok: false,
      detail: "unknown_name",
    });
  });

  it("rejects URLs that are not among the sources and numbers that are not in the entry", () => {
    expect(check("De gemeente is aan zet, zie https://example.org/traplift.")).toEqual({ ok: false, detail: "url" });
    expect(check("De gemeente is aan zet, zie www.trapliftsubsidie.nl")).toEqual({ ok: false, detail: "url" });
    expect(check("De gemeente is aan zet en betaalt tot € 5.000.")).toEqual({ ok: false, detail: "number" });
    expect(check("De gemeente beslist binnen 3 dagen.")).toEqual({ ok: false, detail: "number" });
  });

  it("reads actor and law names as workers write them", () => {
    const ids = (t: string) => findMentions(t).map((m) => `${m.kind}:${m.id}`);
    expect(ids("Gemeente - Wmo (Wet maatschappelijke ondersteuning 2015)")).toEqual([
      "actor:gemeente-wmo",
      "law:wmo-2015",
    ]);
    expect(ids("de SVB of het UWV, via de Wajong")).toEqual(["actor:svb", "actor:uwv", "law:wajong"]);
    expect(ids("Let op: de gemeente")).toEqual(["actor:gemeente*"]);
    expect(ids("Dienst Toeslagen en de zorgverzekeraar (Zvw)")).toEqual([
      "actor:belastingdienst-toeslagen",
      "actor:zorgverzekeraar",
      "law:zvw",
    ]);
  });

  it("sends the entry as instructions and the question only as JSON data", () => {
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(JSON.parse(messages[1]!.content)).toEqual({ vraag: question });
    expect(messages[0]!.content).not.toContain(question);
    expect(messages[0]!.content).toContain('"id": "gemeente-wmo"');
  });

  it("keeps the deterministic caveat lines word for word", () => {
    const text =
      "Aan zet: X.\nSamenvatting.\nLet op: dit verschilt per gemeente. Check het.\nIk weet niet zeker of dit je vraag is. Klopt het niet, vraag het je coach.";
    expect(keptLines(text)).toEqual([
      "Let op: dit verschilt per gemeente. Check het.",
      "Ik weet niet zeker of dit je vraag is. Klopt het niet, vraag het je coach.",
    ]);
  });
});
