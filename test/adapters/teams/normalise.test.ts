import { describe, expect, it } from "vitest";
import { commandText, isLoopback, stripMentions } from "../../../src/adapters/teams/index.js";
import { anonymousQuestion } from "../../../src/core/sparring/plugin.js";

describe("stripMentions", () => {
  it("removes the bot's <at> mention wherever it is", () => {
    expect(stripMentions("<at>aanzet</at> wie betaalt een traplift?")).toBe("wie betaalt een traplift?");
    expect(stripMentions("wie betaalt een traplift <at>aanzet</at>?")).toBe("wie betaalt een traplift?");
  });

  it("removes colleagues' mentions too: their names are personal data", () => {
    expect(stripMentions("<at>aanzet</at> wat moet <at>Petra de Vries</at> doen?")).toBe("wat moet doen?");
  });

  it("decodes entities and drops Teams' formatting tags", () => {
    expect(stripMentions("<p><at>aanzet</at>&nbsp;huur &gt; 800 &amp; schulden</p>")).toBe("huur > 800 & schulden");
    expect(stripMentions("regel 1<br>regel 2")).toBe("regel 1\nregel 2");
  });

  it("keeps angle brackets that are not formatting", () => {
    expect(stripMentions("inkomen <1200 per maand")).toBe("inkomen <1200 per maand");
  });

  it("removes a typed bot name at the start", () => {
    expect(stripMentions("@aanzet: wie betaalt een traplift?", "aanzet")).toBe("wie betaalt een traplift?");
    expect(stripMentions("aanzet, wie betaalt een traplift?", "aanzet")).toBe("wie betaalt een traplift?");
    expect(stripMentions("Aanzetten tot werk?", "aanzet")).toBe("Aanzetten tot werk?");
  });
});

describe("commandText", () => {
  it("maps the command list words to the core's slash commands", () => {
    expect(commandText("toets")).toBe("/toets");
    expect(commandText("Escalatie")).toBe("/escalatie");
    expect(commandText("help")).toBe("/help");
    expect(commandText("knelpunten")).toBe("/knelpunten");
    expect(commandText("knelpunten k1a2b3c")).toBe("/knelpunten k1a2b3c");
  });

  it("treats aanzet <vraag> as the question", () => {
    expect(commandText("aanzet wie betaalt een traplift?")).toBe("wie betaalt een traplift?");
    expect(commandText("/aanzet wie betaalt een traplift?")).toBe("wie betaalt een traplift?");
    expect(commandText("aanzet")).toBe("/help");
  });

  it("leaves questions that start with a command word alone", () => {
    expect(commandText("toets of de huur te hoog is")).toBe("toets of de huur te hoog is");
    expect(commandText("help mij met schulden")).toBe("help mij met schulden");
    expect(commandText("toetsing van de aanvraag")).toBe("toetsing van de aanvraag");
  });

  it("keeps slash commands as typed", () => {
    expect(commandText("/toets")).toBe("/toets");
    expect(commandText("/stop")).toBe("/stop");
  });
});

describe("anonymousQuestion", () => {
  it("finds the question after anoniem", () => {
    expect(anonymousQuestion("anoniem hoe pak ik dit aan?")).toBe("hoe pak ik dit aan?");
    expect(anonymousQuestion("/anoniem: vraag")).toBe("vraag");
    expect(anonymousQuestion("anoniem")).toBe("");
    expect(anonymousQuestion("anonieme melding doen?")).toBeUndefined();
  });
});

describe("isLoopback", () => {
  it("accepts 127.0.0.0/8, ::1 and IPv4-mapped loopback", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "::FFFF:127.0.0.9"])
      expect(isLoopback(a)).toBe(true);
  });
  it("refuses everything else", () => {
    for (const a of [
      "10.0.0.1",
      "192.168.1.5",
      "::ffff:10.0.0.1",
      "fe80::1",
      "128.0.0.1",
      "127.0.0.1.example",
      "",
      undefined,
    ])
      expect(isLoopback(a)).toBe(false);
  });
});
