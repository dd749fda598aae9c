// A long case story with several needs: the need the worker asks about is answered, and at
// most three other needs are listed with their counter. Real map.
import { describe, expect, it } from "vitest";
import { Answerer } from "../../../src/core/answer/answerer.js";
import { scrub } from "../../../src/core/privacy/index.js";
import { realMap } from "../../helpers/bot.js";

const answerer = new Answerer(realMap);
const today = "2026-12-04";

const story = [
  "Ik heb een gezin in begeleiding.",
  "Moeder Fatima is alleenstaand met drie kinderen en heeft een bijstandsuitkering.",
  "Er zijn flinke schulden, er ligt loonbeslag en de deurwaarder komt langs.",
  "De oudste zoon van 15 heeft angstklachten en gaat niet meer naar school.",
  "Moeder kan de trap niet meer op door haar knieën.",
  "Ook is er een huurachterstand van drie maanden en de verhuurder dreigt met ontruiming.",
  "Wie moet ik als eerste inschakelen voor de huurachterstand?",
].join(" ");

describe("long case stories", () => {
  it("answers the need that is asked, and lists other needs with their counter", () => {
    const a = answerer.answer(scrub(story).text, { today }).answer;
    expect(a.status).toBe("answered");
    expect(a.entries[0]?.id).toMatch(/huurachterstand/);
    expect(a.otherNeeds?.length ?? 0).toBeGreaterThan(0);
    expect(a.otherNeeds!.length).toBeLessThanOrEqual(3);
    expect(a.otherNeeds!.map((n) => n.actor)).toContain("gemeente-wmo");
    expect(a.otherNeeds!.map((n) => n.id)).not.toContain(a.entries[0]?.id);
    expect(a.answer).toMatch(/In je bericht zie ik nog meer vragen/);
  });

  it("story filler around a short question does not change its answer", () => {
    const plain = answerer.answer("wie betaalt een traplift?", { today }).answer;
    const padded = answerer.answer(
      scrub(
        `Goedemorgen allemaal, ik zit met een casus waar ik niet goed uitkom en ik hoop dat iemand kan meedenken. ` +
          `Het gaat om een oudere dame die al jaren in dezelfde buurt woont en veel contact heeft met de buren. ` +
          `Haar dochter helpt haar met boodschappen, maar dat wordt steeds zwaarder. Wie betaalt een traplift?`,
      ).text,
      { today },
    ).answer;
    expect(padded.status).toBe("answered");
    expect(padded.aanZet[0]?.actor).toBe(plain.aanZet[0]?.actor);
  });
});
