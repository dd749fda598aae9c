import { describe, expect, it } from "vitest";
import { referenceDate } from "../../../src/core/understand/reference-date.js";

const TODAY = "2026-12-04";

describe("referenceDate", () => {
  it("is today when the question names no date or year", () => {
    expect(referenceDate("wat is het eigen risico?", TODAY)).toBe(TODAY);
    expect(referenceDate("wie betaalt een traplift", "2026-12-31")).toBe("2026-12-31");
  });

  it("takes a coming year from its first day", () => {
    expect(referenceDate("wat is het eigen risico in 2027?", TODAY)).toBe("2027-01-01");
    expect(referenceDate("eigen risico volgend jaar", TODAY)).toBe("2027-01-01");
    expect(referenceDate("eigen bijdrage wmo komend jaar", "2026-12-31")).toBe("2027-01-01");
  });

  it("takes a past year from its middle", () => {
    expect(referenceDate("huurtoeslag jongeren in 2025", TODAY)).toBe("2025-07-01");
    expect(referenceDate("hoeveel was het vorig jaar?", "2027-01-15")).toBe("2026-07-01");
  });

  it("stays on today for the current year", () => {
    expect(referenceDate("vermogensgrens bijstand in 2026", TODAY)).toBe(TODAY);
    expect(referenceDate("wat geldt dit jaar", TODAY)).toBe(TODAY);
  });

  it("uses a full date as written", () => {
    expect(referenceDate("vermogensgrens op 1 juli 2026", TODAY)).toBe("2026-07-01");
    expect(referenceDate("wat geldt per 15-01-2027?", TODAY)).toBe("2027-01-15");
    expect(referenceDate("regels op 2027-03-01", TODAY)).toBe("2027-03-01");
    expect(referenceDate("per 1 jan. 2027", TODAY)).toBe("2027-01-01");
  });

  it("reads a day and month without a year as the next time that day comes", () => {
    expect(referenceDate("wat verandert er per 1 januari?", TODAY)).toBe("2027-01-01");
    expect(referenceDate("en op 1 juli?", TODAY)).toBe("2027-07-01");
    expect(referenceDate("wat geldt er op 31 december", TODAY)).toBe("2026-12-31");
    expect(referenceDate("wat geldt per 4 december", TODAY)).toBe(TODAY);
    expect(referenceDate("per 1 juli vorig jaar", TODAY)).toBe("2025-07-01");
  });

  it("does not read an amount or an impossible date as a year or a day", () => {
    expect(referenceDate("schuld van 2050 euro bij de zorgverzekeraar", TODAY)).toBe(TODAY);
    expect(referenceDate("schuld van € 2030 bij de verzekeraar", TODAY)).toBe(TODAY);
    expect(referenceDate("wat geldt op 31-02-2027", TODAY)).toBe("2027-01-01");
    expect(referenceDate("wetsvoorstel 36713 uit 1950", TODAY)).toBe(TODAY);
  });

  it("does not read a birth year, a start year or a bare past year as the day asked about", () => {
    expect(referenceDate("kind geboren in 2019, wie betaalt de logopedie?", TODAY)).toBe(TODAY);
    expect(referenceDate("sinds 2021 in de bijstand, mag ze bijverdienen?", TODAY)).toBe(TODAY);
    expect(referenceDate("schuld uit 2019 bij de gemeente", TODAY)).toBe(TODAY);
    expect(referenceDate("jaaropgaaf 2025 kwijt", TODAY)).toBe(TODAY);
    expect(referenceDate("toeslag over 2024 terugbetalen", TODAY)).toBe("2024-07-01");
    expect(referenceDate("eigen risico 2027", TODAY)).toBe("2027-01-01");
  });

  it("handles the turn of the year", () => {
    expect(referenceDate("eigen risico volgend jaar", "2026-12-31")).toBe("2027-01-01");
    expect(referenceDate("per 1 januari", "2027-01-01")).toBe("2027-01-01");
    expect(referenceDate("per 1 januari", "2027-01-02")).toBe("2028-01-01");
  });
});
