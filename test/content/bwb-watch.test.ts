import { describe, expect, it } from "vitest";
import { citedBwbIds, parseSruVersions, versionInForce } from "../../src/content/bwb-watch.js";
import { EntrySchema, type LawInfo } from "../../src/core/map/schema.js";
import { startFakeBwb } from "../helpers/fake-bwb-sru.js";

describe("bwb-watch", () => {
  it("picks the version in force from the fake's SRU XML", async () => {
    const fake = await startFakeBwb({
      BWBR0015703: {
        title: "Participatiewet",
        versions: [{ start: "2026-01-01", end: "2026-12-31" }, { start: "2027-01-01" }],
      },
    });
    try {
      const opts = { baseUrl: fake.url, timeoutMs: 5000 };
      expect(await versionInForce("BWBR0015703", "2026-12-31", opts)).toEqual({
        bwbId: "BWBR0015703",
        title: "Participatiewet",
        start: "2026-01-01",
        end: "2026-12-31",
      });
      expect((await versionInForce("BWBR0015703", "2027-01-01", opts))?.start).toBe("2027-01-01");
      expect(await versionInForce("BWBR0015703", "2025-06-01", opts)).toBeUndefined();
    } finally {
      await fake.close();
    }
  });

  it("turns an SRU diagnostic into a clear error", () => {
    const xml = `<srw:searchRetrieveResponse xmlns:srw="http://www.loc.gov/zing/srw/"><srw:diagnostics>
      <diag:diagnostic xmlns:diag="http://www.loc.gov/zing/srw/diagnostic/"><diag:uri>info:srw/diagnostic/1/10</diag:uri>
      <diag:message>Query syntax error</diag:message></diag:diagnostic></srw:diagnostics></srw:searchRetrieveResponse>`;
    expect(() => parseSruVersions(xml)).toThrow(/refused the query: Query syntax error/);
    expect(() => parseSruVersions("<html>Onderhoud</html>")).toThrow(/did not answer with an SRU response/);
  });

  it("finds the laws an entry cites in its aanZet links and through laws.yaml", () => {
    const entry = EntrySchema.parse({
      id: "x",
      title: "Voorbeeld",
      topic: "bijstand",
      summary: "Een korte samenvatting van de regel voor de test.",
      questions: ["wat is de regel?"],
      aanZet: [
        {
          actor: "gemeente-inkomen",
          law: "participatiewet",
          url: "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=35",
          role: "primary",
          condition: "Altijd bij deze regel.",
        },
        { actor: "cak", law: "wmo-2015", role: "fallback", condition: "Soms bij deze regel." },
        { actor: "juiste-loket", law: null, role: "escalation", condition: "Als niemand het weet." },
      ],
      ifStuck: "Vraag het je coach als het niet lukt.",
      sources: [{ title: "Elders", url: "https://wetten.overheid.nl/BWBR0005537" }],
      reviewedOn: "2026-01-01",
    });
    const laws = new Map<string, LawInfo>([
      [
        "wmo-2015",
        {
          id: "wmo-2015",
          purpose: "x".repeat(20),
          source: { title: "Wmo", url: "https://wetten.overheid.nl/BWBR0035362" },
        },
      ],
    ]);
    // Sources are not watched: they may cite a law only in passing.
    expect(citedBwbIds(entry, laws)).toEqual(["BWBR0015703", "BWBR0035362"]);
  });
});
