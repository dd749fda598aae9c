// How typed text inside a flow is read: choices, yes/no, navigation, side questions.
import { describe, expect, it } from "vitest";
import { flowCommand, looksLikeQuestion, parseChoice, parseYesNo } from "../../../src/core/flows/input.js";
import { Messages } from "../../../src/core/flows/messages.js";
import { StepSchema } from "../../../src/core/flows/schema.js";

const messages = new Messages({ "k.ja": "Ja, het past", "k.deels": "Deels" });
const choice = StepSchema.parse({
  id: "doel",
  message: "k.vraag",
  input: "choice",
  options: [
    { value: "ja", label: "k.ja" },
    { value: "deels", label: "k.deels" },
  ],
  next: "end",
});
const text = StepSchema.parse({ id: "wens", message: "k.vraag", input: "text", next: "end" });

describe("flow input", () => {
  it("takes a choice by number, by label as shown, or by value", () => {
    expect(parseChoice("2", choice, messages)).toBe("deels");
    expect(parseChoice("2.", choice, messages)).toBe("deels");
    expect(parseChoice("ja, het past!", choice, messages)).toBe("ja");
    expect(parseChoice("DEELS", choice, messages)).toBe("deels");
    expect(parseChoice("3", choice, messages)).toBeUndefined();
    expect(parseChoice("misschien", choice, messages)).toBeUndefined();
  });

  it("reads yes and no", () => {
    expect(parseYesNo("Ja")).toBe("ja");
    expect(parseYesNo("nee.")).toBe("nee");
    expect(parseYesNo("weet niet")).toBeUndefined();
  });

  it("knows the navigation words only as a whole message", () => {
    expect(flowCommand("terug")).toBe("back");
    expect(flowCommand("Stop")).toBe("stop");
    expect(flowCommand("?")).toBe("help");
    expect(flowCommand("overslaan")).toBe("skip");
    expect(flowCommand("ze wil terug naar huis")).toBeUndefined();
    expect(flowCommand("", "flow:back")).toBe("back");
  });

  it("treats text ending in a question mark as a side question, never a free-text answer without one", () => {
    expect(looksLikeQuestion("Wie betaalt een traplift?", text, false)).toBe(true);
    expect(looksLikeQuestion("Ze wil zelf boven kunnen slapen", text, false)).toBe(false);
    expect(looksLikeQuestion("wie betaalt dat eigenlijk", text, false)).toBe(false);
  });

  it("on a choice step, also takes a question-word sentence that is no option as a question", () => {
    expect(looksLikeQuestion("wie betaalt dat eigenlijk", choice, false)).toBe(true);
    expect(looksLikeQuestion("deels", choice, true)).toBe(false);
    expect(looksLikeQuestion("ja?", choice, true)).toBe(false);
  });
});
