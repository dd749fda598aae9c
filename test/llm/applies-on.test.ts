import { describe, expect, it } from "vitest";
import { keptLines } from "../../src/core/llm/phrase.js";

describe("phrasing keeps the day an answer applies to", () => {
  it("keeps the 'Geldt op' and year lines word for word", () => {
    const text =
      "Aan zet: Zorgverzekeraar.\nSamenvatting.\nGeldt op 01-01-2027.\nDit zijn de regels van 2027. Vraag je naar nu? Stel je vraag dan zonder jaartal of datum.";
    expect(keptLines(text)).toEqual([
      "Geldt op 01-01-2027.",
      "Dit zijn de regels van 2027. Vraag je naar nu? Stel je vraag dan zonder jaartal of datum.",
    ]);
  });
});
