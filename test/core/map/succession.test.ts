import { describe, expect, it } from "vitest";
import { addDays, addMonths, isCalendarDay } from "../../../src/core/map/dates.js";
import { EntrySchema, type MapEntry } from "../../../src/core/map/schema.js";
import { successionWarnings } from "../../../src/core/map/succession.js";

function entry(id: string, extra: Partial<MapEntry>): MapEntry {
  return EntrySchema.parse({
    id,
    title: `Regel ${id}`,
    topic: "zorgkosten",
    summary: "Een korte samenvatting van de regel voor de test.",
    questions: ["wat is de regel?"],
    aanZet: [{ actor: "zorgverzekeraar", law: "zvw", role: "primary", condition: "Altijd bij deze regel." }],
    ifStuck: "Vraag het je coach als het niet lukt.",
    sources: [{ title: "Zvw", url: "https://wetten.overheid.nl/BWBR0018450" }],
    reviewedOn: "2026-01-01",
    ...extra,
  });
}

describe("successionWarnings", () => {
  const ending = entry("er-2026", { validFrom: "2026-01-01", validUntil: "2026-12-31" });

  it("warns in Dutch from 60 days before the end when no entry takes over", () => {
    const [w] = successionWarnings([ending], [ending], "2026-11-01");
    expect(w?.message).toMatch(/^vanaf 2027-01-01 geen antwoord over Regel er-2026 \(er-2026\)/);
    expect(w?.field).toBe("validUntil");
    expect(w?.severity).toBe("warning");
    expect(successionWarnings([ending], [ending], "2026-11-02")).toHaveLength(1);
  });

  it("stays silent more than 60 days before the end", () => {
    expect(successionWarnings([ending], [ending], "2026-10-31")).toEqual([]);
  });

  it("keeps warning after the end date has passed", () => {
    const [w] = successionWarnings([ending], [ending], "2027-03-01");
    expect(w?.message).toMatch(/^vanaf 2027-01-01 geen antwoord/);
  });

  it("is satisfied by a successor that starts the next day", () => {
    const next = entry("er-2027", { validFrom: "2027-01-01", supersedes: "er-2026" });
    expect(successionWarnings([ending, next], [ending, next], "2026-12-31")).toEqual([]);
  });

  it("reports a successor that leaves a gap, naming its start", () => {
    const late = entry("er-2027", { validFrom: "2027-02-01", supersedes: "er-2026" });
    const [w] = successionWarnings([ending, late], [ending, late], "2026-12-04");
    expect(w?.message).toMatch(
      /de opvolger sluit niet aan \(er-2027 begint op 2027-02-01\); zet validFrom op 2027-01-01/,
    );
  });

  it("does not count an entry that starts the next day but names no predecessor", () => {
    const unrelated = entry("er-nieuw", { validFrom: "2027-01-01" });
    expect(successionWarnings([ending, unrelated], [ending, unrelated], "2026-12-04")).toHaveLength(1);
  });
});

describe("map dates", () => {
  it("adds days and months across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2026-11-22", 12)).toBe("2027-11-22");
  });

  it("rejects days that are not on the calendar", () => {
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2026-02-30")).toBe(false);
    expect(isCalendarDay("2026-13-01")).toBe(false);
  });
});
