// Ages as workers write them: the answer for a 17-year-old and for an 18-year-old differ, so
// a misread age means a wrong counter.
import { describe, expect, it } from "vitest";
import { readAges } from "../../../src/core/understand/age.js";

describe("readAges", () => {
  it.each([
    ["dochter van 15 heeft angstklachten", { age: 15 }],
    ["jongen 19 wil bijstand", { age: 19 }],
    ["client 18,5 met eetstoornis", { age: 18.5 }],
    ["een 17-jarige in de jeugdzorg", { age: 17 }],
    ["mevrouw is 82 en valt vaak", { age: 82 }],
    ["meisje is 17 jaar", { age: 17 }],
  ])("%s", (text, want) => {
    expect(readAges(text)).toMatchObject(want);
  });

  it("a coming birthday is read as the age the question is about", () => {
    expect(readAges("dochter is 17, over twee maanden wordt ze 18")).toMatchObject({ age: 17, turning: 18 });
    expect(readAges("jongen wordt over 2 mnd 18")).toMatchObject({ turning: 18 });
    expect(readAges("wat als hij 18 wordt?")).toMatchObject({ turning: 18 });
    expect(readAges("en als ze 27 is?")).toMatchObject({ age: 27 });
  });

  it("bounds instead of an exact age", () => {
    expect(readAges("jongeren onder de 23")).toMatchObject({ ageUnder: 23 });
    expect(readAges("iemand van 27+")).toMatchObject({ ageAtLeast: 27 });
    expect(readAges("een minderjarige zonder ouders")).toMatchObject({ ageUnder: 18 });
  });

  it("durations, counts and amounts are no age", () => {
    expect(readAges("al 3 jaar schulden")).toEqual({});
    expect(readAges("over 2 jaar zelfstandig")).toEqual({});
    expect(readAges("moeder van 4 kinderen")).toEqual({});
    expect(readAges("huur is 700 euro")).toEqual({});
    expect(readAges("opname duurt 6 weken")).toEqual({});
  });
});
